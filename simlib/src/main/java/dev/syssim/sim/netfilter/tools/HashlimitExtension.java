package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.HashlimitMatch;
import dev.syssim.sim.netfilter.Match;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code -m hashlimit} (libxt_hashlimit, revision 3): {@code --hashlimit-upto} or
 * {@code --hashlimit-above} (or the old {@code --hashlimit}), {@code --hashlimit-burst} (5),
 * {@code --hashlimit-mode srcip,srcport,dstip,dstport}, {@code --hashlimit-name} (required),
 * {@code --hashlimit-srcmask}, {@code --hashlimit-dstmask}, {@code --hashlimit-htable-expire}.
 * The other table-size options are taken and ignored (the simulation's tables have no size limit).
 */
final class HashlimitExtension extends MatchExtension {

    private static final int UPTO = 0;
    private static final int ABOVE = 1;
    private static final int OLD = 2;
    private static final int BURST = 3;
    private static final int MODE = 4;
    private static final int NAME = 5;
    private static final int SRCMASK = 6;
    private static final int DSTMASK = 7;
    private static final int EXPIRE = 8;
    private static final int SIZE = 9;
    private static final int MAX = 10;
    private static final int GC = 11;
    private static final List<Option> OPTIONS = List.of(new Option("hashlimit-upto", 1, UPTO),
            new Option("hashlimit-above", 1, ABOVE), new Option("hashlimit", 1, OLD),
            new Option("hashlimit-burst", 1, BURST), new Option("hashlimit-mode", 1, MODE),
            new Option("hashlimit-name", 1, NAME), new Option("hashlimit-srcmask", 1, SRCMASK),
            new Option("hashlimit-dstmask", 1, DSTMASK), new Option("hashlimit-htable-expire", 1, EXPIRE),
            new Option("hashlimit-htable-size", 1, SIZE), new Option("hashlimit-htable-max", 1, MAX),
            new Option("hashlimit-htable-gcinterval", 1, GC));

    private long avg;
    private boolean above;
    private int burst = 5;
    private int mode;
    private String tableName;
    private int srcMask = -1;
    private int dstMask = -1;
    private int expire = -1;

    HashlimitExtension() {
        super("hashlimit");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, false);
        switch (id) {
            case UPTO, ABOVE, OLD -> {
                String option = id == UPTO ? "hashlimit-upto" : id == ABOVE ? "hashlimit-above" : "hashlimit";
                long interval = Rates.parse(arg, HashlimitMatch.SCALE);
                if (interval <= 0) throw badValue(option, arg);
                avg = interval;
                above = id == ABOVE;
            }
            case BURST -> burst = (int) number("hashlimit-burst", arg, 0, 10000);
            case MODE -> mode = mode(arg);
            case NAME -> tableName = arg;
            case SRCMASK -> srcMask = (int) number("hashlimit-srcmask", arg, 0, 32);
            case DSTMASK -> dstMask = (int) number("hashlimit-dstmask", arg, 0, 32);
            case EXPIRE -> expire = (int) number("hashlimit-htable-expire", arg, 0, Integer.MAX_VALUE);
            default -> number(OPTIONS.get(id).name(), arg, 0, 0xFFFFFFFFL);
        }
    }

    private static int mode(String arg) {
        int bits = 0;
        for (String word : arg.split(",", -1)) {
            bits |= switch (word) {
                case "srcip" -> HashlimitMatch.SRC_IP;
                case "srcport" -> HashlimitMatch.SRC_PORT;
                case "dstip" -> HashlimitMatch.DST_IP;
                case "dstport" -> HashlimitMatch.DST_PORT;
                default -> throw badValue("hashlimit-mode", arg);
            };
        }
        return bits;
    }

    private static long number(String option, String arg, long min, long max) {
        OptionalLong n = CNumbers.parse(arg, min, max);
        if (n.isEmpty()) {
            throw XtablesError.parameter("hashlimit: bad value for option \"--" + option + "\", or out of range ("
                    + min + "-" + max + ").\n");
        }
        return n.getAsLong();
    }

    private static XtablesError badValue(String option, String arg) {
        return XtablesError.parameter("hashlimit: Bad value for \"--" + option + "\" option: \"" + arg + "\"");
    }

    @Override
    void finalCheck() {
        requireSeen(NAME);
        if (seen(UPTO) && seen(ABOVE)) {
            throw XtablesError.parameter("hashlimit: option \"--hashlimit-upto\" cannot be used together with "
                    + "\"--hashlimit-above\".\n");
        }
        if (avg == 0) throw XtablesError.parameter("You have to specify --hashlimit");
    }

    @Override
    Match build() {
        return new HashlimitMatch(avg, burst, above, mode, tableName, srcMask, dstMask, expire);
    }
}
