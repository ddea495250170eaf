package dev.syssim.sim.prog;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Running another program and waiting for it, as {@code find -exec} and {@code xargs} do: fork,
 * in the child optionally chdir, then execvp (each PATH directory in turn); the parent waits. If the
 * program cannot be run the child says why (in the caller's words) and exits 127 (not found) or 126
 * (found, not runnable), which the parent sees as the status.
 */
public final class Spawn {

    /** How a child ended: its exit code, or the signal that killed it. */
    public record Ended(int code, Signal signal) {
        public boolean ok() {
            return signal == null && code == 0;
        }
    }

    private Spawn() {
    }

    /**
     * Runs {@code argv} with {@code env}; in {@code dir} if not null. {@code message} words a failed
     * exec ({@code xargs: x: No such file or directory}). {@code then} gets how the child ended.
     */
    public static Step run(Libc c, List<String> argv, Map<String, String> env, String dir,
                           BiFunction<String, Errno, String> message, java.util.function.Function<Ended, Step> then) {
        c.flushStdout();
        return c.sys(Syscall.Clone.fork(() -> {
            Libc child = new Libc(c.args());
            if (dir == null) return execvp(child, argv, env, message);
            return child.sys(new Syscall.Chdir(dir), r -> {
                if (r.failed()) {
                    child.eprint(message.apply(dir, r.errno()) + "\n");
                    return child.exitQuietly(1);
                }
                return execvp(child, argv, env, message);
            });
        }), pid -> {
            if (pid.failed()) {
                c.eprint(message.apply("fork", pid.errno()) + "\n");
                return then.apply(new Ended(126, null));
            }
            return waitFor(c, pid.intValue(), then);
        });
    }

    private static Step waitFor(Libc c, int pid, java.util.function.Function<Ended, Step> then) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed()) return w.errno() == Errno.EINTR ? waitFor(c, pid, then) : then.apply(new Ended(1, null));
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) return then.apply(new Ended(WaitStatus.exitCode(status), null));
            return then.apply(new Ended(128 + WaitStatus.termSignal(status).number(), WaitStatus.termSignal(status)));
        });
    }

    /** execvp(3) in the child: a name with a slash as it is, else each PATH directory; never returns on success. */
    private static Step execvp(Libc child, List<String> argv, Map<String, String> env, BiFunction<String, Errno, String> message) {
        String name = argv.get(0);
        List<String> candidates = new ArrayList<>();
        if (name.contains("/")) {
            candidates.add(name);
        } else {
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            for (String d : path.split(":", -1)) candidates.add((d.isEmpty() ? "." : d) + "/" + name);
        }
        Errno[] worst = {Errno.ENOENT};
        return Libc.forEach(candidates, (candidate, next) -> child.sys(new Syscall.Execve(candidate, argv, env), r -> {
            if (r.errno() == Errno.EACCES) worst[0] = Errno.EACCES;
            if (r.errno() == Errno.ENOENT || r.errno() == Errno.EACCES || r.errno() == Errno.ENOTDIR) return next.get();
            worst[0] = r.errno();
            return failed(child, message, name, r.errno());
        }), () -> failed(child, message, name, worst[0]));
    }

    private static Step failed(Libc child, BiFunction<String, Errno, String> message, String name, Errno e) {
        child.eprint(message.apply(name, e) + "\n");
        return child.exitQuietly(e == Errno.ENOENT ? 127 : 126);
    }

    /** Runs {@code argv} and hands its exit code (128 + signal if killed) to {@code then}. */
    public static Step status(Libc c, List<String> argv, Map<String, String> env, BiFunction<String, Errno, String> message, IntFunction<Step> then) {
        return run(c, argv, env, null, message, e -> then.apply(e.code()));
    }
}
