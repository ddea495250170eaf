package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.LimitMatch;
import dev.syssim.sim.netfilter.Match;
import java.util.List;
import java.util.OptionalLong;

/** {@code -m limit --limit RATE --limit-burst N} (libxt_limit): default 3/hour, burst 5; neither invertible. */
final class LimitExtension extends MatchExtension {

    private static final int LIMIT = 0;
    private static final int BURST = 1;
    private static final List<Option> OPTIONS = List.of(new Option("limit", Getopt.REQUIRED_ARGUMENT, LIMIT),
            new Option("limit-burst", Getopt.REQUIRED_ARGUMENT, BURST));

    private long avg = LimitMatch.SCALE * 3600L / 3;
    private int burst = 5;

    LimitExtension() {
        super("limit");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, false);
        if (id == LIMIT) {
            long interval = Rates.parse(arg, LimitMatch.SCALE);
            if (interval == 0) throw XtablesError.parameter("bad rate \"" + arg + "\"'");
            if (interval < 0) throw XtablesError.parameter("Rate too fast \"" + arg + "\"");
            avg = interval;
        } else {
            OptionalLong n = CNumbers.parse(arg, 0, 10000);
            if (n.isEmpty()) {
                throw XtablesError.parameter("limit: bad value for option \"--limit-burst\", or out of range (0-10000).\n");
            }
            // A burst of 0 is the kernel's default, 5.
            burst = n.getAsLong() == 0 ? 5 : (int) n.getAsLong();
        }
    }

    @Override
    Match build() {
        return new LimitMatch((int) avg, burst);
    }
}
