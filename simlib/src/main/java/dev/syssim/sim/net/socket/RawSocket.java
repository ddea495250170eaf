package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.RawSocketState;
import dev.syssim.sim.net.stack.Sent;
import dev.syssim.sim.net.stack.Waiters;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;

/** A raw IPv4 socket: whole packets out, copies of the machine's incoming packets of its protocol in. */
public final class RawSocket extends Socket {

    private final RawSocketState state;

    public RawSocket(NetStack stack, int protocol) {
        this(stack, stack.openRaw(protocol));
    }

    private RawSocket(NetStack stack, RawSocketState state) {
        super(stack, state.inode());
        this.state = state;
    }

    @Override
    public String kind() {
        return "raw";
    }

    Outcome send(Process p, Packet packet) {
        long cause = causeOf(p);
        if (packet.protocol() != state.protocol()) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        Sent sent = stack.send(packet, null, null, cause, "OUTPUT", owner);
        if (sent == Sent.DROPPED) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (sent == Sent.NO_ROUTE) return Outcome.error(Errno.ENETUNREACH, Costs.SYSCALL);
        return Outcome.ok(packet.length(), Costs.SYSCALL);
    }

    Outcome receive(Process p) {
        usedBy(p);
        RawSocketState.Arrival arrival = state.take();
        if (arrival != null) return Outcome.done(SysResult.ok(arrival.packet().length(), arrival), Costs.SYSCALL);
        if (nonBlocking()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        return block("raw recvmsg", () -> receive(p));
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        return receive(process);
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
