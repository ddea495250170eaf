package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.prog.Libc;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * One input of grep, read as it arrives: the lines of each block are matched in a Java loop, the
 * part after the last line end waits for the next block. It prints selected lines and their
 * context, counts, and notices binary data the way GNU grep 3.8 does: a NUL byte (unless -a or -z)
 * makes the input binary from that block on — NUL then ends a line for matching, output is
 * suppressed and the first selected line ends the input with "binary file matches"; under UTF-8 a
 * selected line that is not valid UTF-8 is not printed, and the same message follows the input.
 * (Simplification: GNU grep also checks the first block for holes; there are none to find here.)
 */
final class GrepScan {

    /** What one grep run prints and how; shared by all its inputs. */
    static final class Settings {
        GrepPatterns patterns;
        boolean invert;
        boolean count;
        int listFiles; // 0 none, 1 -l, 2 -L
        boolean quiet;
        boolean onlyMatching;
        boolean lineNumbers;
        boolean byteOffsets;
        boolean initialTab;
        boolean nullAfterName;
        boolean withNames;
        boolean text;
        boolean nullData;
        boolean utf8;
        boolean color;
        long maxCount = -1;
        int before = -1;
        int after = -1;
        String groupSeparator = "--";
        /** Whether anything was printed yet (the group separator goes between groups, across files). */
        boolean used;
    }

    private static final String SGR_MATCH = "\033[01;31m\033[K";
    private static final String SGR_NAME = "\033[35m\033[K";
    private static final String SGR_NUMBER = "\033[32m\033[K";
    private static final String SGR_SEP = "\033[36m\033[K";
    private static final String SGR_END = "\033[m\033[K";

    private record Held(byte[] line, long number, long offset) {
    }

    private final Libc c;
    private final Settings s;
    private final String label;
    private final byte eol;
    private final int width;
    private final ByteArrayOutputStream carry = new ByteArrayOutputStream();
    private final ArrayDeque<Held> beforeLines = new ArrayDeque<>();
    private long lineNumber;
    private long offset;
    private long selected;
    private long lastPrinted = -1;
    private int afterLeft;
    private boolean binary;
    private boolean suppressedEncoding;
    private boolean done;
    private boolean stopAfterContext;

    /** {@code size}: the file's size when it is a regular file, else -1 (it sets -T's number width). */
    GrepScan(Libc c, Settings s, String label, long size) {
        this.c = c;
        this.s = s;
        this.label = label;
        this.eol = s.nullData ? (byte) 0 : (byte) '\n';
        this.width = numberWidth(size, s.lineNumbers);
    }

    /** -T aligns numbers to the digits of the file's size (plus one with -n), or of INTMAX_MAX for a pipe. */
    private static int numberWidth(long size, boolean lineNumbers) {
        long n = size < 0 ? Long.MAX_VALUE : size + (lineNumbers ? 1 : 0);
        return Long.toString(n).length();
    }

    /** How many lines were selected. */
    long selected() {
        return selected;
    }

    /** Whether reading can stop: the answer is known (-q, -l, -L, -m reached, a binary match). */
    boolean done() {
        return done;
    }

    /** Takes one block of input. */
    void feed(byte[] block) {
        if (done) return;
        if (!s.text && !s.nullData && !binary) {
            for (byte b : block) {
                if (b == 0) {
                    binary = true;
                    break;
                }
            }
        }
        byte[] buf;
        if (carry.size() > 0) {
            carry.write(block, 0, block.length);
            buf = carry.toByteArray();
            carry.reset();
        } else {
            buf = block;
        }
        int start = 0;
        for (int i = 0; i < buf.length && !done; i++) {
            if (buf[i] == eol || binary && buf[i] == 0) {
                line(buf, start, i, true);
                start = i + 1;
            }
        }
        if (!done && start < buf.length) carry.write(buf, start, buf.length - start);
    }

    /** The end of the input: the last line, even without its line end, then -c, -l and -L. */
    void finish() {
        if (!done && carry.size() > 0) {
            byte[] rest = carry.toByteArray();
            carry.reset();
            line(rest, 0, rest.length, false);
        }
        String name = s.nullAfterName ? "\0" : "\n";
        if (s.count && s.listFiles == 0 && !s.quiet) {
            if (s.withNames) printName(s.nullAfterName ? "\0" : ":");
            c.print(selected + "\n");
        }
        if (s.listFiles == 1 && selected > 0 && !s.quiet) {
            printName(name);
        }
        if (s.listFiles == 2 && selected == 0 && !s.quiet) {
            printName(name);
        }
        if (suppressedEncoding) binaryMessage();
    }

    private void printName(String after) {
        c.print(s.color ? SGR_NAME + label + SGR_END : label);
        if (after.equals(":") && s.color) c.print(SGR_SEP + ":" + SGR_END);
        else c.print(after);
    }

    private void binaryMessage() {
        c.flushStdout();
        c.eprint("grep: " + label + ": binary file matches\n");
    }

