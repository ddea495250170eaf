package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.RecentMatch;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code -m recent} (libxt_recent): one of {@code --set}, {@code --rcheck}, {@code --update},
 * {@code --remove} (that one may be negated), {@code --seconds}, {@code --reap} (needs
 * {@code --seconds}), {@code --hitcount}, {@code --rttl}, {@code --name} (DEFAULT),
 * {@code --mask}, {@code --rsource} (the default) or {@code --rdest}.
 */
final class RecentExtension extends MatchExtension {

    private static final String[] NAMES = {"set", "rcheck", "update", "remove", "seconds", "reap", "hitcount", "rttl",
        "name", "mask", "rsource", "rdest"};
    private static final List<Option> OPTIONS;

    static {
        Option[] options = new Option[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            boolean arg = i == 4 || i == 6 || i == 8 || i == 9;
            options[i] = new Option(NAMES[i], arg ? Getopt.REQUIRED_ARGUMENT : Getopt.NO_ARGUMENT, i);
        }
        OPTIONS = List.of(options);
    }

    private RecentMatch.Command command;
    private int commandId = -1;
    private boolean inverted;
    private int seconds;
    private int hitCount;
    private String listName = "DEFAULT";
    private int mask = -1;
    private boolean destination;

    RecentExtension() {
        super("recent");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, id <= 3);
        switch (id) {
            case 0, 1, 2, 3 -> {
                if (commandId >= 0) {
                    throw XtablesError.parameter("recent: option \"--" + NAMES[Math.min(commandId, id)]
                            + "\" cannot be used together with \"--" + NAMES[Math.max(commandId, id)] + "\".\n");
                }
                commandId = id;
                command = RecentMatch.Command.values()[id];
                inverted = invert;
            }
            case 4 -> seconds = (int) number("seconds", arg, 1, 0xFFFFFFFFL);
            case 6 -> hitCount = (int) number("hitcount", arg, 0, 0xFFFFFFFFL);
            case 8 -> listName = arg;
            case 9 -> mask = Ipv4Address.tryParse(arg).orElseThrow(
                    () -> XtablesError.parameter("recent: Bad value for \"--mask\" option: \"" + arg + "\"")).bits();
            case 10 -> destination = false;
            case 11 -> destination = true;
            default -> {
            }
        }
    }

    private static long number(String option, String arg, long min, long max) {
        OptionalLong n = CNumbers.parse(arg, min, max);
        if (n.isEmpty()) {
            throw XtablesError.parameter("recent: bad value for option \"--" + option + "\", or out of range ("
                    + min + "-" + max + ").\n");
        }
        return n.getAsLong();
    }

    @Override
    void finalCheck() {
        if (seen(5) && !seen(4)) throw XtablesError.parameter("recent: option \"--reap\" also requires \"--seconds\".\n");
        if (command == null) {
            throw XtablesError.parameter("recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
        }
    }

    @Override
    Match build() {
        return new RecentMatch(command, seconds, seen(5), hitCount, seen(7), listName, mask, destination, inverted);
    }
}
