package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m recent}: the machine's lists of addresses seen lately ({@code /proc/net/xt_recent/NAME}).
 * {@code --set} adds the packet's source (or, with {@code --rdest}, destination) address and
 * matches; {@code --rcheck} matches if the address is on the list — with {@code --seconds S} only
 * counting the times it was seen in the last S seconds, with {@code --hitcount N} only if that
 * is at least N; {@code --update} is rcheck that also records this packet when it matches;
 * {@code --remove} takes the address off and matches if it was there. {@code seconds} and
 * {@code hitCount} are 0 when not given; {@code mask} is the address mask's bits.
 */
public record RecentMatch(Command command, int seconds, boolean reap, int hitCount, boolean ttl, String listName,
                          int mask, boolean destination, boolean inverted) implements Match {

    /** What the rule does with the list. */
    public enum Command { SET, CHECK, UPDATE, REMOVE }

    @Override
    public String name() {
        return "recent";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        throw new IllegalStateException("recent needs the machine's lists");
    }

    @Override
    public boolean matches(Skb skb) {
        if (skb.netfilter() == null) return inverted;
        return skb.netfilter().recent().check(this, skb.packet(), skb.now());
    }
}
