package dev.syssim.sim.virt;

import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Terminal;
import dev.syssim.sim.os.WaitQueue;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.virt.device.SerialPort;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The calls of libvirt's client and daemon: connecting to the daemon's socket (which starts the
 * daemon on first use, as systemd's socket activation does), an RPC and its answer, the daemon
 * waiting for work and for QEMU, and a console session. On Linux these are socket calls carrying
 * libvirt's XDR protocol; here the request travels as data, and strace shows the socket calls.
 */
public final class LibvirtCalls {

    static final String SOCKET = "/run/libvirt/libvirt-sock";

    private LibvirtCalls() {
    }

    /**
     * connect(2) to libvirtd's socket. Who may: root, and members of the {@code libvirt} group
     * (Debian's polkit rule); anyone else is refused as polkit refuses without an agent. The result's
     * data is the host's {@link Libvirt}, or the error text for virsh.
     */
    public record Connect() implements Syscall {
        public String name() { return "connect"; }

        public Outcome enter(Kernel k, Process p) {
            PathWalker.Result daemon = PathWalker.resolve(p, "/usr/sbin/libvirtd", true);
            if (!daemon.ok()) {
                return Outcome.done(SysResult.ok(-1, "Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory"),
                        Costs.SYSCALL);
            }
            if (!allowed(k, p.credentials())) {
                return Outcome.done(SysResult.ok(-1, "authentication unavailable: no polkit agent available to authenticate action 'org.libvirt.unix.manage'"),
                        Costs.SYSCALL);
            }
            Libvirt l = Libvirt.of(k);
            if (l.daemon() == null) {
                // socket activation: systemd starts libvirtd for the first client
                Process d = k.spawn(k.init(), "/usr/sbin/libvirtd", List.of("/usr/sbin/libvirtd", "--timeout", "120"),
                        Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8"),
                        Credentials.root(), null, null);
                l.daemonStarting(d);
            }
            return waitReady(k, l);
        }

        private Outcome waitReady(Kernel k, Libvirt l) {
            if (l.ready()) return Outcome.done(SysResult.ok(3, l), Costs.SYSCALL);
            if (l.daemon() == null) return Outcome.done(SysResult.ok(-1, "Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused"), Costs.SYSCALL);
            return new Outcome.Blocked(l.socket, "unix_stream_connect", () -> waitReady(k, l));
        }

        public String straceArgs(SysResult r) { return "3, {sa_family=AF_UNIX, sun_path=\"/var/run/libvirt/libvirt-sock\"}, 110"; }
        public String straceResult(SysResult r) { return r.value() < 0 ? "-1 EACCES (Permission denied)" : "0"; }
    }

    private static boolean allowed(Kernel k, Credentials c) {
        if (c.euid() == 0) return true;
        UserDb users = UserDb.parse(read(k, "/etc/passwd"), read(k, "/etc/group"));
        UserDb.Group g = users.group("libvirt");
        if (g == null) return false;
        if (c.gid() == g.gid()) return true;
        for (int gid : c.groups()) if (gid == g.gid()) return true;
        return false;
    }

    private static String read(Kernel k, String path) {
        PathWalker.Result r = PathWalker.resolve(k.init(), path, true);
        if (!r.ok()) return "";
        Inode i = r.inode();
        return new String(i.fs().contentOf(i), StandardCharsets.UTF_8);
    }

    /** An RPC to libvirtd: sendmsg, and the reply read back; the result's data is the {@link Libvirt.Reply}. */
    public record Rpc(Libvirt.Request request) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Libvirt l = Libvirt.of(k);
            if (!l.ready()) return Outcome.done(SysResult.ok(0, Libvirt.Reply.failed("Cannot write data: Broken pipe")), Costs.SYSCALL);
            Libvirt.Call call = l.submit(request);
            return answer(l, call);
        }

        private Outcome answer(Libvirt l, Libvirt.Call call) {
            if (call.reply() != null) return Outcome.done(SysResult.ok(0, call.reply()), Costs.SYSCALL * 2);
            if (l.daemon() == null) return Outcome.done(SysResult.ok(0, Libvirt.Reply.failed("Cannot recv data: Connection reset by peer")), Costs.SYSCALL);
            return new Outcome.Blocked(call.client, "virNetClientIO", () -> answer(l, call));
        }

        public String straceArgs(SysResult r) {
            return "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"\\0\\0\\0\\34 \\0\\200\\206\\0\\0\\0\\1\"..., iov_len=28}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL";
        }
        public String straceResult(SysResult r) { return "28"; }
    }

    /** The daemon waits for a request on its socket (its event loop's poll). */
    public record Accept() implements Syscall {
        public String name() { return "poll"; }

        public Outcome enter(Kernel k, Process p) {
            Libvirt l = Libvirt.of(k);
            Libvirt.Call c = l.takeRequest();
            if (c != null) return Outcome.done(SysResult.ok(1, c), Costs.SYSCALL);
            return new Outcome.Blocked(l.socket, "do_sys_poll", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "[{fd=3, events=POLLIN}, {fd=4, events=POLLIN}], 2, -1"; }
        public String straceResult(SysResult r) { return "1 ([{fd=4, revents=POLLIN}])"; }
    }

    /** The daemon answers a request. */
    public record Answer(Libvirt.Call call, Libvirt.Reply reply) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Libvirt.of(k).answer(call, reply);
            return Outcome.ok(28, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) {
            return "4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"\\0\\0\\0\\34 \\0\\200\\206\\0\\0\\0\\1\"..., iov_len=28}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL";
        }
    }

    /**
     * The daemon is set up and listens; the result's data is the host's {@link Libvirt} (not a
     * syscall of Linux: how the simulation's daemon finds its state; invisible to strace).
     */
    public record Ready() implements Syscall {
        public String name() { return "listen"; }

        public Outcome enter(Kernel k, Process p) {
            Libvirt l = Libvirt.of(k);
            l.daemonReady(p);
            return Outcome.done(SysResult.ok(0, l), 0);
        }

        public String straceArgs(SysResult r) { return "3, 30"; }
        public boolean quiet() { return true; }
    }

    /**
     * The daemon waits (its event loop's poll with a timeout, again and again) until {@code done}
     * holds: QEMU has the VM running, or QEMU has exited.
     */
    public record Await(BooleanSupplier done, long periodNanos) implements Syscall {
        public String name() { return "poll"; }

        public Outcome enter(Kernel k, Process p) {
            return check(k, new WaitQueue("do_sys_poll"));
        }

        private Outcome check(Kernel k, WaitQueue q) {
            if (done.getAsBoolean()) return Outcome.ok(1, Costs.SYSCALL);
            k.timeline().after(periodNanos, () -> k.scheduler().wakeAll(q));
            return new Outcome.Blocked(q, "do_sys_poll", () -> check(k, q));
        }

        public String straceArgs(SysResult r) { return "[{fd=5, events=POLLIN}], 1, " + Math.max(1, periodNanos / 1_000_000); }
        public String straceResult(SysResult r) { return "1 ([{fd=5, revents=POLLIN}])"; }
    }

    /** Whether process {@code pid} of {@code k} has ended (or never existed). */
    public static boolean gone(Kernel k, int pid) {
        Process q = k.process(pid);
        return q == null || q.state() == ProcessState.ZOMBIE || q.state() == ProcessState.DEAD;
    }

    /**
     * A console session: the caller's terminal is connected to the guest's serial port, and the
     * session (the notebook) types into the guest's console login from now on — until the login's
     * shell ends, or the user detaches with Ctrl-] (the escape character). The caller sleeps until then.
     */
    public record Console(VirtualMachine vm) implements Syscall {
        public String name() { return "poll"; }

        public Outcome enter(Kernel k, Process p) {
            Terminal local = p.terminal();
            SerialPort serial = vm.serial();
            if (local == null) return Outcome.error(dev.syssim.sim.os.Errno.ENOTTY, Costs.SYSCALL);
            Process shell = serial.loginShell();
            if (shell == null) return waitForLogin(k, p, local);
            serial.attach(local, k);
            NetStack.of(k).startRemoteLogin(local, new NetStack.RemoteLogin(serial.guest(), serial.console(), shell, "root"));
            return watch(k, serial, shell, new WaitQueue("do_sys_poll"));
        }

        /** The guest is still booting: wait for its getty. */
        private Outcome waitForLogin(Kernel k, Process p, Terminal local) {
            WaitQueue q = new WaitQueue("do_sys_poll");
            k.timeline().after(10_000_000, () -> k.scheduler().wakeAll(q));
            return new Outcome.Blocked(q, "do_sys_poll", () -> vm.state() == VirtualMachine.State.DESTROYED
                    ? Outcome.ok(0, Costs.SYSCALL) : enter(k, p));
        }

        private Outcome watch(Kernel k, SerialPort serial, Process shell, WaitQueue q) {
            boolean ended = shell.state() == ProcessState.ZOMBIE || shell.state() == ProcessState.DEAD
                    || serial.detachRequested() || vm.state() == VirtualMachine.State.DESTROYED;
            if (ended) {
                serial.detach();
                NetStack.of(k).endRemoteLogin(serial.localTerminal());
                return Outcome.ok(0, Costs.SYSCALL);
            }
            k.timeline().after(10_000_000, () -> k.scheduler().wakeAll(q));
            return new Outcome.Blocked(q, "do_sys_poll", () -> watch(k, serial, shell, q));
        }

        public String straceArgs(SysResult r) { return "[{fd=0, events=POLLIN}, {fd=5, events=POLLIN}], 2, -1"; }
    }
}
