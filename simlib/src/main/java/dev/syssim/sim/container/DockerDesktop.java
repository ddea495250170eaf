package dev.syssim.sim.container;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Capture;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitQueue;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Docker Desktop on a Mac or Windows host: no dockerd on the host; the engine (dockerd, containerd,
 * runc: {@link DockerInstall}) runs in a small Linux VM, and the host's {@code docker} client talks
 * to it through {@code /var/run/docker.sock}, whose other end is in the VM. The host keeps this
 * room: the VM's kernel.
 *
 * <p>How the socket reaches the VM, simplified: Docker Desktop's backend listens on the host's socket
 * and carries each connection into the VM (vpnkit's or gRPC-FUSE's channels over vsock / a Hyper-V
 * socket), where it reaches the VM's {@code /var/run/docker.sock}. Here the host client's request is
 * handed to a {@code docker} client started in the VM as root with the same arguments (which the
 * VM's own socket lets through), and its output and status are carried back when it ends; a relay on
 * the host's timeline looks for the end every millisecond and then wakes the host client (which so
 * sleeps once, in read(2), as on a socket). So streams are
 * not interactive across the hop: with {@code -i} the host client reads its stdin to the end first
 * (from a pipe or file; from a terminal nothing goes along), and output arrives when the command ends.
 */
public final class DockerDesktop {

    /** The host's client: Docker Desktop's own build of the docker CLI (resident KiB as the engine's client). */
    public static final String CLIENT = "/usr/local/bin/docker";
    private static final long POLL_NANOS = 1_000_000;

    private final Kernel vm;

    private DockerDesktop(Kernel vm) {
        this.vm = vm;
    }

    /** The VM's kernel. */
    public Kernel vm() {
        return vm;
    }

    /**
     * Makes {@code host} a Docker Desktop host of the engine in {@code vm}: the engine installed and
     * running in the VM, and on the host only the client and the socket (owned by the user, 0755 as
     * Docker Desktop makes {@code ~/.docker/run/docker.sock}; here at {@code /var/run/docker.sock}
     * itself, not a symlink to it).
     */
    public static void install(Kernel host, Kernel vm, int userUid, int userGid) {
        DockerInstall.install(vm, false);
        FileSystem fs = host.rootFs();
        Inode bin = fs.root().entries().get("usr").entries().get("local").entries().get("bin");
        if (bin.entries().containsKey("docker")) fs.unlink(bin, "docker");
        fs.createFile(bin, "docker", 0755, 0, 0, ExecImage.dynamic("docker-desktop", 40000, "libc.so.6").toBytes()).setPermissions(0755);
        PathWalker.Result run = PathWalker.resolve(host.init(), "/run", true);
        FileSystem runFs = run.location().mount().fs();
        if (runFs.lookup(host.init(), run.inode(), "docker.sock") == null) {
            runFs.mknod(run.inode(), "docker.sock", FileType.SOCKET, 0755, 0, 0, userUid, userGid).setPermissions(0755);
        }
        Inode var = fs.root().entries().get("var");
        if (!var.entries().containsKey("run")) fs.symlink(var, "run", "/run", 0, 0);
        host.attachRoom(DockerDesktop.class, new DockerDesktop(vm));
    }

    /** One command carried into the VM: the client there and what it writes. */
    public record Forwarded(Process client, Capture out, Capture err) {
    }

    /**
     * connect(2) on the host's socket and the request carried into the VM: ENOENT without the
     * socket, EACCES without write permission on it, ECONNREFUSED when the VM or its dockerd is down;
     * else the result's data is the {@link Forwarded} command.
     */
    public record Forward(List<String> args, byte[] stdin) implements Syscall {
        public Forward {
            args = List.copyOf(args);
            stdin = stdin.clone();
        }

        public String name() { return "connect"; }

        public Outcome enter(Kernel k, Process p) {
            PathWalker.Result sock = PathWalker.resolve(p, Engine.SOCKET, true);
            if (!sock.ok()) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
            if (!dev.syssim.sim.fs.Access.WRITE.allowed(sock.inode(), p.subject())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
            DockerDesktop d = k.room(DockerDesktop.class);
            if (d == null || !Engine.of(d.vm).dockerdRunning()) return Outcome.error(Errno.ECONNREFUSED, Costs.SYSCALL);
            Capture out = Capture.output();
            Capture err = Capture.output();
            OpenFile[] stdio = {Capture.input(stdin).open(0), out.open(1), err.open(1)};
            List<String> argv = new ArrayList<>();
            argv.add("docker");
            argv.addAll(args);
            Process client = d.vm.spawnWithStdio(d.vm.init(), "/usr/bin/docker", argv,
                    Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root"), Credentials.root(), null, stdio);
            if (k.trace().wants(EventKind.PROCESS)) {
                k.event(p.lane(), CpuMode.KERNEL, EventKind.PROCESS, "docker.sock → Docker Desktop's VM " + d.vm.machineName(),
                        "the request goes on in the VM: docker " + String.join(" ", args) + " (pid " + client.pid() + " there)", TraceEvent.NO_CAUSE);
            }
            return Outcome.done(SysResult.ok(0, new Forwarded(client, out, err)), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "3, {sa_family=AF_UNIX, sun_path=\"" + Engine.SOCKET + "\"}, 23"; }
    }

    /** Watches the VM's client from the host's timeline (no process of its own, so no trace events of its own). */
    private record Relay(Kernel host, Process client, WaitQueue relay) implements Runnable {
        void schedule() {
            host.timeline().at(host.now() + POLL_NANOS, this);
        }

        @Override
        public void run() {
            if (ended(client)) host.scheduler().wakeAll(relay);
            else schedule();
        }
    }

    private static boolean ended(Process p) {
        return p.state() == ProcessState.ZOMBIE || p.state() == ProcessState.DEAD;
    }

    /** The host client waits for the VM's answer (read(2) on the socket); the result is the command's exit status. */
    public record AwaitForwarded(Forwarded command) implements Syscall {
        public String name() { return "read"; }

        public Outcome enter(Kernel k, Process p) {
            Process c = command.client();
            if (ended(c)) {
                int status = c.waitStatus();
                return Outcome.ok(WaitStatus.isExited(status) ? WaitStatus.exitCode(status) : 128 + WaitStatus.termSignal(status).number(), Costs.SYSCALL);
            }
            // the VM's processes wake only the VM's sleepers: a relay on the timeline looks every
            // millisecond and wakes the host client once, when the VM's client has ended
            WaitQueue relay = new WaitQueue("unix_stream_read_generic");
            new Relay(k, c, relay).schedule();
            return new Outcome.Blocked(relay, "unix_stream_read_generic", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "3, \"HTTP/1.1 200 OK\\r\\n\"..., 32768"; }
    }
}
