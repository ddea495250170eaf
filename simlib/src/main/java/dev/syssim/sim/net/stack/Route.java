package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;

/**
 * One entry of the main routing table: where packets for {@code destination} go — straight out of
 * {@code device} (a connected route, {@code gateway} null) or to the router {@code gateway} on it —
 * and the source address the kernel picks for them ({@code src}, null if none is preferred).
 * {@code proto} is {@code kernel} for routes the kernel adds with an address, else {@code boot}.
 */
public record Route(Cidr destination, Ipv4Address gateway, Interface device, Ipv4Address src, boolean kernelRoute) {

    public boolean connected() {
        return gateway == null;
    }

    /** The line {@code ip route} prints, with iproute2's trailing blank. */
    public String ipRouteLine() {
        StringBuilder b = new StringBuilder();
        b.append(destination.isAny() ? "default" : destination.toString());
        if (gateway != null) b.append(" via ").append(gateway);
        b.append(" dev ").append(device.name());
        if (kernelRoute) b.append(" proto kernel");
        if (connected()) b.append(" scope link");
        if (src != null) b.append(" src ").append(src);
        return b.append(" ").toString();
    }
}
