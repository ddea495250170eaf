package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.TcpConnection;
import dev.syssim.sim.net.stack.TcpListener;
import dev.syssim.sim.net.stack.TcpState;
import dev.syssim.sim.net.stack.Waiters;
import dev.syssim.sim.os.Capability;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.SysResult;

/**
 * A TCP socket ({@code SOCK_STREAM}): fresh, bound, listening (a {@link TcpListener}) or connected
 * (a {@link TcpConnection}). Its calls follow Linux's {@code inet_stream_ops}: a blocking connect
 * sleeps until the handshake ends, a non-blocking one returns EINPROGRESS and reports through
 * poll and {@code SO_ERROR}; accept sleeps until a handshake finishes; read sleeps until data,
 * end of file or an error.
 */
public final class TcpSocket extends Socket {

    /** Linux's {@code net.core.somaxconn}: listen backlogs are capped at it. */
    public static final int SOMAXCONN = 4096;

    private Endpoint bound;
    private boolean boundExplicitly;
    private boolean reuseAddress;
    private TcpConnection connection;
    private TcpListener listener;

    public TcpSocket(NetStack stack) {
        super(stack, stack.nextInode());
    }

    private TcpSocket(NetStack stack, TcpConnection accepted) {
        super(stack, accepted.inode());
        this.connection = accepted;
    }

    public TcpConnection connection() {
        return connection;
    }

    public TcpListener listener() {
        return listener;
    }

    @Override
    public String kind() {
        return "tcp";
    }

    public void setReuseAddress(boolean on) {
        reuseAddress = on;
    }

    /** The local end: what getsockname returns. */
    public Endpoint localEnd() {
        if (connection != null) return connection.local();
        if (listener != null) return listener.local();
        return bound == null ? Endpoint.ANY : bound;
    }

    // ---- calls ----

