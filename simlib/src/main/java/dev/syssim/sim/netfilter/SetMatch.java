package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.netfilter.ipset.IpSet;

/**
 * {@code -m set --match-set NAME src|dst[,src|dst...]}: the packet is in the machine's ipset
 * {@code NAME}, the member built from the packet's source or destination address and port as the
 * directions say (bit i of {@code sourceBits} set: dimension i is {@code src}). One set lookup per
 * packet — constant time for any number of members, where a chain of one rule per address is a
 * walk of them all. A set the rule names but that has gone does not match.
 */
public record SetMatch(String setName, int dimensions, int sourceBits, boolean inverted, boolean returnNomatch)
        implements Match {

    @Override
    public String name() {
        return "set";
    }

    /** {@code src,dst}: the directions as typed. */
    public String directions() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < dimensions; i++) {
            if (i > 0) out.append(',');
            out.append((sourceBits & (1 << i)) != 0 ? "src" : "dst");
        }
        return out.toString();
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        throw new IllegalStateException("set needs the machine's ipsets");
    }

    @Override
    public boolean matches(Skb skb) {
        if (skb.netfilter() == null) return inverted;
        IpSet set = skb.netfilter().ipsets().get(setName);
        boolean in = set != null && set.matches(skb.packet(), dimensions, sourceBits, skb.now());
        return in != inverted;
    }
}
