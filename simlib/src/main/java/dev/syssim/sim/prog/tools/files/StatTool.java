package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.FsStats;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Statfs;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * stat (coreutils 9.1): what the inode says about a file — in the default layout, {@code -t} terse,
 * or a {@code -c FORMAT} / {@code --printf FORMAT} with every sequence of the real one ({@code %a %A
 * %b %B %C %d %D %f %F %g %G %h %i %m %n %N %o %s %t %T %u %U %w %W %x %X %y %Y %z %Z}, with flags,
 * width and precision, {@code %.9Y} for nanoseconds); {@code -f} the file system (statfs: {@code %a
 * %b %c %d %f %i %l %n %s %S %t %T}). The simulation keeps no birth time: {@code %w} is {@code -}
 * and {@code %W} 0, as Linux shows for a file system without one.
 */
public final class StatTool extends Tool {

    private static final List<String> LONG = List.of("dereference>L", "file-system>f", "format=>c", "printf=", "terse>t",
            "cached=", "help", "version");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final long bootEpochSeconds;

    public StatTool(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("stat", c.args().operands(), "Lfc:t", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        if (g.operands().isEmpty()) return c.usageError("stat: missing operand", 1);
        boolean follow = g.has("L");
        boolean fileSystem = g.has("f");
        String format = null;
        boolean printf = false;
        for (Getopt.Opt o : g.options()) {
            if (o.is("c")) {
                format = o.value();
                printf = false;
            } else if (o.is("printf")) {
                format = o.value();
                printf = true;
            }
        }
        if (format == null && g.has("t")) {
            format = fileSystem ? "%n %i %l %t %s %S %b %f %a %c %d" : "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o";
        }
        String fmt = format;
        boolean noNewline = printf;
        int[] status = {0};
        return c.users(db -> Libc.forEach(g.operands(), (file, next) -> {
            if (fileSystem) {
                return c.sys(file.equals("-") ? new Statfs(null, 0) : Statfs.path(file), r -> {
                    if (r.failed()) {
                        c.error("cannot read file system information for " + Quote.locale(file, c.utf8()), r.errno());
                        status[0] = 1;
                        return next.get();
                    }
                    FsStats fs = Statfs.stats(r);
                    c.print(fmt == null ? fullFs(file, fs) : expand(fmt, noNewline, ch -> fsField(ch, file, fs)) + (noNewline ? "" : "\n"));
                    return next.get();
                });
            }
            Syscall call = file.equals("-") ? Syscall.NewFstatAt.fstat(0) : follow ? Syscall.NewFstatAt.stat(file) : Syscall.NewFstatAt.lstat(file);
            return c.sys(call, r -> {
                if (r.failed()) {
                    c.error("cannot statx " + Libc.quote(file), r.errno());
                    status[0] = 1;
                    return next.get();
                }
                Stat st = r.dataAs(Stat.class);
                java.util.function.Function<String, Step> show = target -> {
                    Context x = new Context(file, target, st, db);
                    c.print(fmt == null ? full(x) : expand(fmt, noNewline, conv -> field(conv, x)) + (noNewline ? "" : "\n"));
                    return next.get();
                };
                if (st.type() == FileType.SYMLINK) {
                    return c.sys(new Syscall.Readlink(file), l -> show.apply(l.failed() ? null : (String) l.data()));
                }
                return show.apply(null);
            });
        }, () -> c.exit(status[0])));
    }

    /** What a format sequence may refer to. */
    private record Context(String file, String target, Stat st, UserDb db) {
    }

    /** A sequence's value: text, or a number that width and flags apply to as numbers. */
    private record Value(String text, boolean numeric) {
        static Value text(String s) {
            return new Value(s, false);
        }

        static Value number(long n) {
            return new Value(Long.toString(n), true);
        }
    }

    private interface Fields {
        /** The value of conversion {@code conv} (with its precision, for times), or null for an unknown one. */
        Value of(String conv);
    }

    /** Expands a format: %-sequences with flags, width and precision; with --printf also backslash escapes. */
    private static String expand(String format, boolean escapes, Fields fields) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char ch = format.charAt(i);
            if (ch == '\\' && escapes && i + 1 < format.length()) {
                i = escape(format, i + 1, out);
                continue;
            }
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i++;
            StringBuilder flags = new StringBuilder();
            while (i < format.length() && "-#0 +'".indexOf(format.charAt(i)) >= 0) flags.append(format.charAt(i++));
            int width = 0;
            while (i < format.length() && Character.isDigit(format.charAt(i))) width = width * 10 + format.charAt(i++) - '0';
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < format.length() && Character.isDigit(format.charAt(i))) precision = precision * 10 + format.charAt(i++) - '0';
            }
            if (i >= format.length()) {
                out.append(format, start, i);
                break;
            }
            char conv = format.charAt(i++);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            Value v = fields.of(precision >= 0 ? conv + "." + precision : String.valueOf(conv));
            if (v == null) {
                out.append('?');
                continue;
            }
            out.append(pad(v, flags.toString(), width, precision));
        }
        return out.toString();
    }

    private static String pad(Value v, String flags, int width, int precision) {
        String s = v.text();
        if (!v.numeric() && precision >= 0 && !s.matches("-?\\d+\\.\\d+") && s.length() > precision) s = s.substring(0, precision);
        if (v.numeric() && flags.contains("+") && !s.startsWith("-")) s = "+" + s;
        else if (v.numeric() && flags.contains(" ") && !s.startsWith("-")) s = " " + s;
        if (s.length() >= width) return s;
        if (flags.contains("-")) return s + " ".repeat(width - s.length());
        if (flags.contains("0") && v.numeric()) {
            boolean sign = s.startsWith("-") || s.startsWith("+");
            return (sign ? s.substring(0, 1) : "") + "0".repeat(width - s.length()) + (sign ? s.substring(1) : s);
        }
        return " ".repeat(width - s.length()) + s;
    }

    /** One backslash escape of --printf at {@code at} (after the backslash); returns where to go on. */
    private static int escape(String f, int at, StringBuilder out) {
        char e = f.charAt(at);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'e' -> out.append('\u001b');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case 'v' -> out.append('\u000b');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case 'x' -> {
                int end = at + 1;
                while (end < f.length() && end < at + 3 && Character.digit(f.charAt(end), 16) >= 0) end++;
                if (end == at + 1) {
                    out.append("\\x");
                    return at + 1;
                }
                out.append((char) Integer.parseInt(f.substring(at + 1, end), 16));
                return end;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = at;
                    while (end < f.length() && end < at + 3 && f.charAt(end) >= '0' && f.charAt(end) <= '7') end++;
                    out.append((char) (Integer.parseInt(f.substring(at, end), 8) & 0xff));
                    return end;
                }
                out.append('\\').append(e);
            }
        }
        return at + 1;
    }

    private Value field(String conv, Context x) {
        Stat st = x.st();
        char ch = conv.charAt(0);
        int precision = conv.length() > 2 ? Integer.parseInt(conv.substring(2)) : -1;
        return switch (ch) {
            case 'a' -> Value.text(Integer.toOctalString(st.permissions()));
            case 'A' -> Value.text(st.type().letter() + Modes.symbolic(st.permissions()));
            case 'b' -> Value.number(st.blocks());
            case 'B' -> Value.number(512);
            case 'C' -> Value.text("?");
            case 'd' -> Value.number(st.device());
            case 'D' -> Value.text(Integer.toHexString(st.device()));
            case 'f' -> Value.text(Integer.toHexString(st.mode()));
            case 'F' -> Value.text(type(st));
            case 'g' -> Value.number(st.gid());
            case 'G' -> Value.text(x.db().groupName(st.gid()));
            case 'h' -> Value.number(st.links());
            case 'i' -> Value.number(st.inode());
            case 'm' -> Value.text("/");
            case 'n' -> Value.text(x.file());
            case 'N' -> Value.text(x.target() == null ? Libc.quote(x.file()) : Libc.quote(x.file()) + " -> " + Libc.quote(x.target()));
            case 'o' -> Value.number(Stat.BLOCK_SIZE);
            case 's' -> Value.number(st.size());
            case 't' -> Value.text(Integer.toHexString(st.rdevMajor()));
            case 'T' -> Value.text(Integer.toHexString(st.rdevMinor()));
            case 'u' -> Value.number(st.uid());
            case 'U' -> Value.text(x.db().userName(st.uid()));
            case 'w' -> Value.text("-");
            case 'W' -> Value.number(0);
            case 'x' -> Value.text(time(st.atime()));
            case 'y' -> Value.text(time(st.mtime()));
            case 'z' -> Value.text(time(st.ctime()));
            case 'X' -> seconds(st.atime(), precision);
            case 'Y' -> seconds(st.mtime(), precision);
            case 'Z' -> seconds(st.ctime(), precision);
            default -> null;
        };
    }

    /** %X with a precision: seconds and that many digits of the nanoseconds. */
    private Value seconds(long simNanos, int precision) {
        long s = bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L);
        if (precision <= 0) return Value.number(s);
        String nanos = String.format("%09d", Math.floorMod(simNanos, 1_000_000_000L));
        String frac = precision <= 9 ? nanos.substring(0, precision) : nanos + "0".repeat(precision - 9);
        return new Value(s + "." + frac, true);
    }

    private static Value fsField(String conv, String file, FsStats fs) {
        return switch (conv.charAt(0)) {
            case 'a' -> Value.number(fs.availableBlocks());
            case 'b' -> Value.number(fs.blocks());
            case 'c' -> Value.number(fs.inodes());
            case 'd' -> Value.number(fs.freeInodes());
            case 'f' -> Value.number(fs.freeBlocks());
            case 'i' -> Value.text("0");
            case 'l' -> Value.number(fs.nameMax());
            case 'n' -> Value.text(file);
            case 's', 'S' -> Value.number(fs.blockSize());
            case 't' -> Value.text(Long.toHexString(fs.magic()));
            case 'T' -> Value.text(fsTypeName(fs.type()));
            default -> null;
        };
    }

    private static String fsTypeName(String type) {
        return switch (type) {
            case "ext4" -> "ext2/ext3";
            case "devtmpfs" -> "tmpfs";
            default -> type;
        };
    }

    private String full(Context x) {
        Stat st = x.st();
        boolean device = st.type() == FileType.CHAR_DEVICE || st.type() == FileType.BLOCK_DEVICE;
        StringBuilder out = new StringBuilder();
        out.append("  File: ").append(x.target() == null ? x.file() : Libc.quote(x.file()) + " -> " + Libc.quote(x.target())).append('\n');
        out.append(String.format("  Size: %-10d\tBlocks: %-10d IO Block: %-6d %s%n", st.size(), st.blocks(), Stat.BLOCK_SIZE, type(st)));
        String dev = (st.device() >> 8) + "," + (st.device() & 0xff);
        if (device) {
            out.append(String.format("Device: %s\tInode: %-11d Links: %-5d Device type: %d,%d%n", dev, st.inode(), st.links(), st.rdevMajor(), st.rdevMinor()));
        } else {
            out.append(String.format("Device: %s\tInode: %-11d Links: %d%n", dev, st.inode(), st.links()));
        }
        out.append(String.format("Access: (%04o/%s)  Uid: (%5d/%8s)   Gid: (%5d/%8s)%n", st.permissions(),
                st.type().letter() + Modes.symbolic(st.permissions()), st.uid(), x.db().userName(st.uid()), st.gid(), x.db().groupName(st.gid())));
        out.append("Access: ").append(time(st.atime())).append('\n');
        out.append("Modify: ").append(time(st.mtime())).append('\n');
        out.append("Change: ").append(time(st.ctime())).append('\n');
        out.append(" Birth: -\n");
        return out.toString();
    }

    private static String fullFs(String file, FsStats fs) {
        return "  File: \"" + file + "\"\n"
                + String.format("    ID: %-16s Namelen: %-7d Type: %s%n", "0", fs.nameMax(), fsTypeName(fs.type()))
                + String.format("Block size: %-10d Fundamental block size: %d%n", fs.blockSize(), fs.blockSize())
                + String.format("Blocks: Total: %-10d Free: %-10d Available: %d%n", fs.blocks(), fs.freeBlocks(), fs.availableBlocks())
                + String.format("Inodes: Total: %-10d Free: %d%n", fs.inodes(), fs.freeInodes());
    }

    static String type(Stat st) {
        if (st.type() == FileType.REGULAR && st.size() == 0) return "regular empty file";
        return st.type().description();
    }

    private String time(long simNanos) {
        Instant at = Instant.ofEpochSecond(bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L), Math.floorMod(simNanos, 1_000_000_000L));
        return TIME.format(at.atZone(ZoneOffset.UTC)) + String.format(".%09d +0000", at.getNano());
    }

    @Override
    public String whatis() {
        return "display file or file system status";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "stat [OPTION]... FILE...\n  Display file or file system status.\n"
                + "  -L, --dereference     follow links\n"
                + "  -f, --file-system     display file system status instead of file status\n"
                + "  -c  --format=FORMAT   use the specified FORMAT instead of the default; output a newline after each use of FORMAT\n"
                + "      --printf=FORMAT   like --format, but interpret backslash escapes, and do not output a mandatory trailing newline\n"
                + "  -t, --terse           print the information in terse form\n"
                + "  Sequences: %a access rights in octal, %A in human readable form, %b blocks allocated, %B size of a block (512), %d device number,\n"
                + "  %D in hex, %f raw mode in hex, %F file type, %g group ID, %G group name, %h hard links, %i inode number, %m mount point, %n file name,\n"
                + "  %N quoted file name with dereference if symbolic link, %o optimal I/O transfer size, %s total size in bytes, %t/%T major/minor device type in hex,\n"
                + "  %u user ID, %U user name, %w/%W birth time, %x/%X last access, %y/%Y last data modification, %z/%Z last status change (human readable / seconds since Epoch).\n"
                + "  File system (-f): %a free blocks for non-superuser, %b total blocks, %c total file nodes, %d free file nodes, %f free blocks, %l maximum name length,\n"
                + "  %n file name, %s block size, %S fundamental block size, %t type in hex, %T type in human readable form.";
    }
}
