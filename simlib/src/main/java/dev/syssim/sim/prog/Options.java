package dev.syssim.sim.prog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options parsed the way GNU getopt_long does: bundled short flags ({@code -la}),
 * short options with a value ({@code -n 5}, {@code -n5}), long ones ({@code --lines=5}), {@code --}
 * ending options, and operands anywhere (GNU permutes them). Errors carry getopt's exact wording.
 */
public final class Options {

    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();
    private String error;

    private Options() {
    }

    /**
     * @param shortFlags     letters that take no value, e.g. {@code "ladn"}
     * @param shortValued    letters that take a value, e.g. {@code "n"}
     * @param longFlags      long options without value, e.g. {@code "all"}
     * @param longValued     long options with a value
     * @param permute        whether operands may come before options (false for commands like
     *                       {@code sudo} and {@code chroot} whose operands start another command)
     */
    public static Options parse(String program, List<String> args, String shortFlags, String shortValued,
                                Set<String> longFlags, Set<String> longValued, boolean permute) {
        Options o = new Options();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                o.operands.add(arg);
                if (!permute) optionsEnded = true;
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String full = unique(name, longFlags, longValued);
                if (full == null) {
                    List<String> candidates = candidates(name, longFlags, longValued);
                    if (candidates.size() > 1) {
                        StringBuilder text = new StringBuilder(program + ": option '--" + name + "' is ambiguous; possibilities:");
                        for (String c : candidates) text.append(" '--").append(c).append('\'');
                        o.error = text.toString();
                    } else {
                        o.error = program + ": unrecognized option '" + arg + "'";
                    }
                    return o;
                }
                if (longValued.contains(full)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            o.error = program + ": option '--" + full + "' requires an argument";
                            return o;
                        }
                        value = args.get(++i);
                    }
                    o.values.put(full, value);
                } else {
                    if (value != null) {
                        o.error = program + ": option '--" + full + "' doesn't allow an argument";
                        return o;
                    }
                    o.flags.add(full);
                }
                continue;
            }
            for (int j = 1; j < arg.length(); j++) {
                char letter = arg.charAt(j);
                String key = String.valueOf(letter);
                if (shortValued.indexOf(letter) >= 0) {
                    String value = arg.substring(j + 1);
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size()) {
                            o.error = program + ": option requires an argument -- '" + letter + "'";
                            return o;
                        }
                        value = args.get(++i);
                    }
                    o.values.put(key, value);
                    break;
                }
                if (shortFlags.indexOf(letter) < 0) {
                    o.error = program + ": invalid option -- '" + letter + "'";
                    return o;
                }
                o.flags.add(key);
            }
        }
        return o;
    }

    public static Options parse(String program, List<String> args, String shortFlags, String shortValued) {
        return parse(program, args, shortFlags, shortValued, Set.of("help"), Set.of(), true);
    }

    /**
     * The long options a prefix abbreviates, for getopt's "is ambiguous" message. glibc lists them
     * in the order of the program's option table; the simulation's tables are sets, so they are
     * listed in alphabetical order, which is the table order for most GNU tools.
     */
    static List<String> candidates(String prefix, Set<String> a, Set<String> b) {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (Set<String> set : List.of(a, b)) for (String name : set) if (name.startsWith(prefix)) found.add(name);
        return List.copyOf(found);
    }

    private static String unique(String prefix, Set<String> a, Set<String> b) {
        if (a.contains(prefix) || b.contains(prefix)) return prefix;
        String found = null;
        for (Set<String> set : List.of(a, b)) {
            for (String name : set) {
                if (name.startsWith(prefix)) {
                    if (found != null) return null;
                    found = name;
                }
            }
        }
        return found;
    }

    public boolean failed() {
        return error != null;
    }

    /** getopt's message, e.g. {@code ls: invalid option -- 'z'}. */
    public String error() {
        return error;
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public boolean hasAny(String... names) {
        for (String n : names) if (flags.contains(n) || values.containsKey(n)) return true;
        return false;
    }

    public String value(String name) {
        return values.get(name);
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public List<String> operands() {
        return operands;
    }
}
