package dev.syssim.sim.netfilter.nft;

import dev.syssim.sim.netfilter.Hook;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A native nftables table: its family ({@code ip} or {@code inet}; both see only IPv4 here, the
 * simulation having no IPv6), name and handle, its sets and chains in the order they were made,
 * and the table's handle counter, from which its chains, sets and rules take theirs.
 */
public final class NftTable {

    private final String family;
    private final String name;
    final long handle;
    final Map<String, NftSet> sets = new LinkedHashMap<>();
    final Map<String, NftChain> chains = new LinkedHashMap<>();
    private long nextHandle = 1;

    NftTable(String family, String name, long handle) {
        this.family = family;
        this.name = name;
        this.handle = handle;
    }

    public String family() {
        return family;
    }

    public String name() {
        return name;
    }

    public long handle() {
        return handle;
    }

    /** Takes the table's next handle (chains, sets, rules and anonymous sets all take one). */
    public long nextHandle() {
        return nextHandle++;
    }

    void keepCountingFrom(NftTable live) {
        nextHandle = Math.max(nextHandle, live.nextHandle);
    }

    /** A new chain at the end; a base chain if {@code hook} is non-null (the caller rehooks). */
    public NftChain addChain(String chainName, Hook hook, String type, int priority, boolean dropPolicy) {
        NftChain chain = new NftChain(chainName, nextHandle(), hook, type, priority, dropPolicy);
        chains.put(chainName, chain);
        return chain;
    }

    public void removeChain(String chainName) {
        chains.remove(chainName);
    }

    /** A new named set. */
    public NftSet addSet(String setName, String setType, boolean timeout, boolean interval) {
        NftSet set = new NftSet(setName, setType, timeout, interval, nextHandle());
        sets.put(setName, set);
        return set;
    }

    public void removeSet(String setName) {
        sets.remove(setName);
    }

    /** How many rules of this table jump or go to {@code chainName}, or test the set {@code setName}. */
    public int references(String chainName, String setName) {
        int n = 0;
        for (NftChain c : chains.values()) {
            for (NftRule r : c.rules) {
                for (NftExpr e : r.exprs()) {
                    if (chainName != null && e instanceof NftExpr.Verdict v && chainName.equals(v.argument())
                            && (v.kind().equals("jump") || v.kind().equals("goto"))) n++;
                    if (setName != null && e instanceof NftExpr.Match m && setName.equals(m.setName())) n++;
                    if (chainName != null && e instanceof NftExpr.Vmap map) {
                        for (NftExpr.Verdict v : map.verdicts()) if (chainName.equals(v.argument())) n++;
                    }
                }
            }
        }
        return n;
    }

    /** A copy to go back to if a batch of commands fails: chains, rules lists and sets copied, rules shared. */
    NftTable copy() {
        NftTable t = new NftTable(family, name, handle);
        t.nextHandle = nextHandle;
        for (NftSet s : sets.values()) t.sets.put(s.name(), s.copy());
        for (NftChain c : chains.values()) t.chains.put(c.name(), c.copy());
        return t;
    }

    public Map<String, NftChain> chains() {
        return chains;
    }

    public Map<String, NftSet> sets() {
        return sets;
    }
}
