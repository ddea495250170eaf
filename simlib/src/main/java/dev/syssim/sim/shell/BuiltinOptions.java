package dev.syssim.sim.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The option parser bash's builtins share (builtins/getopt.c, internal_getopt): options are single
 * letters and may be grouped ({@code -abc}); in the option string a letter followed by {@code :}
 * takes an argument — the rest of its word or the next word — and one followed by {@code ;} takes
 * an optional one (the rest of its word, or the next word unless that starts with {@code -}). A
 * leading {@code +} in the option string lets {@code +x} turn an option off. {@code --} ends the
 * options, as does a word that is not one ({@code -} alone included). An unknown letter is bash's
 * {@code -X: invalid option} and a missing argument {@code -X: option requires an argument}, each
 * followed by the builtin's usage line, status 2 (EX_USAGE).
 */
final class BuiltinOptions {

    /** One option as given: its letter, whether it came with {@code +}, and its argument (or null). */
    record Option(char letter, boolean plus, String argument) {
    }

    /** What a builtin does with each option as the parser reaches it (bash checks an option's argument then). */
    interface Handler {
        /** -1 to go on; otherwise the builtin ends with this status (after its own message). */
        int take(Option option);
    }

    /** The options in order, the index in argv of the first operand, and the status a handler stopped with (-1: none). */
    record Parsed(List<Option> options, int operands, int stopped) {

        boolean has(char letter) {
            for (Option o : options) if (o.letter() == letter && !o.plus()) return true;
            return false;
        }

        /** The last argument given to {@code letter}, or null. */
        String argument(char letter) {
            String found = null;
            for (Option o : options) if (o.letter() == letter && o.argument() != null) found = o.argument();
            return found;
        }
    }

    private BuiltinOptions() {
    }

    /**
     * Parses argv (argv[0] the builtin's name) by {@code spec}; after a usage error it prints bash's
     * message and {@code usage} (the text after "name: usage: ") and returns null.
     */
    static Parsed parse(Shell sh, List<String> argv, String spec, String usage) {
        return parse(sh, argv, spec, usage, null);
    }

    /** {@link #parse}, handing each option to {@code handler} as it is reached (null: none). */
    static Parsed parse(Shell sh, List<String> argv, String spec, String usage, Handler handler) {
        String name = argv.get(0);
        boolean plusAllowed = spec.startsWith("+");
        List<Option> options = new ArrayList<>();
        int i = 1;
        for (; i < argv.size(); i++) {
            String word = argv.get(i);
            if (word.equals("--")) {
                i++;
                break;
            }
            boolean plus = word.startsWith("+");
            if (word.length() < 2 || !(word.startsWith("-") || plus && plusAllowed)) break;
            for (int k = 1; k < word.length(); k++) {
                char c = word.charAt(k);
                int at = c == ':' || c == ';' || c == '+' ? -1 : spec.indexOf(c);
                if (at < 0) {
                    return usageError(sh, name, (plus ? "+" : "-") + c + ": invalid option", usage);
                }
                char kind = at + 1 < spec.length() ? spec.charAt(at + 1) : ' ';
                if (kind != ':' && kind != ';') {
                    Option o = new Option(c, plus, null);
                    options.add(o);
                    int stop = handler == null ? -1 : handler.take(o);
                    if (stop >= 0) return new Parsed(options, i, stop);
                    continue;
                }
                String argument = null;
                if (k + 1 < word.length()) {
                    argument = word.substring(k + 1);
                } else if (i + 1 < argv.size() && (kind == ':' || !argv.get(i + 1).startsWith("-"))) {
                    argument = argv.get(++i);
                } else if (kind == ':') {
                    return usageError(sh, name, "-" + c + ": option requires an argument", usage);
                }
                Option o = new Option(c, plus, argument);
                options.add(o);
                int stop = handler == null ? -1 : handler.take(o);
                if (stop >= 0) return new Parsed(options, i, stop);
                break;
            }
        }
        return new Parsed(options, i, -1);
    }

    private static Parsed usageError(Shell sh, String name, String message, String usage) {
        sh.builtinError(name, message);
        sh.err(name + ": usage: " + usage + "\n");
        return null;
    }
}
