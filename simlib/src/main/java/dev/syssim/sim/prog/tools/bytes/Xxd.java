package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.Lseek;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * xxd (vim's, 2022-01-14): a hex dump with an offset, grouped hex and the printable characters
 * ({@code -c} columns, {@code -g} group size, {@code -u} upper case, {@code -b} bits, {@code -e}
 * little-endian groups, {@code -a} autoskip), plain hex ({@code -p}), a C array ({@code -i}), and
 * back to bytes ({@code -r}, {@code -r -p}); {@code -s} seeks, {@code -l} limits. Its options are
 * its own, not getopt's: they come before the files, and a bad one prints the usage (status 1).
 */
public final class Xxd extends Tool {

    private static final String USAGE = """
            Usage:
                   xxd [options] [infile [outfile]]
                or
                   xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]
            Options:
                -a          toggle autoskip: A single '*' replaces nul-lines. Default off.
                -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.
                -C          capitalize variable names in C include file style (-i).
                -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).
                -E          show characters in EBCDIC. Default ASCII.
                -e          little-endian dump (incompatible with -ps,-i,-r).
                -g bytes    number of octets per group in normal output. Default 2 (-e: 4).
                -h          print this summary.
                -i          output in C include file style.
                -l len      stop after <len> octets.
                -n name     set the variable name used in C include output (-i).
                -o off      add <off> to the displayed file position.
                -ps         output in postscript plain hexdump style.
                -r          reverse operation: convert (or patch) hexdump into binary.
                -r -s off   revert with <off> added to file positions found in hexdump.
                -d          show offset in decimal instead of hex.
                -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.
                -u          use upper case hex letters.
                -v          show version: "xxd 2022-01-14 by Juergen Weigert et al.".
            """;

    private enum Style { NORMAL, PLAIN, INCLUDE, BITS, LITTLE }

    /** The settings of one run. */
    private static final class Settings {
        Style style = Style.NORMAL;
        int cols = -1;
        int group = -1;
        boolean upper;
        boolean autoskip;
        boolean decimal;
        boolean reverse;
        boolean capitalize;
        long seek;
        boolean seekFromEnd;
        long length = -1;
        long displayOffset;
        String name;
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        Settings s = new Settings();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String a = args.get(i);
            String body = a.substring(1);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (body.equals("p") || body.startsWith("ps") || body.startsWith("postscript") || body.startsWith("plain")) {
                s.style = Style.PLAIN;
            } else if (body.startsWith("i") && !body.startsWith("include") && body.length() == 1 || body.startsWith("include")) {
                s.style = Style.INCLUDE;
            } else if (body.equals("a") || body.startsWith("autoskip")) {
                s.autoskip = !s.autoskip;
            } else if (body.equals("b") || body.startsWith("bits")) {
                s.style = Style.BITS;
            } else if (body.equals("e")) {
                s.style = Style.LITTLE;
            } else if (body.equals("u") || body.startsWith("upper")) {
                s.upper = true;
            } else if (body.equals("d")) {
                s.decimal = true;
            } else if (body.equals("C") || body.startsWith("capitalize")) {
                s.capitalize = true;
            } else if (body.equals("r") || body.startsWith("revert")) {
                s.reverse = true;
            } else if (body.equals("v") || body.startsWith("version")) {
                c.eprint("xxd 2022-01-14 by Juergen Weigert et al.\n");
                return c.exit(0);
            } else if ("csglon".indexOf(body.charAt(0)) >= 0 && (body.length() == 1 || !Character.isLetter(body.charAt(1)) || longName(body))) {
                char letter = body.charAt(0);
                String value;
                if (body.length() > 1 && !longName(body)) {
                    value = body.substring(1);
                } else {
                    if (i + 1 >= args.size()) return usage(c);
                    value = args.get(++i);
                }
                if (letter == 'n') {
                    s.name = value;
                } else if (letter == 's') {
                    String v = value;
                    if (v.startsWith("+")) v = v.substring(1);
                    if (v.startsWith("-")) {
                        s.seekFromEnd = true;
                        v = v.substring(1);
                    }
                    s.seek = strtol(v);
                } else {
                    long n = strtol(value);
                    switch (letter) {
                        case 'c' -> s.cols = (int) Math.min(Integer.MAX_VALUE, n);
                        case 'g' -> s.group = (int) Math.min(Integer.MAX_VALUE, n);
                        case 'l' -> s.length = n;
                        default -> s.displayOffset = n;
                    }
                }
            } else {
                return usage(c);
            }
            i++;
        }
        List<String> files = args.subList(i, args.size());
        if (files.size() > 2) return usage(c);
        if (s.length < 0 && s.length != -1) return usage(c);
        if (s.cols < 0) s.cols = switch (s.style) {
            case PLAIN -> 30;
            case INCLUDE -> 12;
            case BITS -> 6;
            default -> 16;
        };
        if (s.cols == 0) s.cols = s.style == Style.PLAIN ? Integer.MAX_VALUE / 2 : s.style == Style.INCLUDE ? 12 : 16;
        if (s.style != Style.PLAIN && s.cols > 256) {
            c.eprint("xxd: invalid number of columns (max. 256).\n");
            return c.exit(1);
        }
        if (s.group < 0) s.group = s.style == Style.BITS ? 1 : s.style == Style.LITTLE ? 4 : 2;
        if (s.group == 0 || s.group > s.cols) s.group = s.cols;
        String in = files.isEmpty() ? "-" : files.get(0);
        String out = files.size() > 1 ? files.get(1) : null;
        return openOutput(c, out, outFd -> openInput(c, in, s, input -> s.reverse ? reverse(c, input, s, outFd) : dump(c, input, in, s, outFd)));
    }

    private static boolean longName(String body) {
        return body.startsWith("cols") || body.startsWith("seek") || body.startsWith("len") || body.startsWith("groupsize")
                || body.startsWith("name") || body.startsWith("offset");
    }

    private static Step usage(Libc c) {
        c.eprint(USAGE);
        return c.exit(1);
    }

    /** strtol(s, NULL, 0): leading digits in C's bases; garbage after them is ignored, none gives 0. */
    static long strtol(String s) {
        String t = s.strip();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) t = t.substring(1);
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0") && t.length() > 1) {
            radix = 8;
        }
        long v = 0;
        for (int k = 0; k < t.length(); k++) {
            int d = Character.digit(t.charAt(k), radix);
            if (d < 0) break;
            v = v * radix + d;
        }
        return negative ? -v : v;
    }

    private interface FdStep {
        Step apply(int fd);
    }

    private interface InputStep {
        Step apply(ByteInput in);
    }

    private static Step openOutput(Libc c, String path, FdStep then) {
        if (path == null || path.equals("-")) return then.apply(1);
        return c.create(path, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
            if (r.failed()) {
                c.eprint("xxd: " + path + ": " + r.errno().message() + "\n");
                return c.exit(3);
            }
            return then.apply(r.intValue());
        });
    }

    private static Step openInput(Libc c, String path, Settings s, InputStep then) {
        if (path.equals("-")) return positioned(c, 0, path, s, then);
        return c.open(path, OpenFlags.O_RDONLY, r -> {
            if (r.failed()) {
                c.eprint("xxd: " + path + ": " + r.errno().message() + "\n");
                return c.exit(2);
            }
            return positioned(c, r.intValue(), path, s, then);
        });
    }

    /** -s: seek the input (from its end with a minus); a pipe is read and dropped instead. */
    private static Step positioned(Libc c, int fd, String path, Settings s, InputStep then) {
        ByteInput input = ByteInput.of(c, fd, path);
        if (s.reverse || (s.seek == 0 && !s.seekFromEnd)) return then.apply(input);
        return c.sys(new Lseek(fd, s.seekFromEnd ? -s.seek : s.seek, s.seekFromEnd ? Lseek.SEEK_END : Lseek.SEEK_SET), r -> {
            if (!r.failed()) {
                s.displayOffset += r.value();
                return then.apply(input);
            }
            if (s.seekFromEnd) {
                c.eprint("xxd: Sorry, cannot seek.\n");
                return c.exit(4);
            }
            return input.skip(s.seek, left -> {
                s.displayOffset += s.seek - left;
                return then.apply(input);
            });
        });
    }

    // ---- dumping ----

    private Step dump(Libc c, ByteInput in, String path, Settings s, int outFd) {
        Dumper d = new Dumper(c, s, outFd, path);
        return d.lines(in, s.length);
    }

    private final class Dumper {
        final Libc c;
        final Settings s;
        final int outFd;
        final String path;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long address;
        long total;

        Dumper(Libc c, Settings s, int outFd, String path) {
            this.c = c;
            this.s = s;
            this.outFd = outFd;
            this.path = path;
            this.address = s.displayOffset;
        }

        Step lines(ByteInput in, long left) {
            if (s.style == Style.INCLUDE && total == 0 && out.size() == 0 && !path.equals("-")) {
                emit("unsigned char " + variable() + "[] = {\n");
            }
            int want = (int) (left < 0 ? s.cols : Math.min(s.cols, left));
            if (want == 0) return end(in);
            return in.read(want, block -> {
                if (block.length == 0) return end(in);
                line(block);
                total += block.length;
                address += block.length;
                return flushIfLarge(() -> lines(in, left < 0 ? -1 : left - block.length));
            });
        }

        /** Writes what was formatted once it fills a block, then goes on. */
        Step flushIfLarge(java.util.function.Supplier<Step> next) {
            if (out.size() < Libc.IO_BLOCK) return next.get();
            byte[] bytes = out.toByteArray();
            out.reset();
            return c.writeAll(outFd, bytes, e -> next.get());
        }

        void emit(String text) {
            byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            out.write(b, 0, b.length);
        }

        String variable() {
            String base = s.name != null ? s.name : path;
            StringBuilder v = new StringBuilder();
            if (s.name == null && !base.isEmpty() && Character.isDigit(base.charAt(0))) v.append("__");
            for (char ch : base.toCharArray()) v.append(Character.isLetterOrDigit(ch) && ch < 128 ? ch : '_');
            String name = v.toString();
            return s.capitalize ? name.toUpperCase(Locale.ROOT) : name;
        }

        void line(byte[] block) {
            switch (s.style) {
                case PLAIN -> {
                    StringBuilder b = new StringBuilder();
                    for (byte x : block) b.append(hex(x & 0xff, 2));
                    emit(b.append('\n').toString());
                }
                case INCLUDE -> {
                    StringBuilder b = new StringBuilder(total == 0 ? "  " : ",\n  ");
                    for (int k = 0; k < block.length; k++) {
                        if (k > 0) b.append(", ");
                        b.append(s.upper ? "0X" : "0x").append(hex(block[k] & 0xff, 2));
                    }
                    emit(b.toString());
                }
                default -> normalLine(block);
            }
        }

        void normalLine(byte[] block) {
            boolean nonzero = true;
            if (s.autoskip) {
                nonzero = false;
                for (byte x : block) nonzero |= x != 0;
            }
            lastLine = format(block, address);
            xxdline(lastLine, block.length < s.cols ? 1 : nonzero ? 1 : 0);
        }

        /** xxd's own autoskip bookkeeping: the first zero line shows, later ones become one "*" and the last. */
        void xxdline(String l, int nz) {
            if (nz == 0 && zeroSeen == 1) savedZero = l;
            if (nz != 0 || zeroSeen++ == 0) {
                if (nz != 0) {
                    if (nz < 0) zeroSeen--;
                    if (zeroSeen == 2) emit(savedZero);
                    if (zeroSeen > 2) emit("*\n");
                }
                if (nz >= 0 || zeroSeen > 0) emit(l);
                if (nz != 0) zeroSeen = 0;
            }
        }

        int zeroSeen;
        String savedZero = "";
        String lastLine;

        String format(byte[] block, long at) {
            int perByte = s.style == Style.BITS ? 8 : 2;
            int groupLength = perByte * s.group + 1;
            int hexStart = 10;
            int asciiStart = hexStart + (groupLength * s.cols - 1) / s.group + 2;
            char[] line = new char[asciiStart + block.length];
            java.util.Arrays.fill(line, ' ');
            // -u changes the hex digits, not the offset
            String addr = s.decimal ? pad(Long.toString(at), 8) : pad(Long.toHexString(at), 8);
            addr.getChars(0, 8, line, 0);
            line[8] = ':';
            for (int p = 0; p < block.length; p++) {
                int v = block[p] & 0xff;
                int slot = p;
                if (s.style == Style.LITTLE) {
                    int groupStart = p / s.group * s.group;
                    slot = groupStart + (s.group - 1 - (p - groupStart));
                }
                int col = hexStart + (groupLength * slot) / s.group;
                String digits = s.style == Style.BITS ? pad(Integer.toBinaryString(v), 8) : hex(v, 2);
                digits.getChars(0, digits.length(), line, col);
                line[asciiStart + p] = v >= 0x20 && v < 0x7f ? (char) v : '.';
            }
            return new String(line) + "\n";
        }

        String hex(long v, int width) {
            String h = Long.toHexString(v);
            if (s.upper) h = h.toUpperCase(Locale.ROOT);
            return pad(h, width);
        }

        Step end(ByteInput in) {
            boolean normal = s.style == Style.NORMAL || s.style == Style.BITS || s.style == Style.LITTLE;
            if (normal && s.autoskip && lastLine != null && total % s.cols == 0) xxdline(lastLine, -1);
            if (s.style == Style.INCLUDE) {
                if (total > 0) emit("\n");
                if (!path.equals("-")) {
                    emit("};\n");
                    emit("unsigned int " + variable() + (s.capitalize ? "_LEN" : "_len") + " = " + total + ";\n");
                }
            }
            byte[] bytes = out.toByteArray();
            out.reset();
            return c.writeAll(outFd, bytes, e -> c.exit(0));
        }
    }

    private static String pad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    // ---- reverse ----

    private Step reverse(Libc c, ByteInput in, Settings s, int outFd) {
        return in.readAll(text -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (s.style == Style.PLAIN) {
                int high = -1;
                for (byte b : text) {
                    int d = Character.digit((char) (b & 0xff), 16);
                    if (d < 0 || (b & 0xff) > 127) continue;
                    if (high < 0) {
                        high = d;
                    } else {
                        bytes.write(high << 4 | d);
                        high = -1;
                    }
                }
            } else {
                for (String line : new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon < 0) continue;
                    long addr = strtolHex(line.substring(0, colon).strip());
                    if (addr < 0) continue;
                    addr += s.seek;
                    List<Integer> values = new ArrayList<>();
                    int k = colon + 1;
                    int spaces = 0;
                    int high = -1;
                    while (k < line.length()) {
                        char ch = line.charAt(k++);
                        int d = Character.digit(ch, 16);
                        if (d >= 0 && ch < 128) {
                            spaces = 0;
                            if (high < 0) {
                                high = d;
                            } else {
                                values.add(high << 4 | d);
                                high = -1;
                            }
                        } else if (ch == ' ') {
                            if (++spaces >= 2 && !values.isEmpty()) break;
                        } else {
                            break;
                        }
                    }
                    if (values.isEmpty()) continue;
                    while (bytes.size() < addr) bytes.write(0);
                    if (addr < bytes.size()) {
                        byte[] have = bytes.toByteArray();
                        bytes.reset();
                        bytes.write(have, 0, (int) addr);
                    }
                    for (int v : values) bytes.write(v);
                }
            }
            return c.writeAll(outFd, bytes.toByteArray(), e -> c.exit(0));
        });
    }

    private static long strtolHex(String s) {
        if (s.isEmpty()) return -1;
        long v = 0;
        for (char ch : s.toCharArray()) {
            int d = Character.digit(ch, 16);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }

    @Override
    protected Step help(Libc c) {
        return usage(c);
    }

    @Override
    public String whatis() {
        return "make a hex dump or do the reverse";
    }

    @Override
    public String source() {
        return "xxd 2022-01-14";
    }

    @Override
    public String manual() {
        return "xxd [options] [infile [outfile]]\n  Make a hex dump of the input, or turn one back into bytes (-r). Prints its usage and exits 1 for -h, --help or a bad option, as the real xxd does.\n"
                + "  -a        toggle autoskip: a single '*' replaces nul-lines\n"
                + "  -b        binary digit dump\n  -c cols   octets per line (default 16; -i: 12, -p: 30)\n"
                + "  -C        capitalize variable names in C include file style (-i)\n"
                + "  -d        show offsets in decimal\n  -e        little-endian dump\n"
                + "  -g bytes  octets per group in normal output (default 2)\n  -i        output in C include file style\n"
                + "  -l len    stop after len octets\n  -n name   variable name for -i\n  -o off    add off to the displayed offsets\n"
                + "  -p, -ps   plain hexdump style\n  -r        reverse: turn a hexdump back into binary (with -p: plain hex)\n"
                + "  -s [+][-]seek  start at seek bytes (from the end with -)\n  -u        upper case hex letters";
    }
}
