package dev.syssim.sim.netfilter.conntrack;

/** Which way a packet travels on its connection: as the first packet did, or back. */
public enum Direction {
    ORIGINAL,
    REPLY;

    public Direction reverse() {
        return this == ORIGINAL ? REPLY : ORIGINAL;
    }
}
