package dev.syssim.sim.api;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A machine's firewall (netfilter's filter table) with its counters, read at one moment: the
 * chains, their policies and rules, and how many packets each decided. To change it, run
 * {@code iptables} as root, as a student would.
 *
 * @param chains the built-in chains (INPUT, FORWARD, OUTPUT), then the user chains
 */
public record Firewall(List<FirewallChain> chains) {

    /**
     * A firewall of these chains (copied).
     *
     * @param chains the chains in {@code iptables -L} order
     */
    public Firewall {
        chains = List.copyOf(chains);
    }

    /**
     * One chain by its name.
     *
     * @param name {@code INPUT}, {@code FORWARD}, {@code OUTPUT} or a user chain's name
     * @return the chain
     * @throws NoSuchElementException if the table has no such chain
     */
    public FirewallChain chain(String name) {
        for (FirewallChain chain : chains) if (chain.name().equals(name)) return chain;
        throw new NoSuchElementException("no chain '" + name + "' in the filter table");
    }
}
