package dev.syssim.sim.netfilter;

/**
 * An inclusive range of ports, {@code 1024:65535}; a single port has {@code min == max}. A range
 * may run backwards ({@code 1024:1}, which the udp match takes as written): it contains no port.
 */
public record PortRange(int min, int max) {

    public static final PortRange ALL = new PortRange(0, 65535);

    public PortRange {
        if (min < 0 || max > 65535 || min > 65535 || max < 0) throw new IllegalArgumentException("bad port range " + min + ":" + max);
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= min && port <= max;
    }

    public boolean isAll() {
        return min == 0 && max == 65535;
    }

    public boolean isSingle() {
        return min == max;
    }
}
