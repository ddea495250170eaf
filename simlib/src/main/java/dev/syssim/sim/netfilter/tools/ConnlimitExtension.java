package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.ConnlimitMatch;
import dev.syssim.sim.netfilter.Match;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code -m connlimit} (libxt_connlimit): {@code [!] --connlimit-above N} or
 * {@code [!] --connlimit-upto N} (each the negation of the other), {@code --connlimit-mask BITS}
 * (more than 32 is taken as 32, as the recorded corpus shows), {@code --connlimit-saddr} (the
 * default) or {@code --connlimit-daddr}.
 */
final class ConnlimitExtension extends MatchExtension {

    private static final int UPTO = 0;
    private static final int ABOVE = 1;
    private static final int MASK = 2;
    private static final int SADDR = 3;
    private static final int DADDR = 4;
    private static final List<Option> OPTIONS = List.of(new Option("connlimit-upto", 1, UPTO),
            new Option("connlimit-above", 1, ABOVE), new Option("connlimit-mask", 1, MASK),
            new Option("connlimit-saddr", 0, SADDR), new Option("connlimit-daddr", 0, DADDR));

    private long limit;
    private boolean upto;
    private int mask = 32;
    private boolean destination;

    ConnlimitExtension() {
        super("connlimit");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, id <= ABOVE);
        switch (id) {
            case UPTO, ABOVE -> {
                String option = id == UPTO ? "connlimit-upto" : "connlimit-above";
                OptionalLong n = CNumbers.parse(arg, 0, 0xFFFFFFFFL);
                if (n.isEmpty()) {
                    throw XtablesError.parameter("connlimit: bad value for option \"--" + option
                            + "\", or out of range (0-4294967295).\n");
                }
                limit = n.getAsLong();
                upto = (id == UPTO) != invert;
            }
            case MASK -> {
                OptionalLong n = CNumbers.parse(arg, 0, 255);
                if (n.isEmpty()) {
                    throw XtablesError.parameter("connlimit: bad value for option \"--connlimit-mask\", or out of range (0-255).\n");
                }
                mask = (int) Math.min(32, n.getAsLong());
            }
            case SADDR -> destination = false;
            default -> destination = true;
        }
    }

    @Override
    void finalCheck() {
        if (seen(UPTO) && seen(ABOVE)) {
            throw XtablesError.parameter("connlimit: option \"--connlimit-upto\" cannot be used together with "
                    + "\"--connlimit-above\".\n");
        }
        if (!seen(UPTO) && !seen(ABOVE)) {
            throw XtablesError.parameter("You must specify \"--connlimit-above\" or \"--connlimit-upto\".");
        }
    }

    @Override
    Match build() {
        return new ConnlimitMatch(limit, upto, mask, destination);
    }
}
