package dev.syssim.sim.shell;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.List;

/**
 * {@code coproc [NAME] command}: the command runs in the background joined to the shell by two
 * pipes; {@code NAME[0]} is the descriptor to read its output from, {@code NAME[1]} the one to write
 * its input to, {@code NAME_PID} its pid.
 */
final class CoprocFrame extends Frame {

    private final Ast.Coproc command;
    private boolean started;

    CoprocFrame(Ast.Coproc command) {
        this.command = command;
    }

    @Override
    Step step(Shell sh) {
        if (started) return sh.finish(0);
        started = true;
        return sh.c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), out -> sh.c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), in -> {
            if (out.failed() || in.failed()) {
                sh.error("cannot make pipe for coprocess");
                return sh.done(1);
            }
            int[] fromChild = Syscall.Pipe2.fds(out);
            int[] toChild = Syscall.Pipe2.fds(in);
            return sh.fork(child -> new ClosingFrame(new int[] {toChild[1], fromChild[0]},
                    new PipeStageFrame(toChild[0], fromChild[1], false, s -> Commands.frame(s, command.body(), true))), 0, pid ->
                    sh.c.close(fromChild[1], () -> sh.c.close(toChild[0], () ->
                            sh.c.sys(new Syscall.Fcntl(fromChild[0], Syscall.Fcntl.F_DUPFD, 60), r1 -> sh.c.close(fromChild[0], () ->
                                    sh.c.sys(new Syscall.Fcntl(toChild[1], Syscall.Fcntl.F_DUPFD, 60), r2 -> sh.c.close(toChild[1], () -> {
                                        Assign.array(sh, command.name(), List.of(new Assign.Element(null, false, Long.toString(r1.value())),
                                                new Assign.Element(null, false, Long.toString(r2.value()))), false, false);
                                        Assign.scalar(sh, command.name() + "_PID", Integer.toString(pid), false);
                                        sh.st.lastBackground = pid;
                                        return sh.done(0);
                                    })))))));
        }));
    }

    /**
     * In the coprocess: closes the shell's ends of the two pipes first. They are close-on-exec, but a
     * coprocess that is a shell (a { group; }) never execs, and holding its own input's write end
     * it would never see end of file.
     */
    private static final class ClosingFrame extends Frame {
        private final int[] fds;
        private final Frame then;
        private int next;

        ClosingFrame(int[] fds, Frame then) {
            this.fds = fds;
            this.then = then;
        }

        @Override
        Step step(Shell sh) {
            if (next < fds.length) return sh.c.close(fds[next++], sh::proceed);
            sh.stack.set(sh.stack.size() - 1, then);
            return Shell.CONTINUE;
        }
    }
}
