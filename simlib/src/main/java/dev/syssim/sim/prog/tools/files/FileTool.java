package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * file (file 5.44): what kind of data a file holds, from its first bytes ("magic") for the formats
 * that exist on the simulated machines — ELF executables and libraries (the simulation's images),
 * shell, Python and other scripts, gzip streams, tar archives, text (ASCII, UTF-8, CRLF, long
 * lines, escapes), empty files and data — and from its inode for directories, links, FIFOs, devices.
 * {@code -b} brief, {@code -i} MIME type, {@code -L} follow links. A file that cannot be opened is a
 * line of output, not an error (exit status 0), as in file 5.44.
 */
public final class FileTool extends Tool {

    private static final List<String> LONG = List.of("brief>b", "mime>i", "mime-type", "mime-encoding", "dereference>L",
            "no-dereference>h", "separator=>F", "print0>0", "help", "version");
    private static final DateTimeFormatter GZIP_DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    /** How much of a file the magic tests look at (file reads 1 MiB by default, text tests use it). */
    private static final int HEAD = 1 << 20;

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("file", c.args().operands(), "bihLF:0", LONG, true);
        if (g.failed()) {
            c.eprint(g.error() + "\n" + USAGE);
            return c.exit(1);
        }
        if (g.has("help")) return help(c);
        if (g.operands().isEmpty()) {
            c.eprint(USAGE);
            return c.exit(1);
        }
        boolean brief = g.has("b");
        boolean mime = g.has("i") || g.has("mime-type");
        boolean follow = g.has("L");
        String separator = g.has("F") ? g.last("F") : ":";
        int width = 0;
        for (String f : g.operands()) width = Math.max(width, f.length() + separator.length());
        int column = width;
        return Libc.forEach(g.operands(), (file, next) -> describe(c, file, follow, mime, what -> {
            String prefix = brief ? "" : file + separator + " ".repeat(column - file.length() - separator.length()) + " ";
            c.println(prefix + what);
            return next.get();
        }), () -> c.exit(0));
    }

    private static final String USAGE = """
            Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
                        [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
                        [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
                        <file> ...
                   file -C [-m <magicfiles>]
                   file [--help]
            """;

    private Step describe(Libc c, String file, boolean follow, boolean mime, java.util.function.Function<String, Step> then) {
        return c.statOf(file, follow, (err, st) -> {
            if (err != null) {
                return then.apply(mime ? "cannot open `" + file + "' (" + err.message() + ")"
                        : "cannot open `" + file + "' (" + err.message() + ")");
            }
            switch (st.type()) {
                case DIRECTORY -> {
                    return then.apply(mime ? "inode/directory; charset=binary" : "directory");
                }
                case SYMLINK -> {
                    return c.sys(new Syscall.Readlink(file), r -> then.apply(mime ? "inode/symlink; charset=binary"
                            : "symbolic link to " + (r.failed() ? "" : r.data())));
                }
                case FIFO -> {
                    return then.apply(mime ? "inode/fifo; charset=binary" : "fifo (named pipe)");
                }
                case SOCKET -> {
                    return then.apply(mime ? "inode/socket; charset=binary" : "socket");
                }
                case CHAR_DEVICE -> {
                    return then.apply(mime ? "inode/chardevice; charset=binary" : "character special (" + st.rdevMajor() + "/" + st.rdevMinor() + ")");
                }
                case BLOCK_DEVICE -> {
                    return then.apply(mime ? "inode/blockdevice; charset=binary" : "block special (" + st.rdevMajor() + "/" + st.rdevMinor() + ")");
                }
                default -> { }
            }
            if (st.size() == 0) return then.apply(mime ? "inode/x-empty; charset=binary" : "empty");
            if (st.size() == 1) return then.apply(mime ? "application/octet-stream; charset=binary" : "very short file (no magic)");
            return c.open(file, OpenFlags.O_RDONLY, r -> {
                if (r.failed()) return then.apply("cannot open `" + file + "' (" + r.errno().message() + ")");
                int fd = r.intValue();
                return c.read(fd, HEAD, data -> c.close(fd, () -> then.apply(magic(data.bytes(), st, mime))));
            });
        });
    }

    /** The description of a regular file's first bytes. */
    static String magic(byte[] b, Stat st, boolean mime) {
        if (ExecImage.isElf(b)) {
            ExecImage image = ExecImage.parse(b);
            if (mime) {
                if (image != null && image.program().equals("lib")) return "application/x-sharedlib; charset=binary";
                return image != null && image.isStatic() ? "application/x-executable; charset=binary" : "application/x-pie-executable; charset=binary";
            }
            if (image != null && image.program().equals("lib")) {
                return "ELF 64-bit LSB shared object, x86-64, version 1 (SYSV), dynamically linked, stripped";
            }
            if (image != null && image.isStatic()) return "ELF 64-bit LSB executable, x86-64, version 1 (SYSV), statically linked, stripped";
            String interp = image != null ? image.interpreter() : ExecImage.LD_LINUX;
            return "ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter " + interp
                    + ", for GNU/Linux 3.2.0, stripped";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            if (mime) return "application/gzip; charset=binary";
            return gzip(b);
        }
        if (b.length >= 263 && new String(b, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            if (mime) return "application/x-tar; charset=binary";
            boolean gnu = b[262] == ' ';
            return gnu ? "POSIX tar archive (GNU)" : "POSIX tar archive";
        }
        Text text = Text.of(b);
        if (text == null) return mime ? "application/octet-stream; charset=binary" : "data";
        String script = script(b);
        if (mime) {
            String type = script == null ? "text/plain" : script.startsWith("Python") ? "text/x-script.python" : "text/x-shellscript";
            return type + "; charset=" + (text.utf8 ? "utf-8" : "us-ascii");
        }
        StringBuilder out = new StringBuilder();
        if (script != null) out.append(script).append(", ");
        out.append(text.utf8 ? "Unicode text, UTF-8 text" : "ASCII text");
        if (script != null) out.append(" executable");
        if (text.longest > 300) out.append(", with very long lines (").append(text.longest).append(")");
        if (text.crlf) out.append(", with CRLF line terminators");
        if (!text.anyNewline) out.append(", with no line terminators");
        if (text.escapes) out.append(", with escape sequences");
        return out.toString();
    }

    private static String script(byte[] b) {
        if (b.length < 3 || b[0] != '#' || b[1] != '!') return null;
        int end = 0;
        while (end < b.length && b[end] != '\n') end++;
        String line = new String(b, 2, end - 2, StandardCharsets.UTF_8).strip();
        List<String> words = new ArrayList<>(List.of(line.split("\\s+")));
        if (words.isEmpty()) return null;
        String interpreter = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        if (interpreter.equals("env") && words.size() > 1) interpreter = words.get(1);
        return switch (interpreter) {
            case "bash" -> "Bourne-Again shell script";
            case "sh", "dash" -> "POSIX shell script";
            case "python", "python3", "python2" -> "Python script";
            case "perl" -> "Perl script";
            case "awk", "gawk", "mawk" -> "awk or perl script";
            case "zsh" -> "Paul Falstad's zsh script";
            default -> "a " + (words.size() > 1 && words.get(0).endsWith("env") ? "/usr/bin/env " + interpreter : words.get(0)) + " script";
        };
    }

    private static String gzip(byte[] b) {
        StringBuilder out = new StringBuilder("gzip compressed data");
        int flags = b.length > 3 ? b[3] & 0xff : 0;
        long mtime = b.length >= 8 ? (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24 : 0;
        if ((flags & 8) != 0 && b.length > 10) {
            int end = 10;
            while (end < b.length && b[end] != 0) end++;
            out.append(", was \"").append(new String(b, 10, end - 10, StandardCharsets.UTF_8)).append('"');
        }
        if (mtime != 0) out.append(", last modified: ").append(GZIP_DATE.format(Instant.ofEpochSecond(mtime).atZone(ZoneOffset.UTC)));
        if (b.length > 8) {
            int xfl = b[8] & 0xff;
            if (xfl == 2) out.append(", max compression");
            else if (xfl == 4) out.append(", max speed");
        }
        if (b.length > 9 && (b[9] & 0xff) == 3) out.append(", from Unix");
        if (b.length >= 18) {
            long size = (b[b.length - 4] & 0xffL) | (b[b.length - 3] & 0xffL) << 8 | (b[b.length - 2] & 0xffL) << 16 | (b[b.length - 1] & 0xffL) << 24;
            out.append(", original size modulo 2^32 ").append(size);
        }
        return out.toString();
    }

    /** What the text tests found: encoding, line ends, longest line. Null when the bytes are not text. */
    private record Text(boolean utf8, boolean crlf, boolean anyNewline, int longest, boolean escapes) {
        static Text of(byte[] b) {
            boolean utf8 = false;
            boolean crlf = false;
            boolean newline = false;
            boolean escapes = false;
            int longest = 0;
            int line = 0;
            int i = 0;
            while (i < b.length) {
                int x = b[i] & 0xff;
                if (x >= 0x80) {
                    int n = x >= 0xf0 && x < 0xf8 ? 3 : x >= 0xe0 ? 2 : x >= 0xc0 ? 1 : -1;
                    if (n < 0) return null;
                    for (int k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) return null;
                    utf8 = true;
                    i += n + 1;
                    line++;
                    continue;
                }
                if (x == '\n') {
                    newline = true;
                    if (i > 0 && b[i - 1] == '\r') crlf = true;
                    longest = Math.max(longest, line);
                    line = 0;
                } else if (x == 0x1b) {
                    escapes = true;
                    line++;
                } else if (x < 0x20 && x != '\t' && x != '\r' && x != '\f' && x != 0x08 && x != 0x07) {
                    return null;
                } else if (x == 0x7f) {
                    return null;
                } else if (x != '\r') {
                    line++;
                }
                i++;
            }
            longest = Math.max(longest, line);
            return new Text(utf8, crlf, newline, longest, escapes);
        }
    }

    @Override
    public String whatis() {
        return "determine file type";
    }

    @Override
    public String source() {
        return "file 5.44";
    }

    @Override
    public String manual() {
        return "file [-bhiL] [-F separator] file ...\n  Determine the type of each file: from its inode (directory, symbolic link, fifo, device), else from its first bytes (ELF, scripts, gzip, tar, text, data).\n"
                + "  -b, --brief          do not prepend filenames to output lines\n"
                + "  -i, --mime           output MIME type strings\n"
                + "  -L, --dereference    follow symlinks\n"
                + "  -h, --no-dereference don't follow symlinks (default)\n"
                + "  -F, --separator STRING  use string as separator instead of ':'";
    }
}