    Outcome bind(Process p, Endpoint local) {
        usedBy(p);
        if (bound != null || connection != null) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (!local.address().equals(Ipv4Address.ANY) && !stack.isLocal(local.address())) {
            return Outcome.error(Errno.EADDRNOTAVAIL, Costs.SYSCALL);
        }
        if (local.port() > 0 && local.port() < 1024 && !p.credentials().has(Capability.CAP_NET_BIND_SERVICE)) {
            return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        }
        Endpoint chosen = local;
        if (local.port() == 0) {
            int port = stack.tcp().ephemeralPort(local.address(), Endpoint.ANY);
            if (port < 0) return Outcome.error(Errno.EADDRINUSE, Costs.SYSCALL);
            chosen = new Endpoint(local.address(), port);
        }
        Errno e = stack.tcp().bind(chosen, reuseAddress);
        if (e != null) return Outcome.error(e, Costs.SYSCALL);
        bound = chosen;
        boundExplicitly = true;
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome listen(Process p, int backlog) {
        usedBy(p);
        if (connection != null) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (listener != null) return Outcome.ok(0, Costs.SYSCALL);
        if (bound == null) {
            Outcome b = bind(p, Endpoint.ANY);
            if (b instanceof Outcome.Done d && d.result().failed()) return b;
        }
        listener = stack.tcp().listen(bound, Math.max(0, Math.min(backlog, SOMAXCONN)), inode);
        listener.setOwner(owner);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome connect(Process p, Endpoint remote) {
        long cause = causeOf(p);
        if (listener != null) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (connection != null) {
            if (connection.state() == TcpState.SYN_SENT) return Outcome.error(Errno.EALREADY, Costs.SYSCALL);
            if (connection.state() == TcpState.CLOSED) {
                Errno e = connection.takeError();
                return Outcome.error(e == null ? Errno.ECONNABORTED : e, Costs.SYSCALL);
            }
            return Outcome.error(Errno.EISCONN, Costs.SYSCALL);
        }
        Ipv4Address source = bound != null && !bound.address().equals(Ipv4Address.ANY) ? bound.address()
                : stack.sourceFor(remote.address());
        if (source == null) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        int port = bound != null ? bound.port() : stack.tcp().ephemeralPort(source, remote);
        if (port < 0) return Outcome.error(Errno.EADDRNOTAVAIL, Costs.SYSCALL);
        Endpoint local = new Endpoint(source, port);
        TcpConnection c = stack.tcp().connect(local, remote, inode, cause, owner);
        if (c == null) return Outcome.error(Errno.EADDRNOTAVAIL, Costs.SYSCALL);
        connection = c;
        c.setOwner(owner);
        if (c.state() == TcpState.CLOSED && c.error() != null) return Outcome.error(c.takeError(), Costs.SYSCALL);
        if (nonBlocking()) return Outcome.error(Errno.EINPROGRESS, Costs.SYSCALL);
        return awaitConnected();
    }

    private Outcome awaitConnected() {
        if (!connection.connectDone()) return block("tcp connect", this::awaitConnected);
        Errno e = connection.takeError();
        if (e != null) return Outcome.error(e, Costs.SYSCALL);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    @Override
    protected void ownerChanged() {
        if (connection != null) connection.setOwner(owner);
        if (listener != null) listener.setOwner(owner);
    }

    Outcome accept(Kernel kernel, Process p, boolean cloexec) {
        usedBy(p);
        if (listener == null) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        TcpConnection c = listener.accept();
        if (c == null) {
            if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
            return block("inet_csk_accept", () -> accept(kernel, p, cloexec));
        }
        TcpSocket child = new TcpSocket(stack, c);
        child.ownedBy(p.credentials());
        OpenFile file = new OpenFile(child, null, child.name(), dev.syssim.sim.os.OpenFlags.O_RDWR, null);
        int fd = kernel.files().install(p, file, cloexec);
        if (fd < 0) {
            c.abort(p.syscallEventSeq());
            return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
        }
        return Outcome.done(SysResult.ok(fd, c.remote()), Costs.SYSCALL);
    }

    Outcome shutdown(Process p, int how) {
        long cause = causeOf(p);
        if (connection == null || connection.state() == TcpState.SYN_SENT) return Outcome.error(Errno.ENOTCONN, Costs.SYSCALL);
        if (how == 1 || how == 2) connection.shutdownWrite(cause);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    /** getsockopt(SO_ERROR): the pending error (cleared), or 0. */
    int takeSoError() {
        if (connection == null) return 0;
        Errno e = connection.takeError();
        return e == null ? 0 : e.number();
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        usedBy(process);
        if (connection == null) return Outcome.error(Errno.ENOTCONN, Costs.SYSCALL);
        if (connection.receiveQueue() > 0) {
            byte[] data = connection.read(count);
            return Outcome.done(SysResult.ok(data.length, data), Costs.copy(data.length));
        }
        Errno e = connection.takeError();
        if (e != null) return Outcome.error(e, Costs.SYSCALL);
        if (connection.atEndOfFile() || connection.state() == TcpState.CLOSED) {
            return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
        }
        if (connection.state() == TcpState.SYN_SENT) {
            if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        }
        if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        return block("sk_wait_data", () -> read(kernel, process, file, count));
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        long cause = causeOf(process);
        if (connection == null) return Outcome.error(Errno.EPIPE, Costs.SYSCALL);
        if (connection.state() == TcpState.SYN_SENT) {
            if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
            return block("sk_stream_wait_connect", () -> write(kernel, process, file, data));
        }
        Errno e = connection.write(data, cause);
        if (e == Errno.EPIPE) kernel.signals().send(process, Signal.SIGPIPE, null);
        if (e != null) return Outcome.error(e, Costs.SYSCALL);
        return Outcome.done(SysResult.ok(data.length), Costs.copy(data.length));
    }

    @Override
    public int poll() {
        if (listener != null) return listener.queued() > 0 ? POLLIN : 0;
        if (connection == null) return POLLOUT | POLLHUP;
        TcpState state = connection.state();
        if (state == TcpState.SYN_SENT) return 0;
        int mask = 0;
        if (connection.error() != null) mask |= POLLERR;
        if (state == TcpState.CLOSED) return mask | POLLHUP | POLLIN | POLLOUT;
        if (connection.readable()) mask |= POLLIN;
        mask |= POLLOUT;
        return mask;
    }

    @Override
    public Waiters waiters() {
        if (listener != null) return listener.waiters();
        if (connection != null) return connection.waiters();
        return idle;
    }

    private final Waiters idle = new Waiters("sk_wait");

    @Override
    public void release(Kernel kernel, OpenFile file) {
        long cause = closeCause();
        if (listener != null) {
            listener.close(cause);
        } else if (connection != null) {
            connection.close(cause);
            if (boundExplicitly) stack.tcp().unbind(bound);
        } else if (bound != null) {
            stack.tcp().unbind(bound);
        }
    }
}
