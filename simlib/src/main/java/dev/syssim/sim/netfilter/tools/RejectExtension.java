package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.RejectWith;
import dev.syssim.sim.netfilter.Target;
import java.util.List;

/** {@code -j REJECT [--reject-with TYPE]} (libipt_REJECT); icmp-port-unreachable by default. */
final class RejectExtension extends TargetExtension {

    private static final List<Option> OPTIONS = List.of(new Option("reject-with", Getopt.REQUIRED_ARGUMENT, 0));

    private RejectWith with = RejectWith.ICMP_PORT_UNREACHABLE;

    RejectExtension() {
        super("REJECT");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, false);
        with = RejectWith.lookup(arg)
                .orElseThrow(() -> XtablesError.parameter("unknown reject type \"" + arg + "\""));
    }

    @Override
    Target build() {
        return new Target.Reject(with);
    }
}
