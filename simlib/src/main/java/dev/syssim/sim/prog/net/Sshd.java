package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Passwords;
import dev.syssim.sim.prog.UserDb;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code sshd}, OpenSSH 9.2's server, on port 22: one child process per connection sends the
 * version banner, reads the client's, offers its host key, checks a public key against the user's
 * {@code ~/.ssh/authorized_keys} or a password against {@code /etc/shadow} (never root's password:
 * {@code PermitRootLogin prohibit-password}, Debian's default), then gives the user a login shell
 * on a new pseudo-terminal and, when it ends, sends its exit status and closes.
 *
 * <p>After the banners the simulation speaks a plain-text stand-in for the SSH protocol (no key
 * exchange, no encryption): {@code hostkey}, {@code auth publickey|password}, {@code session} /
 * {@code exec}, {@code exit-status}. See {@link LoginCalls} for how the shell's output reaches the
 * user.
 */
public final class Sshd extends Daemon {

    public static final String VERSION = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";

    public Sshd() {
        super(22, 128);
    }

    @Override
    protected String pidName() {
        return "sshd";
    }

    @Override
    protected Step serve(Libc c, int conn, Endpoint peer, Supplier<Step> done) {
        return reap(c, () -> c.sys(Syscall.Clone.fork(() -> session(c, conn, peer)), r -> done.get()));
    }

    /** Collects children whose sessions ended (wait4 with WNOHANG). */
    private static Step reap(Libc c, Supplier<Step> then) {
        return c.sys(new Syscall.Wait4(-1, Syscall.Wait4.WNOHANG), r -> r.failed() || r.value() == 0 ? then.get() : reap(c, then));
    }

    private Step session(Libc c, int conn, Endpoint peer) {
        return send(c, conn, VERSION + "\r\n", () -> readLine(c, conn, new byte[0], (banner, rest) -> {
            if (banner == null) return c.exitQuietly(0);
            if (!banner.startsWith("SSH-")) return send(c, conn, "Invalid SSH identification string.\r\n", () -> c.exitQuietly(255));
            return c.readFile("/etc/ssh/ssh_host_ed25519_key.pub", (e, key) -> {
                String hostKey = key == null ? "ssh-ed25519 AAAA" : Libc.text(key).trim();
                String[] words = hostKey.split(" ");
                return send(c, conn, "hostkey " + words[0] + " " + (words.length > 1 ? words[1] : "") + "\n",
                        () -> authenticate(c, conn, rest, 0));
            });
        }));
    }

    private interface LineThen {
        Step apply(String line, byte[] rest);
    }

    private static Step readLine(Libc c, int conn, byte[] pending, LineThen then) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(pending, 0, pending.length);
        return readUntil(c, conn, buffer, Daemon::hasLine, data -> {
            if (data == null || !hasLine(data)) return then.apply(null, new byte[0]);
            String[] split = splitLine(data);
            return then.apply(split[0], Libc.bytes(split[1]));
        });
    }

    private Step authenticate(Libc c, int conn, byte[] pending, int failures) {
        return readLine(c, conn, pending, (line, rest) -> {
            if (line == null) return c.exitQuietly(0);
            String[] w = line.split(" ", 4);
            if (w.length < 4 || !w[0].equals("auth")) return send(c, conn, "fail\n", () -> authenticate(c, conn, rest, failures + 1));
            String method = w[1];
            String user = w[2];
            String secret = w[3];
            return c.users(users -> {
                UserDb.User u = users.user(user);
                if (u == null) return send(c, conn, "fail\n", () -> authenticate(c, conn, rest, failures + 1));
                if (method.equals("publickey")) {
                    return c.readFile(u.home() + "/.ssh/authorized_keys", (e, keys) -> {
                        boolean ok = keys != null && Libc.text(keys).contains(secret);
                        return ok ? send(c, conn, "ok\n", () -> start(c, conn, rest, u, users))
                                : send(c, conn, "fail\n", () -> authenticate(c, conn, rest, failures));
                    });
                }
                if (u.uid() == 0) return send(c, conn, "fail\n", () -> authenticate(c, conn, rest, failures + 1));
                return c.readFile("/etc/shadow", (e, shadow) -> {
                    boolean ok = false;
                    if (shadow != null) {
                        for (String entry : Libc.text(shadow).split("\n")) {
                            String[] f = entry.split(":");
                            if (f.length > 1 && f[0].equals(user)) ok = Passwords.matches(f[1], secret);
                        }
                    }
                    return ok ? send(c, conn, "ok\n", () -> start(c, conn, rest, u, users))
                            : send(c, conn, "fail\n", () -> authenticate(c, conn, rest, failures + 1));
                });
            });
        });
    }

    /** After authentication: {@code session} (a login shell) or {@code exec COMMAND}. */
    private Step start(Libc c, int conn, byte[] pending, UserDb.User u, UserDb users) {
        return readLine(c, conn, pending, (line, rest) -> {
            if (line == null) return c.exitQuietly(0);
            boolean interactive = line.equals("session");
            List<String> argv = interactive ? List.of("-bash") : List.of("bash", "-c", line.startsWith("exec ") ? line.substring(5) : line);
            int[] groups = users.groupsOf(u).stream().mapToInt(Integer::intValue).toArray();
            return c.sys(new LoginCalls.OpenPty(conn, u.uid()), pty -> banner(c, interactive, text ->
                    c.sys(new LoginCalls.SpawnLogin(conn, pty.intValue(), u.name(), u.uid(), u.gid(), groups, u.home(), argv, text), spawned -> {
                        if (spawned.failed()) return send(c, conn, "exit-status 255\n", () -> c.exitQuietly(255));
                        return c.sys(new Syscall.Wait4(spawned.intValue(), 0), w -> {
                            int status = WaitStatus.shellStatus(Syscall.Wait4.status(w));
                            return send(c, conn, "exit-status " + status + "\n", () -> c.close(conn, () -> c.exitQuietly(0)));
                        });
                    })));
        });
    }

    /** What a login prints before the prompt: the kernel's uname line and /etc/motd. */
    private static Step banner(Libc c, boolean interactive, java.util.function.Function<String, Step> then) {
        if (!interactive) return then.apply("");
        return c.sys(new Syscall.Uname(), u -> c.readFile("/etc/motd", (e, motd) -> {
            String node = u.data() instanceof dev.syssim.sim.os.Utsname un ? un.nodename() : "localhost";
            String line = "Linux " + node + " " + dev.syssim.sim.os.Kernel.RELEASE + " " + dev.syssim.sim.os.Kernel.VERSION + " x86_64\n";
            return then.apply(line + (motd == null ? "" : Libc.text(motd)));
        }));
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "OpenSSH 9.2p1";
    }

    @Override
    public String manual() {
        return "sshd -D\n"
                + "  OpenSSH daemon. Port 22: a login shell for users who know their password (/etc/shadow) or hold a key listed in ~/.ssh/authorized_keys; root only by key (PermitRootLogin prohibit-password).";
    }
}
