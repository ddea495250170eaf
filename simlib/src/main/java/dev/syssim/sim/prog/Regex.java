package dev.syssim.sim.prog;

import dev.syssim.sim.prog.regex.Compiler;
import dev.syssim.sim.prog.regex.Syntax;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GNU regular expressions as glibc's regcomp/regexec and GNU grep and sed use them: basic and
 * extended syntax with GNU's extensions ({@code \+ \? \|}, {@code \w \W \s \S \b \B \< \> \` \'},
 * back-references, intervals, bracket expressions with classes, equivalence classes and collating
 * symbols), case folding, bytes in the C locale and characters under UTF-8 (an invalid byte is no
 * character: {@code .} does not match it). The whole match is the leftmost-longest one, as POSIX
 * and glibc require; the groups are those glibc reports (see {@code regex.Matcher}). Compile errors
 * are values carrying glibc's messages ({@code Unmatched ( or \(}); nothing here throws on user
 * input, and no pattern or subject, however long, grows Java's stack.
 *
 * <p>Use: {@link #compile} with a {@link Dialect} (which program's syntax) and flags, then {@link
 * #find} (does a line match: grep), {@link #search} (where, with groups: sed, grep -o, bash's
 * {@code =~}), calling {@code search} again from the end of a match for global replacement.
 */
public final class Regex {

    /** Ignore case (grep -i, sed's I flag, REG_ICASE). */
    public static final int ICASE = 1;
    /** The locale is UTF-8: the pattern and the subject are UTF-8 characters, not bytes. */
    public static final int UTF8 = 1 << 1;
    /**
     * REG_NEWLINE (sed's M flag): {@code ^} and {@code $} also match just after and before a newline,
     * and {@code .} and {@code [^...]} do not match a newline.
     */
    public static final int NEWLINE = 1 << 2;
    /** The checks of gnulib's dfa.c that grep and sed run too: {@code [:space:]} is an error. */
    public static final int DFA_CHECKS = 1 << 3;
    /** grep's warnings: {@code * at start of expression} and the like (meaningful with grep -E). */
    public static final int DFA_WARNINGS = 1 << 4;
    /**
     * Match as gnulib's dfa.c where it reads a pattern differently from glibc: grep selects lines
     * with dfa.c but finds -o's matches with glibc, and the two disagree on an interval at the start
     * of grep -E's expression ({@code {2}a}: dfa.c repeats nothing, glibc drops only the brace).
     */
    public static final int DFA_SEMANTICS = 1 << 5;

    /** Whose syntax a pattern is written in: the tools differ in a few of glibc's syntax bits. */
    public enum Dialect {
        /** grep, grep -G: basic, a repetition operator after another is fine ({@code a**}). */
        GREP_BASIC(Syntax.GREP),
        /** grep -E, egrep: extended; an operator at the start is ignored (with a warning). */
        GREP_EXTENDED(Syntax.EGREP),
        /** sed: POSIX basic; {@code a**} is "Invalid preceding regular expression". */
        SED_BASIC(Syntax.SED),
        /** sed -E / -r: POSIX extended; an unmatched {@code )} is an error. */
        SED_EXTENDED(Syntax.SED_EXTENDED),
        /** regcomp(3) without REG_EXTENDED (expr). */
        POSIX_BASIC(Syntax.POSIX_BASIC),
        /** regcomp(3) with REG_EXTENDED: bash's {@code [[ s =~ re ]]}. */
        POSIX_EXTENDED(Syntax.POSIX_EXTENDED),
        /**
         * gawk's syntax bits (extended, backslash escapes inside brackets). gawk turns its own
         * escapes ({@code \/}, {@code \n}, {@code \y} ...) into these before compiling.
         */
        AWK(Syntax.GNU_AWK);

        private final int syntax;

        Dialect(int syntax) {
            this.syntax = syntax;
        }
    }

    /** What {@link #compile} gives. */
    public sealed interface Result permits Valid, Invalid {

        /** Warnings to print before anything else ({@code * at start of expression}), without the program's name. */
        List<String> warnings();
    }

    /** A pattern that compiled. */
    public record Valid(Regex regex, List<String> warnings) implements Result {
    }

