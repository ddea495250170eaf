package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Socket;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code nc}, netcat-openbsd 1.219 as Debian 12 ships it: connect to a TCP port and copy standard
 * input to it and what comes back to standard output; with {@code -z} only check that the port
 * answers; with {@code -l} listen instead ({@code -k}: keep listening after a connection ends).
 * {@code -v} reports on standard error in netcat's words; {@code -w N} gives up on a connect (or
 * an idle connection) after N seconds — netcat connects non-blocking and polls with that timeout.
 *
 * <p>Simplified: standard input is read only when it is not a terminal (a notebook has no one
 * typing into a running netcat); UDP ({@code -u}) and proxies are not supported.
 */
public final class Nc extends Tool {

    private record Config(boolean listen, boolean keep, boolean zero, boolean verbose, boolean numeric,
                          boolean shutdownOnEof, int timeoutMillis, int sourcePort) {
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("nc", c.args().operands(), "46DdhklNnrStUuvz", "I:i:M:m:O:P:p:q:s:T:V:W:w:X:x:Z:".replace(":", ""));
        if (o.failed()) {
            c.eprint(o.error() + "\n");
            return usage(c);
        }
        if (o.has("h")) {
            c.eprint(help());
            return c.exit(1);
        }
        if (o.has("u")) {
            c.eprint("nc: UDP is not simulated by syssim's netcat\n");
            return c.exit(1);
        }
        int timeout = -1;
        if (o.value("w") != null) {
            String w = o.value("w");
            if (!w.chars().allMatch(Character::isDigit) || w.isEmpty()) {
                c.eprint("nc: timeout cannot be negative\n");
                return c.exit(1);
            }
            timeout = Integer.parseInt(w) * 1000;
        }
        int sourcePort = o.value("p") == null ? 0 : NetLib.portNumber(o.value("p"));
        Config cfg = new Config(o.has("l"), o.has("k"), o.has("z"), o.has("v"), o.has("n"), o.has("N"), timeout, sourcePort);
        List<String> args = o.operands();
        if (cfg.listen()) return listen(c, cfg, args);
        if (args.size() != 2) return usage(c);
        String host = args.get(0);
        int port = NetLib.portNumber(args.get(1));
        if (port <= 0) {
            c.eprint("nc: port number invalid: " + args.get(1) + "\n");
            return c.exit(1);
        }
        return NetLib.resolve(c, host, addresses -> {
            if (addresses.isEmpty()) {
                c.eprint("nc: getaddrinfo for host \"" + host + "\" port " + port + ": Name or service not known\n");
                return c.exit(1);
            }
            return connect(c, cfg, host, addresses.get(0), port);
        });
    }

    private static Step usage(Libc c) {
        c.eprint("usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
                + "\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
                + "\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
                + "\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
                + "\t  [destination] [port]\n");
        return c.exit(1);
    }

    private static String help() {
        return "OpenBSD netcat (Debian patchlevel 1.219-1)\n";
    }

    // ---- client ----

    private Step connect(Libc c, Config cfg, String host, Ipv4Address address, int port) {
        Endpoint remote = new Endpoint(address, port);
        return c.sys(NetSyscalls.SocketCall.tcp(), s -> {
            if (s.failed()) {
                c.eprint("nc: socket: " + s.errno().message() + "\n");
                return c.exit(1);
            }
            int fd = s.intValue();
            Supplier<Step> afterBind = () -> timeoutConnect(c, cfg, fd, remote, result -> {
                if (result.ok()) return connected(c, cfg, fd, host, address, port);
                String how = result.timedOut() ? "timed out" : "failed";
                c.eprint("nc: connect to " + host + " port " + port + " (tcp) " + how + ": " + result.errno().message() + "\n");
                return c.close(fd, () -> c.exit(1));
            });
            if (cfg.sourcePort() <= 0) return afterBind.get();
            return c.sys(new NetSyscalls.Bind(fd, new Endpoint(Ipv4Address.ANY, cfg.sourcePort())), b -> {
                if (b.failed()) {
                    c.eprint("nc: bind failed: " + b.errno().message() + "\n");
                    return c.exit(1);
                }
                return afterBind.get();
            });
        });
    }

