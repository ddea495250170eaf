package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m set --match-set NAME src|dst}: the packet's source or destination address is in the
 * machine's ipset {@code NAME}. Simplification: syssim has no {@code ipset} tool yet, so no set
 * can exist and iptables refuses every such rule as Linux does for a missing set; the record is
 * here so the family is complete.
 */
public record SetMatch(String setName, boolean destination, boolean inverted) implements Match {

    @Override
    public String name() {
        return "set";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return inverted;
    }
}
