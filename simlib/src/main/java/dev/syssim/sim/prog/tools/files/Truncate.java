package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * truncate (coreutils 9.1): set each file's size with ftruncate — {@code -s SIZE} absolute or
 * relative ({@code +N}, {@code -N}, {@code <N} at most, {@code >N} at least, {@code /N} round down,
 * {@code %N} round up), or another file's size ({@code -r}); a file that does not exist is created
 * unless {@code -c}. Extending leaves a hole that costs nothing (see {@link dev.syssim.sim.fs.FileData}).
 */
public final class Truncate extends Tool {

    private static final List<String> LONG = List.of("no-create>c", "io-blocks>o", "reference=>r", "size=>s", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("truncate", c.args().operands(), "cor:s:", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        String size = g.last("s");
        String reference = g.last("r");
        char op = 0;
        long amount = 0;
        if (size != null) {
            String s = size.strip();
            if (!s.isEmpty() && "+-<>/%".indexOf(s.charAt(0)) >= 0) {
                op = s.charAt(0);
                s = s.substring(1).strip();
            }
            Sizes.Parsed p = Sizes.parse(s, 10, "EgGkKmMPtTYZ0");
            if (!p.ok()) {
                c.error("Invalid number: " + Quote.locale(size, c.utf8()));
                return c.exit(1);
            }
            amount = p.value();
            if ((op == '/' || op == '%') && amount == 0) {
                c.error("division by zero");
                return c.exit(1);
            }
        }
        if (size == null && reference == null) return c.usageError("truncate: you must specify either " + Quote.locale("--size", c.utf8())
                + " or " + Quote.locale("--reference", c.utf8()), 1);
        if (reference != null && size != null && op == 0) return c.usageError("truncate: you must specify a relative " + Quote.locale("--size", c.utf8())
                + " with " + Quote.locale("--reference", c.utf8()), 1);
        if (g.has("o") && size == null) return c.usageError("truncate: " + Quote.locale("--io-blocks", c.utf8()) + " was specified but "
                + Quote.locale("--size", c.utf8()) + " was not", 1);
        if (g.operands().isEmpty()) return c.usageError("truncate: missing file operand", 1);
        long units = g.has("o") ? 4096 : 1;
        char how = op;
        long by = amount * units;
        boolean create = !g.has("c");
        return withReference(c, reference, refSize -> {
            if (refSize == null) return c.exit(1);
            int[] status = {0};
            return Libc.forEach(g.operands(), (file, next) -> {
                int flags = OpenFlags.O_WRONLY | OpenFlags.O_NONBLOCK | (create ? OpenFlags.O_CREAT : 0);
                return c.sys(new Syscall.OpenAt(OpenFlags.AT_FDCWD, file, flags, 0666), r -> {
                    if (r.failed()) {
                        if (!(r.errno() == dev.syssim.sim.os.Errno.ENOENT && !create)) {
                            c.error("cannot open " + Libc.quote(file) + " for writing", r.errno());
                            status[0] = 1;
                        }
                        return next.get();
                    }
                    int fd = r.intValue();
                    return c.sys(Syscall.NewFstatAt.fstat(fd), st -> {
                        long current = st.failed() ? 0 : st.dataAs(dev.syssim.sim.fs.Stat.class).size();
                        long base = reference != null ? refSize : current;
                        long target = switch (how) {
                            case '+' -> base + by;
                            case '-' -> Math.max(0, base - by);
                            case '<' -> Math.min(base, by);
                            case '>' -> Math.max(base, by);
                            case '/' -> base / by * by;
                            case '%' -> (base + by - 1) / by * by;
                            default -> reference != null && size == null ? refSize : by;
                        };
                        return c.sys(dev.syssim.sim.os.Truncate.fd(fd, target), t -> {
                            if (t.failed()) {
                                c.error("failed to truncate " + Libc.quote(file) + " at " + target + " bytes", t.errno());
                                status[0] = 1;
                            }
                            return c.close(fd, next);
                        });
                    });
                });
            }, () -> c.exit(status[0]));
        });
    }

    private static Step withReference(Libc c, String reference, java.util.function.Function<Long, Step> then) {
        if (reference == null) return then.apply(0L);
        return c.statOf(reference, true, (e, st) -> {
            if (e != null) {
                c.error("cannot stat " + Libc.quote(reference), e);
                return then.apply(null);
            }
            return then.apply(st.size());
        });
    }

    @Override
    public String whatis() {
        return "shrink or extend the size of a file to the specified size";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "truncate OPTION... FILE...\n  Shrink or extend the size of each FILE to the specified size. A FILE argument that does not exist is created. If a FILE is larger than the specified size, the extra data is lost. If a FILE is shorter, it is extended and the sparse extended part (hole) reads as zero bytes.\n"
                + "  -c, --no-create        do not create any files\n"
                + "  -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes\n"
                + "  -r, --reference=RFILE  base size on RFILE\n"
                + "  -s, --size=SIZE        set or adjust the file size by SIZE bytes: K, M, G ... (powers of 1024) or KB, MB ... (powers of 1000); prefix + extend by, - reduce by, < at most, > at least, / round down to multiple of, % round up to multiple of";
    }
}