    /** How a connect ended: connected, refused (or any errno), or timed out with EINPROGRESS still set. */
    record ConnectResult(Errno errno, boolean timedOut) {
        boolean ok() {
            return errno == null;
        }
    }

    /**
     * netcat's {@code timeout_connect}: without {@code -w} a blocking connect; with it, O_NONBLOCK,
     * connect (EINPROGRESS), poll for POLLOUT with the timeout, then SO_ERROR says how it went.
     * A timeout leaves errno at EINPROGRESS — hence "timed out: Operation now in progress".
     */
    static Step timeoutConnect(Libc c, Config cfg, int fd, Endpoint remote, Function<ConnectResult, Step> then) {
        return timeoutConnect(c, cfg.timeoutMillis(), fd, remote, then);
    }

    static Step timeoutConnect(Libc c, int timeoutMillis, int fd, Endpoint remote, Function<ConnectResult, Step> then) {
        if (timeoutMillis < 0) {
            return c.sys(new NetSyscalls.Connect(fd, remote), r -> then.apply(new ConnectResult(r.failed() ? r.errno() : null, false)));
        }
        return c.sys(NetSyscalls.FcntlFlags.get(fd), flags -> c.sys(new NetSyscalls.FcntlFlags(fd, true, OpenFlags.O_RDWR | OpenFlags.O_NONBLOCK),
                set -> c.sys(new NetSyscalls.Connect(fd, remote), r -> {
                    if (!r.failed()) return restoreBlocking(c, fd, () -> then.apply(new ConnectResult(null, false)));
                    if (r.errno() != Errno.EINPROGRESS) return then.apply(new ConnectResult(r.errno(), false));
                    NetSyscalls.Poll poll = new NetSyscalls.Poll(List.of(new NetSyscalls.PollFd(fd, Socket.POLLOUT)), timeoutMillis);
                    return c.sys(poll, p -> {
                        if (p.value() == 0) return then.apply(new ConnectResult(Errno.EINPROGRESS, true));
                        return c.sys(new NetSyscalls.GetsockoptSoError(fd), e -> {
                            int error = NetSyscalls.GetsockoptSoError.error(e);
                            if (error != 0) return then.apply(new ConnectResult(Errno.of(error), false));
                            return restoreBlocking(c, fd, () -> then.apply(new ConnectResult(null, false)));
                        });
                    });
                })));
    }

    private static Step restoreBlocking(Libc c, int fd, Supplier<Step> then) {
        return c.sys(new NetSyscalls.FcntlFlags(fd, true, OpenFlags.O_RDWR), r -> then.get());
    }

    private Step connected(Libc c, Config cfg, int fd, String host, Ipv4Address address, int port) {
        Supplier<Step> next = () -> {
            if (cfg.zero()) return c.close(fd, () -> c.exit(0));
            return transfer(c, cfg, fd);
        };
        if (!cfg.verbose()) return next.get();
        return NetLib.serviceName(c, port, "tcp", service -> {
            c.eprint("Connection to " + host + " " + port + " port [tcp/" + (service == null ? "*" : service) + "] succeeded!\n");
            return next.get();
        });
    }

    /** Standard input to the connection (unless it is a terminal), then the connection to standard output. */
    private Step transfer(Libc c, Config cfg, int fd) {
        return c.sys(new dev.syssim.sim.os.Syscall.Ioctl(0, dev.syssim.sim.os.Syscall.Ioctl.TCGETS), tty -> {
            if (!tty.failed()) return receive(c, cfg, fd);
            return sendInput(c, cfg, fd);
        });
    }

