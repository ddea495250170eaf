package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * mkdir: make directories. {@code -p} makes missing parents and is quiet about existing ones;
 * {@code -m MODE} sets the mode exactly (mkdir, then chmod, since the umask would clear bits);
 * {@code -v} says what it made.
 */
public final class Mkdir extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("mkdir", c.args().operands(), "pv", "m",
                Set.of("help", "parents", "verbose"), Set.of("mode"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("mkdir: missing operand", 1);
        boolean parents = o.has("p") || o.has("parents");
        boolean verbose = o.has("v") || o.has("verbose");
        String modeText = o.value("m", o.value("mode"));
        Integer mode = null;
        if (modeText != null) {
            mode = Modes.apply(modeText, 0777, 0, true);
            if (mode == null) {
                c.error("invalid mode " + c.quoteLocale(modeText));
                return c.exit(1);
            }
        }
        Integer exact = mode;
        int[] status = {0};
        return Libc.forEach(o.operands(), (dir, next) -> {
            Supplier<Step> made = () -> {
                if (verbose) c.println("mkdir: created directory " + Libc.quote(dir));
                return next.get();
            };
            if (parents) return makeParents(c, dir, exact, verbose, status, made, next);
            return c.sys(new Syscall.Mkdir(dir, exact == null ? 0777 : exact & 0777), r -> {
                if (r.failed()) {
                    c.error("cannot create directory " + c.quoteLocale(dir), r.errno());
                    status[0] = 1;
                    return next.get();
                }
                return chmodIfAsked(c, dir, exact, made);
            });
        }, () -> c.exit(status[0]));
    }

    /** {@code -m}: the mode exactly as given, which the umask may have narrowed at mkdir. */
    private static Step chmodIfAsked(Libc c, String dir, Integer mode, Supplier<Step> then) {
        if (mode == null) return then.get();
        return c.sys(new Syscall.Chmod(dir, mode), r -> then.get());
    }

    /** -p: each missing component from the top, parents with the default mode, the last with -m's. */
    private static Step makeParents(Libc c, String dir, Integer mode, boolean verbose, int[] status,
                                    Supplier<Step> made, Supplier<Step> next) {
        List<String> prefixes = new ArrayList<>();
        String[] parts = dir.split("/");
        StringBuilder path = new StringBuilder(dir.startsWith("/") ? "/" : "");
        for (String part : parts) {
            if (part.isEmpty()) continue;
            if (path.length() > 0 && path.charAt(path.length() - 1) != '/') path.append('/');
            path.append(part);
            prefixes.add(path.toString());
        }
        return Libc.forEach(prefixes, (prefix, more) -> {
            boolean last = prefix.equals(prefixes.get(prefixes.size() - 1));
            return c.sys(new Syscall.Mkdir(prefix, last && mode != null ? mode & 0777 : 0777), r -> {
                if (!r.failed()) {
                    if (!last && verbose) c.println("mkdir: created directory " + Libc.quote(prefix));
                    return last ? chmodIfAsked(c, prefix, mode, made) : more.get();
                }
                if (r.errno() == Errno.EEXIST) {
                    return c.statOf(prefix, true, (err, st) -> {
                        if (st != null && st.type() == dev.syssim.sim.fs.FileType.DIRECTORY) return last ? next.get() : more.get();
                        c.error("cannot create directory " + c.quoteLocale(prefix), Errno.EEXIST);
                        status[0] = 1;
                        return next.get();
                    });
                }
                c.error("cannot create directory " + c.quoteLocale(prefix), r.errno());
                status[0] = 1;
                return next.get();
            });
        }, next);
    }

    @Override
    public String whatis() {
        return "make directories";
    }

    @Override
    public String manual() {
        return "mkdir [OPTION]... DIRECTORY...\n  Create the DIRECTORY(ies), if they do not already exist.\n"
                + "  -m, --mode=MODE  set file mode (as in chmod), not a=rwx - umask\n"
                + "  -p, --parents    no error if existing, make parent directories as needed\n"
                + "  -v, --verbose    print a message for each created directory";
    }
}
