package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first frame of a child that talks through pipes (a pipeline stage, a command or process
 * substitution): it makes the pipe ends its standard input and output (dup2, then close the
 * originals; {@code |&} joins standard error), then becomes the frame that does the work.
 */
final class PipeStageFrame extends Frame {

    private final int in;
    private final int out;
    private final boolean errToo;
    private final Function<Shell, Frame> body;

    PipeStageFrame(int in, int out, boolean errToo, Function<Shell, Frame> body) {
        this.in = in;
        this.out = out;
        this.errToo = errToo;
        this.body = body;
    }

    @Override
    Step step(Shell sh) {
        return connect(sh, in, 0, () -> connect(sh, out, 1, () -> {
            Supplier<Step> run = () -> {
                sh.stack.set(sh.stack.size() - 1, body.apply(sh));
                return sh.proceed();
            };
            if (errToo && out >= 0) return sh.c.sys(new Syscall.Dup2(1, 2), r -> run.get());
            return run.get();
        }));
    }

    private static Step connect(Shell sh, int fd, int target, Supplier<Step> next) {
        if (fd < 0 || fd == target) return next.get();
        return sh.c.sys(new Syscall.Dup2(fd, target), r -> sh.c.close(fd, next));
    }
}
