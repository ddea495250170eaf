package dev.syssim.sim.prog;

import java.util.ArrayList;
import java.util.List;

/**
 * glibc's getopt_long, for tools whose options repeat or depend on their order ({@code od -t x1 -t
 * c}, {@code tar --exclude A --exclude B}) or take an optional argument ({@code od -w}, {@code
 * -w32}, {@code --width=32}): every option in command-line order, with its value. Short options are
 * given as getopt's string ({@code "abA:w::"}: {@code :} takes a value, {@code ::} an optional one
 * that must be attached); long ones as {@code name}, {@code name=} (value required) or {@code
 * name=?} (optional), each with {@code >K} to report it under key {@code K} (its short twin). Long
 * names may be abbreviated to any unique prefix. Errors carry glibc's exact wording.
 */
public final class Getopt {

    /** One option as given: its key (a letter, or a long name without twin) and value (null if none). */
    public record Opt(String key, String value) {
        public boolean is(String k) {
            return key.equals(k);
        }
    }

    private record LongOption(String name, int arg, String key) {
    }

    private static final int NONE = 0;
    private static final int REQUIRED = 1;
    private static final int OPTIONAL = 2;

    private final List<Opt> options = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();
    private String error;

    private Getopt() {
    }

    public static Getopt parse(String program, List<String> args, String shortSpec, List<String> longSpec, boolean permute) {
        List<LongOption> longs = new ArrayList<>();
        for (String spec : longSpec) {
            String key = null;
            int gt = spec.indexOf('>');
            if (gt >= 0) {
                key = spec.substring(gt + 1);
                spec = spec.substring(0, gt);
            }
            int arg = NONE;
            if (spec.endsWith("=?")) {
                arg = OPTIONAL;
                spec = spec.substring(0, spec.length() - 2);
            } else if (spec.endsWith("=")) {
                arg = REQUIRED;
                spec = spec.substring(0, spec.length() - 1);
            }
            longs.add(new LongOption(spec, arg, key == null ? spec : key));
        }
        Getopt g = new Getopt();
        boolean ended = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (ended || a.equals("-") || !a.startsWith("-")) {
                g.operands.add(a);
                if (!permute) ended = true;
                continue;
            }
            if (a.equals("--")) {
                ended = true;
                continue;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                String value = null;
                int eq = body.indexOf('=');
                if (eq >= 0) {
                    value = body.substring(eq + 1);
                    body = body.substring(0, eq);
                }
                LongOption match = null;
                List<LongOption> candidates = new ArrayList<>();
                for (LongOption l : longs) {
                    if (l.name().equals(body)) {
                        match = l;
                        break;
                    }
                    if (l.name().startsWith(body)) candidates.add(l);
                }
                if (match == null && candidates.size() > 1) {
                    // several names sharing one key and kind of argument are one option (glibc too)
                    boolean same = candidates.stream().allMatch(l -> l.key().equals(candidates.get(0).key()) && l.arg() == candidates.get(0).arg());
                    if (!same) {
                        StringBuilder b = new StringBuilder(program + ": option '" + a + "' is ambiguous; possibilities:");
                        for (LongOption l : candidates) b.append(" '--").append(l.name()).append("'");
                        g.error = b.toString();
                        return g;
                    }
                }
                if (match == null && !candidates.isEmpty()) match = candidates.get(0);
                if (match == null) {
                    g.error = program + ": unrecognized option '" + a + "'";
                    return g;
                }
                if (match.arg() == NONE && value != null) {
                    g.error = program + ": option '--" + match.name() + "' doesn't allow an argument";
                    return g;
                }
                if (match.arg() == REQUIRED && value == null) {
                    if (i + 1 >= args.size()) {
                        g.error = program + ": option '--" + match.name() + "' requires an argument";
                        return g;
                    }
                    value = args.get(++i);
                }
                g.options.add(new Opt(match.key(), value));
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char letter = a.charAt(j);
                int at = letter == ':' ? -1 : shortSpec.indexOf(letter);
                if (at < 0) {
                    g.error = program + ": invalid option -- '" + letter + "'";
                    return g;
                }
                boolean takes = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
                boolean optional = takes && at + 2 < shortSpec.length() && shortSpec.charAt(at + 2) == ':';
                if (!takes) {
                    g.options.add(new Opt(String.valueOf(letter), null));
                    continue;
                }
                String value = a.substring(j + 1);
                if (value.isEmpty() && !optional) {
                    if (i + 1 >= args.size()) {
                        g.error = program + ": option requires an argument -- '" + letter + "'";
                        return g;
                    }
                    value = args.get(++i);
                }
                g.options.add(new Opt(String.valueOf(letter), value.isEmpty() && optional ? null : value));
                break;
            }
        }
        return g;
    }

    public boolean failed() {
        return error != null;
    }

    /** getopt's message, e.g. {@code od: invalid option -- 'z'}. */
    public String error() {
        return error;
    }

    /** Every option in the order given. */
    public List<Opt> options() {
        return options;
    }

    public List<String> operands() {
        return operands;
    }

    /** Whether any of {@code keys} was given. */
    public boolean has(String... keys) {
        for (Opt o : options) for (String k : keys) if (o.key().equals(k)) return true;
        return false;
    }

    /** The value of the last of {@code keys} given, or null. */
    public String last(String... keys) {
        String found = null;
        for (Opt o : options) for (String k : keys) if (o.key().equals(k)) found = o.value();
        return found;
    }

    /** Every value given for {@code key}, in order. */
    public List<String> all(String key) {
        List<String> out = new ArrayList<>();
        for (Opt o : options) if (o.key().equals(key)) out.add(o.value());
        return out;
    }
}
