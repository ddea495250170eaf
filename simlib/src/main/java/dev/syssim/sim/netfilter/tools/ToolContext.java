package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import java.util.List;
import java.util.function.Function;

/**
 * What a tool run knows of the world beyond the netfilter state: whether the caller may change
 * it (CAP_NET_ADMIN; root), the simulated wall-clock time in seconds since the epoch (for the
 * header {@code iptables-save} prints: never the host's clock), the simulated time in nanoseconds
 * (for conntrack timeouts), how host names resolve ({@code -s wash}), and standard input
 * ({@code iptables-restore}).
 */
public record ToolContext(boolean privileged, long wallClockSeconds, long now,
                          Function<String, List<Ipv4Address>> resolver, String stdin) {

    /**
     * The suggested wall clock of a simulated machine that has just booted: the date the oracle was
     * recorded, Sat Nov 28 11:50:00 2026 UTC. The world decides; this is only a default for tests
     * and tools run outside a world.
     */
    public static final long DEFAULT_BOOT_WALL_CLOCK = 1795866600L;

    public ToolContext {
        if (resolver == null) resolver = name -> List.of();
        if (stdin == null) stdin = "";
    }

    /** Root, at simulated time {@code now} ns since a boot at {@link #DEFAULT_BOOT_WALL_CLOCK}, no names, no input. */
    public static ToolContext root(long now) {
        return new ToolContext(true, DEFAULT_BOOT_WALL_CLOCK + now / 1_000_000_000L, now, null, "");
    }

    public ToolContext asUnprivileged() {
        return new ToolContext(false, wallClockSeconds, now, resolver, stdin);
    }

    public ToolContext withStdin(String input) {
        return new ToolContext(privileged, wallClockSeconds, now, resolver, input);
    }

    public ToolContext withResolver(Function<String, List<Ipv4Address>> names) {
        return new ToolContext(privileged, wallClockSeconds, now, names, stdin);
    }
}