    /** A pattern glibc (or dfa.c) refuses, with its message ({@code Unmatched [, [^, [:, [., or [=}). */
    public record Invalid(String message, List<String> warnings) implements Result {

        /**
         * Whether glibc accepted the pattern and only gnulib's dfa.c refused it ({@code [:space:]}):
         * grep reports such errors after glibc's for all its patterns, and sed without its
         * "-e expression #1, char N:" prefix.
         */
        public boolean fromDfa() {
            return message.equals(dev.syssim.sim.prog.regex.RegexError.CONFUSING_BRACKETS.message());
        }
    }

    /** The spans of a match and its groups, as byte offsets into the subject array. */
    public static final class Match {

        private final int[] regs;

        Match(int[] regs) {
            this.regs = regs;
        }

        public int start() {
            return regs[0];
        }

        public int end() {
            return regs[1];
        }

        /** Where group {@code g} (0 = the whole match) starts, or -1 when it took no part. */
        public int start(int g) {
            return 2 * g + 1 < regs.length ? regs[2 * g] : -1;
        }

        public int end(int g) {
            return 2 * g + 1 < regs.length ? regs[2 * g + 1] : -1;
        }

        /** Whether group {@code g} took part in the match. */
        public boolean matched(int g) {
            return start(g) >= 0 && end(g) >= 0;
        }

        /** The number of groups of the pattern (not counting the whole match). */
        public int groups() {
            return regs.length / 2 - 1;
        }

        @Override
        public String toString() {
            return "Match" + java.util.Arrays.toString(regs);
        }
    }

    private final Compiler.Compiled compiled;

    private Regex(Compiler.Compiled compiled) {
        this.compiled = compiled;
    }

    /** Compiles {@code pattern} (bytes as the program got them) in {@code dialect} with {@code flags}. */
    public static Result compile(byte[] pattern, Dialect dialect, int flags) {
        Compiler.Outcome outcome = Compiler.compile(pattern, dialect.syntax, (flags & UTF8) != 0, (flags & ICASE) != 0,
                (flags & NEWLINE) != 0, (flags & DFA_CHECKS) != 0, (flags & DFA_WARNINGS) != 0, (flags & DFA_SEMANTICS) != 0);
        if (outcome.error() != null) return new Invalid(outcome.error().message(), outcome.warnings());
        return new Valid(new Regex(outcome.compiled()), outcome.warnings());
    }

    public static Result compile(String pattern, Dialect dialect, int flags) {
        return compile(pattern.getBytes(StandardCharsets.UTF_8), dialect, flags);
    }

    /** The number of groups in the pattern. */
    public int groups() {
        return compiled.groups();
    }

    /** Whether the pattern uses back-references (which make matching a search over paths). */
    public boolean hasBackReferences() {
        return compiled.backrefs();
    }

    /** Whether {@code text[start, end)} holds a match anywhere. */
    public boolean find(byte[] text, int start, int end) {
        return compiled.matches(text, start, end, start, false, false);
    }

    public boolean find(byte[] text) {
        return find(text, 0, text.length);
    }

    /**
     * The leftmost-longest match in the subject {@code text[start, end)} at or after {@code from},
     * with its groups; null when there is none. The subject's start is where {@code ^} and
     * {@code \`} match; characters before {@code from} still count for {@code \b} and {@code \<}.
     */
    public Match search(byte[] text, int start, int end, int from) {
        return search(text, start, end, from, false, false, true);
    }

    public Match search(byte[] text) {
        return search(text, 0, text.length, 0);
    }

    /**
     * The full form: {@code notBol}/{@code notEol} as REG_NOTBOL/REG_NOTEOL ({@code ^}/{@code $} do
     * not match at the subject's ends), {@code groups} false when only the whole match is wanted
     * (faster).
     */
    public Match search(byte[] text, int start, int end, int from, boolean notBol, boolean notEol, boolean groups) {
        if (from < start || from > end) return null;
        int[] regs = compiled.search(text, start, end, from, notBol, notEol, groups);
        return regs == null ? null : new Match(regs);
    }
}
