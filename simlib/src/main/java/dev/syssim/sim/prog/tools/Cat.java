package dev.syssim.sim.prog.tools;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/** cat: copy each file (or standard input for none or {@code -}) to standard output. */
public final class Cat extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("cat", c.args().operands(), "nA", "");
        if (o.failed()) return c.usageError(o.error(), 1);
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        int[] status = {0};
        return Libc.forEach(files, (file, next) -> {
            if (file.equals("-")) return c.copy(0, 1, err -> next.get());
            return c.open(file, OpenFlags.O_RDONLY, opened -> {
                if (opened.failed()) {
                    c.error(file, opened.errno());
                    status[0] = 1;
                    return next.get();
                }
                int fd = opened.intValue();
                return c.copy(fd, 1, err -> {
                    if (err != null) {
                        c.error(file, err);
                        status[0] = 1;
                    }
                    return c.close(fd, next);
                });
            });
        }, () -> c.exit(status[0]));
    }

    @Override
    public String manual() {
        return "cat [FILE]...\n  Concatenate FILE(s) to standard output. With no FILE, or when FILE is -, read standard input.";
    }
}
