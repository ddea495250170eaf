package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * strace: run a command and print every syscall it makes. It forks; the child asks to be traced
 * (PTRACE_TRACEME) and execs the command; strace waits and exits with the command's status.
 */
public final class Strace extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("strace", c.args().operands(), "f", "eo", Set.of("help"), Set.of(), false);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> command = o.operands();
        if (command.isEmpty()) {
            c.eprint("strace: must have PROG [ARGS] or -p PID\nTry 'strace -h' for more information.\n");
            return c.exit(1);
        }
        Set<String> only = new LinkedHashSet<>();
        String filter = o.value("e");
        if (filter != null) {
            String set = filter.startsWith("trace=") ? filter.substring(6) : filter;
            if (!set.equals("all")) only.addAll(List.of(set.split(",")));
        }
        String output = o.value("o");
        if (output == null) return start(c, command, 2, only, o.has("f"));
        return c.create(output, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
            if (r.failed()) {
                c.eprint("strace: Can't fopen '" + output + "': " + r.errno().message() + "\n");
                return c.exit(1);
            }
            return start(c, command, r.intValue(), only, o.has("f"));
        });
    }

    private Step start(Libc c, List<String> command, int outputFd, Set<String> only, boolean follow) {
        return findProgram(c, command.get(0), path -> {
            if (path == null) {
                c.eprint("strace: Can't stat '" + command.get(0) + "': No such file or directory\n");
                return c.exit(1);
            }
            return c.sys(Syscall.Clone.fork(() -> Step.call(new Syscall.PtraceTraceme(outputFd, only, follow),
                    t -> Step.call(new Syscall.Execve(path, command, c.args().env()), r -> {
                        c.eprint("strace: exec: " + r.errno().message() + "\n");
                        return c.exit(1);
                    }))), pid -> c.sys(new Syscall.Wait4(pid.intValue(), 0), w -> {
                        int status = Syscall.Wait4.status(w);
                        return c.exit(WaitStatus.shellStatus(status));
                    }));
        });
    }

    /** strace looks the command up along PATH itself, so its first line names the full path. */
    private Step findProgram(Libc c, String name, java.util.function.Function<String, Step> then) {
        if (name.contains("/")) return then.apply(name);
        String path = c.env("PATH") == null ? "/usr/local/bin:/usr/bin:/bin" : c.env("PATH");
        return Libc.forEach(List.of(path.split(":")), (dir, next) -> c.statOf(dir + "/" + name, true, (err, st) ->
                err == null && (st.permissions() & 0111) != 0 && !st.type().equals(dev.syssim.sim.fs.FileType.DIRECTORY)
                        ? then.apply(dir + "/" + name) : next.get()), () -> then.apply(null));
    }

    @Override
    public String manual() {
        return "strace [-f] [-e trace=NAME,...] [-o FILE] PROG [ARGS]\n"
                + "  Trace the system calls of PROG: one line per call, its arguments and its result.\n"
                + "  -f  also trace child processes   -e trace=SET  only these calls   -o FILE  write the trace to FILE";
    }
}
