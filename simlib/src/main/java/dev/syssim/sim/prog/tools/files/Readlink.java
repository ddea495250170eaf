package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * readlink (coreutils 9.1): print where a symbolic link points (readlink(2)), or with {@code -f},
 * {@code -e}, {@code -m} the canonical name (see {@link Canonical}). Failures are silent unless
 * {@code -v}, and make the exit status 1; {@code -n} drops the newline, {@code -z} ends with NUL.
 */
public final class Readlink extends Tool {

    private static final List<String> LONG = List.of("canonicalize>f", "canonicalize-existing>e", "canonicalize-missing>m",
            "no-newline>n", "quiet>q", "silent>s", "verbose>v", "zero>z", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("readlink", c.args().operands(), "efmnqsvz", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        if (g.operands().isEmpty()) return c.usageError("readlink: missing operand", 1);
        Canonical.Mode mode = null;
        boolean verbose = false;
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "f" -> mode = Canonical.Mode.ALL_BUT_LAST;
                case "e" -> mode = Canonical.Mode.EXISTING;
                case "m" -> mode = Canonical.Mode.MISSING;
                case "v" -> verbose = true;
                case "q", "s" -> verbose = false;
                default -> { }
            }
        }
        boolean many = g.operands().size() > 1;
        if (g.has("n") && many) c.error("ignoring --no-newline with multiple arguments");
        String end = g.has("z") ? "\0" : g.has("n") && !many ? "" : "\n";
        boolean loud = verbose;
        Canonical.Mode how = mode;
        int[] status = {0};
        return Libc.forEach(g.operands(), (name, next) -> {
            if (how == null) {
                return c.sys(new Syscall.Readlink(name), r -> {
                    if (r.failed()) {
                        if (loud) c.error(Quote.f(name, c.utf8()), r.errno());
                        status[0] = 1;
                    } else {
                        c.print(r.data() + end);
                    }
                    return next.get();
                });
            }
            return Canonical.of(c, name, how, true, (err, path) -> {
                if (err != null) {
                    if (loud) c.error(Quote.f(name, c.utf8()), err);
                    status[0] = 1;
                } else {
                    c.print(path + end);
                }
                return next.get();
            });
        }, () -> c.exit(status[0]));
    }

    @Override
    public String whatis() {
        return "print resolved symbolic links or canonical file names";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "readlink [OPTION]... FILE...\n  Print value of a symbolic link or canonical file name.\n"
                + "  -f, --canonicalize            canonicalize by following every symlink in every component of the given name recursively; all but the last component must exist\n"
                + "  -e, --canonicalize-existing   canonicalize by following every symlink in every component of the given name recursively, all components must exist\n"
                + "  -m, --canonicalize-missing    canonicalize by following every symlink in every component of the given name recursively, without requirements on components existence\n"
                + "  -n, --no-newline              do not output the trailing delimiter\n"
                + "  -q, --quiet, -s, --silent     suppress most error messages (on by default)\n"
                + "  -v, --verbose                 report error messages\n"
                + "  -z, --zero                    end each output line with NUL, not newline";
    }
}
