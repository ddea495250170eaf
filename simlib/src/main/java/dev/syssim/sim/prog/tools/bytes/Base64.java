package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * base64 (coreutils 9.1): encode the input in RFC 4648's alphabet, lines wrapped at 76 characters
 * ({@code -w COLS}, 0 for none), or decode it ({@code -d}): newlines are skipped, anything else
 * outside the alphabet ends decoding with "invalid input" after the bytes decoded so far, unless
 * {@code -i} ignores it. Encoding streams the input; decoding reads it whole.
 */
public final class Base64 extends Tool {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final List<String> LONG = List.of("decode>d", "ignore-garbage>i", "wrap=>w", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("base64", c.args().operands(), "diw:", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        int wrap = 76;
        if (g.has("w")) {
            String v = g.last("w");
            long w = -1;
            if (v.matches("\\d+")) {
                try {
                    w = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    w = Long.MAX_VALUE;
                }
            }
            if (w < 0) {
                c.error("invalid wrap size: " + Quote.locale(v, c.utf8()));
                return c.exit(1);
            }
            wrap = (int) Math.min(w, Integer.MAX_VALUE);
        }
        if (g.operands().size() > 1) return c.usageError("base64: extra operand " + Quote.locale(g.operands().get(1), c.utf8()), 1);
        ByteInput in = new ByteInput(c, g.operands()).readErrorsUnnamed();
        if (g.has("d")) return decode(c, in, g.has("i"));
        int[] column = {0};
        int width = wrap;
        return in.forEachBlock(3 * 1024, (block, more) -> {
            c.print(encode(block, width, column));
            return more.get();
        }, () -> finish(c, in, width > 0 && column[0] > 0 ? "\n" : ""));
    }

    private static Step finish(Libc c, ByteInput in, String tail) {
        c.print(tail);
        return c.exit(in.failed() ? 1 : 0);
    }

    /** Encodes a block whose length is a multiple of 3 except at the end, wrapping at {@code wrap} columns. */
    static String encode(byte[] data, int wrap, int[] column) {
        StringBuilder out = new StringBuilder(data.length * 4 / 3 + 8);
        for (int i = 0; i < data.length; i += 3) {
            int b0 = data[i] & 0xff;
            int b1 = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            int b2 = i + 2 < data.length ? data[i + 2] & 0xff : 0;
            char[] quad = {
                ALPHABET.charAt(b0 >> 2),
                ALPHABET.charAt((b0 & 3) << 4 | b1 >> 4),
                i + 1 < data.length ? ALPHABET.charAt((b1 & 15) << 2 | b2 >> 6) : '=',
                i + 2 < data.length ? ALPHABET.charAt(b2 & 63) : '='};
            for (char ch : quad) {
                out.append(ch);
                if (wrap > 0 && ++column[0] == wrap) {
                    out.append('\n');
                    column[0] = 0;
                }
            }
        }
        return out.toString();
    }

    private static Step decode(Libc c, ByteInput in, boolean ignoreGarbage) {
        return in.readAll(text -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean ok = decode(text, ignoreGarbage, out);
            c.printBytes(out.toByteArray());
            if (in.failed()) return c.exit(1);
            if (!ok) {
                c.error("invalid input");
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    /** Decodes into {@code out} what can be decoded; false at the first invalid or incomplete group. */
    static boolean decode(byte[] text, boolean ignoreGarbage, ByteArrayOutputStream out) {
        int[] group = new int[4];
        int n = 0;
        int i = 0;
        while (i < text.length) {
            int ch = text[i++] & 0xff;
            if (ch == '\n') continue;
            int v = ch < 128 ? ALPHABET.indexOf(ch) : -1;
            if (v < 0 && ch != '=') {
                if (ignoreGarbage) continue;
                flushPartial(group, n, out);
                return false;
            }
            if (ch == '=') {
                // padding: "xx==" or "xxx=" ends a group
                if (n < 2) {
                    if (ignoreGarbage) continue;
                    flushPartial(group, n, out);
                    return false;
                }
                int need = 4 - n;
                int pads = 1;
                while (pads < need && i < text.length && (text[i] == '=' || text[i] == '\n')) {
                    if (text[i] == '=') pads++;
                    i++;
                }
                if (pads < need) {
                    flushPartial(group, n, out);
                    return false;
                }
                flushPartial(group, n, out);
                n = 0;
                continue;
            }
            group[n++] = v;
            if (n == 4) {
                out.write(group[0] << 2 | group[1] >> 4);
                out.write((group[1] & 15) << 4 | group[2] >> 2);
                out.write((group[2] & 3) << 6 | group[3]);
                n = 0;
            }
        }
        if (n == 0) return true;
        flushPartial(group, n, out);
        return false;
    }

    private static void flushPartial(int[] group, int n, ByteArrayOutputStream out) {
        if (n >= 2) out.write(group[0] << 2 | group[1] >> 4);
        if (n >= 3) out.write((group[1] & 15) << 4 | group[2] >> 2);
    }

    @Override
    public String whatis() {
        return "base64 encode/decode data and print to standard output";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "base64 [OPTION]... [FILE]\n  Base64 encode or decode FILE, or standard input, to standard output. With no FILE, or when FILE is -, read standard input.\n"
                + "  -d, --decode          decode data\n"
                + "  -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n"
                + "  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76); 0 disables line wrapping";
    }
}
