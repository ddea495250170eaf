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
        int src = packet.srcPort();
        int dst = packet.dstPort();
        boolean hit = false;
        for (int i = 0; i < ports.size() && !hit; i++) {
            PortRange range = ports.get(i);
            hit = switch (kind) {
                case SOURCE -> range.contains(src);
                case DESTINATION -> range.contains(dst);
                case EITHER -> range.contains(src) || range.contains(dst);
            };
        }
        return hit != inverted;
    }
}
