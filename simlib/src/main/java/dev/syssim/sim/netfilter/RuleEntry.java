package dev.syssim.sim.netfilter;

/** A rule installed in a chain, with its own packet and byte counters. */
public record RuleEntry(Rule rule, Counters counters) {

    public static RuleEntry of(Rule rule) {
        return new RuleEntry(rule, new Counters());
    }
}
