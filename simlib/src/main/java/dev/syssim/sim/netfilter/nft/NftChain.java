package dev.syssim.sim.netfilter.nft;

import dev.syssim.sim.netfilter.Hook;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of a native nftables table: a base chain ({@code type filter hook input priority 0;
 * policy drop;}) is called at its hook with the others by priority; a regular chain only by
 * {@code jump} and {@code goto}.
 */
public final class NftChain {

    private final String name;
    final long handle;
    /** The base chain's hook, or null for a regular chain. */
    final Hook hook;
    final String type;
    final int priority;
    boolean dropPolicy;
    final List<NftRule> rules = new ArrayList<>();

    NftChain(String name, long handle, Hook hook, String type, int priority, boolean dropPolicy) {
        this.name = name;
        this.handle = handle;
        this.hook = hook;
        this.type = type;
        this.priority = priority;
        this.dropPolicy = dropPolicy;
    }

    public String name() {
        return name;
    }

    public boolean isBase() {
        return hook != null;
    }

    public Hook hook() {
        return hook;
    }

    public int priority() {
        return priority;
    }

    public long handle() {
        return handle;
    }

    public String type() {
        return type;
    }

    public boolean dropPolicy() {
        return dropPolicy;
    }

    public void setDropPolicy(boolean drop) {
        dropPolicy = drop;
    }

    /** The rules, in order (read only: change them with the methods below). */
    public List<NftRule> rules() {
        return java.util.Collections.unmodifiableList(rules);
    }

    /** The index of the rule with {@code ruleHandle}, or -1. */
    public int indexOf(long ruleHandle) {
        for (int i = 0; i < rules.size(); i++) if (rules.get(i).handle() == ruleHandle) return i;
        return -1;
    }

    public void insert(int index, NftRule rule) {
        rules.add(index, rule);
    }

    public void replace(int index, NftRule rule) {
        rules.set(index, rule);
    }

    public void remove(int index) {
        rules.remove(index);
    }

    public void flush() {
        rules.clear();
    }

    NftChain copy() {
        NftChain c = new NftChain(name, handle, hook, type, priority, dropPolicy);
        c.rules.addAll(rules);
        return c;
    }
}
