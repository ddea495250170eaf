package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.netfilter.conntrack.Conntrack;
import dev.syssim.sim.netfilter.conntrack.Tracked;

/**
 * The netfilter state of one machine — its filter table and its connection-tracking table — and
 * the three places a packet meets them. The network stack calls:
 * <ul>
 *   <li>{@link #input} for a packet addressed to this machine (conntrack, then the INPUT chain);</li>
 *   <li>{@link #forward} for a packet it routes on (conntrack, then FORWARD);</li>
 *   <li>{@link #output} for a packet it sends (conntrack, then OUTPUT).</li>
 * </ul>
 * A new connection is confirmed when its first packet is accepted, which in Linux happens at the
 * last hook on the machine (POSTROUTING, or the end of INPUT). A packet that already has a
 * {@link Tracked} handle on this machine (one sent to itself over {@code lo}, or the RST or ICMP
 * error a REJECT generates, see {@link Tracked#relatedTo}) is passed with it instead of tracked
 * again. All state hangs off this object; there is no static mutable state.
 */
public final class Netfilter {

    private final FilterTable filter = new FilterTable();
    private final Conntrack conntrack = new Conntrack();

    public FilterTable filter() {
        return filter;
    }

    public Conntrack conntrack() {
        return conntrack;
    }

    /** A packet for this machine arriving on interface {@code in} at simulated time {@code now} (ns). */
    public HookResult input(Packet packet, String in, long now) {
        return input(packet, in, conntrack.track(packet, now));
    }

    /** The INPUT hook for a packet this machine has tracked already (it sent it to itself). */
    public HookResult input(Packet packet, String in, Tracked tracked) {
        return pass(Hook.INPUT, packet, in, "", tracked);
    }

    /** A packet routed through this machine from interface {@code in} to {@code out}. */
    public HookResult forward(Packet packet, String in, String out, long now) {
        return pass(Hook.FORWARD, packet, in, out, conntrack.track(packet, now));
    }

    /** A packet this machine sends out of interface {@code out}. */
    public HookResult output(Packet packet, String out, long now) {
        return output(packet, out, conntrack.track(packet, now));
    }

    /** The OUTPUT hook for a generated packet already tracked, e.g. {@code Tracked.relatedTo(rejected)}. */
    public HookResult output(Packet packet, String out, Tracked tracked) {
        return pass(Hook.OUTPUT, packet, "", out, tracked);
    }

    private HookResult pass(Hook hook, Packet packet, String in, String out, Tracked tracked) {
        HookResult result = filter.evaluate(hook, packet, in, out, tracked.state());
        if (result.verdict().accepted()) conntrack.confirm(tracked);
        return result.withTracked(tracked);
    }
}
