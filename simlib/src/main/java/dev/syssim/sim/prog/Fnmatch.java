package dev.syssim.sim.prog;

import java.util.Map;

/**
 * Shell pattern matching as bash 5.2 does it (its {@code strmatch}, lib/glob/sm_loop.c), which
 * {@code case}, {@code [[ == ]]}, globbing and {@code ${x#pat}} use, and which agrees with glibc's
 * {@code fnmatch(3)} that {@code find -name} uses except in corner cases named below: {@code *},
 * {@code ?}, bracket expressions ({@code !} and {@code ^} negation, ranges by code point as with
 * bash's default {@code globasciiranges}, the classes of {@link CharClass}, {@code [=a=]},
 * {@code [.a.]} and {@code [.hyphen.]}, {@code ]} first, an unclosed {@code [} matching itself),
 * backslash escapes, and the flags below, including ksh's {@code ?( ) *( ) +( ) @( ) !( )}.
 *
 * <p>Strings are byte strings. With {@code utf8} (the locale is C.UTF-8), pattern and string are
 * matched as characters when both are valid UTF-8, and byte by byte otherwise, as bash does.
 *
 * <p>A pattern is compiled once and matched many times; a match never throws. Matching follows
 * bash's algorithm: without extglob it never backtracks to an earlier {@code *} (linear-ish);
 * bash's re-matching of {@code *( )} and {@code +( )} once per repetition, which recurses once
 * per character, is computed here as the set of positions the repetitions can reach, so Java's
 * stack grows with the pattern's nesting only. Simplification: beyond {@value #MAX_DEPTH} nested
 * sub-matches (a pattern of hundreds of nested or chained extglob groups) the match fails.
 *
 * <p>Where glibc's {@code fnmatch} differs (measured on this machine's glibc 2.36): it knows no
 * collating-symbol names such as {@code [.space.]}, a pattern ending in a lone backslash never
 * matches there, and {@code [a[:x]} is a one-bracket set there. One deviation from bash: with
 * {@link #PATHNAME} a trailing {@code *} does not match across a slash, as fnmatch(3) says; bash's
 * strmatch would, but its globbing only ever matches one name at a time.
 */
public final class Fnmatch {

    /** A slash is matched only by a slash: not by {@code *}, {@code ?} or a bracket expression. */
    public static final int PATHNAME = 1;
    /** A backslash is an ordinary character. */
    public static final int NOESCAPE = 1 << 1;
    /** A leading dot (after a slash too, with {@link #PATHNAME}) must be matched explicitly. */
    public static final int PERIOD = 1 << 2;
    /** The pattern may match a leading part of the string up to a slash ({@code foo*} matches {@code foobar/x}). */
    public static final int LEADING_DIR = 1 << 3;
    /** Letters match regardless of case ({@code nocasematch}, {@code nocaseglob}, {@code find -iname}). */
    public static final int CASEFOLD = 1 << 4;
    /** ksh's extended patterns ({@code shopt -s extglob}; always on in {@code [[ ]]}). */
    public static final int EXTMATCH = 1 << 5;
    /** {@code .} and {@code ..} must be matched explicitly even without {@link #PERIOD} (bash's globskipdots). */
    public static final int DOTDOT = 1 << 7;

    /** How deep sub-matches may nest before a match gives up. */
    static final int MAX_DEPTH = 200;

    /** bash's collating-symbol names (lib/glob/collsyms.h): POSIX's names of the portable characters. */
    private static final Map<String, Integer> COLLATING_SYMBOLS = collatingSymbols();

    private final int flags;
    private final boolean utf8;
    private final int[] bytes;
    private final int[] wide;

    private Fnmatch(String pattern, int flags, boolean utf8) {
        this.flags = flags;
        this.utf8 = utf8;
        this.bytes = terminated(byteValues(pattern));
        int[] decoded = utf8 ? Utf8.decodeStrict(pattern) : null;
        this.wide = decoded == null ? null : terminated(decoded);
    }

    /**
     * Compiles a pattern (a byte string; the shell passes quoted characters backslash-escaped).
     *
     * @param flags the {@code FNM_} flags of this class, or'ed
     * @param utf8  whether the locale's charset is UTF-8
     */
    public static Fnmatch compile(String pattern, int flags, boolean utf8) {
        return new Fnmatch(pattern, flags, utf8);
    }

    /** Whether the whole of {@code string} matches. */
    public boolean matches(String string) {
        Subject subject = subject(string);
        return subject.matches(0, subject.length());
    }

    /**
     * The string prepared for many matches of parts of it, as {@code ${x#pat}} and friends need:
     * decoded once into characters (or bytes, see the class comment).
     */
    public Subject subject(String string) {
        int[] decoded = wide != null ? Utf8.decodeStrict(string) : null;
        if (decoded != null) return new Subject(this, wide, decoded, string, true);
        return new Subject(this, bytes, byteValues(string), string, false);
    }

