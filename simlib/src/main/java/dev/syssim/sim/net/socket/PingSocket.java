package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.PingSocketState;
import dev.syssim.sim.net.stack.Sent;
import dev.syssim.sim.net.stack.Waiters;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;

/**
 * An ICMP datagram socket, as iputils' ping opens it: each sendto is an echo request with the
 * socket's identifier; recvmsg returns the next echo reply, or (with IP_RECVERR, which ping sets)
 * the next ICMP error about one of its requests.
 */
public final class PingSocket extends Socket {

    private final PingSocketState state;

    public PingSocket(NetStack stack) {
        this(stack, stack.pings().open());
    }

    private PingSocket(NetStack stack, PingSocketState state) {
        super(stack, state.inode());
        this.state = state;
    }

    public PingSocketState state() {
        return state;
    }

    @Override
    public String kind() {
        return "icmp";
    }

    /** sendto: an echo request with {@code sequence} and {@code payload} data bytes to {@code to}. */
    Outcome sendEcho(Process p, Ipv4Address to, int sequence, int payload) {
        long cause = causeOf(p);
        Ipv4Address source = stack.sourceFor(to);
        if (source == null) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        Packet echo = Packet.icmpQuery(source, to, Icmp.ECHO_REQUEST, state.id(), sequence, payload);
        Sent sent = stack.send(echo, null, null, cause, "OUTPUT", owner);
        if (sent == Sent.DROPPED) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (sent == Sent.NO_ROUTE) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        return Outcome.ok(Packet.ICMP_HEADER + payload, Costs.copy(payload));
    }

    /** recvmsg: the next reply or error; EAGAIN (non-blocking) or sleep if none. */
    Outcome receive(Process p, long deadline) {
        usedBy(p);
        PingSocketState.Message m = state.take();
        if (m != null) return Outcome.done(SysResult.ok(m.bytes(), m), Costs.SYSCALL);
        if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        return block("ping recvmsg", () -> receive(p, deadline));
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        return receive(process, -1);
    }

    @Override
    public int poll() {
        return POLLOUT | (state.readable() ? POLLIN : 0);
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
