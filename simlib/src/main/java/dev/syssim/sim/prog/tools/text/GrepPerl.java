package dev.syssim.sim.prog.tools.text;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * grep -P's one pattern, a Perl-compatible expression as grep 3.8 hands it to PCRE2, matched here
 * with {@link java.util.regex}, whose syntax is PCRE's for what scripts use: {@code \d \w \s \b},
 * lazy and possessive repeats, look-around, atomic groups, {@code \Q...\E}. What Java spells
 * differently is rewritten: {@code \K} (the match starts again here; {@code grep -oP 'x=\K\d+'}),
 * POSIX classes inside brackets ({@code [[:digit:]]}), Python-style named groups {@code (?P<n>...)}
 * and {@code (?P=n)}. As in grep 3.8 (no PCRE2_UCP), {@code \d \w \s \b} are ASCII while {@code .}
 * is a whole UTF-8 character; -w and -x wrap the pattern as pcresearch.c does.
 *
 * <p>Simplifications: a syntax error is reported with PCRE2's wording only for the common ones
 * (unbalanced parentheses, a repeat of nothing, an unterminated bracket); a line that is not
 * valid UTF-8 is matched byte by byte (grep skips its invalid parts); recursion {@code (?R)},
 * {@code (?|...)} and callouts are not known to Java and are errors.
 */
final class GrepPerl {

    /** The empty group that marks where {@code \K} put the start of the match. */
    private static final String KEEP = "syssimKeep";

    private final Pattern pattern;
    private final boolean keep;
    private final boolean utf8;

    private GrepPerl(Pattern pattern, boolean keep, boolean utf8) {
        this.pattern = pattern;
        this.keep = keep;
        this.utf8 = utf8;
    }

    /** The pattern compiled, or the message grep prints for it (a String). */
    static Object compile(String source, boolean icase, boolean words, boolean lines, boolean utf8) {
        String translated = translate(source);
        boolean keep = translated.contains("(?<" + KEEP + ">)");
        if (words) translated = "(?<!\\w)(?:" + translated + ")(?!\\w)";
        if (lines) translated = "^(?:" + translated + ")$";
        int flags = icase ? Pattern.CASE_INSENSITIVE | (utf8 ? Pattern.UNICODE_CASE : 0) : 0;
        try {
            return new GrepPerl(Pattern.compile(translated, flags), keep, utf8);
        } catch (PatternSyntaxException e) {
            return message(e);
        }
    }

    private static String message(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) return "missing closing parenthesis";
        if (d.startsWith("Unmatched closing ')'")) return "unmatched closing parenthesis";
        if (d.startsWith("Dangling meta character")) return "quantifier does not follow a repeatable item";
        if (d.startsWith("Unclosed character class")) return "missing terminating ] for character class";
        return d.toLowerCase(java.util.Locale.ROOT);
    }

    /** PCRE spellings Java lacks, rewritten; everything else is passed as written. */
    private static String translate(String s) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '\\' && s.startsWith("\\E", i)) {
                    quoted = false;
                    out.append("\\E");
                    i++;
                } else {
                    out.append(ch);
                }
                continue;
            }
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == 'K' && !inClass) {
                    out.append("(?<" + KEEP + ">)");
                } else if (next == 'Q') {
                    quoted = true;
                    out.append("\\Q");
                } else {
                    out.append(ch).append(next);
                }
                i++;
                continue;
            }
            if (inClass) {
                if (ch == '[' && s.startsWith("[:", i)) {
                    int end = s.indexOf(":]", i + 2);
                    String name = end < 0 ? null : posix(s.substring(i + 2, end));
                    if (name != null) {
                        out.append(name);
                        i = end + 1;
                        continue;
                    }
                }
                if (ch == '[') {
                    out.append("\\[");
                    continue;
                }
                if (ch == ']') inClass = false;
                out.append(ch);
                continue;
            }
            if (ch == '[') {
                inClass = true;
                out.append(ch);
                // a ']' first in the class (after an optional '^') is a member, as in PCRE
                if (i + 1 < s.length() && s.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < s.length() && s.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (ch == '(' && s.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
                continue;
            }
            if (ch == '(' && s.startsWith("(?P=", i)) {
                int end = s.indexOf(')', i);
                if (end > 0) {
                    out.append("\\k<").append(s, i + 4, end).append('>');
                    i = end;
                    continue;
                }
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static String posix(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\p{Digit}";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> "\\p{Blank}";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "\\p{XDigit}";
            case "cntrl" -> "\\p{Cntrl}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "word" -> "\\w";
            case "ascii" -> "\\p{ASCII}";
            default -> null;
        };
    }

    /** The first match in the line {@code buf[s, e)} at or after {@code from}, as byte offsets; null when none. */
    int[] search(byte[] buf, int s, int e, int from) {
        Line line = Line.of(buf, s, e, utf8);
        int at = line.charIndex(from);
        if (at < 0) return null;
        Matcher m = pattern.matcher(line.text);
        m.useTransparentBounds(true).useAnchoringBounds(true);
        if (!m.find(at)) return null;
        int start = m.start();
        if (keep && m.start(KEEP) >= 0) start = m.start(KEEP);
        return new int[] {line.byteOffset(start), line.byteOffset(m.end())};
    }

    /** A line as Java text, with the way back from characters to bytes. */
    private record Line(String text, int[] offsets, int base) {

        static Line of(byte[] buf, int s, int e, boolean utf8) {
            boolean ascii = true;
            for (int i = s; i < e && ascii; i++) ascii = buf[i] >= 0;
            if (ascii || !utf8 || !validUtf8(buf, s, e)) {
                return new Line(new String(buf, s, e - s, StandardCharsets.ISO_8859_1), null, s);
            }
            String text = new String(buf, s, e - s, StandardCharsets.UTF_8);
            int[] offsets = new int[text.length() + 1];
            int bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                offsets[i] = s + bytes;
                char ch = text.charAt(i);
                if (Character.isHighSurrogate(ch)) {
                    offsets[i + 1] = s + bytes;
                    bytes += 4;
                    i++;
                } else {
                    bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
                }
            }
            offsets[text.length()] = s + bytes;
            return new Line(text, offsets, s);
        }

        int byteOffset(int charIndex) {
            return offsets == null ? base + charIndex : offsets[charIndex];
        }

        /** The character that starts at byte {@code at}; -1 when {@code at} is inside one. */
        int charIndex(int at) {
            if (offsets == null) return at - base;
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] == at) return i;
                if (offsets[i] > at) return -1;
            }
            return -1;
        }

        private static boolean validUtf8(byte[] buf, int s, int e) {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(buf, s, e - s), java.nio.CharBuffer.allocate(e - s), true)
                    .isUnderflow();
        }
    }
}
