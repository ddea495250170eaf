package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * tee: copy standard input to standard output and to each FILE ({@code -a}: append). A file it
 * cannot open is reported and skipped; the others still get the data. {@code sudo tee FILE} is how
 * a user writes a root-owned file from a pipeline.
 */
public final class Tee extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("tee", c.args().operands(), "aip", List.of("append>a", "ignore-interrupts>i", "output-error=?", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        int mode = OpenFlags.O_WRONLY | (o.has("a") ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
        List<Integer> fds = new ArrayList<>();
        fds.add(1);
        int[] status = {0};
        return Libc.forEach(o.operands(), (file, next) -> c.create(file, mode, 0666, r -> {
            if (r.failed()) {
                c.error(Quote.f(file, c.utf8()), r.errno());
                status[0] = 1;
            } else {
                fds.add(r.intValue());
            }
            return next.get();
        }), () -> c.stream(0, (chunk, more) -> Libc.forEach(List.copyOf(fds), (fd, next) -> c.writeAll(fd, chunk, e -> {
            if (e != null) {
                c.error(fd == 1 ? "'standard output'" : "write error", e);
                status[0] = 1;
                fds.remove(fd);
            }
            return next.get();
        }), more), e -> c.exit(status[0])));
    }

    @Override
    public String whatis() {
        return "read from standard input and write to standard output and files";
    }

    @Override
    public String manual() {
        return "tee [OPTION]... [FILE]...\n  Copy standard input to each FILE, and also to standard output.\n"
                + "  -a, --append              append to the given FILEs, do not overwrite\n"
                + "  -i, --ignore-interrupts   ignore interrupt signals\n"
                + "  -p                        diagnose errors writing to non pipes";
    }
}
