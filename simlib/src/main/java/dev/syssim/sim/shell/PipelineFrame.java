package dev.syssim.sim.shell;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pipeline. One command runs in the shell itself; several are one child each, joined by
 * pipes ({@code |&} joins standard error too), and the shell waits for all of them: the status is
 * the last one's ({@code set -o pipefail}: the last nonzero), PIPESTATUS all of them, {@code !}
 * negates, {@code time} reports how long it took. With {@code shopt -s lastpipe} and no job control
 * the last command runs in the shell.
 */
final class PipelineFrame extends Frame {

    private final Ast.Pipeline pipeline;
    private final ExecLast execLast;
    private int phase;
    private long startNanos;

    PipelineFrame(Ast.Pipeline pipeline, ExecLast execLast) {
        this.pipeline = pipeline;
        this.execLast = execLast;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                phase = 1;
                if (pipeline.timed() != Ast.Timed.NO) {
                    return sh.c.clock(ClockGettime.CLOCK_MONOTONIC, now -> {
                        startNanos = now;
                        Step first = start(sh);
                        return first == Shell.CONTINUE ? sh.proceed() : first; // back in the frame loop
                    });
                }
                return start(sh);
            }
            case 1 -> {
                phase = 2;
                return done(sh, childStatus);
            }
            default -> {
                return sh.finish(childStatus);
            }
        }
    }

    private Step start(Shell sh) {
        if (pipeline.negated()) sh.st.errexitSuppressed++;
        List<Ast.Command> commands = pipeline.commands();
        if (commands.isEmpty()) {
            childStatus = 0;
            return Shell.CONTINUE;
        }
        if (commands.size() == 1) {
            sh.push(Commands.frame(sh, commands.get(0), execLast.allows(sh, pipeline, commands.get(0))));
            return Shell.CONTINUE;
        }
        boolean lastpipe = sh.st.options.lastpipe && !(sh.st.interactive && !sh.st.subshell);
        List<Integer> pids = new ArrayList<>();
        return stage(sh, 0, -1, pids, lastpipe);
    }

    private static Shell inPipe(Shell stage) {
        stage.st.pipeStage = true;
        return stage;
    }

    /** Forks stage {@code i} reading from {@code inFd} (-1: the shell's standard input). */
    private Step stage(Shell sh, int i, int inFd, List<Integer> pids, boolean lastpipe) {
        List<Ast.Command> commands = pipeline.commands();
        boolean last = i == commands.size() - 1;
        int leader = pids.isEmpty() ? 0 : pids.get(0);
        if (last && lastpipe) return lastInShell(sh, inFd, pids);
        if (last) {
            Ast.Command cmd = commands.get(i);
            return sh.fork(child -> new PipeStageFrame(inFd, -1, false, s -> Commands.frame(inPipe(s), cmd, true)), leader, pid -> {
                pids.add(pid);
                return closeIfOpen(sh, inFd, () -> sh.waitForeground(pids, this::pipelineTexts, status -> {
                    childStatus = pipeStatus(sh, status);
                    return sh.proceed();
                }));
            });
        }
        return sh.c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), r -> {
            if (r.failed()) {
                if (sh.st.dash) {
                    sh.error("Pipe call failed"); // dash's sh_error: the shell exits with 2
                    return sh.fatal(2);
                }
                // bash's throw_to_top_level: the status gets 128 added (1 | 128) and a script ends
                // there; an interactive shell abandons the command line
                sh.sysError("pipe error: " + r.errno().message());
                return sh.fatal(129);
            }
            int[] fds = Syscall.Pipe2.fds(r);
            Ast.Command cmd = commands.get(i);
            boolean errToo = pipeline.stderrToo().get(i);
            return sh.fork(child -> new PipeStageFrame(inFd, fds[1], errToo, fds[0], s -> Commands.frame(inPipe(s), cmd, true)), leader, pid -> {
                pids.add(pid);
                return closeIfOpen(sh, inFd, () -> sh.c.close(fds[1], () -> stage(sh, i + 1, fds[0], pids, lastpipe)));
            });
        });
    }

    /** lastpipe: the last command runs here, its standard input the pipe, restored afterwards. */
    private Step lastInShell(Shell sh, int inFd, List<Integer> pids) {
        Ast.Command cmd = pipeline.commands().get(pipeline.commands().size() - 1);
        return sh.c.sys(new Syscall.Fcntl(0, Syscall.Fcntl.F_DUPFD_CLOEXEC, 10), saved -> sh.c.sys(new Syscall.Dup2(inFd, 0), d ->
                sh.c.close(inFd, () -> {
                    sh.push(new Frame() {
                        private boolean ran;

                        @Override
                        Step step(Shell s) {
                            if (!ran) {
                                ran = true;
                                s.push(Commands.frame(s, cmd, false));
                                return Shell.CONTINUE;
                            }
                            int own = childStatus;
                            return restore(s, saved.failed() ? -1 : saved.intValue(), () -> {
                                s.stack.remove(s.stack.size() - 1);
                                return s.waitForeground(pids, PipelineFrame.this::pipelineTexts, status -> {
                                    int[] all = new int[s.st.pipestatus.length + 1];
                                    System.arraycopy(s.st.pipestatus, 0, all, 0, s.st.pipestatus.length);
                                    all[all.length - 1] = own;
                                    s.st.pipestatus = all;
                                    PipelineFrame.this.childStatus = pipeStatus(s, own);
                                    return s.proceed();
                                });
                            });
                        }

                        @Override
                        Step unwind(Shell s) {
                            return restore(s, saved.failed() ? -1 : saved.intValue(), () -> s.finish(childStatus));
                        }
                    });
                    return sh.proceed();
                })));
    }

    private static Step restore(Shell sh, int saved, java.util.function.Supplier<Step> next) {
        if (saved < 0) return sh.c.sys(new Syscall.Close(0), r -> next.get());
        return sh.c.sys(new Syscall.Dup2(saved, 0), r -> sh.c.close(saved, next));
    }

    private static Step closeIfOpen(Shell sh, int fd, java.util.function.Supplier<Step> next) {
        return fd < 0 ? next.get() : sh.c.close(fd, next);
    }

    /** The pipeline's status from PIPESTATUS: the last one's, or with pipefail the last nonzero. */
    private static int pipeStatus(Shell sh, int last) {
        if (!sh.st.options.pipefail) return last;
        int status = 0;
        for (int s : sh.st.pipestatus) if (s != 0) status = s;
        return status;
    }

    private Step done(Shell sh, int status) {
        if (pipeline.negated()) sh.st.errexitSuppressed--;
        if (pipeline.commands().size() <= 1) sh.st.pipestatus = new int[] {status};
        int result = pipeline.negated() ? (status == 0 ? 1 : 0) : status;
        if (pipeline.timed() == Ast.Timed.NO) return sh.finish(result);
        return sh.c.clock(ClockGettime.CLOCK_MONOTONIC, now -> {
            sh.c.flushStdout();
            sh.err(Timing.report(now - startNanos, 0, 0, pipeline.timed() == Ast.Timed.POSIX, sh.st.vars.get("TIMEFORMAT")));
            childStatus = result;
            return sh.proceed();
        });
    }

    @Override
    Step unwind(Shell sh) {
        if (phase == 1 && pipeline.negated()) sh.st.errexitSuppressed--;
        phase = 2;
        return sh.finish(childStatus);
    }

    /** Each command of the pipeline as bash shows it in a job message. */
    private List<String> pipelineTexts() {
        List<String> parts = new ArrayList<>();
        for (Ast.Command c : pipeline.commands()) parts.add(FunctionPrinter.command(c));
        return parts;
    }
}
