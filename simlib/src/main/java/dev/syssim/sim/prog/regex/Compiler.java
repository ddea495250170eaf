package dev.syssim.sim.prog.regex;

import java.util.List;

/** The entry to this package: pattern bytes to a parse tree to a program with its matcher. */
public final class Compiler {

    /** A compiled pattern: the program and the scratch space its searches use. */
    public static final class Compiled {

        private final Program program;
        private final Matcher matcher;

        Compiled(Program program) {
            this.program = program;
            this.matcher = new Matcher(program);
        }

        public int groups() {
            return program.groups;
        }

        public boolean backrefs() {
            return program.backrefs;
        }

        /** See {@link Matcher#search}: group spans, or null. */
        public int[] search(byte[] text, int start, int end, int from, boolean notBol, boolean notEol, boolean groups) {
            return matcher.search(text, start, end, from, notBol, notEol, groups);
        }

        public boolean matches(byte[] text, int start, int end, int from, boolean notBol, boolean notEol) {
            return matcher.matches(text, start, end, from, notBol, notEol);
        }
    }

    /** Either a compiled pattern or an error; and the warnings dfa.c would print. */
    public record Outcome(Compiled compiled, RegexError error, List<String> warnings) {
    }

    private Compiler() {
    }

    public static Outcome compile(byte[] pattern, int syntax, boolean utf8, boolean icase, boolean newline,
                                  boolean dfaChecks, boolean dfaWarnings, boolean dfaSemantics) {
        if (newline) syntax |= Syntax.HAT_LISTS_NOT_NEWLINE;
        int[] chars = characters(pattern, utf8);
        Parser.Result parsed = Parser.parse(chars, syntax, utf8, icase, dfaChecks, dfaWarnings, dfaSemantics);
        if (parsed.error() != null) return new Outcome(null, parsed.error(), parsed.warnings());
        Program program = Program.compile(parsed.tree(), parsed.groups(), parsed.backrefs(), utf8, icase,
                Syntax.has(syntax, Syntax.DOT_NOT_NULL), newline);
        if (program == null) return new Outcome(null, RegexError.ESIZE, parsed.warnings());
        return new Outcome(new Compiled(program), null, parsed.warnings());
    }

    /** The pattern's characters: its bytes, or under UTF-8 its code points, an invalid byte b as 0x110000 + b. */
    static int[] characters(byte[] bytes, boolean utf8) {
        int[] out = new int[bytes.length];
        int n = 0;
        int i = 0;
        while (i < bytes.length) {
            int b0 = bytes[i] & 0xff;
            if (!utf8 || b0 < 0x80) {
                out[n++] = b0;
                i++;
                continue;
            }
            int need = b0 >= 0xC2 && b0 <= 0xDF ? 1 : b0 >= 0xE0 && b0 <= 0xEF ? 2 : b0 >= 0xF0 && b0 <= 0xF4 ? 3 : -1;
            int cp = need == 1 ? b0 & 0x1F : need == 2 ? b0 & 0x0F : b0 & 0x07;
            boolean ok = need > 0;
            if (ok) {
                for (int k = 1; k <= need; k++) {
                    if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = cp << 6 | bytes[i + k] & 0x3F;
                }
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (!ok || cp < min || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                out[n++] = 0x110000 + b0;
                i++;
                continue;
            }
            out[n++] = cp;
            i += need + 1;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
