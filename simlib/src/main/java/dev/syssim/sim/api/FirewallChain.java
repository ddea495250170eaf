package dev.syssim.sim.api;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A chain of a machine's filter table with its counters, at the moment they were read.
 *
 * @param name          {@code INPUT}, {@code FORWARD}, {@code OUTPUT} or a user chain's name
 * @param policy        the policy of a built-in chain ({@code ACCEPT} or {@code DROP}); "" for a user chain
 * @param policyPackets packets the policy decided on (no rule did)
 * @param policyBytes   bytes of those packets
 * @param rules         the rules in order
 */
public record FirewallChain(String name, String policy, long policyPackets, long policyBytes, List<FirewallRule> rules) {

    /**
     * A chain (its rules copied).
     *
     * @param name          its name
     * @param policy        its policy, or "" for a user chain
     * @param policyPackets packets its policy decided on
     * @param policyBytes   bytes of those packets
     * @param rules         its rules in order
     */
    public FirewallChain {
        rules = List.copyOf(rules);
    }

    /**
     * One rule by its number.
     *
     * @param number its place in the chain, from 1, as {@code iptables -L --line-numbers} numbers them
     * @return the rule
     * @throws NoSuchElementException if the chain has no rule of that number
     */
    public FirewallRule rule(int number) {
        if (number < 1 || number > rules.size()) {
            throw new NoSuchElementException("chain " + name + " has " + rules.size() + " rules, no rule " + number);
        }
        return rules.get(number - 1);
    }
}
