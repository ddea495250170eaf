package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.RunSpec;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.NamespaceCalls;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * runc (1.1.5, Debian 12): makes a container out of the kernel's pieces, one system call after
 * another, as the lecture built them by hand. In order: read the bundle's config; make the
 * container's cgroup (cgroup v2, {@code /sys/fs/cgroup/system.slice/docker-ID.scope}) and write the
 * limits asked for ({@code memory.max}, {@code pids.max}); clone with CLONE_NEWNS, CLONE_NEWUTS,
 * CLONE_NEWIPC, CLONE_NEWPID and CLONE_NEWNET, so the child is PID 1 of a new pid namespace; move
 * the child into the cgroup and let it go on through a sync pipe; the child sets the hostname,
 * mounts a fresh /proc and the bind volumes inside the image's root, enters the root and execs
 * the command. An exec that fails is reported back through a close-on-exec pipe: end of file on
 * it means the exec succeeded.
 *
 * <p>Simplifications: this is {@code runc run} (create, start and wait in one process: the
 * container's parent is runc, not the shim); the root is entered with chroot(2), as runc does with
 * {@code --no-pivot} — real Docker uses pivot_root(2), which also detaches the old root, so here
 * the host's tree stays reachable to a process that escapes a chroot; no capability bounding set,
 * seccomp profile or AppArmor profile is applied.
 */
public final class Runc extends Tool {

    static final long NAMESPACES = NamespaceCalls.CLONE_NEWNS | NamespaceCalls.CLONE_NEWUTS | NamespaceCalls.CLONE_NEWIPC
            | NamespaceCalls.CLONE_NEWPID | NamespaceCalls.CLONE_NEWNET;

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        String id = args.isEmpty() ? "" : args.get(args.size() - 1);
        if (args.contains("exec")) return RuncExec.run(c, id, args.get(args.indexOf("--process") + 1));
        return c.sys(new EngineCalls.Bundle(id), b -> {
            if (b.failed()) {
                c.eprint("ERRO[0000] container does not exist\n");
                return c.exit(1);
            }
            Container ct = (Container) b.data();
            return cgroup(c, ct, () -> c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), sync -> c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), report -> {
                int[] s = Syscall.Pipe2.fds(sync);
                int[] r = Syscall.Pipe2.fds(report);
                // --network host: no network namespace of its own; the host's interfaces, ports and rules
                long flags = ct.spec().network().equals("host") ? NAMESPACES & ~NamespaceCalls.CLONE_NEWNET : NAMESPACES;
                return c.sys(new Syscall.Clone(flags, pid -> child(c, ct, s, r)), child -> network(c, ct, child.intValue(),
                        () -> parent(c, ct, child.intValue(), s, r)));
            })));
        });
    }

    /** {@code --network bridge} (the default) or a user-defined network: the child's eth0 on its bridge before it runs; {@code none}: only lo, up. */
    private static Step network(Libc c, Container ct, int pid, Supplier<Step> then) {
        if (ct.spec().network().equals("host")) return then.get();
        if (ct.spec().network().equals("none")) return c.sys(new EngineCalls.LoopbackUp(pid), r -> then.get());
        return c.sys(new EngineCalls.ConnectBridge(ct, pid), r -> then.get());
    }

    /** mkdir the cgroup, write the limits. */
    private static Step cgroup(Libc c, Container ct, Supplier<Step> then) {
        RunSpec spec = ct.spec();
        // on a real host systemd has made system.slice and enabled the controllers below it; here runc does
        return c.sys(new Syscall.Mkdir("/sys/fs/cgroup/system.slice", 0755), a -> writeFile(c, "/sys/fs/cgroup/system.slice/cgroup.subtree_control",
                "+cpu +memory +pids", () -> c.sys(new Syscall.Mkdir(ct.cgroupPath(), 0755),
                m -> limit(c, ct.cgroupPath() + "/memory.max", spec.memory(), () -> limit(c, ct.cgroupPath() + "/pids.max", spec.pidsLimit(),
                        () -> cpus(c, ct, () -> devices(c, ct, then)))))));
    }

    /**
     * runc's default device allow-list: everything denied, then the standard devices (null, zero,
     * full, random, urandom, tty, console, ptmx, the pts). On cgroup v2 runc loads it as a BPF program;
     * the simulated kernel keeps v1's devices files for the same check. Simplification: runc also
     * allows mknod of any device ({@code c *:* m}); the simulated rules carry no access modes, so
     * here mknod of another device fails with EPERM as its open would.
     */
    private static Step devices(Libc c, Container ct, Supplier<Step> then) {
        // --privileged: every device (runc writes the allow-all rule instead of the list)
        if (ct.spec().security().privileged()) return writeFile(c, ct.cgroupPath() + "/devices.allow", "a", then);
        List<String> rules = new ArrayList<>(List.of("c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm",
                "c 136:* rwm"));
        for (dev.syssim.sim.container.Device d : ct.devices()) rules.add(d.rule());
        return writeFile(c, ct.cgroupPath() + "/devices.deny", "a",
                () -> Libc.forEach(rules, (rule, next) -> writeFile(c, ct.cgroupPath() + "/devices.allow", rule, next), then));
    }

    /** {@code --cpus N}: a quota of N periods in every 100 ms period ({@code cpu.max "QUOTA 100000"}), as runc converts NanoCpus. */
    private static Step cpus(Libc c, Container ct, Supplier<Step> then) {
        long nano = ct.spec().nanoCpus();
        if (nano <= 0) return then.get();
        return writeFile(c, ct.cgroupPath() + "/cpu.max", nano * 100_000 / 1_000_000_000L + " 100000", then);
    }

    private static Step limit(Libc c, String file, long value, Supplier<Step> then) {
        if (value <= 0) return then.get();
        return writeFile(c, file, Long.toString(value), then);
    }

    private static Step writeFile(Libc c, String file, String text, Supplier<Step> then) {
        return c.open(file, OpenFlags.O_WRONLY, o -> {
            if (o.failed()) return then.get();
            int fd = o.intValue();
            return c.write(fd, Libc.bytes(text), w -> c.close(fd, then));
        });
    }

    /** runc's parent half: the child into the cgroup, the go-ahead, then the exec report and the wait. */
    private static Step parent(Libc c, Container ct, int pid, int[] sync, int[] report) {
        return c.close(sync[0], () -> c.close(report[1], () -> writeFile(c, ct.cgroupPath() + "/cgroup.procs", Integer.toString(pid),
                () -> c.write(sync[1], new byte[] {0}, go -> c.close(sync[1], () -> c.read(report[0], 512, got -> {
                    byte[] bytes = got.failed() ? new byte[0] : got.bytes();
                    if (bytes.length > 0) {
                        String text = new String(bytes, StandardCharsets.UTF_8);
                        int colon = text.indexOf(':');
                        int status = Integer.parseInt(text.substring(0, colon));
                        String why = text.substring(colon + 1);
                        // "!" marks a message Docker shows as it is (the user lookup's), not wrapped as the OCI runtime's
                        String error = why.startsWith("!") ? why.substring(1)
                                : "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: " + why + ": unknown";
                        return c.sys(new EngineCalls.StartFailed(ct, error, status), f -> waitChild(c, pid));
                    }
                    return c.sys(new EngineCalls.Started(ct, pid), f -> waitChild(c, pid));
                }))))));
    }

    private static Step waitChild(Libc c, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed()) return w.errno() == Errno.EINTR ? waitChild(c, pid) : c.exitQuietly(1);
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) return c.exitQuietly(WaitStatus.exitCode(status));
            return c.exitQuietly(128 + WaitStatus.termSignal(status).number());
        });
    }

    /**
     * The container's first process, before exec: PID 1 of its namespace. It sets the hostname,
     * makes what must exist in the root while it is still writable (mount points of the volumes,
     * the nodes of {@code --device}, the working directory), makes the root read-only if asked
     * (a read-only bind of the root onto itself, as runc's remount does), mounts /proc and the
     * volumes, enters the root, and becomes the container's user with its capability set.
     */
    private static Step child(Libc c, Container ct, int[] sync, int[] report) {
        String root = ct.rootPath();
        return c.close(sync[1], () -> c.close(report[0], () -> c.read(sync[0], 1, go ->
                c.sys(new Syscall.Sethostname(ct.hostname()), h -> prepare(c, ct, () -> readOnly(c, ct, () ->
                        c.sys(new Syscall.Mount("proc", root + "/proc", "proc", 0, null), p ->
                                binds(c, ct, 0, () -> c.sys(new Syscall.Chroot(root), r -> c.sys(new Syscall.Chdir(ct.workdir()),
                                        d -> Identity.become(c, ct, report, () -> exec(c, ct, report))))))))))));
    }

    /** The directories of the volumes' targets and of the working directory, and the device nodes, made in the root. */
    private static Step prepare(Libc c, Container ct, Supplier<Step> then) {
        List<String> dirs = new ArrayList<>();
        for (String b : ct.spec().binds()) dirs.add(b.split(":")[1]);
        dirs.add(ct.workdir());
        List<String> each = new ArrayList<>();
        for (String d : dirs) {
            StringBuilder at = new StringBuilder();
            for (String part : d.split("/")) {
                if (part.isEmpty()) continue;
                at.append('/').append(part);
                if (!each.contains(at.toString())) each.add(at.toString());
            }
        }
        return Libc.forEach(each, (d, next) -> c.sys(new Syscall.Mkdir(ct.rootPath() + d, 0755), m -> next.get()),
                // mknod(2) applies the umask; runc gives the node the host's mode exactly
                () -> Libc.forEach(ct.devices(), (dev, next) -> c.sys(new Syscall.Mknod(ct.rootPath() + dev.path(),
                        (dev.block() ? 0060000 : 0020000) | dev.mode(), dev.major(), dev.minor()),
                        m -> c.sys(new Syscall.Chmod(ct.rootPath() + dev.path(), dev.mode()), x -> next.get())), then));
    }

    /** {@code --read-only}: the root bound onto itself read-only; what is mounted later (/proc, volumes) goes on top of it. */
    private static Step readOnly(Libc c, Container ct, Supplier<Step> then) {
        if (!ct.spec().security().readOnly()) return then.get();
        return c.sys(new Syscall.Mount(ct.rootPath(), ct.rootPath(), null, Syscall.Mount.MS_BIND | Syscall.Mount.MS_RDONLY, null), m -> then.get());
    }

    /** {@code -v HOST:CONTAINER[:ro]} and {@code -v VOLUME:CONTAINER}: a bind mount of the host directory or of the volume's _data. */
    private static Step binds(Libc c, Container ct, int i, Supplier<Step> then) {
        List<String> binds = ct.spec().binds();
        return Libc.forEach(binds, (bind, next) -> {
            String[] parts = bind.split(":");
            String source = parts[0].startsWith("/") ? parts[0] : dev.syssim.sim.container.Engine.volumePath(parts[0]);
            long flags = Syscall.Mount.MS_BIND | Syscall.Mount.MS_REC | (parts.length > 2 && parts[2].equals("ro") ? Syscall.Mount.MS_RDONLY : 0);
            return c.sys(new Syscall.Mount(source, ct.rootPath() + parts[1], null, flags, null), b -> next.get());
        }, then);
    }

    /** execve of the command with the container's environment; on failure, Docker's words and status through the report pipe. */
    private static Step exec(Libc c, Container ct, int[] report) {
        List<String> command = new ArrayList<>(ct.command());
        String name = command.get(0);
        return c.execvp(command, RunSpec.environment(ct.hostname(), ct.image().env(), ct.spec().env()), e -> {
            String why;
            int status;
            if (e == Errno.ENOENT && !name.contains("/")) {
                why = "exec: \"" + name + "\": executable file not found in $PATH";
                status = 127;
            } else if (e == Errno.ENOENT) {
                why = "exec: \"" + name + "\": stat " + name + ": no such file or directory";
                status = 127;
            } else {
                why = "exec: \"" + name + "\": " + e.message().toLowerCase(java.util.Locale.ROOT);
                status = 126;
            }
            return c.write(report[1], Libc.bytes(status + ":" + why), w -> c.exitQuietly(status));
        });
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "runc 1.1.5";
    }

    @Override
    public String manual() {
        return "runc [global options] command [command options] [arguments...]\n"
                + "  Open Container Initiative runtime: runs a container from a bundle (run, create, start, delete).\n"
                + "  Run by containerd-shim-runc-v2 for Docker; not meant to be typed.";
    }
}
