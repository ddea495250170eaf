package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.Sent;
import dev.syssim.sim.net.stack.UdpSocketState;
import dev.syssim.sim.net.stack.Waiters;
import dev.syssim.sim.os.Capability;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;

/** A UDP socket ({@code SOCK_DGRAM}): datagrams out with sendto, in with recvfrom, ICMP errors as ECONNREFUSED. */
public final class UdpSocket extends Socket {

    private final UdpSocketState state;

    public UdpSocket(NetStack stack) {
        this(stack, stack.udp().open());
    }

    private UdpSocket(NetStack stack, UdpSocketState state) {
        super(stack, state.inode());
        this.state = state;
    }

    public UdpSocketState state() {
        return state;
    }

    @Override
    public String kind() {
        return "udp";
    }

    Outcome bind(Process p, Endpoint local) {
        usedBy(p);
        if (state.local() != null) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (!local.address().equals(Ipv4Address.ANY) && !stack.isLocal(local.address())) return Outcome.error(Errno.EADDRNOTAVAIL, Costs.SYSCALL);
        if (local.port() > 0 && local.port() < 1024 && !p.credentials().has(Capability.CAP_NET_BIND_SERVICE)) {
            return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        }
        Errno e = stack.udp().bind(state, local);
        return e == null ? Outcome.ok(0, Costs.SYSCALL) : Outcome.error(e, Costs.SYSCALL);
    }

    Outcome connect(Process p, Endpoint remote) {
        usedBy(p);
        Ipv4Address source = stack.sourceFor(remote.address());
        if (source == null) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        if (state.local() == null) stack.udp().bind(state, new Endpoint(Ipv4Address.ANY, 0));
        if (state.local().address().equals(Ipv4Address.ANY)) {
            // As ip4_datagram_connect: the route decides the source address the socket now has.
            stack.udp().rebind(state, new Endpoint(source, state.local().port()));
        }
        state.setRemote(remote);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome sendto(Process p, byte[] data, Endpoint to) {
        long cause = causeOf(p);
        Endpoint dest = to != null ? to : state.remote();
        if (dest == null) return Outcome.error(Errno.ENOTCONN, Costs.SYSCALL);
        Errno pending = state.takeError();
        if (pending != null) return Outcome.error(pending, Costs.SYSCALL);
        Ipv4Address source = stack.sourceFor(dest.address());
        if (source == null) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        if (state.local() == null) stack.udp().bind(state, new Endpoint(Ipv4Address.ANY, 0));
        Packet packet = Packet.udp(source, dest.address(), state.local().port(), dest.port(), data.length);
        Sent sent = stack.send(packet, data, null, cause, "OUTPUT", owner);
        if (sent == Sent.DROPPED) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (sent == Sent.NO_ROUTE) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        return Outcome.done(SysResult.ok(data.length), Costs.copy(data.length));
    }

    Outcome recvfrom(Process p, int count) {
        usedBy(p);
        Errno e = state.takeError();
        if (e != null) return Outcome.error(e, Costs.SYSCALL);
        UdpSocketState.Datagram d = state.take();
        if (d == null) {
            if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
            return block("udp recvmsg", () -> recvfrom(p, count));
        }
        byte[] data = d.data().length > count ? java.util.Arrays.copyOf(d.data(), count) : d.data();
        return Outcome.done(SysResult.ok(data.length, new Received(data, d.from())), Costs.copy(data.length));
    }

    /** What recvfrom returns: the bytes and who sent them. */
    public record Received(byte[] data, Endpoint from) {
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        Outcome o = recvfrom(process, count);
        if (o instanceof Outcome.Done d && d.result().data() instanceof Received r) {
            return Outcome.done(SysResult.ok(r.data().length, r.data()), d.cost());
        }
        return o;
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        return sendto(process, data, null);
    }

    @Override
    public int poll() {
        int mask = POLLOUT;
        if (state.readable()) mask |= POLLIN;
        if (state.error() != null) mask |= POLLERR;
        return mask;
    }

    @Override
    public Waiters waiters() {
        return state.waiters();
    }

    @Override
    public void release(Kernel kernel, OpenFile file) {
        state.close();
    }
}
