package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Target;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code -j LOG} (libxt_LOG): {@code --log-level}, {@code --log-prefix} (cut to 29 characters, as
 * the kernel's 30-byte field holds), and the flags {@code --log-tcp-sequence},
 * {@code --log-tcp-options}, {@code --log-ip-options}, {@code --log-uid}, {@code --log-macdecode}.
 */
final class LogExtension extends TargetExtension {

    static final String[] LEVEL_NAMES = {"alert", "crit", "debug", "emerg", "error", "info", "notice", "panic",
        "warning"};
    static final int[] LEVELS = {1, 2, 7, 0, 3, 6, 5, 0, 4};

    private static final int LEVEL = 0;
    private static final int PREFIX = 1;
    private static final int[] FLAG_BITS = {0, 0, Target.Log.TCP_SEQUENCE, Target.Log.TCP_OPTIONS,
        Target.Log.IP_OPTIONS, Target.Log.UID, Target.Log.MAC_DECODE};
    private static final List<Option> OPTIONS = List.of(
            new Option("log-level", Getopt.REQUIRED_ARGUMENT, LEVEL),
            new Option("log-prefix", Getopt.REQUIRED_ARGUMENT, PREFIX),
            new Option("log-tcp-sequence", Getopt.NO_ARGUMENT, 2),
            new Option("log-tcp-options", Getopt.NO_ARGUMENT, 3),
            new Option("log-ip-options", Getopt.NO_ARGUMENT, 4),
            new Option("log-uid", Getopt.NO_ARGUMENT, 5),
            new Option("log-macdecode", Getopt.NO_ARGUMENT, 6));

    private int level = Target.Log.DEFAULT_LEVEL;
    private String prefix = "";
    private int flags;

    LogExtension() {
        super("LOG");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, false);
        switch (id) {
            case LEVEL -> level = parseLevel(arg);
            case PREFIX -> {
                if (arg.isEmpty()) throw XtablesError.parameter("Argument must have a minimum length of 1 characters\n");
                if (arg.indexOf('\n') >= 0) throw XtablesError.parameter("Newlines not allowed in --log-prefix");
                prefix = arg.length() > 29 ? arg.substring(0, 29) : arg;
            }
            default -> flags |= FLAG_BITS[id];
        }
    }

    private static int parseLevel(String arg) {
        OptionalLong number = CNumbers.parse(arg, 0, 7);
        if (number.isPresent()) return (int) number.getAsLong();
        for (int i = 0; i < LEVEL_NAMES.length; i++) {
            if (LEVEL_NAMES[i].equals(arg)) return LEVELS[i];
        }
        throw XtablesError.parameter("log level \"" + arg + "\" unknown\n");
    }

    @Override
    Target build() {
        return new Target.Log(level, prefix, flags);
    }
}
