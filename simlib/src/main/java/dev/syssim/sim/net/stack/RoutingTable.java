package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The main routing table: connected routes (one per interface address, added and removed with it)
 * and static ones such as the default route. A lookup takes the longest matching prefix on an
 * interface that is up, as {@code fib_lookup} does. Listed in the kernel's order: by destination
 * address, then prefix length.
 */
public final class RoutingTable {

    private final List<Route> routes = new ArrayList<>();

    public List<Route> routes() {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing((Route r) -> r.destination().network())
                .thenComparingInt(r -> r.destination().prefixLength()));
        return sorted;
    }

    void add(Route route) {
        routes.add(route);
    }

    void removeIf(java.util.function.Predicate<Route> which) {
        routes.removeIf(which);
    }

    /** The route for {@code destination}, or null ("Network is unreachable"). */
    public Route lookup(Ipv4Address destination) {
        Route best = null;
        for (Route route : routes) {
            if (!route.device().isUp() || !route.destination().contains(destination)) continue;
            if (best == null || route.destination().prefixLength() > best.destination().prefixLength()) best = route;
        }
        return best;
    }

    /** Whether some route already covers exactly {@code destination} via {@code gateway}. */
    boolean has(Cidr destination, Ipv4Address gateway) {
        for (Route r : routes) {
            if (r.destination().equals(destination) && java.util.Objects.equals(r.gateway(), gateway)) return true;
        }
        return false;
    }
}
