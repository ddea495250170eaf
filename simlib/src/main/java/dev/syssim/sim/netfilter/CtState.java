package dev.syssim.sim.netfilter;

/**
 * Connection-tracking states a rule can match with {@code -m conntrack --ctstate} or
 * {@code -m state --state}, in the order iptables prints them. A packet is in exactly one of the
 * first five; SNAT and DNAT are "virtual" states of NATed connections, which this simulation never
 * has (no NAT), so they parse and print but never match.
 */
public enum CtState {
    INVALID,
    NEW,
    RELATED,
    ESTABLISHED,
    UNTRACKED,
    SNAT,
    DNAT;

    /** This state's bit in a state mask. */
    public int bit() {
        return 1 << ordinal();
    }
}
