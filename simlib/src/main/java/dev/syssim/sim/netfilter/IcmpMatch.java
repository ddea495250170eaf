package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;

/**
 * {@code -m icmp --icmp-type TYPE[/CODE]}: an ICMP type and a range of codes (all codes if none was
 * given). Type 255 is the kernel's "any".
 */
public record IcmpMatch(int type, int codeMin, int codeMax, boolean inverted) implements Match {

    public static final int ANY_TYPE = 0xFF;

    @Override
    public String name() {
        return "icmp";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        if (!(packet.transport() instanceof Transport.Icmp icmp)) return false;
        boolean hit = type == ANY_TYPE
                || (icmp.type() == type && icmp.code() >= codeMin && icmp.code() <= codeMax);
        return hit != inverted;
    }
}
