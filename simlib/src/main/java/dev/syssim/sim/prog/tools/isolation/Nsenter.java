package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Setns;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * nsenter (util-linux 2.38.1): run a program in the namespaces of process {@code -t PID}. It opens
 * {@code /proc/PID/ns/KIND} for each namespace asked for ({@code -m -u -i -n -p -U}, {@code -a}
 * all), joins each with setns(2), and — entering a pid namespace, which only a child can — forks
 * and waits. {@code -m} also takes the target's root and working directory.
 */
public final class Nsenter extends Tool {

    private static final String[][] KINDS = {{"U", "user"}, {"i", "ipc"}, {"u", "uts"}, {"n", "net"}, {"p", "pid"}, {"m", "mnt"}};

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("nsenter", c.args().operands(), "+hVat:m::u::i::n::p::U::C::T::FrwS:G:",
                List.of("help>h", "version>V", "all>a", "target=>t", "mount=?>m", "uts=?>u", "ipc=?>i", "net=?>n", "pid=?>p", "user=?>U",
                        "cgroup=?>C", "time=?>T", "no-fork>F", "root=?>r", "wd=?>w", "setuid=>S", "setgid=>G", "preserve-credentials"), false);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("h")) return help(c);
        if (g.has("V")) {
            c.println("nsenter from util-linux 2.38.1");
            return c.exit(0);
        }
        String target = g.last("t");
        // util-linux parses -t with strtoul_or_err before opening anything
        if (target != null && !target.matches("[0-9]+")) {
            c.eprint("nsenter: failed to parse pid: " + c.quoteLocale(target) + "\n");
            return c.exit(1);
        }
        List<String[]> wanted = new ArrayList<>();
        for (String[] k : KINDS) if (g.has(k[0]) || g.has("a")) wanted.add(k);
        if (!wanted.isEmpty() && target == null) {
            c.eprint("nsenter: neither filename nor target pid supplied for ns/" + wanted.get(0)[1] + "\n");
            return c.exit(1);
        }
        List<String> command = new ArrayList<>(g.operands());
        if (command.isEmpty()) {
            String shell = c.env("SHELL");
            command.add(shell == null ? "/bin/sh" : shell);
        }
        boolean pid = wanted.stream().anyMatch(k -> k[1].equals("pid"));
        boolean mnt = wanted.stream().anyMatch(k -> k[1].equals("mnt"));
        return open(c, target, wanted, 0, new ArrayList<>(), fds -> join(c, wanted, fds, 0, () -> {
            Supplier<Step> last = () -> exec(c, command);
            Supplier<Step> afterRoot = mnt ? () -> c.sys(new Syscall.Chroot("/proc/" + target + "/root"), r ->
                    c.sys(new Syscall.Chdir("/"), d -> last.get())) : last;
            if (!pid || g.has("F")) return afterRoot.get();
            c.flushStdout();
            return c.sys(Syscall.Clone.fork(afterRoot), child -> {
                if (child.failed()) {
                    c.eprint("nsenter: fork failed: " + child.errno().message() + "\n");
                    return c.exit(1);
                }
                return waitFor(c, child.intValue());
            });
        }));
    }

    private static Step open(Libc c, String target, List<String[]> wanted, int i, List<Integer> fds,
                             java.util.function.Function<List<Integer>, Step> then) {
        if (i >= wanted.size()) return then.apply(fds);
        String path = "/proc/" + target + "/ns/" + wanted.get(i)[1];
        return c.open(path, OpenFlags.O_RDONLY, r -> {
            if (r.failed()) {
                c.eprint("nsenter: cannot open " + path + ": " + r.errno().message() + "\n");
                return c.exit(1);
            }
            fds.add(r.intValue());
            return open(c, target, wanted, i + 1, fds, then);
        });
    }

    private static Step join(Libc c, List<String[]> wanted, List<Integer> fds, int i, Supplier<Step> then) {
        if (i >= fds.size()) return then.get();
        int fd = fds.get(i);
        return c.sys(new Setns(fd, 0), r -> {
            if (r.failed()) {
                c.eprint("nsenter: reassociate to namespace 'ns/" + wanted.get(i)[1] + "' failed: " + r.errno().message() + "\n");
                return c.exit(1);
            }
            return c.close(fd, () -> join(c, wanted, fds, i + 1, then));
        });
    }

    private static Step waitFor(Libc c, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed()) return w.errno() == Errno.EINTR ? waitFor(c, pid) : c.exitQuietly(1);
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) return c.exitQuietly(WaitStatus.exitCode(status));
            return c.exitQuietly(128 + WaitStatus.termSignal(status).number());
        });
    }

    private static Step exec(Libc c, List<String> command) {
        return c.execvp(command, c.args().env(), e -> {
            c.eprint("nsenter: failed to execute " + command.get(0) + ": " + e.message() + "\n");
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        });
    }


    @Override
    public String source() {
        return "util-linux 2.38.1";
    }

    @Override
    public String manual() {
        return "nsenter [options] [<program> [<argument>...]]\n"
                + "  Run a program with namespaces of other processes.\n"
                + "  -t, --target PID  the process whose namespaces to enter; -a, --all  all of them\n"
                + "  -m mount, -u UTS, -i IPC, -n network, -p pid (forks first), -U user";
    }
}
