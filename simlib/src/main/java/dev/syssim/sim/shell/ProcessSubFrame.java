package dev.syssim.sim.shell;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.function.Consumer;

/**
 * {@code <(list)} and {@code >(list)}: a pipe and a child running the list with the pipe as its
 * output (or input); the shell keeps its end as descriptor 63 (then 62 ...), and the word becomes
 * {@code /dev/fd/63}, which the command opens. The descriptor is closed when the command is done.
 */
final class ProcessSubFrame extends Frame {

    private final Ast.ProcessSub sub;
    private final Consumer<Object> out;
    private boolean started;

    ProcessSubFrame(Ast.ProcessSub sub, Consumer<Object> out) {
        this.sub = sub;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        if (started) return sh.finish(0);
        started = true;
        return sh.c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), p -> {
            if (p.failed()) {
                sh.error("cannot make pipe for process substitution: " + p.errno().message());
                out.accept("");
                return sh.finish(1);
            }
            int[] fds = Syscall.Pipe2.fds(p);
            int childEnd = sub.input() ? fds[1] : fds[0];
            int ourEnd = sub.input() ? fds[0] : fds[1];
            return sh.fork(child -> new PipeStageFrame(sub.input() ? -1 : childEnd, sub.input() ? childEnd : -1, false, ourEnd,
                    s -> new ListFrame(sub.body())), -1, pid -> sh.c.close(childEnd, () -> {
                int target = 63 - sh.processSubstitutionFds.size();
                return sh.c.sys(new Syscall.Dup2(ourEnd, target), d -> sh.c.close(ourEnd, () -> {
                    sh.processSubstitutionFds.add(target);
                    sh.st.lastBackground = pid;
                    out.accept("/dev/fd/" + target);
                    return sh.proceed();
                }));
            }));
        });
    }
}
