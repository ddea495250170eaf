package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.WaitQueue;
import java.util.List;
import java.util.function.Function;

/**
 * The kernel's handlers of the socket syscalls (Linux's {@code net/socket.c}): find the socket
 * behind a descriptor (EBADF, ENOTSOCK), then let its kind do the work.
 */
public final class SocketCalls {

    private SocketCalls() {
    }

    /** The stack of the caller's network namespace: a socket belongs to the namespace it was made in. */
    private static NetStack stackOf(Kernel k, Process p) {
        return p.namespaces() != null && p.namespaces().net() instanceof NetStack s ? s : NetStack.of(k);
    }

    static Outcome socket(Kernel k, Process p, NetSyscalls.SocketCall call) {
        NetStack stack = stackOf(k, p);
        if (stack == null) return Outcome.error(Errno.EAFNOSUPPORT, Costs.SYSCALL);
        int type = call.type() & 0xF;
        Socket socket;
        if (call.domain() == NetSyscalls.AF_NETLINK) {
            Netlink.Family family = null;
            for (Netlink.Family f : Netlink.Family.values()) if (f.number() == call.protocol()) family = f;
            if (family == null) return Outcome.error(Errno.EPROTONOSUPPORT, Costs.SYSCALL);
            socket = new NetlinkSocket(stack, family);
        } else if (call.domain() != NetSyscalls.AF_INET) {
            return Outcome.error(Errno.EAFNOSUPPORT, Costs.SYSCALL);
        } else if (type == NetSyscalls.SOCK_STREAM && (call.protocol() == 0 || call.protocol() == NetSyscalls.IPPROTO_TCP)) {
            socket = new TcpSocket(stack);
        } else if (type == NetSyscalls.SOCK_DGRAM && (call.protocol() == 0 || call.protocol() == NetSyscalls.IPPROTO_UDP)) {
            socket = new UdpSocket(stack);
        } else if (type == NetSyscalls.SOCK_DGRAM && call.protocol() == NetSyscalls.IPPROTO_ICMP) {
            socket = new PingSocket(stack);
        } else if (type == NetSyscalls.SOCK_RAW) {
            if (!p.credentials().has(dev.syssim.sim.os.Capability.CAP_NET_RAW)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
            if (call.protocol() != NetSyscalls.IPPROTO_TCP && call.protocol() != NetSyscalls.IPPROTO_ICMP) {
                return Outcome.error(Errno.EPROTONOSUPPORT, Costs.SYSCALL);
            }
            socket = new RawSocket(stack, call.protocol());
        } else {
            return Outcome.error(Errno.EPROTONOSUPPORT, Costs.SYSCALL);
        }
        socket.setNonBlocking((call.type() & NetSyscalls.SOCK_NONBLOCK) != 0);
        socket.usedBy(p);
        socket.ownedBy(p.credentials());
        OpenFile file = new OpenFile(socket, null, socket.name(), OpenFlags.O_RDWR, null);
        int fd = k.files().install(p, file, (call.type() & NetSyscalls.SOCK_CLOEXEC) != 0);
        if (fd < 0) {
            socket.release(k, file);
            return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
        }
        return Outcome.ok(fd, Costs.SYSCALL * 3);
    }

    /** Runs {@code handler} on the socket behind {@code fd}, or fails with EBADF or ENOTSOCK as sockfd_lookup does. */
    private static Outcome onSocket(Process p, int fd, Function<Socket, Outcome> handler) {
        OpenFile f = p.fds().get(fd);
        if (f == null) return fail(Errno.EBADF);
        if (!(f.ops() instanceof Socket s)) return fail(Errno.ENOTSOCK);
        return handler.apply(s);
    }

    /** The same for a call only one kind of socket has: the others fail with EOPNOTSUPP. */
    private static <T extends Socket> Outcome onSocket(Process p, int fd, Class<T> kind, Function<T, Outcome> handler) {
        return onSocket(p, fd, s -> kind.isInstance(s) ? handler.apply(kind.cast(s)) : fail(Errno.EOPNOTSUPP));
    }

    private static Outcome fail(Errno e) {
        return Outcome.error(e, Costs.SYSCALL);
    }

    static Outcome bind(Kernel k, Process p, NetSyscalls.Bind call) {
        return onSocket(p, call.fd(), s -> {
            if (s instanceof TcpSocket tcp) return tcp.bind(p, call.address());
            if (s instanceof UdpSocket udp) return udp.bind(p, call.address());
            return fail(Errno.EOPNOTSUPP);
        });
    }

    static Outcome listen(Kernel k, Process p, NetSyscalls.Listen call) {
        return onSocket(p, call.fd(), TcpSocket.class, tcp -> tcp.listen(p, call.backlog()));
    }

    static Outcome accept(Kernel k, Process p, NetSyscalls.Accept4 call) {
        return onSocket(p, call.fd(), TcpSocket.class, tcp -> tcp.accept(k, p, call.cloexec()));
    }

    static Outcome connect(Kernel k, Process p, NetSyscalls.Connect call) {
        return onSocket(p, call.fd(), s -> {
            if (s instanceof TcpSocket tcp) return tcp.connect(p, call.address());
            if (s instanceof UdpSocket udp) return udp.connect(p, call.address());
            return fail(Errno.EOPNOTSUPP);
        });
    }

    static Outcome shutdown(Kernel k, Process p, NetSyscalls.Shutdown call) {
        return onSocket(p, call.fd(), s -> {
            if (s instanceof TcpSocket tcp) return tcp.shutdown(p, call.how());
            return Outcome.ok(0, Costs.SYSCALL);
        });
    }

    static Outcome soError(Kernel k, Process p, NetSyscalls.GetsockoptSoError call) {
        return onSocket(p, call.fd(), s -> {
            int error = 0;
            if (s instanceof TcpSocket tcp) error = tcp.takeSoError();
            if (s instanceof UdpSocket udp) {
                Errno pending = udp.state().takeError();
                error = pending == null ? 0 : pending.number();
            }
            return Outcome.done(SysResult.ok(0, error), Costs.SYSCALL);
        });
    }

    static Outcome reuseAddr(Kernel k, Process p, NetSyscalls.SetsockoptReuseAddr call) {
        return onSocket(p, call.fd(), s -> {
            if (s instanceof TcpSocket tcp) tcp.setReuseAddress(call.on());
            return Outcome.ok(0, Costs.SYSCALL);
        });
    }

    static Outcome fcntl(Kernel k, Process p, NetSyscalls.FcntlFlags call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return fail(Errno.EBADF);
        Socket s = f.ops() instanceof Socket socket ? socket : null;
        if (!call.set()) {
            int flags = f.flags() | (s != null && s.nonBlocking() ? OpenFlags.O_NONBLOCK : 0);
            return Outcome.ok(flags, Costs.SYSCALL);
        }
        if (s != null) s.setNonBlocking((call.flags() & OpenFlags.O_NONBLOCK) != 0);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    static Outcome sendto(Kernel k, Process p, NetSyscalls.Sendto call) {
        return onSocket(p, call.fd(), s -> {
            if (s instanceof UdpSocket udp) return udp.sendto(p, call.data(), call.to());
            if (s instanceof TcpSocket tcp) {
                if (tcp.connection() == null) return fail(Errno.ENOTCONN);
                Errno err = tcp.connection().write(call.data(), s.causeOf(p));
                return err == null ? Outcome.done(SysResult.ok(call.data().length), Costs.copy(call.data().length)) : fail(err);
            }
            return fail(Errno.EOPNOTSUPP);
        });
    }

    static Outcome recvfrom(Kernel k, Process p, NetSyscalls.Recvfrom call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return fail(Errno.EBADF);
        if (f.ops() instanceof UdpSocket udp) return udp.recvfrom(p, call.count());
        if (f.ops() instanceof Socket s) return s.read(k, p, f, call.count());
        return fail(Errno.ENOTSOCK);
    }

    static Outcome getsockname(Kernel k, Process p, NetSyscalls.Getsockname call) {
        return onSocket(p, call.fd(), s -> {
            if (s instanceof TcpSocket tcp) return Outcome.done(SysResult.ok(0, tcp.localEnd()), Costs.SYSCALL);
            if (s instanceof UdpSocket udp && udp.state().local() != null) return Outcome.done(SysResult.ok(0, udp.state().local()), Costs.SYSCALL);
            return Outcome.done(SysResult.ok(0, dev.syssim.sim.net.stack.Endpoint.ANY), Costs.SYSCALL);
        });
    }

    static Outcome sendEcho(Kernel k, Process p, NetSyscalls.SendEcho call) {
        return onSocket(p, call.fd(), PingSocket.class, ping -> ping.sendEcho(p, call.to(), call.sequence(), call.payload()));
    }

    static Outcome recvEcho(Kernel k, Process p, NetSyscalls.RecvEcho call) {
        return onSocket(p, call.fd(), PingSocket.class, ping -> ping.receive(p, -1));
    }

    static Outcome netlinkSend(Kernel k, Process p, NetSyscalls.NetlinkSend call) {
        return onSocket(p, call.fd(), NetlinkSocket.class, netlink -> netlink.sendmsg(p, call.request()));
    }

    static Outcome netlinkReceive(Kernel k, Process p, NetSyscalls.NetlinkReceive call) {
        return onSocket(p, call.fd(), NetlinkSocket.class, netlink -> netlink.recvmsg(p));
    }

    static Outcome sendRaw(Kernel k, Process p, NetSyscalls.SendPacket call) {
        return onSocket(p, call.fd(), RawSocket.class, raw -> raw.send(p, call.packet()));
    }

    static Outcome receiveRaw(Kernel k, Process p, NetSyscalls.ReceivePacket call) {
        return onSocket(p, call.fd(), RawSocket.class, raw -> raw.receive(p));
    }

    // ---- poll ----

    static Outcome poll(Kernel k, Process p, NetSyscalls.Poll call) {
        long deadline = call.timeoutMillis() < 0 ? -1 : k.now() + call.timeoutMillis() * 1_000_000L;
        WaitQueue q = new WaitQueue("do_sys_poll");
        if (call.timeoutMillis() > 0) k.timeline().at(deadline, () -> k.scheduler().wakeAll(q));
        return pollOnce(k, p, call, q, deadline);
    }

    /**
     * One pass over the descriptors. Sockets report their state; any other file counts as ready
     * for what was asked (a simplification: pipes and terminals are not watched).
     */
    private static Outcome pollOnce(Kernel k, Process p, NetSyscalls.Poll call, WaitQueue q, long deadline) {
        List<NetSyscalls.PollFd> fds = call.fds();
        int[] revents = new int[fds.size()];
        int ready = 0;
        for (int i = 0; i < fds.size(); i++) {
            NetSyscalls.PollFd pf = fds.get(i);
            OpenFile f = pf.fd() < 0 ? null : p.fds().get(pf.fd());
            if (pf.fd() < 0) continue;
            if (f == null) {
                revents[i] = 0x020; // POLLNVAL
            } else if (f.ops() instanceof Socket s) {
                revents[i] = s.poll() & (pf.events() | Socket.POLLERR | Socket.POLLHUP);
            } else {
                revents[i] = pf.events() & (Socket.POLLIN | Socket.POLLOUT);
            }
            if (revents[i] != 0) ready++;
        }
        if (ready > 0 || call.timeoutMillis() == 0 || (deadline >= 0 && k.now() >= deadline)) {
            return Outcome.done(SysResult.ok(ready, revents), Costs.SYSCALL);
        }
        for (NetSyscalls.PollFd pf : fds) {
            OpenFile f = pf.fd() < 0 ? null : p.fds().get(pf.fd());
            if (f != null && f.ops() instanceof Socket s) s.waiters().watch(q);
        }
        return new Outcome.Blocked(q, "do_sys_poll", () -> pollOnce(k, p, call, q, deadline));
    }
}
