package dev.syssim.sim.netfilter.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU {@code getopt_long} as iptables calls it: the option string starts with {@code "-:"}, so
 * arguments that are not options come back in order as {@link #NON_OPTION} (the {@code !} of a
 * negation arrives this way), and a missing required argument is reported as
 * {@link #MISSING_ARGUMENT} rather than printed. Long options may be abbreviated to any unique
 * prefix, may take {@code --opt=value}, and more can be added while parsing, as iptables merges
 * the options of each match and target it loads. Short options bundle ({@code -nvL}), and an
 * optional argument must be attached ({@code -Lnv} lists the chain "nv").
 */
final class Getopt {

    static final int END = -1;
    static final int NON_OPTION = 1;
    static final int MISSING_ARGUMENT = ':';
    static final int UNKNOWN = '?';

    static final int NO_ARGUMENT = 0;
    static final int REQUIRED_ARGUMENT = 1;
    static final int OPTIONAL_ARGUMENT = 2;

    /** A long option: {@code --name}, whether it takes an argument, and the value returned for it. */
    record LongOption(String name, int hasArg, int val) {
    }

    private final List<String> argv;
    private final String shortOptions;
    private final List<LongOption> longOptions = new ArrayList<>();
    /** How many of {@link #longOptions} are the program's own. */
    private final int baseCount;

    /** Index of the next argument to look at; argument 0 is the program name. */
    int optind = 1;
    String optarg;
    int optopt;
    private String nextChar = "";

    Getopt(List<String> argv, String shortOptions, List<LongOption> longOptions) {
        this.argv = argv;
        this.shortOptions = shortOptions;
        this.longOptions.addAll(longOptions);
        this.baseCount = longOptions.size();
    }

    /**
     * Merges a newly loaded extension's options as {@code xtables_merge_options} does: after the
     * program's own options but before those of extensions loaded earlier, so that the second
     * {@code -m set} on a line gets its own {@code --match-set}.
     */
    void addLongOptions(List<LongOption> more) {
        longOptions.addAll(baseCount, more);
    }

    int argc() {
        return argv.size();
    }

    String arg(int index) {
        return argv.get(index);
    }

    /** The next option's value, or {@link #NON_OPTION}, {@link #UNKNOWN}, {@link #MISSING_ARGUMENT}, {@link #END}. */
    int next() {
        optarg = null;
        if (nextChar.isEmpty()) {
            if (optind >= argv.size()) return END;
            String arg = argv.get(optind);
            if (arg.equals("--")) {
                // End of options; whatever follows stays unparsed ("unknown arguments found").
                optind++;
                return END;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                optarg = arg;
                optind++;
                return NON_OPTION;
            }
            if (arg.startsWith("--")) return longOption(arg.substring(2));
            nextChar = arg.substring(1);
        }
        return shortOption();
    }

    private int longOption(String body) {
        optind++;
        int eq = body.indexOf('=');
        String name = eq >= 0 ? body.substring(0, eq) : body;
        LongOption found = null;
        boolean ambiguous = false;
        for (LongOption option : longOptions) {
            if (option.name.equals(name)) {
                found = option;
                ambiguous = false;
                break;
            }
            if (option.name.startsWith(name)) {
                if (found == null) {
                    found = option;
                } else if (found.hasArg != option.hasArg || found.val != option.val) {
                    ambiguous = true;
                }
            }
        }
        if (found == null || ambiguous) {
            optopt = 0;
            return UNKNOWN;
        }
        if (eq >= 0) {
            if (found.hasArg == NO_ARGUMENT) {
                optopt = found.val;
                return UNKNOWN;
            }
            optarg = body.substring(eq + 1);
        } else if (found.hasArg == REQUIRED_ARGUMENT) {
            if (optind >= argv.size()) {
                optopt = found.val;
                return MISSING_ARGUMENT;
            }
            optarg = argv.get(optind++);
        }
        return found.val;
    }

    private int shortOption() {
        char c = nextChar.charAt(0);
        nextChar = nextChar.substring(1);
        int at = c == ':' ? -1 : shortOptions.indexOf(c);
        if (at < 0) {
            optopt = c;
            if (nextChar.isEmpty()) optind++;
            return UNKNOWN;
        }
        boolean takesArg = at + 1 < shortOptions.length() && shortOptions.charAt(at + 1) == ':';
        boolean optional = takesArg && at + 2 < shortOptions.length() && shortOptions.charAt(at + 2) == ':';
        if (!takesArg) {
            if (nextChar.isEmpty()) optind++;
            return c;
        }
        if (!nextChar.isEmpty()) {
            optarg = nextChar;
            nextChar = "";
            optind++;
            return c;
        }
        optind++;
        if (optional) return c;
        if (optind >= argv.size()) {
            optopt = c;
            return MISSING_ARGUMENT;
        }
        optarg = argv.get(optind++);
        return c;
    }

    /** iptables' {@code xs_has_arg}: is there a next argument, not looking like an option or {@code !}? */
    boolean hasArg() {
        return optind < argv.size() && !argv.get(optind).startsWith("-") && !argv.get(optind).startsWith("!");
    }

    /** Takes the next argument (after {@link #hasArg} said there is one). */
    String takeArg() {
        return argv.get(optind++);
    }
}
