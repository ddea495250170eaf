package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import java.util.ArrayList;
import java.util.List;

/** The ICMP datagram sockets of one machine, found by echo identifier when a reply or error comes back. */
public final class Pings {

    private final NetStack stack;
    private final List<PingSocketState> sockets = new ArrayList<>();

    Pings(NetStack stack) {
        this.stack = stack;
    }

    NetStack stack() {
        return stack;
    }

    public PingSocketState open() {
        int id;
        do {
            id = 1 + stack.kernel().random().nextInt(65535);
        } while (find(id) != null);
        PingSocketState s = new PingSocketState(this, id, stack.nextInode());
        sockets.add(s);
        return s;
    }

    void close(PingSocketState s) {
        sockets.remove(s);
    }

    private PingSocketState find(int id) {
        for (PingSocketState s : sockets) if (s.id() == id) return s;
        return null;
    }

    void reply(Packet p, long cause) {
        Transport.Icmp icmp = (Transport.Icmp) p.transport();
        PingSocketState s = find(icmp.id());
        if (s == null) return;
        s.deliver(new PingSocketState.Message(p.src(), icmp.sequence(), p.ttl(), p.length() - Packet.IP_HEADER,
                stack.kernel().now(), -1, 0));
    }

    void icmpError(Packet quoted, int type, int code, Ipv4Address from, long cause) {
        Transport.Icmp echo = (Transport.Icmp) quoted.transport();
        PingSocketState s = find(echo.id());
        if (s == null) return;
        s.deliver(new PingSocketState.Message(from, echo.sequence(), 0, 0, stack.kernel().now(), type, code));
    }
}
