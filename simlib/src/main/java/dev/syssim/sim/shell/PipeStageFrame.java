package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first frame of a child that talks through pipes (a pipeline stage, a command or process
 * substitution): it makes the pipe ends its standard input and output (dup2, then close the
 * originals; {@code |&} joins standard error), then becomes the frame that does the work. The
 * parent's end of the child's pipe, if given, is closed first, as bash's child does: a builtin's
 * {@code >&3} must not find it (and a reader must not keep its own pipe's writer alive).
 */
final class PipeStageFrame extends Frame {

    private final int in;
    private final int out;
    private final boolean errToo;
    private final Function<Shell, Frame> body;
    /** The parent's end of the pipe (-1: none), closed before anything else. */
    private final int parentEnd;

    PipeStageFrame(int in, int out, boolean errToo, Function<Shell, Frame> body) {
        this(in, out, errToo, -1, body);
    }

    PipeStageFrame(int in, int out, boolean errToo, int parentEnd, Function<Shell, Frame> body) {
        this.parentEnd = parentEnd;
        this.in = in;
        this.out = out;
        this.errToo = errToo;
        this.body = body;
    }

    @Override
    Step step(Shell sh) {
        if (parentEnd >= 0 && parentEnd != in && parentEnd != out) return sh.c.close(parentEnd, () -> connectAll(sh));
        return connectAll(sh);
    }

    private Step connectAll(Shell sh) {
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
