package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Sendfile;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * busybox cat: each file (or standard input) copied to standard output with sendfile(2), 16 MiB at
 * a time, as strace shows busybox doing; {@code cat: can't open 'F': ERROR} in one write for a
 * file that cannot be opened (status 1 at the end). Standard output is not closed at exit.
 */
final class Cat extends Tool {

    static final int CHUNK = 16 * 1024 * 1024;

    @Override
    protected Step run(Libc c) {
        List<String> files = c.args().operands().isEmpty() ? List.of("-") : c.args().operands();
        int[] status = {0};
        return Libc.forEach(files, (file, next) -> {
            if (file.equals("-")) return copy(c, 0, next);
            return c.open(file, OpenFlags.O_RDONLY, o -> {
                if (o.failed()) {
                    c.eprint("cat: can't open '" + file + "': " + o.errno().message() + "\n");
                    status[0] = 1;
                    return next.get();
                }
                int fd = o.intValue();
                return copy(c, fd, () -> c.close(fd, next));
            });
        }, () -> c.exitQuietly(status[0]));
    }

    private static Step copy(Libc c, int fd, java.util.function.Supplier<Step> then) {
        return c.sys(new Sendfile(1, fd, CHUNK), r -> {
            // a pipe or terminal cannot be sendfile's source (EINVAL): busybox's bb_copyfd_eof then
            // copies with read and write, as here
            if (r.failed()) return readWrite(c, fd, then);
            if (r.value() == 0) return then.get();
            return copy(c, fd, then);
        });
    }

    private static Step readWrite(Libc c, int fd, java.util.function.Supplier<Step> then) {
        return c.read(fd, 4096, r -> {
            if (r.failed() || r.bytes().length == 0) return then.get();
            return c.writeAll(1, r.bytes(), e -> e != null ? then.get() : readWrite(c, fd, then));
        });
    }

    @Override
    public String manual() {
        return "cat [-nbvteA] [FILE]...\n  Print FILEs to stdout";
    }
}
