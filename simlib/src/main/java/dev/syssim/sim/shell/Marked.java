package dev.syssim.sim.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word during expansion: its characters, and for each where it came from — quoted text (never
 * split or globbed), an unquoted expansion's result (split at IFS, globbed), or unquoted literal text
 * (globbed, not split). bash marks the same with CTLESC bytes; field splitting and pathname
 * expansion read these marks.
 */
final class Marked {

    static final byte LITERAL = 0;
    static final byte QUOTED = 1;
    static final byte SPLIT = 2;

    final StringBuilder text;
    private byte[] flags;

    Marked() {
        this(16);
    }

    /** A word with room for {@code capacity} characters (a split field knows its length). */
    Marked(int capacity) {
        text = new StringBuilder(capacity);
        flags = new byte[Math.max(1, capacity)];
    }
    /** The word had quotes: an empty result is still a word ({@code ""}). */
    boolean quotedNull;

    void append(String s, byte flag) {
        int start = text.length();
        text.append(s);
        if (flags.length < text.length()) flags = Arrays.copyOf(flags, Math.max(text.length(), flags.length * 2));
        Arrays.fill(flags, start, text.length(), flag);
    }

    void append(char ch, byte flag) {
        int start = text.length();
        text.append(ch);
        if (flags.length < text.length()) flags = Arrays.copyOf(flags, Math.max(text.length(), flags.length * 2));
        flags[start] = flag;
    }

    /** Appends another marked word's characters with their marks. */
    void append(Marked other) {
        for (int i = 0; i < other.text.length(); i++) append(other.text.charAt(i), other.flags[i]);
        if (other.quotedNull) quotedNull = true;
    }

    /** Unquoted literal characters become splittable, as an unquoted operand's text is. */
    void literalsSplit() {
        for (int i = 0; i < text.length(); i++) if (flags[i] == LITERAL) flags[i] = SPLIT;
    }

    byte flag(int i) {
        return flags[i];
    }

    int length() {
        return text.length();
    }

    boolean quoted(int i) {
        return flags[i] == QUOTED;
    }

    /** Whether an unquoted glob character is in it: it needs pathname expansion. */
    boolean hasGlob(boolean extglob) {
        return isPattern(text, flags, extglob);
    }

    /**
     * bash's unquoted_glob_pattern_p: {@code *} or {@code ?}, a {@code [} closed by a later
     * {@code ]} (a {@code /} in between cancels it), or an extglob operator before {@code (};
     * quoted characters (flag QUOTED; {@code flags} may be null) do not count. So {@code [} alone
     * is not a pattern and the shell does not read the directory for it.
     */
    static boolean isPattern(CharSequence text, byte[] flags, boolean extglob) {
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            if (flags != null && flags[i] == QUOTED) continue;
            char c = text.charAt(i);
            switch (c) {
                case '*', '?' -> {
                    return true;
                }
                case '[' -> open = true;
                case ']' -> {
                    if (open) return true;
                }
                case '/' -> open = false;
                case '+', '@', '!' -> {
                    if (extglob && i + 1 < text.length() && text.charAt(i + 1) == '(') return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The text with quote removal done: what the word means as a plain string. */
    String plain() {
        return text.toString();
    }

    /**
     * The text as a pattern for fnmatch: quoted characters that patterns treat specially are escaped
     * with a backslash, so {@code "*"} matches only a star.
     */
    String pattern() {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (flags[i] == QUOTED && "*?[]\\+@!()|^".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    /** The text as an extended regular expression: quoted characters match themselves. */
    String regex() {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (flags[i] == QUOTED && "\\.[]()*+?{}|^$".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    /** A replacement for {@code ${x/p/r}}: quoted {@code &} and {@code \} are escaped, so they stay literal. */
    String replacement() {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (flags[i] == QUOTED && (c == '&' || c == '\\')) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Field splitting (bash's list_string): at characters of an unquoted expansion that are in IFS.
     * IFS white space (space, tab, newline) in a run counts once and is dropped at the ends; any
     * other IFS character ends a field, empty ones included, together with white space around it.
     */
    List<Marked> split(String ifs) {
        List<Marked> fields = new ArrayList<>();
        if (!splits(ifs)) {
            if (text.length() > 0 || quotedNull) fields.add(this);
            return fields;
        }
        ranges(ifs, (from, to) -> {
            if (from == to) {
                Marked empty = new Marked(0);
                empty.quotedNull = true;
                fields.add(empty);
                return;
            }
            Marked field = new Marked(to - from);
            field.text.append(text, from, to);
            System.arraycopy(flags, from, field.flags, 0, to - from);
            fields.add(field);
        });
        if (fields.isEmpty() && quotedNull) fields.add(new Marked());
        if (quotedNull && !fields.isEmpty()) fields.get(0).quotedNull |= fields.size() == 1 && fields.get(0).length() == 0;
        return fields;
    }

    /**
     * {@link #split} straight to the fields' text, for a word no field of which can be a glob
     * pattern: the same fields without a marked copy of each (a word of a million fields).
     */
    void splitPlain(String ifs, List<String> out) {
        if (!splits(ifs)) {
            if (text.length() > 0 || quotedNull) out.add(text.toString());
            return;
        }
        int before = out.size();
        ranges(ifs, (from, to) -> out.add(text.substring(from, to)));
        if (out.size() == before && quotedNull) out.add("");
    }

    /** Whether IFS splits this word at all: it is not empty and some characters came from an unquoted expansion. */
    private boolean splits(String ifs) {
        if (ifs.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) if (flags[i] == SPLIT) return true;
        return false;
    }

    /** Where the fields are; an empty range is an empty field (a non-white IFS character after another). */
    private interface Ranges {
        void field(int from, int to);
    }

    private void ranges(String ifs, Ranges out) {
        int n = text.length();
        int i = 0;
        // white-space separators at the start are dropped
        while (i < n && isSeparator(i, ifs) && isWhite(text.charAt(i))) i++;
        boolean shStyle = ifs.equals(" \t\n");
        while (i < n) {
            int start = i;
            while (i < n && !isSeparator(i, ifs)) i++;
            if (i > start) {
                out.field(start, i);
            } else if (!shStyle && i < n && !isWhite(text.charAt(i))) {
                out.field(i, i);
            }
            if (i >= n) break;
            boolean whiteSeparator = isWhite(text.charAt(i));
            i++;
            while (i < n && isSeparator(i, ifs) && isWhite(text.charAt(i))) i++;
            if (i < n && whiteSeparator && isSeparator(i, ifs) && !isWhite(text.charAt(i))) {
                i++;
                while (i < n && isSeparator(i, ifs) && isWhite(text.charAt(i))) i++;
            }
        }
    }

    private boolean isSeparator(int i, String ifs) {
        return flags[i] == SPLIT && ifs.indexOf(text.charAt(i)) >= 0;
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }
}
