package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * od (coreutils 9.1): dump the input's bytes in the formats asked for ({@code -t x1}, {@code -c},
 * {@code -t d2} ...), 16 bytes a line (or {@code -w}), the offset in front ({@code -A}), identical
 * lines after the first shown as {@code *} (unless {@code -v}), skipping ({@code -j}) and limiting
 * ({@code -N}). Several formats line up in columns, as od computes its padding. Integers are read
 * little-endian, as on x86-64. Not simulated: {@code --traditional} offsets, {@code -S} strings,
 * {@code --endian}, long double ({@code fL}).
 */
public final class Od extends Tool {

    private static final String SHORT = "A:j:N:t:vw::abcdfhilosxe";
    private static final List<String> LONG = List.of("address-radix=>A", "skip-bytes=>j", "read-bytes=>N", "format=>t",
            "output-duplicates>v", "width=?>w", "help", "version");

    /** One output format: its kind letter, bytes per item, field width, and whether it adds the >text< column. */
    record Format(char kind, int size, int width, boolean trailer) {
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("od", c.args().operands(), SHORT, LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        List<Format> formats = new ArrayList<>();
        char radix = 'o';
        long skip = 0;
        long limit = -1;
        int width = 16;
        boolean widthGiven = false;
        boolean verbose = false;
        for (Getopt.Opt o : g.options()) {
            String v = o.value();
            switch (o.key()) {
                case "A" -> {
                    // od looks at the first character only ("-A xx" is hex)
                    if (v.isEmpty() || "doxn".indexOf(v.charAt(0)) < 0) {
                        c.error("invalid output address radix '" + (v.isEmpty() ? "" : v.substring(0, 1)) + "'; it must be one character from [doxn]");
                        return c.exit(1);
                    }
                    radix = v.charAt(0);
                }
                case "j", "N" -> {
                    Sizes.Parsed p = Sizes.parse(v, 0, "bEGKkMmPTYZ0");
                    if (!p.ok()) {
                        c.error(p.status() == Sizes.Status.OVERFLOW ? "-" + o.key() + " argument '" + v + "' too large"
                                : "invalid -" + o.key() + " argument '" + v + "'");
                        return c.exit(1);
                    }
                    if (o.is("j")) skip = p.value();
                    else limit = p.value();
                }
                case "t" -> {
                    String error = parseType(v, formats);
                    if (error != null) {
                        c.error(error.replace("%Q", Quote.locale(v, c.utf8())));
                        return c.exit(1);
                    }
                }
                case "v" -> verbose = true;
                case "w" -> {
                    widthGiven = true;
                    if (v == null) {
                        width = 32;
                    } else {
                        Sizes.Parsed p = Sizes.parse(v, 0, "");
                        if (!p.ok()) {
                            c.error("invalid -w argument '" + v + "'");
                            return c.exit(1);
                        }
                        width = (int) Math.min(p.value(), Integer.MAX_VALUE);
                    }
                }
                case "a" -> formats.add(format('a', 1));
                case "b" -> formats.add(format('o', 1));
                case "c" -> formats.add(format('c', 1));
                case "d" -> formats.add(format('u', 2));
                case "f" -> formats.add(format('f', 4));
                case "e" -> formats.add(format('f', 8));
                case "i" -> formats.add(format('d', 4));
                case "l" -> formats.add(format('d', 8));
                case "o" -> formats.add(format('o', 2));
                case "s" -> formats.add(format('d', 2));
                case "h", "x" -> formats.add(format('x', 2));
                default -> {
                    c.error("unsupported option");
                    return c.exit(1);
                }
            }
        }
        if (formats.isEmpty()) formats.add(format('o', 2));
        int lcm = 1;
        for (Format f : formats) lcm = lcm(lcm, f.size());
        if (widthGiven && (width < 1 || width % lcm != 0)) {
            c.error("warning: invalid width " + width + "; using " + lcm + " instead");
            width = lcm;
        }
        Dump dump = new Dump(c, new ByteInput(c, g.operands()), formats, radix, width, !verbose);
        return dump.start(skip, limit);
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    static Format format(char kind, int size) {
        return new Format(kind, size, fieldWidth(kind, size), false);
    }

    private static int fieldWidth(char kind, int size) {
        return switch (kind) {
            case 'a', 'c' -> 3;
            case 'x' -> size * 2;
            case 'o' -> switch (size) {
                case 1 -> 3;
                case 2 -> 6;
                case 4 -> 11;
                default -> 22;
            };
            case 'u' -> switch (size) {
                case 1 -> 3;
                case 2 -> 5;
                case 4 -> 10;
                default -> 20;
            };
            case 'd' -> switch (size) {
                case 1 -> 4;
                case 2 -> 6;
                case 4 -> 11;
                default -> 20;
            };
            default -> size == 4 ? 15 : 24;
        };
    }

    /** Adds the formats of one -t string; null, or the error (%Q stands for the quoted string). */
    static String parseType(String spec, List<Format> into) {
        int i = 0;
        while (i < spec.length()) {
            char kind = spec.charAt(i++);
            int size;
            switch (kind) {
                case 'a', 'c' -> size = 1;
                case 'd', 'o', 'u', 'x' -> {
                    size = 4;
                    if (i < spec.length()) {
                        char s = spec.charAt(i);
                        if (s == 'C') size = 1;
                        else if (s == 'S') size = 2;
                        else if (s == 'I') size = 4;
                        else if (s == 'L') size = 8;
                        if ("CSIL".indexOf(s) >= 0) i++;
                        else if (Character.isDigit(s)) {
                            int end = i;
                            while (end < spec.length() && Character.isDigit(spec.charAt(end))) end++;
                            size = Integer.parseInt(spec.substring(i, Math.min(end, i + 9)));
                            if (size != 1 && size != 2 && size != 4 && size != 8) {
                                return "invalid type string %Q;\nthis system doesn't provide a " + size + "-byte integral type";
                            }
                            i = end;
                        }
                    }
                }
                case 'f' -> {
                    size = 8;
                    if (i < spec.length()) {
                        char s = spec.charAt(i);
                        if (s == 'F') size = 4;
                        else if (s == 'D') size = 8;
                        if (s == 'F' || s == 'D') i++;
                        else if (Character.isDigit(s)) {
                            int end = i;
                            while (end < spec.length() && Character.isDigit(spec.charAt(end))) end++;
                            size = Integer.parseInt(spec.substring(i, Math.min(end, i + 9)));
                            if (size != 4 && size != 8) {
                                return "invalid type string %Q;\nthis system doesn't provide a " + size + "-byte floating point type";
                            }
                            i = end;
                        }
                    }
                }
                default -> {
                    return "invalid character '" + kind + "' in type string %Q";
                }
            }
            boolean trailer = i < spec.length() && spec.charAt(i) == 'z';
            if (trailer) i++;
            into.add(new Format(kind, size, fieldWidth(kind, size), trailer));
        }
        return null;
    }

    /** One run of the dump: the line layout, the previous line for {@code *}, and where we are. */
    private static final class Dump {
        final Libc c;
        final ByteInput in;
        final List<Format> formats;
        final char radix;
        final int width;
        final boolean squeeze;
        final int[] pads;
        long offset;
        byte[] previous;
        boolean starred;

        Dump(Libc c, ByteInput in, List<Format> formats, char radix, int width, boolean squeeze) {
            this.c = c;
            this.in = in;
            this.formats = formats;
            this.radix = radix;
            this.width = width;
            this.squeeze = squeeze;
            int perBlock = 0;
            for (Format f : formats) perBlock = Math.max(perBlock, (f.width() + 1) * (width / f.size()));
            pads = new int[formats.size()];
            for (int i = 0; i < formats.size(); i++) {
                Format f = formats.get(i);
                pads[i] = perBlock - f.width() * (width / f.size());
            }
        }

        Step start(long skip, long limit) {
            return in.skip(skip, left -> {
                if (left > 0) {
                    c.error("cannot skip past end of combined input");
                    return c.exit(1);
                }
                offset = skip;
                return lines(limit);
            });
        }

        Step lines(long left) {
            int want = left < 0 ? width : (int) Math.min(width, left);
            if (want == 0) return finish();
            return in.read(want, block -> {
                if (block.length == 0) return finish();
                line(block);
                offset += block.length;
                return lines(left < 0 ? -1 : left - block.length);
            });
        }

        Step finish() {
            if (!in.anyOpened()) return c.exit(1);
            if (radix != 'n') c.print(address(offset) + "\n");
            return c.exit(in.failed() ? 1 : 0);
        }

        void line(byte[] block) {
            if (squeeze && previous != null && block.length == width && Arrays.equals(previous, block)) {
                if (!starred) c.print("*\n");
                starred = true;
                return;
            }
            starred = false;
            previous = block;
            byte[] full = Arrays.copyOf(block, width);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < formats.size(); i++) {
                Format f = formats.get(i);
                out.append(i == 0 ? address(offset) : " ".repeat(address(0).length()));
                int fields = width / f.size();
                int blank = (width - block.length) / f.size();
                int pad = pads[i];
                int remaining = pad;
                int at = 0;
                for (int k = fields; k > blank; k--) {
                    int nextPad = pad * (k - 1) / fields;
                    int w = remaining - nextPad + f.width();
                    String text = field(f, full, at);
                    out.append(" ".repeat(Math.max(0, w - text.length()))).append(text);
                    at += f.size();
                    remaining = nextPad;
                }
                if (f.trailer()) {
                    int trailerPad = pad * blank / fields;
                    out.append(" ".repeat(blank * f.width() + trailerPad)).append("  >");
                    for (byte b : block) out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                    out.append('<');
                }
                out.append('\n');
            }
            c.printBytes(out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        String address(long a) {
            return switch (radix) {
                case 'd' -> pad(Long.toString(a), 7);
                case 'x' -> pad(Long.toHexString(a), 6);
                case 'n' -> "";
                default -> pad(Long.toOctalString(a), 7);
            };
        }

        private static String pad(String digits, int width) {
            return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
        }
    }

    private static final String[] NAMES = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
        "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp"};

    static String field(Format f, byte[] data, int at) {
        int b0 = data[at] & 0xff;
        switch (f.kind()) {
            case 'a' -> {
                int ch = b0 & 0x7f;
                if (ch <= 0x20) return NAMES[ch];
                if (ch == 0x7f) return "del";
                return String.valueOf((char) ch);
            }
            case 'c' -> {
                return switch (b0) {
                    case 0 -> "\\0";
                    case 7 -> "\\a";
                    case 8 -> "\\b";
                    case 9 -> "\\t";
                    case 10 -> "\\n";
                    case 11 -> "\\v";
                    case 12 -> "\\f";
                    case 13 -> "\\r";
                    default -> b0 >= 0x20 && b0 < 0x7f ? String.valueOf((char) b0) : octal3(b0);
                };
            }
            default -> {
                long raw = 0;
                for (int i = f.size() - 1; i >= 0; i--) raw = (raw << 8) | (data[at + i] & 0xff);
                return switch (f.kind()) {
                    case 'x' -> zeros(Long.toHexString(raw), f.width());
                    case 'o' -> zeros(Long.toOctalString(raw), f.width());
                    case 'u' -> Long.toUnsignedString(raw);
                    case 'd' -> Long.toString(signExtend(raw, f.size()));
                    default -> f.size() == 4 ? CFloat.shortest(Float.intBitsToFloat((int) raw)) : CFloat.shortest(Double.longBitsToDouble(raw));
                };
            }
        }
    }

    private static long signExtend(long raw, int size) {
        int shift = 64 - size * 8;
        return shift == 0 ? raw : (raw << shift) >> shift;
    }

    private static String zeros(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String octal3(int b) {
        return zeros(Integer.toOctalString(b), 3);
    }

    @Override
    public String whatis() {
        return "dump files in octal and other formats";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "od [OPTION]... [FILE]...\n  Write an unambiguous representation, octal bytes by default, of FILE to standard output. With more than one FILE, concatenate them to form the input. With no FILE, or when FILE is -, read standard input.\n"
                + "  -A, --address-radix=RADIX  output format for file offsets: d, o, x or n (none)\n"
                + "  -j, --skip-bytes=BYTES     skip BYTES input bytes first\n"
                + "  -N, --read-bytes=BYTES     limit dump to BYTES input bytes\n"
                + "  -t, --format=TYPE          select output format or formats: a, c, d[SIZE], f[SIZE], o[SIZE], u[SIZE], x[SIZE]; a z suffix adds the printable characters\n"
                + "  -v, --output-duplicates    do not use * to mark line suppression\n"
                + "  -w[BYTES], --width[=BYTES] output BYTES bytes per output line (32 when BYTES is not given)\n"
                + "  -a -b -c -d -f -i -l -o -s -x  same as -t a, o1, c, u2, fF, dI, dL, o2, d2, x2\n"
                + "  BYTES may have a suffix: b 512, K 1024, KB 1000, M 1024*1024, MB 1000*1000, ...; 0x means hexadecimal.";
    }
}
