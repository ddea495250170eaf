package dev.syssim.sim.netfilter;

import java.util.Arrays;
import java.util.List;

/**
 * A chain of a table: its rules in order and, for a built-in chain, the policy that
 * decides when no rule does, with the counters of the packets it decided. The rule list is
 * replaced, never changed in place, so a walk over it is never disturbed by an iptables command.
 */
public final class Chain {

    private static final RuleEntry[] NO_RULES = {};
    private static final CompiledRule[] NOTHING_COMPILED = {};

    private final String name;
    private final boolean builtin;
    private final Counters policyCounters = new Counters();
    private Policy policy;
    private RuleEntry[] entries = NO_RULES;
    private CompiledRule[] compiled = NOTHING_COMPILED;

    private Chain(String name, boolean builtin, Policy policy) {
        this.name = name;
        this.builtin = builtin;
        this.policy = policy;
    }

    static Chain builtin(Hook hook) {
        return new Chain(hook.chainName(), true, Policy.ACCEPT);
    }

    static Chain user(String name) {
        return new Chain(name, false, null);
    }

    public String name() {
        return name;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    /** The policy of a built-in chain; {@code null} for a user chain, which has none. */
    public Policy policy() {
        return policy;
    }

    /** Packets and bytes the policy decided on (built-in chains; always zero for user chains). */
    public Counters policyCounters() {
        return policyCounters;
    }

    /** The rules in order; rule number {@code n} is at index {@code n - 1}. */
    public List<RuleEntry> entries() {
        return List.of(entries);
    }

    public int size() {
        return entries.length;
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** Rule number {@code number}, counted from 1 as iptables does. */
    public RuleEntry entry(int number) {
        return entries[number - 1];
    }

    RuleEntry[] entryArray() {
        return entries;
    }

    /** The rules in the form the evaluator walks, rebuilt whenever the rule list changes. */
    CompiledRule[] compiledRules() {
        return compiled;
    }

    /** Every change of the rule list goes through here, so the compiled form always follows it. */
    private void install(RuleEntry[] newEntries) {
        CompiledRule[] next = new CompiledRule[newEntries.length];
        // A rule keeps its compiled form (and a limit's bucket in it) when others are added or removed.
        java.util.IdentityHashMap<RuleEntry, CompiledRule> kept = new java.util.IdentityHashMap<>();
        for (CompiledRule c : compiled) kept.put(c.entry, c);
        for (int i = 0; i < newEntries.length; i++) {
            CompiledRule previous = kept.get(newEntries[i]);
            next[i] = previous != null ? previous : new CompiledRule(newEntries[i]);
        }
        entries = newEntries;
        compiled = next;
    }

    void setPolicy(Policy newPolicy) {
        if (!builtin) throw new IllegalStateException("user chains have no policy");
        policy = newPolicy;
    }

    void setEntries(RuleEntry[] newEntries) {
        install(newEntries);
    }

    /** Inserts {@code added} so that the first becomes rule number {@code number}. */
    void insert(int number, List<RuleEntry> added) {
        RuleEntry[] next = new RuleEntry[entries.length + added.size()];
        System.arraycopy(entries, 0, next, 0, number - 1);
        for (int i = 0; i < added.size(); i++) next[number - 1 + i] = added.get(i);
        System.arraycopy(entries, number - 1, next, number - 1 + added.size(), entries.length - number + 1);
        install(next);
    }

    void remove(int number) {
        RuleEntry[] next = new RuleEntry[entries.length - 1];
        System.arraycopy(entries, 0, next, 0, number - 1);
        System.arraycopy(entries, number, next, number - 1, entries.length - number);
        install(next);
    }

    void replace(int number, RuleEntry entry) {
        RuleEntry[] next = entries.clone();
        next[number - 1] = entry;
        install(next);
    }

    void clear() {
        install(NO_RULES);
    }

    /** A copy with another name, the same rules and counters: what {@code iptables -E} leaves. */
    Chain renamed(String newName) {
        Chain copy = new Chain(newName, builtin, policy);
        copy.install(entries);
        return copy;
    }

    /** A deep copy: rules shared (immutable), counters copied. */
    Chain copy() {
        Chain copy = new Chain(name, builtin, policy);
        copy.policyCounters.set(policyCounters.packets(), policyCounters.bytes());
        copy.install(Arrays.stream(entries)
                .map(e -> new RuleEntry(e.rule(), e.counters().copy()))
                .toArray(RuleEntry[]::new));
        return copy;
    }

    @Override
    public String toString() {
        return "Chain " + name + " (" + entries.length + " rules)";
    }
}
