package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.regex.CharClass;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * tr (GNU coreutils 9.1): translate, delete (-d) or squeeze (-s) bytes of standard input. Sets are
 * built as tr.c builds them: escapes ({@code \n}, {@code \ooo}, {@code \\}), ranges {@code a-z},
 * classes {@code [:alpha:]} (of the C locale: tr works on bytes, not characters), equivalence
 * classes {@code [=c=]}, repeats {@code [c*n]} and {@code [c*]} in the second set; -c complements
 * the first set, -t truncates it. tr's own checks and messages come first; the input is streamed.
 */
public final class Tr extends Tool {

    private static final List<String> LONG = List.of("complement>c", "delete>d", "squeeze-repeats>s", "truncate-set1>t", "help", "version");

    /** One construct of a set. */
    private record Element(char kind, int c, int to, String name, long count) {
        // kind: 'c' char, 'r' range, 'k' class, 'e' equivalence, '*' repeat (count -1: fill)
    }

    /** A parsed set, or the error that stopped it. */
    private static final class Spec {
        final List<Element> elements = new ArrayList<>();
        String error;
    }

    // tr's getopt string starts with '+': options end at the first operand, so in
    // "tr -d a -s b" the -s is a third operand, not an option.
    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("tr", c.args().operands(), "cCdst", LONG, false);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean complement = o.has("c", "C");
        boolean delete = o.has("d");
        boolean squeeze = o.has("s");
        boolean truncate = o.has("t");
        List<String> ops = o.operands();
        boolean translating = !delete && ops.size() == 2;
        int needed = delete && squeeze ? 2 : delete || squeeze && ops.size() < 2 ? 1 : 2;
        if (ops.isEmpty()) return c.usageError("tr: missing operand", 1);
        if (ops.size() < needed) {
            String why = squeeze && delete ? "Two strings must be given when both deleting and squeezing repeats."
                    : "Two strings must be given when translating.";
            return c.usageError("tr: missing operand after " + c.quoteLocale(ops.get(ops.size() - 1)) + "\n" + why, 1);
        }
        if (ops.size() > needed) {
            String extra = "tr: extra operand " + c.quoteLocale(ops.get(needed));
            if (needed == 1 && delete && ops.size() == 2) extra += "\nOnly one string may be given when deleting without squeezing repeats.";
            return c.usageError(extra, 1);
        }
        Spec s1 = parse(c, ops.get(0));
        if (s1.error != null) return fail(c, s1.error);
        Spec s2 = ops.size() > 1 ? parse(c, ops.get(1)) : null;
        if (s2 != null && s2.error != null) return fail(c, s2.error);
        for (Element e : s1.elements) if (e.kind() == '*') return fail(c, "the [c*] repeat construct may not appear in string1");
        int[] set1 = expand(s1, -1);
        if (complement) set1 = complement(set1);
        int[] set2 = null;
        if (s2 != null) {
            long fills = s2.elements.stream().filter(e -> e.kind() == '*' && e.count() < 0).count();
            if (fills > 1) return fail(c, "only one [c*] repeat construct may appear in string2");
            if (translating) {
                for (Element e : s2.elements) {
                    if (e.kind() == 'e') return fail(c, "[=c=] expressions may not appear in string2 when translating");
                }
                for (Element e : s2.elements) {
                    if (e.kind() == 'k' && !e.name().equals("upper") && !e.name().equals("lower")) {
                        return fail(c, "when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
                    }
                }
                set2 = expand(s2, set1.length);
                if (set1.length > set2.length && !truncate) {
                    if (set2.length == 0) return fail(c, "when not truncating set1, string2 must be non-empty");
                    if (s2.elements.get(s2.elements.size() - 1).kind() == 'k') {
                        return fail(c, "when translating with string1 longer than string2,\nthe latter string must not end with a character class");
                    }
                    int[] longer = java.util.Arrays.copyOf(set2, set1.length);
                    for (int i = set2.length; i < longer.length; i++) longer[i] = set2[set2.length - 1];
                    set2 = longer;
                }
                boolean classes = s1.elements.stream().anyMatch(e -> e.kind() == 'k');
                if (complement && classes && !(set2.length == set1.length && homogeneous(set2))) {
                    return fail(c, "when translating with complemented character classes,\nstring2 must map all characters in the domain to one");
                }
                // tr.c checks the case classes' alignment after its other checks, and not under -c
                if (!complement && misalignedCase(s1, s2, set1.length)) return fail(c, "misaligned [:upper:] and/or [:lower:] construct");
            } else {
                if (fills > 0) return fail(c, "the [c*] construct may appear in string2 only when translating");
                set2 = expand(s2, -1);
            }
        }
        int[] map = new int[256];
        for (int i = 0; i < 256; i++) map[i] = i;
        boolean[] deleteSet = new boolean[256];
        boolean[] squeezeSet = new boolean[256];
        if (translating) {
            for (int i = 0; i < Math.min(set1.length, set2.length); i++) map[set1[i]] = set2[i];
            if (squeeze) for (int b : set2) squeezeSet[b] = true;
        } else if (delete) {
            for (int b : set1) deleteSet[b] = true;
            if (squeeze) for (int b : set2) squeezeSet[b] = true;
        } else {
            for (int b : set1) squeezeSet[b] = true;
        }
        int[] last = {-1};
        return c.stream(0, (block, more) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(block.length);
            for (byte x : block) {
                int b = x & 0xff;
                if (deleteSet[b]) continue;
                int m = map[b];
                if (squeeze && squeezeSet[m] && last[0] == m) continue;
                out.write(m);
                last[0] = m;
            }
            c.printBytes(out.toByteArray());
            return c.compute(block.length * 3L + 500, "tr: translate " + block.length + " bytes", more);
        }, err -> {
            if (err != null) {
                c.error("read error", err);
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    private static Step fail(Libc c, String message) {
        c.error(message);
        return c.exit(1);
    }

    private static boolean homogeneous(int[] set) {
        for (int b : set) if (b != set[0]) return false;
        return true;
    }

    private static int[] complement(int[] set) {
        boolean[] in = new boolean[256];
        for (int b : set) in[b] = true;
        List<Integer> out = new ArrayList<>();
        for (int b = 0; b < 256; b++) if (!in[b]) out.add(b);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- parsing a set ----

    /** Unescapes the operand (bytes; escaped bytes are never special), then finds its constructs. */
    private static Spec parse(Libc c, String operand) {
        byte[] raw = operand.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Integer> bytes = new ArrayList<>();
        List<Boolean> escaped = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xff;
            if (b != '\\') {
                bytes.add(b);
                escaped.add(false);
                continue;
            }
            if (i + 1 >= raw.length) {
                c.error("warning: an unescaped backslash at end of string is not portable");
                bytes.add(b);
                escaped.add(true);
                continue;
            }
            int n = raw[++i] & 0xff;
            int value;
            switch (n) {
                case 'a' -> value = 7;
                case 'b' -> value = 8;
                case 'f' -> value = 12;
                case 'n' -> value = 10;
                case 'r' -> value = 13;
                case 't' -> value = 9;
                case 'v' -> value = 11;
                default -> {
                    if (n >= '0' && n <= '7') {
                        value = n - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < raw.length && raw[i + 1] >= '0' && raw[i + 1] <= '7') {
                            int next = value * 8 + raw[i + 1] - '0';
                            if (next > 255) {
                                c.error("warning: the ambiguous octal escape \\" + Integer.toOctalString(next) + " is being\n\tinterpreted as the 2-byte sequence \\0"
                                        + Integer.toOctalString(value) + ", " + (char) raw[i + 1]);
                                break;
                            }
                            value = next;
                            i++;
                            digits++;
                        }
                    } else {
                        value = n;
                    }
                }
            }
            bytes.add(value);
            escaped.add(true);
        }
        Spec spec = new Spec();
        int n = bytes.size();
        for (int i = 0; i < n; i++) {
            int b = bytes.get(i);
            boolean esc = escaped.get(i);
            if (!esc && b == '[' && i + 1 < n) {
                int kind = bytes.get(i + 1);
                if ((kind == ':' || kind == '=') && !escaped.get(i + 1)) {
                    int close = -1;
                    for (int j = i + 2; j + 1 < n; j++) {
                        if (bytes.get(j) == kind && bytes.get(j + 1) == ']' && !escaped.get(j) && !escaped.get(j + 1)) {
                            close = j;
                            break;
                        }
                    }
                    if (close >= 0) {
                        StringBuilder name = new StringBuilder();
                        for (int j = i + 2; j < close; j++) name.append((char) (int) bytes.get(j));
                        if (kind == ':') {
                            if (CharClass.named(name.toString()) == null || close == i + 2) {
                                spec.error = "invalid character class " + c.quoteLocale(name.toString());
                                return spec;
                            }
                            spec.elements.add(new Element('k', 0, 0, name.toString(), 0));
                        } else {
                            if (close - (i + 2) != 1) {
                                spec.error = c.quoteLocale(name.toString()) + ": equivalence class operand must be a single character";
                                return spec;
                            }
                            spec.elements.add(new Element('e', bytes.get(i + 2), 0, null, 0));
                        }
                        i = close + 1;
                        continue;
                    }
                }
                // [c*n] or [c*]
                if (i + 2 < n && bytes.get(i + 2) == '*' && !escaped.get(i + 2)) {
                    int close = -1;
                    for (int j = i + 3; j < n; j++) {
                        if (bytes.get(j) == ']' && !escaped.get(j)) {
                            close = j;
                            break;
                        }
                    }
                    if (close >= 0) {
                        StringBuilder digits = new StringBuilder();
                        for (int j = i + 3; j < close; j++) digits.append((char) (int) bytes.get(j));
                        long count;
                        if (digits.length() == 0) {
                            count = -1;
                        } else {
                            String d = digits.toString();
                            boolean octal = d.startsWith("0");
                            if (!d.matches(octal ? "[0-7]+" : "[0-9]+")) {
                                spec.error = "invalid repeat count " + c.quoteLocale(d) + " in [c*n] construct";
                                return spec;
                            }
                            count = new java.math.BigInteger(d, octal ? 8 : 10).min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
                            if (count == 0) count = -1;
                        }
                        spec.elements.add(new Element('*', bytes.get(i + 1), 0, null, count));
                        i = close;
                        continue;
                    }
                }
            }
            if (i + 2 < n && bytes.get(i + 1) == '-' && !escaped.get(i + 1)) {
                int to = bytes.get(i + 2);
                if (to < b) {
                    spec.error = "range-endpoints of '" + printable(b) + "-" + printable(to) + "' are in reverse collating sequence order";
                    return spec;
                }
                spec.elements.add(new Element('r', b, to, null, 0));
                i += 2;
                continue;
            }
            spec.elements.add(new Element('c', b, 0, null, 0));
        }
        return spec;
    }

    private static String printable(int b) {
        if (b >= 32 && b < 127) return String.valueOf((char) b);
        return String.format("\\%03o", b);
    }

    /** The bytes a set stands for, in order; a fill repeat [c*] makes the set {@code target} long. */
    /**
     * tr.c's validate_case_classes: walking both sets position by position, where string2 starts an
     * [:upper:] or [:lower:] class, string1 must start one too at the same position (so
     * {@code tr a-c '[:upper:]'} is refused, while {@code tr '[:lower:]' '[:upper:]'} maps case).
     * The check runs until either set ends, the first position past the shorter one included.
     */
    private static boolean misalignedCase(Spec s1, Spec s2, int target) {
        if (s2.elements.stream().noneMatch(Tr::caseClass)) return false;
        List<Boolean> starts1 = new ArrayList<>();
        List<Boolean> starts2 = new ArrayList<>();
        int length1 = expand(s1, -1, starts1).length;
        int length2 = expand(s2, target, starts2).length;
        for (int i = 0; i <= Math.min(length1, length2) && i < length2; i++) {
            if (starts2.get(i) && !(i < length1 && starts1.get(i))) return true;
        }
        return false;
    }

    private static boolean caseClass(Element e) {
        return e.kind() == 'k' && (e.name().equals("upper") || e.name().equals("lower"));
    }

    private static int[] expand(Spec spec, int target) {
        return expand(spec, target, null);
    }

    /** The set's bytes; {@code caseStarts}, if given, gets for each byte whether it starts an [:upper:]/[:lower:] class. */
    private static int[] expand(Spec spec, int target, List<Boolean> caseStarts) {
        List<Integer> out = new ArrayList<>();
        List<Boolean> starts = caseStarts != null ? caseStarts : new ArrayList<>();
        int fillAt = -1;
        int fillChar = 0;
        for (Element e : spec.elements) {
            int before = out.size();
            switch (e.kind()) {
                case 'c', 'e' -> out.add(e.c());
                case 'r' -> {
                    for (int b = e.c(); b <= e.to(); b++) out.add(b);
                }
                case 'k' -> {
                    CharClass k = CharClass.named(e.name());
                    for (int b = 0; b < 256; b++) if (k.contains(b, false)) out.add(b);
                }
                default -> {
                    if (e.count() < 0) {
                        fillAt = out.size();
                        fillChar = e.c();
                    } else {
                        for (long r = 0; r < e.count() && out.size() < 1 << 20; r++) out.add(e.c());
                    }
                }
            }
            for (int i = before; i < out.size(); i++) starts.add(i == before && caseClass(e));
        }
        if (fillAt >= 0) {
            int fill = Math.max(0, target - out.size());
            for (int r = 0; r < fill; r++) {
                out.add(fillAt, fillChar);
                starts.add(fillAt, false);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String whatis() {
        return "translate or delete characters";
    }

    @Override
    public String manual() {
        return "tr [OPTION]... STRING1 [STRING2]\n  Translate, squeeze, and/or delete characters from standard input, writing to standard output.\n"
                + "  STRING1 and STRING2 specify arrays of characters ARRAY1 and ARRAY2 that control the action.\n"
                + "  -c, -C, --complement    use the complement of ARRAY1\n"
                + "  -d, --delete            delete characters in ARRAY1, do not translate\n"
                + "  -s, --squeeze-repeats   replace each sequence of a repeated character that is listed in the last specified ARRAY, with a single occurrence of that character\n"
                + "  -t, --truncate-set1     first truncate ARRAY1 to length of ARRAY2\n"
                + "  ARRAYs: CHAR1-CHAR2 ranges, [CHAR*] and [CHAR*REPEAT] in ARRAY2, [:alnum:] [:alpha:] [:blank:] [:cntrl:] [:digit:] [:graph:]\n"
                + "  [:lower:] [:print:] [:punct:] [:space:] [:upper:] [:xdigit:], [=CHAR=], and \\\\NNN \\\\\\\\ \\\\a \\\\b \\\\f \\\\n \\\\r \\\\t \\\\v escapes";
    }
}
