package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.util.Arrays;
import java.util.List;

/**
 * hexdump (util-linux 2.38): 16 bytes a line in one of its canned formats — {@code -C} (canonical:
 * hex bytes in two halves and the text between bars), the default and {@code -x} (2-byte units in
 * hex), {@code -d}, {@code -o}, {@code -b}, {@code -c} — with {@code *} for repeated lines unless
 * {@code -v}, {@code -s} to skip and {@code -n} to limit. Not simulated: {@code -e}/{@code -f}
 * format strings; with several format options only the last is used.
 */
public final class Hexdump extends Tool {

    private static final List<String> LONG = List.of("one-byte-octal>b", "one-byte-char>c", "canonical>C", "two-bytes-decimal>d",
            "two-bytes-octal>o", "two-bytes-hex>x", "length=>n", "skip=>s", "no-squeezing>v", "help", "version>V");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("hexdump", c.args().operands(), "bcCdoxn:s:vVhe:f:L::", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help", "h")) return help(c);
        char mode = 'h';
        long length = -1;
        long skip = 0;
        boolean squeeze = true;
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "b", "c", "C", "d", "o", "x" -> mode = o.key().charAt(0);
                case "n", "s" -> {
                    Sizes.Parsed p = Sizes.parse(o.value(), 0, "bEGKkMmPTYZ0");
                    if (!p.ok()) {
                        c.error("failed to parse " + (o.is("n") ? "length" : "offset") + ": '" + o.value() + "': "
                                + (p.status() == Sizes.Status.OVERFLOW ? "Numerical result out of range" : "Invalid argument"));
                        return c.exit(1);
                    }
                    if (o.is("n")) length = p.value();
                    else skip = p.value();
                }
                case "v" -> squeeze = false;
                case "V" -> {
                    c.println("hexdump from util-linux 2.38.1");
                    return c.exit(0);
                }
                default -> {
                    c.error("format strings (-e, -f) are not simulated");
                    return c.exit(1);
                }
            }
        }
        ByteInput in = new ByteInput(c, g.operands());
        Run run = new Run(c, in, mode, squeeze);
        long limit = length;
        long toSkip = skip;
        return in.skip(skip, left -> {
            run.offset = toSkip - left;
            return run.lines(limit);
        });
    }

    private static final class Run {
        final Libc c;
        final ByteInput in;
        final char mode;
        final boolean squeeze;
        long offset;
        byte[] previous;
        boolean starred;
        boolean any;

        Run(Libc c, ByteInput in, char mode, boolean squeeze) {
            this.c = c;
            this.in = in;
            this.mode = mode;
            this.squeeze = squeeze;
        }

        Step lines(long left) {
            int want = left < 0 ? 16 : (int) Math.min(16, left);
            if (want == 0) return end();
            return in.read(want, block -> {
                if (block.length == 0) return end();
                any = true;
                line(block);
                offset += block.length;
                return lines(left < 0 ? -1 : left - block.length);
            });
        }

        Step end() {
            if (!in.anyOpened()) {
                c.error("all input file arguments failed");
                return c.exit(1);
            }
            if (any || offset > 0) c.print(mode == 'C' ? String.format("%08x\n", offset) : String.format("%07x\n", offset));
            return c.exit(in.failed() ? 1 : 0);
        }

        void line(byte[] block) {
            if (squeeze && previous != null && block.length == 16 && Arrays.equals(previous, block)) {
                if (!starred) c.print("*\n");
                starred = true;
                return;
            }
            starred = false;
            previous = block;
            StringBuilder out = new StringBuilder();
            if (mode == 'C') {
                out.append(String.format("%08x  ", offset));
                for (int i = 0; i < 16; i++) {
                    out.append(i < block.length ? String.format("%02x ", block[i] & 0xff) : "   ");
                    if (i == 7) out.append(' ');
                }
                out.append(" |");
                for (byte b : block) out.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                out.append("|\n");
                c.print(out.toString());
                return;
            }
            out.append(String.format("%07x", offset));
            if (mode == 'b' || mode == 'c') {
                for (int i = 0; i < 16; i++) {
                    if (i >= block.length) {
                        out.append("    ");
                    } else if (mode == 'b') {
                        out.append(String.format(" %03o", block[i] & 0xff));
                    } else {
                        out.append(String.format("%4s", character(block[i] & 0xff)));
                    }
                }
            } else {
                byte[] full = Arrays.copyOf(block, 16);
                int units = (block.length + 1) / 2;
                for (int i = 0; i < 8; i++) {
                    int v = (full[2 * i] & 0xff) | (full[2 * i + 1] & 0xff) << 8;
                    if (i >= units) {
                        out.append(mode == 'h' ? "     " : "        ");
                        continue;
                    }
                    out.append(switch (mode) {
                        case 'x' -> String.format("    %04x", v);
                        case 'd' -> String.format("   %05d", v);
                        case 'o' -> String.format("  %06o", v);
                        default -> String.format(" %04x", v);
                    });
                }
            }
            c.print(out.append('\n').toString());
        }

        static String character(int b) {
            return switch (b) {
                case 0 -> "\\0";
                case 7 -> "\\a";
                case 8 -> "\\b";
                case 9 -> "\\t";
                case 10 -> "\\n";
                case 11 -> "\\v";
                case 12 -> "\\f";
                case 13 -> "\\r";
                default -> b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("%03o", b);
            };
        }
    }

    @Override
    public String whatis() {
        return "display file contents in hexadecimal, decimal, octal, or ascii";
    }

    @Override
    public String source() {
        return "util-linux 2.38.1";
    }

    @Override
    public String manual() {
        return "hexdump [options] file...\n  Display the contents of the files, or standard input, in a user-specified format.\n"
                + "  -b, --one-byte-octal     one-byte octal display\n  -c, --one-byte-char      one-byte character display\n"
                + "  -C, --canonical          canonical hex+ASCII display\n  -d, --two-bytes-decimal  two-byte decimal display\n"
                + "  -o, --two-bytes-octal    two-byte octal display\n  -x, --two-bytes-hex      two-byte hexadecimal display\n"
                + "  -n, --length <length>    interpret only length bytes of input\n  -s, --skip <offset>      skip offset bytes from the beginning\n"
                + "  -v, --no-squeezing       output identical lines";
    }
}
