package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Target;
import java.util.List;
import java.util.OptionalLong;

/** The targets that change marks, the TTL or tracking: MARK, CONNMARK, TTL, CT and NOTRACK. */
final class MangleTargets {

    private MangleTargets() {
    }

    /** {@code -j MARK --set-xmark V/M | --set-mark V[/M] | --and-mark V | --or-mark V | --xor-mark V}. */
    static final class Mark extends TargetExtension {
        private static final String[] NAMES = {"set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark"};
        private int value;
        private int mask;

        Mark() {
            super("MARK");
        }

        @Override
        List<Option> options() {
            return List.of(new Option(NAMES[0], 1, 0), new Option(NAMES[1], 1, 1), new Option(NAMES[2], 1, 2),
                    new Option(NAMES[3], 1, 3), new Option(NAMES[4], 1, 4));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, false);
            int[] vm = SmallMatchExtensions.markAndMask("MARK", NAMES[id], arg);
            switch (id) {
                case 0 -> {
                    value = vm[0];
                    mask = vm[1];
                }
                case 1 -> {
                    value = vm[0];
                    mask = vm[1] | vm[0];
                }
                case 2 -> {
                    value = 0;
                    mask = ~vm[0];
                }
                case 3 -> {
                    value = vm[0];
                    mask = vm[0];
                }
                default -> {
                    value = vm[0];
                    mask = 0;
                }
            }
        }

        @Override
        void finalCheck() {
            for (int first = 0; first < NAMES.length; first++) {
                for (int other = first + 1; other < NAMES.length; other++) {
                    if (seen(first) && seen(other)) {
                        throw XtablesError.parameter("MARK: option \"--" + NAMES[first] + "\" cannot be used together with \"--"
                                + NAMES[other] + "\".\n");
                    }
                }
            }
            if (!anySeen()) {
                throw XtablesError.parameter("MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
            }
        }

        @Override
        Target build() {
            return new Target.Mark(value, mask);
        }
    }

    /** {@code -j CONNMARK --set-xmark|--set-mark V[/M] | --save-mark | --restore-mark [--mask M] [--nfmask M] [--ctmask M]}. */
    static final class Connmark extends TargetExtension {
        private Target.Connmark.Mode mode;
        private int value;
        private int ctMask = -1;
        private int nfMask = -1;

        Connmark() {
            super("CONNMARK");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("set-xmark", 1, 0), new Option("set-mark", 1, 1), new Option("save-mark", 0, 2),
                    new Option("restore-mark", 0, 3), new Option("mask", 1, 4), new Option("nfmask", 1, 5),
                    new Option("ctmask", 1, 6), new Option("and-mark", 1, 7), new Option("or-mark", 1, 8),
                    new Option("xor-mark", 1, 9));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, false);
            switch (id) {
                case 0, 1, 7, 8, 9 -> {
                    int[] vm = SmallMatchExtensions.markAndMask("CONNMARK", options().get(id).name(), arg);
                    mode = Target.Connmark.Mode.SET;
                    if (id == 0) {
                        value = vm[0];
                        ctMask = vm[1];
                    } else if (id == 1) {
                        value = vm[0];
                        ctMask = vm[1] | vm[0];
                    } else if (id == 7) {
                        value = 0;
                        ctMask = ~vm[0];
                    } else if (id == 8) {
                        value = vm[0];
                        ctMask = vm[0];
                    } else {
                        value = vm[0];
                        ctMask = 0;
                    }
                }
                case 2 -> mode = Target.Connmark.Mode.SAVE;
                case 3 -> mode = Target.Connmark.Mode.RESTORE;
                default -> {
                    OptionalLong m = CNumbers.parse(arg, 0, 0xFFFFFFFFL);
                    if (m.isEmpty()) {
                        throw XtablesError.parameter("CONNMARK: bad integer value for option \"--" + options().get(id).name()
                                + "\", or out of range.\n");
                    }
                    int bits = (int) m.getAsLong();
                    if (id == 4 || id == 5) nfMask = bits;
                    if (id == 4 || id == 6) ctMask = bits;
                }
            }
        }

        @Override
        void finalCheck() {
            if (mode == null) throw XtablesError.parameter("CONNMARK target: No operation specified");
        }

        @Override
        Target build() {
            return new Target.Connmark(mode, value, ctMask, nfMask);
        }
    }

    /** {@code -j TTL --ttl-set N | --ttl-inc N | --ttl-dec N}. */
    static final class Ttl extends TargetExtension {
        private static final String[] NAMES = {"ttl-set", "ttl-dec", "ttl-inc"};
        private Target.Ttl.Mode mode;
        private int value;

        Ttl() {
            super("TTL");
        }

        @Override
        List<Option> options() {
            return List.of(new Option(NAMES[0], 1, 0), new Option(NAMES[1], 1, 1), new Option(NAMES[2], 1, 2));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, false);
            int min = id == 0 ? 0 : 1;
            OptionalLong n = CNumbers.parse(arg, min, 255);
            if (n.isEmpty()) throw SmallMatchExtensions.outOfRange("TTL", NAMES[id], min, 255);
            value = (int) n.getAsLong();
            mode = id == 0 ? Target.Ttl.Mode.SET : id == 1 ? Target.Ttl.Mode.DEC : Target.Ttl.Mode.INC;
        }

        @Override
        void finalCheck() {
            if (mode == null) throw XtablesError.parameter("TTL: You must specify an action");
        }

        @Override
        Target build() {
            return new Target.Ttl(mode, value);
        }
    }

    /** {@code -j CT [--notrack]} and {@code -j NOTRACK}. */
    static final class Ct extends TargetExtension {
        private final boolean oldName;

        Ct(boolean oldName) {
            super(oldName ? "NOTRACK" : "CT");
            this.oldName = oldName;
        }

        @Override
        List<Option> options() {
            return oldName ? List.of() : List.of(new Option("notrack", 0, 0));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, false);
        }

        @Override
        Target build() {
            return new Target.Ct(oldName || seen(0), oldName);
        }
    }
}
