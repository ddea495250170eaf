package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import java.util.List;

/**
 * {@code -m multiport [!] --dports|--sports|--ports 22,80,6000:6010}: up to 15 ports (a range
 * counts two) tested against the destination, the source, or either port.
 */
public record MultiportMatch(Kind kind, List<PortRange> ports, boolean inverted) implements Match {

    /** Which port(s) of the packet are tested. */
    public enum Kind {
        SOURCE,
        DESTINATION,
        EITHER
    }

    public MultiportMatch {
        ports = List.copyOf(ports);
    }

    @Override
    public String name() {
        return "multiport";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        int protocol = packet.protocol();
        if (protocol != 6 && protocol != 17) return false;
        boolean hit = switch (kind) {
            case SOURCE -> listed(packet.srcPort());
            case DESTINATION -> listed(packet.dstPort());
            case EITHER -> listed(packet.srcPort()) || listed(packet.dstPort());
        };
        return hit != inverted;
    }

    private boolean listed(int port) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).contains(port)) return true;
        }
        return false;
    }
}
