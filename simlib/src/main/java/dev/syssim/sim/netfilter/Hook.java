package dev.syssim.sim.netfilter;

/**
 * The five netfilter hooks on an IPv4 packet's path, each with the built-in chain of the same name
 * in every table that attaches there: PREROUTING for every packet that arrives (before the routing
 * decision, where DNAT changes the destination), INPUT for packets to this machine, FORWARD for
 * packets it routes on, OUTPUT for packets it sends, POSTROUTING for every packet that leaves (where
 * SNAT and MASQUERADE change the source).
 */
public enum Hook {
    PREROUTING,
    INPUT,
    FORWARD,
    OUTPUT,
    POSTROUTING;

    /** The name of the built-in chain at this hook. */
    public String chainName() {
        return name();
    }

    /** Whether a packet at this hook has arrived on an interface (so {@code -i} and the MAC header mean something). */
    public boolean hasInput() {
        return this == PREROUTING || this == INPUT || this == FORWARD;
    }

    /** Whether a packet at this hook has an output interface ({@code -o}). */
    public boolean hasOutput() {
        return this == FORWARD || this == OUTPUT || this == POSTROUTING;
    }
}
