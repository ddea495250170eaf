package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.os.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * UDP on one machine: the sockets and which one a datagram is for. A datagram for a port nobody
 * has bound is answered with an ICMP port unreachable; an ICMP error about a datagram a connected
 * socket sent becomes that socket's pending error.
 */
public final class Udp {

    private final NetStack stack;
    private final List<UdpSocketState> sockets = new ArrayList<>();

    Udp(NetStack stack) {
        this.stack = stack;
    }

    public NetStack stack() {
        return stack;
    }

    public List<UdpSocketState> sockets() {
        return List.copyOf(sockets);
    }

    public UdpSocketState open() {
        UdpSocketState s = new UdpSocketState(this, stack.nextInode());
        sockets.add(s);
        return s;
    }

    /** Binds a socket; port 0 picks an ephemeral one. EADDRINUSE if taken. */
    public Errno bind(UdpSocketState s, Endpoint local) {
        int port = local.port();
        if (port == 0) {
            int range = Tcp.EPHEMERAL_HIGH - Tcp.EPHEMERAL_LOW + 1;
            int start = stack.kernel().random().nextInt(range);
            for (int i = 0; i < range && port == 0; i++) {
                int candidate = Tcp.EPHEMERAL_LOW + (start + i) % range;
                if (find(local.address(), candidate) == null) port = candidate;
            }
        } else if (find(local.address(), port) != null) {
            return Errno.EADDRINUSE;
        }
        s.setLocal(new Endpoint(local.address(), port));
        return null;
    }

    /** Gives a bound socket its source address (connect picks it). */
    public void rebind(UdpSocketState s, Endpoint local) {
        s.setLocal(local);
    }

    void close(UdpSocketState s) {
        sockets.remove(s);
    }

    private UdpSocketState find(Ipv4Address address, int port) {
        UdpSocketState wildcard = null;
        for (UdpSocketState s : sockets) {
            if (s.local() == null || s.local().port() != port) continue;
            if (s.local().address().equals(address)) return s;
            if (s.local().address().equals(Ipv4Address.ANY) || address.equals(Ipv4Address.ANY)) wildcard = s;
        }
        return wildcard;
    }

    void receive(Packet p, byte[] payload, long cause) {
        Transport.Udp t = (Transport.Udp) p.transport();
        UdpSocketState s = find(p.dst(), t.dstPort());
        Endpoint from = new Endpoint(p.src(), t.srcPort());
        if (s != null && (s.remote() == null || s.remote().equals(from))) {
            s.deliver(new UdpSocketState.Datagram(from, payload == null ? new byte[0] : payload));
            return;
        }
        long seq = stack.packetEvent("no socket for udp " + p.dst() + ":" + t.dstPort() + ", answer with port unreachable",
                PacketLabel.of(p), cause);
        stack.send(Packet.icmpError(p.dst(), Icmp.DEST_UNREACH, Icmp.PORT_UNREACH, p), null, null, seq);
    }

    void icmpError(Packet quoted, int type, int code, Ipv4Address from, long cause) {
        Transport.Udp t = (Transport.Udp) quoted.transport();
        UdpSocketState s = find(quoted.src(), t.srcPort());
        if (s != null && s.remote() != null) s.fail(IcmpErrors.errnoOf(type, code));
    }
}
