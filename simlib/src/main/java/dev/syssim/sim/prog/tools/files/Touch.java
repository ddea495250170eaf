package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Utimensat;
import dev.syssim.sim.prog.DateInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.OptionalLong;

/**
 * touch (coreutils 9.1): create each file that does not exist (an open with O_CREAT, unless {@code
 * -c} or {@code -h}), and set its times with utimensat — to now, or to {@code -d DATE}, {@code -t
 * STAMP} or another file's ({@code -r}); only the access time with {@code -a}, only the
 * modification time with {@code -m}; {@code -h} changes a symbolic link itself.
 */
public final class Touch extends Tool {

    private static final List<String> LONG = List.of("no-create>c", "date=>d", "no-dereference>h", "reference=>r", "time=", "help", "version");

    private final long bootEpochSeconds;

    public Touch(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("touch", c.args().operands(), "acd:fhmr:t:", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        boolean access = g.has("a");
        boolean modify = g.has("m");
        if (g.has("time")) {
            String w = g.last("time");
            if (List.of("atime", "access", "use").contains(w)) access = true;
            else if (List.of("mtime", "modify").contains(w)) modify = true;
            else {
                c.eprint("touch: invalid argument " + Quote.locale(w, c.utf8()) + " for " + Quote.locale("--time", c.utf8()) + "\n"
                        + "Valid arguments are:\n  - " + Quote.locale("atime", c.utf8()) + ", " + Quote.locale("access", c.utf8()) + ", "
                        + Quote.locale("use", c.utf8()) + "\n  - " + Quote.locale("mtime", c.utf8()) + ", " + Quote.locale("modify", c.utf8()) + "\n");
                return usageHint(c);
            }
        }
        if (!access && !modify) {
            access = true;
            modify = true;
        }
        int sources = (g.has("d") ? 1 : 0) + (g.has("t") ? 1 : 0) + (g.has("r") ? 1 : 0);
        if (sources > 1 && !(g.has("d") && g.has("r") && !g.has("t"))) {
            return c.usageError("touch: cannot specify times from more than one source", 1);
        }
        if (g.operands().isEmpty()) return c.usageError("touch: missing file operand", 1);
        boolean doAccess = access;
        boolean doModify = modify;
        boolean noCreate = g.has("c");
        boolean noDereference = g.has("h");
        return c.clock(ClockGettime.CLOCK_REALTIME, now -> times(c, g, now, (atime, mtime) -> {
            if (atime == null) return c.exit(1);
            long a = doAccess ? atime : Utimensat.UTIME_OMIT;
            long m = doModify ? mtime : Utimensat.UTIME_OMIT;
            int[] status = {0};
            return Libc.forEach(g.operands(), (file, next) -> {
                if (noCreate || noDereference) return setTimes(c, file, a, m, !noDereference, status, noCreate, next);
                return c.create(file, OpenFlags.O_WRONLY | OpenFlags.O_NOCTTY | OpenFlags.O_NONBLOCK, 0666, r -> {
                    if (r.failed() && r.errno() != Errno.EISDIR) {
                        // an existing file we may not open for writing may still take new times (as owner)
                        if (r.errno() == Errno.EACCES || r.errno() == Errno.EPERM || r.errno() == Errno.EROFS) {
                            return setTimes(c, file, a, m, true, status, false, next, r.errno());
                        }
                        c.error("cannot touch " + Libc.quote(file), r.errno());
                        status[0] = 1;
                        return next.get();
                    }
                    if (r.failed()) return setTimes(c, file, a, m, true, status, false, next);
                    return c.close(r.intValue(), () -> setTimes(c, file, a, m, true, status, false, next));
                });
            }, () -> c.exit(status[0]));
        }));
    }

    private static Step usageHint(Libc c) {
        c.eprint("Try 'touch --help' for more information.\n");
        return c.exit(1);
    }

    private interface TimesStep {
        Step apply(Long atime, Long mtime);
    }

    /** The times to set, in simulated nanoseconds (UTIME_NOW for now); null after an error was printed. */
    private Step times(Libc c, Getopt g, long now, TimesStep then) {
        long bootNanos = bootEpochSeconds * 1_000_000_000L;
        if (g.has("r")) {
            String ref = g.last("r");
            return c.statOf(ref, !g.has("h"), (err, st) -> {
                if (err != null) {
                    c.error("failed to get attributes of " + Libc.quote(ref), err);
                    return then.apply(null, null);
                }
                if (!g.has("d")) return then.apply(st.atime(), st.mtime());
                OptionalLong a = DateInput.parse(g.last("d"), st.atime() + bootNanos);
                OptionalLong m = DateInput.parse(g.last("d"), st.mtime() + bootNanos);
                if (a.isEmpty() || m.isEmpty()) return invalid(c, g.last("d"), then);
                return then.apply(a.getAsLong() - bootNanos, m.getAsLong() - bootNanos);
            });
        }
        if (g.has("d")) {
            OptionalLong t = DateInput.parse(g.last("d"), now);
            if (t.isEmpty()) return invalid(c, g.last("d"), then);
            return then.apply(t.getAsLong() - bootNanos, t.getAsLong() - bootNanos);
        }
        if (g.has("t")) {
            OptionalLong t = DateInput.touchStamp(g.last("t"), now);
            if (t.isEmpty()) return invalid(c, g.last("t"), then);
            return then.apply(t.getAsLong() - bootNanos, t.getAsLong() - bootNanos);
        }
        return then.apply(Utimensat.UTIME_NOW, Utimensat.UTIME_NOW);
    }

    private static Step invalid(Libc c, String text, TimesStep then) {
        c.error("invalid date format " + Quote.locale(text, c.utf8()));
        return then.apply(null, null);
    }

    private static Step setTimes(Libc c, String file, long atime, long mtime, boolean follow, int[] status, boolean quietIfMissing,
                                 java.util.function.Supplier<Step> next) {
        return setTimes(c, file, atime, mtime, follow, status, quietIfMissing, next, null);
    }

    /** utimensat; {@code openError} is why creating failed, reported instead if the file does not exist either. */
    private static Step setTimes(Libc c, String file, long atime, long mtime, boolean follow, int[] status, boolean quietIfMissing,
                                 java.util.function.Supplier<Step> next, Errno openError) {
        return c.sys(new Utimensat(file, follow, atime, mtime), r -> {
            if (r.failed() && !(quietIfMissing && r.errno() == Errno.ENOENT)) {
                if (openError != null) c.error("cannot touch " + Libc.quote(file), openError);
                else c.error("setting times of " + Libc.quote(file), r.errno());
                status[0] = 1;
            }
            return next.get();
        });
    }

    @Override
    public String whatis() {
        return "change file timestamps";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "touch [OPTION]... FILE...\n  Update the access and modification times of each FILE to the current time.\n"
                + "  A FILE argument that does not exist is created empty, unless -c or -h is supplied.\n"
                + "  -a                     change only the access time\n"
                + "  -c, --no-create        do not create any files\n"
                + "  -d, --date=STRING      parse STRING and use it instead of current time (@SECONDS, 2024-01-31 12:00, 2 days ago ...)\n"
                + "  -h, --no-dereference   affect each symbolic link instead of any referenced file\n"
                + "  -m                     change only the modification time\n"
                + "  -r, --reference=FILE   use this file's times instead of current time\n"
                + "  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of current time\n"
                + "      --time=WORD        change the specified time: access, atime, use (like -a); modify, mtime (like -m)";
    }
}
