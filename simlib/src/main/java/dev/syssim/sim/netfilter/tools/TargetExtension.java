package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Target;
import java.util.List;

/** A loaded target extension; {@link #build} makes the rule's {@link Target}. */
abstract class TargetExtension extends Extension {

    TargetExtension(String name) {
        super(name);
    }

    abstract Target build();

    /** ACCEPT, DROP, RETURN: the "standard" target, with no options. */
    static final class Standard extends TargetExtension {
        private final Target target;

        Standard(Target target) {
            super("standard");
            this.target = target;
        }

        @Override
        List<Option> options() {
            return List.of();
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            throw new IllegalStateException("the standard target has no options");
        }

        @Override
        Target build() {
            return target;
        }
    }
}
