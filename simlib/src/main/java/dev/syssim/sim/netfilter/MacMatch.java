package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m mac --mac-source XX:XX:XX:XX:XX:XX}: the source MAC address of the Ethernet frame the
 * packet arrived in (lower case). Only packets that arrived on a device have one, which is why the
 * kernel takes this match only in PREROUTING, INPUT and FORWARD.
 */
public record MacMatch(String mac, boolean inverted) implements Match {

    @Override
    public String name() {
        return "mac";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        if (packet.ethernet() == null) return false;
        return packet.ethernet().srcMac().equalsIgnoreCase(mac) != inverted;
    }
}
