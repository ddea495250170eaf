package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.function.Function;

/**
 * realpath (coreutils 9.1): print each name's canonical absolute form ({@link Canonical}; all but
 * the last component must exist unless {@code -e} or {@code -m}), {@code -s} without resolving
 * links, {@code --relative-to=DIR} and {@code --relative-base=DIR} as relative names, {@code -q}
 * quiet, {@code -z} NUL-terminated.
 */
public final class Realpath extends Tool {

    private static final List<String> LONG = List.of("canonicalize-existing>e", "canonicalize-missing>m", "logical>L", "physical>P",
            "quiet>q", "relative-to=", "relative-base=", "strip>s", "no-symlinks>s", "zero>z", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("realpath", c.args().operands(), "emLPqsz", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        if (g.operands().isEmpty()) return c.usageError("realpath: missing operand", 1);
        Canonical.Mode mode = Canonical.Mode.ALL_BUT_LAST;
        for (Getopt.Opt o : g.options()) {
            if (o.is("e")) mode = Canonical.Mode.EXISTING;
            if (o.is("m")) mode = Canonical.Mode.MISSING;
        }
        boolean links = !g.has("s");
        boolean quiet = g.has("q");
        String end = g.has("z") ? "\0" : "\n";
        Canonical.Mode how = mode;
        String relativeTo = g.last("relative-to");
        String relativeBase = g.last("relative-base");
        int[] status = {0};
        return resolveOptional(c, relativeTo, how, links, to -> resolveOptional(c, relativeBase, how, links, base -> {
            if (to == null && relativeTo != null || base == null && relativeBase != null) return c.exit(1);
            return Libc.forEach(g.operands(), (name, next) -> Canonical.of(c, name, how, links, (err, path) -> {
                if (err != null) {
                    if (!quiet) c.error(Quote.f(name, c.utf8()), err);
                    status[0] = 1;
                    return next.get();
                }
                c.print(relative(path, to, base) + end);
                return next.get();
            }), () -> c.exit(status[0]));
        }));
    }

    private static Step resolveOptional(Libc c, String dir, Canonical.Mode mode, boolean links, Function<String, Step> then) {
        if (dir == null) return then.apply(null);
        return Canonical.of(c, dir, mode, links, (Errno err, String path) -> {
            if (err != null) {
                c.error(Quote.f(dir, c.utf8()), err);
                return then.apply(null);
            }
            return then.apply(path);
        });
    }

    /** With --relative-to (and --relative-base), the name relative to that directory, as coreutils' relpath. */
    static String relative(String path, String to, String base) {
        if (to == null && base == null) return path;
        String from = to != null ? to : base;
        if (base != null && (!within(path, base) || !within(from, base))) return path;
        String[] a = split(from);
        String[] b = split(path);
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) common++;
        StringBuilder out = new StringBuilder();
        for (int i = common; i < a.length; i++) out.append(out.length() > 0 ? "/" : "").append("..");
        for (int i = common; i < b.length; i++) out.append(out.length() > 0 ? "/" : "").append(b[i]);
        return out.length() == 0 ? "." : out.toString();
    }

    private static boolean within(String path, String dir) {
        return dir.equals("/") || path.equals(dir) || path.startsWith(dir + "/");
    }

    private static String[] split(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/");
    }

    @Override
    public String whatis() {
        return "print the resolved path";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "realpath [OPTION]... FILE...\n  Print the resolved absolute file name; all but the last component must exist.\n"
                + "  -e, --canonicalize-existing  all components of the path must exist\n"
                + "  -m, --canonicalize-missing   no path components need exist or be a directory\n"
                + "  -q, --quiet                  suppress most error messages\n"
                + "      --relative-to=DIR        print the resolved path relative to DIR\n"
                + "      --relative-base=DIR      print absolute paths unless paths below DIR\n"
                + "  -s, --strip, --no-symlinks   don't expand symlinks\n"
                + "  -z, --zero                   end each output line with NUL, not newline";
    }
}
