package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/**
 * tr: translate ({@code tr a-z A-Z}), delete ({@code -d}) or squeeze ({@code -s}) characters of
 * standard input. Sets may use ranges, {@code [:upper:]}-style classes and backslash escapes.
 */
public final class Tr extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("tr", c.args().operands(), "dsc", "", Set.of("help", "delete", "squeeze-repeats", "complement"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean delete = o.hasAny("d", "delete");
        boolean squeeze = o.hasAny("s", "squeeze-repeats");
        boolean complement = o.hasAny("c", "complement");
        var ops = o.operands();
        if (ops.isEmpty()) return c.usageError("tr: missing operand", 1);
        if (!delete && !squeeze && ops.size() == 1) {
            return c.usageError("tr: missing operand after " + Libc.quote(ops.get(0)) + "\nTwo strings must be given when translating.", 1);
        }
        int max = delete && squeeze || !delete && !(squeeze && ops.size() == 1) ? 2 : 1;
        if (ops.size() > max) return c.usageError("tr: extra operand " + Libc.quote(ops.get(max)), 1);
        String set1 = expand(ops.get(0));
        String set2 = ops.size() > 1 ? expand(ops.get(1)) : "";
        java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
        return c.readAll(0, in, err -> {
            String text = in.toString(java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            char last = 0;
            boolean hasLast = false;
            for (char ch : text.toCharArray()) {
                boolean inSet1 = (set1.indexOf(ch) >= 0) != complement;
                if (delete && inSet1) continue;
                char mapped = ch;
                if (!delete && !set2.isEmpty() && inSet1 && !complement) {
                    int i = set1.indexOf(ch);
                    mapped = set2.charAt(Math.min(i, set2.length() - 1));
                } else if (!delete && !set2.isEmpty() && inSet1) {
                    mapped = set2.charAt(set2.length() - 1);
                }
                String squeezeSet = delete || set2.isEmpty() ? (delete ? set2 : set1) : set2;
                if (squeeze && hasLast && mapped == last && squeezeSet.indexOf(mapped) >= 0) continue;
                out.append(mapped);
                last = mapped;
                hasLast = true;
            }
            c.print(out.toString());
            return c.exit(0);
        });
    }

    /** The characters a set names: escapes, classes, ranges. */
    static String expand(String set) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < set.length()) {
            if (set.startsWith("[:", i)) {
                int end = set.indexOf(":]", i);
                if (end > 0) {
                    out.append(charClass(set.substring(i + 2, end)));
                    i = end + 2;
                    continue;
                }
            }
            char ch = set.charAt(i);
            int width = 1;
            if (ch == '\\' && i + 1 < set.length()) {
                ch = switch (set.charAt(i + 1)) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    default -> set.charAt(i + 1);
                };
                width = 2;
            }
            if (i + width + 1 < set.length() && set.charAt(i + width) == '-') {
                char to = set.charAt(i + width + 1);
                for (char x = ch; x <= to; x++) out.append(x);
                i += width + 2;
                continue;
            }
            out.append(ch);
            i += width;
        }
        return out.toString();
    }

    private static String charClass(String name) {
        StringBuilder out = new StringBuilder();
        for (char x = 0; x < 128; x++) {
            boolean in = switch (name) {
                case "upper" -> x >= 'A' && x <= 'Z';
                case "lower" -> x >= 'a' && x <= 'z';
                case "digit" -> x >= '0' && x <= '9';
                case "alpha" -> Character.isLetter(x);
                case "alnum" -> Character.isLetterOrDigit(x);
                case "space" -> x == ' ' || (x >= 9 && x <= 13);
                case "blank" -> x == ' ' || x == '\t';
                case "punct" -> x > 32 && x < 127 && !Character.isLetterOrDigit(x);
                default -> false;
            };
            if (in) out.append(x);
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "translate or delete characters";
    }

    @Override
    public String manual() {
        return "tr [OPTION]... STRING1 [STRING2]\n  Translate, squeeze, and/or delete characters from standard input, writing to standard output.\n"
                + "  -c, --complement        use the complement of STRING1\n"
                + "  -d, --delete            delete characters in STRING1, do not translate\n"
                + "  -s, --squeeze-repeats   replace each sequence of a repeated character that is listed in the last specified SET, with a single occurrence\n"
                + "  SETs: CHAR1-CHAR2 (a range), [:upper:], [:lower:], [:digit:], [:space:], [:alpha:], [:alnum:], \\n, \\t, \\\\";
    }
}