    private Step sendInput(Libc c, Config cfg, int fd) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        return c.readAll(0, input, err -> {
            byte[] data = input.toByteArray();
            Supplier<Step> afterSend = () -> cfg.shutdownOnEof()
                    ? c.sys(new NetSyscalls.Shutdown(fd, NetSyscalls.SHUT_WR), r -> receive(c, cfg, fd))
                    : receive(c, cfg, fd);
            if (data.length == 0) return afterSend.get();
            return c.write(fd, data, w -> afterSend.get());
        });
    }

    /** Copies the connection to standard output until the peer closes (or {@code -w} seconds of silence). */
    private Step receive(Libc c, Config cfg, int fd) {
        if (cfg.timeoutMillis() < 0) {
            return c.read(fd, Libc.BUFSIZ * 4, r -> {
                if (r.failed() || r.value() == 0) return c.close(fd, () -> c.exit(0));
                return c.write(1, r.bytes(), w -> receive(c, cfg, fd));
            });
        }
        NetSyscalls.Poll poll = new NetSyscalls.Poll(List.of(new NetSyscalls.PollFd(fd, Socket.POLLIN)), cfg.timeoutMillis());
        return c.sys(poll, p -> {
            if (p.value() == 0) return c.close(fd, () -> c.exit(0));
            return c.read(fd, Libc.BUFSIZ * 4, r -> {
                if (r.failed() || r.value() == 0) return c.close(fd, () -> c.exit(0));
                return c.write(1, r.bytes(), w -> receive(c, cfg, fd));
            });
        });
    }

    // ---- listener ----

    private Step listen(Libc c, Config cfg, List<String> args) {
        if (args.isEmpty() || args.size() > 2) return usage(c);
        String portText = args.get(args.size() - 1);
        int port = NetLib.portNumber(portText);
        if (port < 0) {
            c.eprint("nc: port number invalid: " + portText + "\n");
            return c.exit(1);
        }
        Ipv4Address address = args.size() == 2 ? Ipv4Address.tryParse(args.get(0)).orElse(Ipv4Address.ANY) : Ipv4Address.ANY;
        return c.sys(NetSyscalls.SocketCall.tcp(), s -> {
            int fd = s.intValue();
            return c.sys(new NetSyscalls.SetsockoptReuseAddr(fd, true), r -> c.sys(new NetSyscalls.Bind(fd, new Endpoint(address, port)), b -> {
                if (b.failed()) {
                    c.eprint("nc: " + (b.errno() == Errno.EADDRINUSE ? "Address already in use" : b.errno().message()) + "\n");
                    return c.exit(1);
                }
                return c.sys(new NetSyscalls.Listen(fd, 1), l -> {
                    if (cfg.verbose()) c.eprint("Listening on " + address + " " + port + "\n");
                    return acceptLoop(c, cfg, fd);
                });
            }));
        });
    }

    private Step acceptLoop(Libc c, Config cfg, int listener) {
        return c.sys(new NetSyscalls.Accept4(listener, false), a -> {
            if (a.failed()) {
                c.eprint("nc: accept: " + a.errno().message() + "\n");
                return c.exit(1);
            }
            int conn = a.intValue();
            Endpoint peer = NetSyscalls.Accept4.peer(a);
            if (cfg.verbose()) c.eprint("Connection received on " + peer.address() + " " + peer.port() + "\n");
            return serveOne(c, conn, () -> {
                if (cfg.keep()) return acceptLoop(c, cfg, listener);
                return c.close(listener, () -> c.exit(0));
            });
        });
    }

    /** netcat's readwrite with standard input at end of file: copy the connection to standard output until it closes. */
    private Step serveOne(Libc c, int conn, Supplier<Step> then) {
        return c.read(conn, Libc.BUFSIZ * 4, r -> {
            if (r.failed() || r.value() == 0) return c.close(conn, then);
            return c.write(1, r.bytes(), w -> serveOne(c, conn, then));
        });
    }

    @Override
    public String source() {
        return "netcat-openbsd 1.219";
    }

    @Override
    public String manual() {
        return "nc [-klNnvz] [-p source_port] [-w timeout] [destination] [port]\n"
                + "  Arbitrary TCP and UDP connections and listens. OpenBSD netcat 1.219 as Debian ships it (TCP only here).\n"
                + "  Messages: \"nc: connect to HOST port P (tcp) failed: Connection refused\" (a RST or a REJECT), \"... timed out: Operation now in progress\" (no answer: a DROP), \"... failed: No route to host\" (REJECT with icmp-host-prohibited).\n"
                + "  -z  only check that the port answers (connect and close)\n"
                + "  -v  say what happens on standard error (\"Connection to ... succeeded!\")\n"
                + "  -w  give up after N seconds\n"
                + "  -l  listen on [address] port instead; -k keeps listening after a connection ends\n"
                + "  -N  shut the connection down for writing at the end of standard input";
    }
}
