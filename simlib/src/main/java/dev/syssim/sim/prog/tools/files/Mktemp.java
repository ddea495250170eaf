package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * mktemp (coreutils 9.1): create a file ({@code -d}: a directory) from a template whose trailing
 * X's become random letters and digits, mode 0600 (0700), and print its name. The letters come from
 * the machine's {@code /dev/urandom}, which the world's seed drives, so a notebook gets the same names
 * on every run. Default template {@code tmp.XXXXXXXXXX} in {@code $TMPDIR} or {@code /tmp}; {@code
 * -p DIR}, {@code -t}, {@code --suffix}, {@code -u} (only print a name), {@code -q}.
 */
public final class Mktemp extends Tool {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> LONG = List.of("directory>d", "dry-run>u", "quiet>q", "suffix=", "tmpdir=?>p", "help", "version");
    /** glibc's tempname gives up after this many names that already exist. */
    private static final int ATTEMPTS = 100;

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("mktemp", c.args().operands(), "dp:qtu", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        if (g.operands().size() > 1) return c.usageError("mktemp: too many templates", 1);
        boolean useTmpdir = g.has("p") || g.has("t") || g.operands().isEmpty();
        String template = g.operands().isEmpty() ? "tmp.XXXXXXXXXX" : g.operands().get(0);
        String suffix = g.last("suffix");
        if (suffix != null) {
            if (!template.endsWith("X")) {
                c.error("with --suffix, template " + Quote.locale(template, c.utf8()) + " must end in X");
                return c.exit(1);
            }
            if (suffix.contains("/")) {
                c.error("invalid suffix " + Quote.locale(suffix, c.utf8()) + ", contains directory separator");
                return c.exit(1);
            }
            template = template + suffix;
        }
        String full = template;
        int xEnd = full.length() - (suffix == null ? 0 : suffix.length());
        if (suffix == null) {
            int lastX = full.lastIndexOf('X');
            int slash = full.lastIndexOf('/');
            if (lastX >= 0 && lastX < full.length() - 1 && lastX > slash) {
                String rest = full.substring(lastX + 1);
                if (rest.contains("/")) {
                    c.error("invalid suffix " + Quote.locale(rest, c.utf8()) + ", contains directory separator");
                    return c.exit(1);
                }
            }
            xEnd = full.length();
            while (xEnd > 0 && full.charAt(xEnd - 1) != 'X') xEnd--;
            if (xEnd < full.length() && full.substring(xEnd).contains("/")) {
                c.error("invalid suffix " + Quote.locale(full.substring(xEnd), c.utf8()) + ", contains directory separator");
                return c.exit(1);
            }
        }
        int xStart = xEnd;
        while (xStart > 0 && full.charAt(xStart - 1) == 'X') xStart--;
        if (xEnd - xStart < 3) {
            c.error("too few X's in template " + Quote.locale(full, c.utf8()));
            return c.exit(1);
        }
        if (g.has("t") && full.contains("/")) {
            c.error("invalid template, " + Quote.locale(full, c.utf8()) + ", contains directory separator");
            return c.exit(1);
        }
        String dir = null;
        if (useTmpdir) {
            String tmp = c.env("TMPDIR");
            String given = g.last("p");
            dir = g.has("p") && given != null && !given.isEmpty() ? given : tmp != null && !tmp.isEmpty() ? tmp : "/tmp";
            if (g.has("t") && tmp != null && !tmp.isEmpty()) dir = tmp;
            if (full.startsWith("/") && !g.has("t")) dir = null;
        }
        String path = dir == null ? full : (dir.endsWith("/") ? dir : dir + "/") + full;
        int from = path.length() - (full.length() - xStart);
        int to = path.length() - (full.length() - xEnd);
        boolean directory = g.has("d");
        boolean dryRun = g.has("u");
        boolean quiet = g.has("q");
        return attempt(c, path, from, to, directory, dryRun, quiet, 0);
    }

    private Step attempt(Libc c, String template, int from, int to, boolean directory, boolean dryRun, boolean quiet, int tries) {
        return c.open("/dev/urandom", OpenFlags.O_RDONLY, r -> {
            if (r.failed()) return fail(c, template, r.errno(), quiet);
            int fd = r.intValue();
            return c.read(fd, to - from, bytes -> c.close(fd, () -> {
                StringBuilder name = new StringBuilder(template);
                byte[] b = bytes.bytes();
                for (int i = from; i < to; i++) name.setCharAt(i, LETTERS.charAt((b[i - from] & 0xff) % LETTERS.length()));
                String path = name.toString();
                if (dryRun) {
                    return c.statOf(path, false, (err, st) -> {
                        if (st != null && tries < ATTEMPTS) return attempt(c, template, from, to, directory, true, quiet, tries + 1);
                        c.println(path);
                        return c.exit(0);
                    });
                }
                if (directory) {
                    return c.sys(new Syscall.Mkdir(path, 0700), m -> created(c, template, path, m.failed() ? m.errno() : null, from, to, true, quiet, tries));
                }
                return c.create(path, OpenFlags.O_RDWR | OpenFlags.O_EXCL, 0600, f -> {
                    if (f.failed()) return created(c, template, path, f.errno(), from, to, false, quiet, tries);
                    return c.close(f.intValue(), () -> created(c, template, path, null, from, to, false, quiet, tries));
                });
            }));
        });
    }

    private Step created(Libc c, String template, String path, Errno error, int from, int to, boolean directory, boolean quiet, int tries) {
        if (error == Errno.EEXIST && tries < ATTEMPTS) return attempt(c, template, from, to, directory, false, quiet, tries + 1);
        if (error != null) return fail(c, template, error, quiet, directory);
        c.println(path);
        return c.exit(0);
    }

    private static Step fail(Libc c, String template, Errno e, boolean quiet) {
        return fail(c, template, e, quiet, false);
    }

    private static Step fail(Libc c, String template, Errno e, boolean quiet, boolean directory) {
        if (!quiet) c.error("failed to create " + (directory ? "directory" : "file") + " via template " + Quote.locale(template, c.utf8()), e);
        return c.exit(1);
    }

    @Override
    public String whatis() {
        return "create a temporary file or directory";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "mktemp [OPTION]... [TEMPLATE]\n  Create a temporary file or directory, safely, and print its name. TEMPLATE must contain at least 3 consecutive 'X's in last component. If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\n"
                + "  -d, --directory     create a directory, not a file\n"
                + "  -u, --dry-run       do not create anything; merely print a name (unsafe)\n"
                + "  -q, --quiet         suppress diagnostics about file/dir-creation failure\n"
                + "      --suffix=SUFF   append SUFF to TEMPLATE; SUFF must not contain a slash\n"
                + "  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not specified, use $TMPDIR if set, else /tmp\n"
                + "  -t                  interpret TEMPLATE as a single file name component, relative to a directory: $TMPDIR, if set; else the directory specified via -p; else /tmp";
    }
}
