package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/** {@code -m length --length MIN[:MAX]}: the packet's IP total length lies in the range. */
public record LengthMatch(int min, int max, boolean inverted) implements Match {

    @Override
    public String name() {
        return "length";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return (packet.length() >= min && packet.length() <= max) != inverted;
    }
}
