package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the simulation's network services share, as a real daemon is written: standard input,
 * output and error on {@code /dev/null}, a listening socket on {@code 0.0.0.0:PORT} with
 * SO_REUSEADDR, then accept connections one after the other and serve each. Subclasses say how
 * to serve a connection.
 */
public abstract class Daemon extends Tool {

    private final int port;
    private final int backlog;

    protected Daemon(int port, int backlog) {
        this.port = port;
        this.backlog = backlog;
    }

    public int port() {
        return port;
    }

    @Override
    protected Step run(Libc c) {
        return detach(c, () -> c.sys(NetSyscalls.SocketCall.tcp(), s -> {
            if (s.failed()) return c.exitQuietly(1);
            int fd = s.intValue();
            return c.sys(new NetSyscalls.SetsockoptReuseAddr(fd, true),
                    r -> c.sys(new NetSyscalls.Bind(fd, new Endpoint(Ipv4Address.ANY, port)), b -> {
                        if (b.failed()) return c.exitQuietly(1);
                        return c.sys(new NetSyscalls.Listen(fd, backlog), l -> acceptLoop(c, fd));
                    }));
        }));
    }

    /**
     * What daemon(3) does, and then a pid file: its own process group, descriptors 0, 1 and 2 on
     * /dev/null, and {@code /run/NAME.pid} so {@code systemctl} can find it.
     */
    Step detach(Libc c, Supplier<Step> then) {
        return c.sys(new Syscall.Setpgid(0, 0), g -> c.open("/dev/null", OpenFlags.O_RDWR, n -> {
            int fd = n.intValue();
            if (n.failed()) return then.get();
            return c.sys(new Syscall.Dup2(fd, 0), a -> c.sys(new Syscall.Dup2(fd, 1), b -> c.sys(new Syscall.Dup2(fd, 2),
                    d -> (fd > 2 ? c.close(fd, () -> pidFile(c, then)) : pidFile(c, then)))));
        }));
    }

    /** The name of the pid file under /run, e.g. {@code sshd}. */
    protected abstract String pidName();

    private Step pidFile(Libc c, Supplier<Step> then) {
        return c.sys(new Syscall.GetId("getpid"), pid -> c.create("/run/" + pidName() + ".pid",
                OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0644, f -> {
                    if (f.failed()) return then.get();
                    int fd = f.intValue();
                    return c.write(fd, Libc.bytes(pid.value() + "\n"), w -> c.close(fd, then));
                }));
    }

    private Step acceptLoop(Libc c, int listener) {
        return c.sys(new NetSyscalls.Accept4(listener, true), a -> {
            if (a.failed()) return acceptLoop(c, listener);
            int conn = a.intValue();
            Endpoint peer = NetSyscalls.Accept4.peer(a);
            return serve(c, conn, peer, () -> c.close(conn, () -> acceptLoop(c, listener)));
        });
    }

    /** Serves one accepted connection; {@code done} closes it and accepts the next. */
    protected abstract Step serve(Libc c, int conn, Endpoint peer, Supplier<Step> done);

    /**
     * Reads from {@code fd} until {@code complete} holds for what arrived (or end of file):
     * {@code then} gets the bytes, or null if the peer closed before sending anything more.
     */
    static Step readUntil(Libc c, int fd, ByteArrayOutputStream so, Predicate<byte[]> complete, Function<byte[], Step> then) {
        byte[] sofar = so.toByteArray();
        if (sofar.length > 0 && complete.test(sofar)) return then.apply(sofar);
        return c.read(fd, Libc.BUFSIZ, r -> {
            if (r.failed() || r.value() == 0) return then.apply(sofar.length == 0 ? null : sofar);
            so.write(r.bytes(), 0, r.bytes().length);
            return readUntil(c, fd, so, complete, then);
        });
    }

    /** True once {@code data} holds a whole line. */
    static boolean hasLine(byte[] data) {
        for (byte b : data) if (b == '\n') return true;
        return false;
    }

    /** The first line of {@code data} without its line end, and the rest. */
    static String[] splitLine(byte[] data) {
        String text = Libc.text(data);
        int nl = text.indexOf('\n');
        if (nl < 0) return new String[] {text, ""};
        String line = text.substring(0, nl);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        return new String[] {line, text.substring(nl + 1)};
    }

    static byte[] rest(byte[] data, int from) {
        return Arrays.copyOfRange(data, Math.min(from, data.length), data.length);
    }

    /** Writes all of {@code text} to the connection, then {@code then}. */
    static Step send(Libc c, int fd, String text, Supplier<Step> then) {
        return c.write(fd, Libc.bytes(text), w -> then.get());
    }

    /** The wall-clock time in nanoseconds since the epoch (clock_gettime through the vDSO: never the host's clock). */
    static Step wallClock(Libc c, Function<Long, Step> then) {
        return c.clock(dev.syssim.sim.os.ClockGettime.CLOCK_REALTIME, now -> then.apply(now));
    }

    /** The monotonic time in nanoseconds. */
    static Step monotonic(Libc c, Function<Long, Step> then) {
        return c.clock(dev.syssim.sim.os.ClockGettime.CLOCK_MONOTONIC, now -> then.apply(now));
    }

    /** A syscall that never fails and whose result does not matter. */
    static Step quietly(Libc c, Syscall call, Supplier<Step> then) {
        return c.sys(call, r -> then.get());
    }
}