    /**
     * A string prepared for matching: its characters (code points, or bytes when matched byte
     * by byte), with indexes that {@link #offset} turns into byte offsets.
     */
    public static final class Subject {
        private final Fnmatch pattern;
        private final int[] patternChars;
        private final int[] chars;
        private final int[] offsets;
        private final boolean wide;

        private Subject(Fnmatch pattern, int[] patternChars, int[] chars, String bytes, boolean wide) {
            this.pattern = pattern;
            this.patternChars = patternChars;
            this.chars = chars;
            this.wide = wide;
            this.offsets = wide ? offsets(chars, bytes.length()) : null;
        }

        /** How many characters (or bytes) the string has. */
        public int length() {
            return chars.length;
        }

        /** The byte offset of character {@code index} (0 to {@link #length()}). */
        public int offset(int index) {
            return offsets == null ? index : offsets[index];
        }

        /** Whether characters {@code from} (inclusive) to {@code to} (exclusive), as a whole string, match. */
        public boolean matches(int from, int to) {
            if (from < 0 || to > chars.length || from > to) return false;
            Run run = new Run(patternChars, chars, to, wide, pattern.flags);
            return run.gmatch(from, to, 0, patternChars.length - 1, null, pattern.flags);
        }

        /**
         * {@code ${x#pat}} ({@code longest}: {@code ##}): where the string goes on after the
         * shortest (longest) leading part that matches, or 0 if none does — bash's loop in
         * {@code remove_upattern}.
         */
        public int removePrefix(boolean longest) {
            int n = chars.length;
            for (int i = longest ? n : 0; longest ? i >= 0 : i <= n; i += longest ? -1 : 1) {
                if (matches(0, i)) return i;
            }
            return 0;
        }

        /**
         * {@code ${x%pat}} ({@code longest}: {@code %%}): where the shortest (longest) trailing
         * part that matches starts, or the length if none does.
         */
        public int removeSuffix(boolean longest) {
            int n = chars.length;
            for (int i = longest ? 0 : n; longest ? i <= n : i >= 0; i += longest ? 1 : -1) {
                if (matches(i, n)) return i;
            }
            return n;
        }

        private static int[] offsets(int[] codePoints, int byteLength) {
            int[] offsets = new int[codePoints.length + 1];
            int at = 0;
            for (int i = 0; i < codePoints.length; i++) {
                offsets[i] = at;
                int cp = codePoints[i];
                at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            }
            offsets[codePoints.length] = byteLength;
            return offsets;
        }
    }

    /** Whether a character (in the subject's representation) is in a named class. */
    static int inClass(int c, String name, boolean wide) {
        CharClass cls = CharClass.named(name);
        if (cls == null) return -1;
        return (wide ? cls.hasCodePoint(c) : cls.hasByte(c)) ? 1 : 0;
    }

    static int collatingSymbol(int[] p, int start, int length) {
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) name.appendCodePoint(p[start + i]);
        Integer code = COLLATING_SYMBOLS.get(name.toString());
        if (code != null) return code;
        return length == 1 ? p[start] : -1;
    }

    private static int[] byteValues(String s) {
        int[] out = new int[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = s.charAt(i) & 0xFF;
        return out;
    }

    private static int[] terminated(int[] chars) {
        int[] out = java.util.Arrays.copyOf(chars, chars.length + 1);
        out[chars.length] = 0;
        return out;
    }

    private static Map<String, Integer> collatingSymbols() {
        String[] names = {
            "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "alert", "BS", "backspace", "HT", "tab", "LF",
            "newline", "VT", "vertical-tab", "FF", "form-feed", "CR", "carriage-return", "SO", "SI", "DLE", "DC1",
            "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "IS4", "FS", "IS3", "GS", "IS2",
            "RS", "IS1", "US", "space", "exclamation-mark", "quotation-mark", "number-sign", "dollar-sign",
            "percent-sign", "ampersand", "apostrophe", "left-parenthesis", "right-parenthesis", "asterisk",
            "plus-sign", "comma", "hyphen", "hyphen-minus", "minus", "dash", "period", "full-stop", "slash",
            "solidus", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "colon",
            "semicolon", "less-than-sign", "equals-sign", "greater-than-sign", "question-mark", "commercial-at",
            "left-square-bracket", "backslash", "reverse-solidus", "right-square-bracket", "circumflex",
            "circumflex-accent", "underscore", "grave-accent", "left-brace", "left-curly-bracket",
            "vertical-line", "right-brace", "right-curly-bracket", "tilde", "DEL"};
        int[] codes = {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
            24, 25, 26, 27, 28, 28, 29, 29, 30, 30, 31, 31, ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*',
            '+', ',', '-', '-', '-', '-', '.', '.', '/', '/', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':',
            ';', '<', '=', '>', '?', '@', '[', '\\', '\\', ']', '^', '^', '_', '`', '{', '{', '|', '}', '}', '~',
            127};
        java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) m.put(names[i], codes[i]);
        return Map.copyOf(m);
    }
}
