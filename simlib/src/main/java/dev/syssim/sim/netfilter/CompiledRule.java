package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * A rule laid out for the walk, as the kernel keeps {@code ipt_entry}: the header tests as plain
 * numbers and flags, cheapest first, and the match extensions in an array. Built once when the
 * rule is installed; the {@link Rule} record stays the rule's meaning, this is only its fast form.
 * Matches {@link Rule#matches} exactly.
 */
final class CompiledRule {

    final RuleEntry entry;
    final Target target;
    private final int srcNet;
    private final int srcMask;
    private final boolean srcInverted;
    private final int dstNet;
    private final int dstMask;
    private final boolean dstInverted;
    private final int protocol;
    private final boolean protocolInverted;
    private final String inName;
    private final boolean inWildcard;
    private final boolean inInverted;
    private final boolean anyIn;
    private final String outName;
    private final boolean outWildcard;
    private final boolean outInverted;
    private final boolean anyOut;
    private final boolean fragmentPasses;
    private final Match[] matches;
    /** The rule's own state of its stateful matches (a limit's bucket), parallel to {@code matches}. */
    private final TokenBucket[] buckets;

    CompiledRule(RuleEntry entry) {
        Rule rule = entry.rule();
        this.entry = entry;
        this.target = rule.target();
        this.srcNet = rule.source().cidr().network().bits();
        this.srcMask = rule.source().cidr().mask();
        this.srcInverted = rule.source().inverted();
        this.dstNet = rule.destination().cidr().network().bits();
        this.dstMask = rule.destination().cidr().mask();
        this.dstInverted = rule.destination().inverted();
        this.protocol = rule.protocol().number();
        this.protocolInverted = rule.protocol().inverted();
        this.inName = rule.in().prefix();
        this.inWildcard = rule.in().wildcard();
        this.inInverted = rule.in().inverted();
        this.anyIn = rule.in().isAny();
        this.outName = rule.out().prefix();
        this.outWildcard = rule.out().wildcard();
        this.outInverted = rule.out().inverted();
        this.anyOut = rule.out().isAny();
        // The simulation never fragments, so -f is decided once and for all here.
        this.fragmentPasses = rule.fragment().matches(false);
        this.matches = rule.matches().toArray(new Match[0]);
        this.buckets = new TokenBucket[matches.length];
    }

    boolean matches(int src, int dst, int packetProtocol, String inIface, String outIface, Skb skb) {
        if (((src & srcMask) == srcNet) == srcInverted) return false;
        if (((dst & dstMask) == dstNet) == dstInverted) return false;
        if (protocol != 0 && (packetProtocol == protocol) == protocolInverted) return false;
        if (!fragmentPasses) return false;
        if (!anyIn && interfaceMatches(inIface, inName, inWildcard) == inInverted) return false;
        if (!anyOut && interfaceMatches(outIface, outName, outWildcard) == outInverted) return false;
        for (int i = 0; i < matches.length; i++) {
            if (!test(i, skb)) return false;
        }
        return true;
    }

    /** Same test as {@link InterfaceMatch#matches}, on fields: names are interned, so identity usually decides. */
    private static boolean interfaceMatches(String iface, String name, boolean wildcard) {
        return wildcard ? iface.startsWith(name) : iface == name || iface.equals(name);
    }

    /**
     * Calls the match's own test, from a call site per match type: each site then sees one class
     * and the JIT inlines it, where one shared call through the interface would not.
     */
    private boolean test(int i, Skb skb) {
        Match match = matches[i];
        if (match instanceof ConntrackMatch m) return m.matches(skb);
        if (match instanceof TcpMatch m) return m.matches(skb.packet(), skb.state());
        if (match instanceof UdpMatch m) return m.matches(skb.packet(), skb.state());
        if (match instanceof MultiportMatch m) return m.matches(skb.packet(), skb.state());
        if (match instanceof IcmpMatch m) return m.matches(skb.packet(), skb.state());
        if (match instanceof LimitMatch m) {
            if (buckets[i] == null) buckets[i] = new TokenBucket(m.intervalNanos(), m.burst(), skb.now());
            return m.matches(skb, buckets[i]);
        }
        return match.matches(skb);
    }
}