    private void line(byte[] buf, int from, int to, boolean ended) {
        lineNumber++;
        long lineOffset = offset;
        offset += to - from + (ended ? 1 : 0);
        if (stopAfterContext) {
            if (afterLeft > 0) {
                afterLeft--;
                print(buf, from, to, lineNumber, lineOffset, false);
            }
            if (afterLeft == 0) done = true;
            return;
        }
        boolean matched = s.patterns.matches(buf, from, to);
        if (matched == s.invert) {
            if (afterLeft > 0) {
                afterLeft--;
                print(buf, from, to, lineNumber, lineOffset, false);
            } else if (s.before > 0 && !silent()) {
                beforeLines.addLast(new Held(java.util.Arrays.copyOfRange(buf, from, to), lineNumber, lineOffset));
                if (beforeLines.size() > s.before) beforeLines.removeFirst();
            }
            return;
        }
        selected++;
        if (s.quiet || s.listFiles != 0) {
            done = true;
            return;
        }
        if (binary && !s.count) {
            binaryMessage();
            done = true;
            return;
        }
        if (!s.count) {
            if (s.utf8 && !s.text && !validUtf8(buf, from, to)) {
                suppressedEncoding = true;
            } else {
                for (Held h : beforeLines) print(h.line(), 0, h.line().length, h.number(), h.offset(), false);
                beforeLines.clear();
                print(buf, from, to, lineNumber, lineOffset, true);
                afterLeft = Math.max(0, s.after);
            }
        }
        if (s.maxCount >= 0 && selected >= s.maxCount) {
            if (afterLeft > 0 && !s.count) stopAfterContext = true;
            else done = true;
        }
    }

    private boolean silent() {
        return s.quiet || s.count || s.listFiles != 0;
    }

    private void print(byte[] buf, int from, int to, long number, long lineOffset, boolean isSelected) {
        boolean context = s.before >= 0 || s.after >= 0;
        if (context && s.used && lastPrinted != number - 1 && s.groupSeparator != null) {
            c.print(s.color ? SGR_SEP + s.groupSeparator + SGR_END + "\n" : s.groupSeparator + "\n");
        }
        s.used = true;
        lastPrinted = number;
        char sep = isSelected ? ':' : '-';
        if (s.onlyMatching) {
            if (!isSelected || s.invert) return;
            int at = from;
            while (at <= to) {
                int[] m = s.patterns.next(buf, from, to, at);
                if (m == null) break;
                if (m[1] == m[0]) {
                    at = m[0] + 1;
                    continue;
                }
                head(number, lineOffset + (m[0] - from), sep, true);
                if (s.color) c.print(SGR_MATCH);
                c.printBytes(java.util.Arrays.copyOfRange(buf, m[0], m[1]));
                if (s.color) c.print(SGR_END);
                c.printBytes(new byte[] {eol});
                at = m[1];
            }
            return;
        }
        head(number, lineOffset, sep, to > from);
        boolean colorMatches = s.color && isSelected != s.invert;
        if (colorMatches) {
            int at = from;
            int written = from;
            while (at <= to) {
                int[] m = s.patterns.next(buf, from, to, at);
                if (m == null) break;
                if (m[1] == m[0]) {
                    at = m[0] + 1;
                    continue;
                }
                c.printBytes(java.util.Arrays.copyOfRange(buf, written, m[0]));
                c.print(SGR_MATCH);
                c.printBytes(java.util.Arrays.copyOfRange(buf, m[0], m[1]));
                c.print(SGR_END);
                written = m[1];
                at = m[1];
            }
            c.printBytes(java.util.Arrays.copyOfRange(buf, written, to));
        } else {
            c.printBytes(java.util.Arrays.copyOfRange(buf, from, to));
        }
        c.printBytes(new byte[] {eol});
    }

    /** The prefix of an output line: file name, line number, byte offset, each with its separator. */
    private void head(long number, long byteOffset, char sep, boolean nonEmpty) {
        String sepText = s.color ? SGR_SEP + sep + SGR_END : String.valueOf(sep);
        if (s.withNames) {
            c.print(s.color ? SGR_NAME + label + SGR_END : label);
            c.print(s.nullAfterName ? "\0" : sepText);
        }
        if (s.lineNumbers) {
            String n = s.initialTab ? String.format("%" + width + "d", number) : Long.toString(number);
            c.print(s.color ? SGR_NUMBER + n + SGR_END : n);
            c.print(sepText);
        }
        if (s.byteOffsets) {
            String n = s.initialTab ? String.format("%" + width + "d", byteOffset) : Long.toString(byteOffset);
            c.print(s.color ? SGR_NUMBER + n + SGR_END : n);
            c.print(sepText);
        }
        if (s.initialTab && (s.withNames || s.lineNumbers || s.byteOffsets) && nonEmpty) c.print("\t");
    }

    static boolean validUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                i++;
                continue;
            }
            int need = b0 >= 0xC2 && b0 <= 0xDF ? 1 : b0 >= 0xE0 && b0 <= 0xEF ? 2 : b0 >= 0xF0 && b0 <= 0xF4 ? 3 : -1;
            if (need < 0 || i + need >= to) return false;
            int cp = b0 & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
            for (int k = 1; k <= need; k++) {
                int bk = b[i + k] & 0xff;
                if ((bk & 0xC0) != 0x80) return false;
                cp = cp << 6 | bk & 0x3F;
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) return false;
            i += need + 1;
        }
        return true;
    }
}
