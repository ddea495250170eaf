package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code ssh [-p PORT] [-l USER] [-o ConnectTimeout=N] [USER@]HOST [COMMAND]}, OpenSSH 9.2's
 * client: connect to port 22, exchange version banners, check the server's host key against
 * {@code /etc/ssh/ssh_known_hosts} and {@code ~/.ssh/known_hosts} (asking about an unknown one as
 * ssh does), log in with the key in {@code ~/.ssh/id_ed25519.pub} if the server accepts it, else
 * with a password ({@code student@wash's password: }, three tries), then run a login shell there —
 * the notebook's next cells go to it — or the command. When the remote shell ends: {@code logout}
 * (bash's), {@code Connection to HOST closed.}, and ssh exits with the shell's status. Failures in
 * ssh's words, exit 255: {@code ssh: connect to host 10.84.0.10 port 22: Connection refused},
 * {@code ... Connection timed out}, {@code ... No route to host}.
 */
public final class Ssh extends Tool {

    private record Target(String user, String host, Ipv4Address address, int port, String command, int timeoutMillis) {
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        String user = null;
        int port = 22;
        int timeout = -1;
        String destination = null;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (destination != null) {
                command.add(a);
            } else if (a.equals("-p") && i + 1 < args.size()) {
                port = NetLib.portNumber(args.get(++i));
            } else if (a.equals("-l") && i + 1 < args.size()) {
                user = args.get(++i);
            } else if (a.equals("-o") && i + 1 < args.size()) {
                String opt = args.get(++i);
                if (opt.toLowerCase().startsWith("connecttimeout=")) timeout = Integer.parseInt(opt.substring(15)) * 1000;
            } else if (a.equals("-V")) {
                c.eprint("OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024\n");
                return c.exit(0);
            } else if (a.startsWith("-")) {
                continue;
            } else {
                destination = a;
            }
        }
        if (destination == null) {
            c.eprint("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n"
                    + "           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n"
                    + "           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n"
                    + "           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n"
                    + "           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-Q query_option]\n"
                    + "           [-R address] [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n"
                    + "           destination [command [argument ...]]\n");
            return c.exit(255);
        }
        if (destination.contains("@")) {
            user = destination.substring(0, destination.indexOf('@'));
            destination = destination.substring(destination.indexOf('@') + 1);
        }
        String host = destination;
        String login = user;
        int p = port;
        int t = timeout;
        String cmd = command.isEmpty() ? null : String.join(" ", command);
        return c.users(users -> c.sys(new Syscall.GetId("getuid"), uid -> {
            UserDb.User me = users.user((int) uid.value());
            String name = login != null ? login : me == null ? "root" : me.name();
            String home = me == null ? "/" : me.home();
            return NetLib.resolve(c, host, addresses -> {
                if (addresses.isEmpty()) {
                    c.eprint("ssh: Could not resolve hostname " + host + ": Name or service not known\n");
                    return c.exit(255);
                }
                return connect(c, new Target(name, host, addresses.get(0), p, cmd, t), home);
            });
        }));
    }

    private Step connect(Libc c, Target t, String home) {
        return c.sys(NetSyscalls.SocketCall.tcp(), s -> {
            int fd = s.intValue();
            return Nc.timeoutConnect(c, t.timeoutMillis(), fd, new Endpoint(t.address(), t.port()), result -> {
                if (!result.ok()) {
                    String why = result.timedOut() || result.errno() == dev.syssim.sim.os.Errno.ETIMEDOUT ? "Connection timed out" : result.errno().message();
                    c.eprint("ssh: connect to host " + t.host() + " port " + t.port() + ": " + why + "\n");
                    return c.close(fd, () -> c.exit(255));
                }
                return banners(c, t, fd, home);
            });
        });
    }

    private interface LineThen {
        Step apply(String line, byte[] rest);
    }

    private static Step readLine(Libc c, int fd, byte[] pending, LineThen then) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(pending, 0, pending.length);
        return Daemon.readUntil(c, fd, buffer, Daemon::hasLine, data -> {
            if (data == null || !Daemon.hasLine(data)) return then.apply(null, new byte[0]);
            String[] split = Daemon.splitLine(data);
            return then.apply(split[0], Libc.bytes(split[1]));
        });
    }

    private Step closedByRemote(Libc c, Target t, int fd) {
        c.eprint("kex_exchange_identification: Connection closed by remote host\n");
        c.eprint("Connection closed by " + t.address() + " port " + t.port() + "\n");
        return c.close(fd, () -> c.exit(255));
    }

    private Step banners(Libc c, Target t, int fd, String home) {
        return c.write(fd, Libc.bytes(Sshd.VERSION + "\r\n"), w -> readLine(c, fd, new byte[0], (banner, rest) -> {
            if (banner == null || !banner.startsWith("SSH-")) return closedByRemote(c, t, fd);
            return readLine(c, fd, rest, (hostkey, rest2) -> {
                if (hostkey == null || !hostkey.startsWith("hostkey ")) return closedByRemote(c, t, fd);
                String[] key = hostkey.split(" ");
                return checkHostKey(c, t, home, key[1], key.length > 2 ? key[2] : "", () -> authenticate(c, t, fd, home, rest2));
            });
        }));
    }

    /** Known host keys: the system's list and the user's; an unknown key is asked about, as ssh asks. */
    private Step checkHostKey(Libc c, Target t, String home, String type, String key, Supplier<Step> then) {
        return c.readFile("/etc/ssh/ssh_known_hosts", (e1, system) -> c.readFile(home + "/.ssh/known_hosts", (e2, own) -> {
            String all = (system == null ? "" : Libc.text(system)) + (own == null ? "" : Libc.text(own));
            for (String line : all.split("\n")) {
                String[] w = line.trim().split("\\s+");
                if (w.length < 3) continue;
                boolean named = false;
                for (String n : w[0].split(",")) named |= n.equals(t.host()) || n.equals(t.address().toString());
                if (named && w[2].equals(key)) return then.get();
            }
            // sshconnect.c names the host as typed and the address it reached, also when they are the same text.
            c.eprint("The authenticity of host '" + t.host() + " (" + t.address() + ")' can't be established.\n");
            c.eprint("ED25519 key fingerprint is SHA256:" + fingerprint(key) + ".\n");
            c.eprint("This key is not known by any other names.\n");
            c.eprint("Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
            return readTerminalLine(c, true, answer -> {
                if (answer == null || !answer.equals("yes")) {
                    c.eprint("Host key verification failed.\n");
                    return c.exit(255);
                }
                String entry = t.host() + " " + type + " " + key + "\n";
                // OpenSSH makes ~/.ssh (0700) when it is missing before adding the key; EEXIST is the usual case.
                return c.sys(new Syscall.Mkdir(home + "/.ssh", 0700), made -> c.create(home + "/.ssh/known_hosts", OpenFlags.O_WRONLY | OpenFlags.O_APPEND, 0666, f -> {
                    if (f.failed()) {
                        c.eprint("Failed to add the host to the list of known hosts (" + home + "/.ssh/known_hosts).\n");
                        return then.get();
                    }
                    int kf = f.intValue();
                    return c.write(kf, Libc.bytes(entry), w -> c.close(kf, () -> {
                        c.eprint("Warning: Permanently added '" + t.host() + "' (ED25519) to the list of known hosts.\n");
                        return then.get();
                    }));
                }));
            });
        }));
    }

    private static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key first, if the user has one; then up to three passwords. */
    private Step authenticate(Libc c, Target t, int fd, String home, byte[] pending) {
        return c.readFile(home + "/.ssh/id_ed25519.pub", (e, pub) -> {
            if (pub == null) return passwords(c, t, fd, pending, 0);
            String[] w = Libc.text(pub).trim().split("\\s+");
            String key = w.length > 1 ? w[1] : "";
            return c.write(fd, Libc.bytes("auth publickey " + t.user() + " " + key + "\n"), sent -> readLine(c, fd, pending, (answer, rest) -> {
                if (answer == null) return closedAfterAuth(c, t, fd);
                if (answer.equals("ok")) return session(c, t, fd, rest);
                return passwords(c, t, fd, rest, 0);
            }));
        });
    }

    private Step passwords(Libc c, Target t, int fd, byte[] pending, int attempt) {
        if (attempt == 3) {
            c.eprint(t.user() + "@" + t.host() + ": Permission denied (publickey,password).\n");
            return c.close(fd, () -> c.exit(255));
        }
        c.eprint(t.user() + "@" + t.host() + "'s password: ");
        return c.sys(new Syscall.TcsetattrEcho(0, false), off -> readTerminalLine(c, false, password -> c.sys(new Syscall.TcsetattrEcho(0, true), on -> {
            c.eprint("\n");
            String secret = password == null ? "" : password;
            return c.write(fd, Libc.bytes("auth password " + t.user() + " " + secret + "\n"), sent -> readLine(c, fd, pending, (answer, rest) -> {
                if (answer == null) return closedAfterAuth(c, t, fd);
                if (answer.equals("ok")) return session(c, t, fd, rest);
                if (attempt < 2) c.eprint("Permission denied, please try again.\n");
                return passwords(c, t, fd, rest, attempt + 1);
            }));
        })));
    }

    private Step closedAfterAuth(Libc c, Target t, int fd) {
        c.eprint("Connection closed by " + t.address() + " port " + t.port() + "\n");
        return c.close(fd, () -> c.exit(255));
    }

    /** One line typed at the terminal (standard input), without its newline; null at end of input. */
    private static Step readTerminalLine(Libc c, boolean echo, Function<String, Step> then) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        return readLineFrom(c, line, then);
    }

    private static Step readLineFrom(Libc c, ByteArrayOutputStream line, Function<String, Step> then) {
        return c.read(0, 1024, r -> {
            if (r.failed() || r.value() == 0) return then.apply(line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8));
            line.write(r.bytes(), 0, r.bytes().length);
            String text = line.toString(StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (nl >= 0) return then.apply(text.substring(0, nl));
            return readLineFrom(c, line, then);
        });
    }

    /** The login shell (or the command) runs there; ssh waits for its exit status. */
    private Step session(Libc c, Target t, int fd, byte[] pending) {
        String request = t.command() == null ? "session\n" : "exec " + t.command() + "\n";
        return c.write(fd, Libc.bytes(request), w -> readLine(c, fd, pending, (line, rest) -> {
            int status = 255;
            if (line != null && line.startsWith("exit-status ")) status = Integer.parseInt(line.substring(12).trim());
            if (t.command() == null) c.eprint("Connection to " + t.host() + " closed.\n");
            int exit = status;
            return c.close(fd, () -> c.exit(exit));
        }));
    }

    @Override
    public String source() {
        return "OpenSSH 9.2p1";
    }

    @Override
    public String manual() {
        return "ssh [-p port] [-l user] [-o ConnectTimeout=N] [user@]host [command]\n"
                + "  OpenSSH remote login client. Logs in to another machine (OpenSSH 9.2): the following cells run there until exit.\n"
                + "  On the campus student logs in with the password of /etc/shadow (\"student\"); root (the lecturer) has a key accepted everywhere.\n"
                + "  Failures, exit 255: \"ssh: connect to host HOST port 22: Connection refused\" (a REJECT, or no sshd), \"... Connection timed out\" (a DROP).";
    }
}
