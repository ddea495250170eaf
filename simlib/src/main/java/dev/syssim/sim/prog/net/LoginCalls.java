package dev.syssim.sim.prog.net;

import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.net.socket.Socket;
import dev.syssim.sim.net.socket.TcpSocket;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.TcpConnection;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Terminal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What sshd asks of the kernel to give a remote user a shell: a pseudo-terminal, and a login
 * shell on it.
 *
 * <p>The simulation's shortcut, and what a student would see differently: a real sshd reads what
 * the shell writes to the pty's master side and sends it, encrypted, over the connection to the
 * ssh client, which writes it to the user's terminal; here the pty's output goes straight to the
 * terminal of the ssh client at the other end of the connection (found through the connection),
 * so the notebook shows it at once. The connection itself is real: it carries the banners, the
 * authentication and, at the end, the shell's exit status.
 */
public final class LoginCalls {

    private LoginCalls() {
    }

    /** The terminal of the process holding the other end of the TCP connection on {@code connFd}, and its machine's stack. */
    private record Client(Terminal terminal, NetStack stack) {
    }

    private static Client clientOf(Kernel k, Process p, int connFd) {
        OpenFile f = p.fds().get(connFd);
        if (f == null || !(f.ops() instanceof TcpSocket socket) || socket.connection() == null) return null;
        TcpConnection here = socket.connection();
        NetStack there = NetStack.of(k).locate(here.remote().address());
        if (there == null) return null;
        for (TcpConnection c : there.tcp().connections()) {
            if (!c.local().equals(here.remote()) || !c.remote().equals(here.local())) continue;
            for (Process holder : there.kernel().allProcesses()) {
                for (int fd = 0; fd < holder.fds().limit(); fd++) {
                    OpenFile of = holder.fds().get(fd);
                    if (of != null && of.ops() instanceof Socket s && s.inode() == c.inode() && holder.terminal() != null) {
                        return new Client(holder.terminal(), there);
                    }
                }
            }
        }
        return null;
    }

    /** openpty(3): a new /dev/pts/N owned by {@code uid}; the result's value is N. */
    public record OpenPty(int connFd, int uid) implements Syscall {
        public String name() { return "openat"; }

        public Outcome enter(Kernel k, Process p) {
            Client client = clientOf(k, p, connFd);
            Terminal pty = k.openTerminal((stream, data) -> {
                if (client == null) return;
                OpenFile out = new OpenFile(client.terminal(), null, client.terminal().path(), OpenFlags.O_RDWR, stream);
                client.terminal().write(client.stack().kernel(), null, out, data);
            }, uid);
            return Outcome.ok(pty.index(), Costs.SYSCALL * 4);
        }

        public String straceArgs(SysResult r) { return "AT_FDCWD, \"/dev/ptmx\", O_RDWR|O_NOCTTY"; }
    }

    /**
     * The login: write {@code banner} to the pty, then start {@code argv} (a login shell
     * {@code -bash}, or {@code bash -c COMMAND}) as the user on it, a child of the caller. An
     * interactive login is noted with the client's machine, so the session follows it.
     */
    public record SpawnLogin(int connFd, int pty, String user, int uid, int gid, int[] groups, String home, List<String> argv,
                             String banner) implements Syscall {
        public String name() { return "clone"; }

        public Outcome enter(Kernel k, Process p) {
            Terminal terminal = k.terminal(pty);
            if (terminal == null) return Outcome.error(Errno.ENXIO, Costs.SYSCALL);
            if (!banner.isEmpty()) {
                terminal.write(k, p, new OpenFile(terminal, null, terminal.path(), OpenFlags.O_RDWR, "stdout"), Libc2.bytes(banner));
            }
            Credentials creds = uid == 0 ? Credentials.root() : Credentials.user(uid, gid, groups);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("HOME", home);
            env.put("LOGNAME", user);
            env.put("PATH", uid == 0 ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" : "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games");
            env.put("PWD", home);
            env.put("SHELL", "/bin/bash");
            env.put("SSH_TTY", terminal.path());
            env.put("TERM", "xterm-256color");
            env.put("USER", user);
            PathWalker.Result cwd = PathWalker.resolve(p, home, true);
            Process shell = k.spawn(p, "/bin/bash", argv, env, creds, cwd.ok() ? cwd.location() : null, terminal);
            Client client = clientOf(k, p, connFd);
            if (client != null && argv.get(0).startsWith("-")) {
                client.stack().startRemoteLogin(client.terminal(), new NetStack.RemoteLogin(k, terminal, shell, user));
            }
            return Outcome.ok(shell.pid(), Costs.FORK);
        }

        public String straceArgs(SysResult r) {
            return "child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f8e3c9a7a10";
        }
    }

    /** Bytes of a text (a tiny helper so this file needs no Libc instance). */
    private static final class Libc2 {
        static byte[] bytes(String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
