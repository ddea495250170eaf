package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The left-to-right order of lanes: machines in the order they first appear in the trace (so a
 * packet's path reads left to right), and within a machine by lane type (process, kernel, device,
 * hypervisor, network, firewall), then by first appearance.
 */
public final class LaneOrder {

    private LaneOrder() {
    }

    /** Orders the distinct lanes of {@code lanesInOrderOfAppearance}. */
    public static List<Lane> of(List<Lane> lanesInOrderOfAppearance) {
        Set<Lane> distinct = new LinkedHashSet<>(lanesInOrderOfAppearance);
        Map<String, Integer> machineRank = new LinkedHashMap<>();
        Map<Lane, Integer> appearance = new LinkedHashMap<>();
        for (Lane lane : distinct) {
            machineRank.putIfAbsent(lane.machine(), machineRank.size());
            appearance.put(lane, appearance.size());
        }
        List<Lane> ordered = new ArrayList<>(distinct);
        ordered.sort(Comparator.<Lane>comparingInt(l -> machineRank.get(l.machine()))
                .thenComparing(Lane::type, Comparator.comparingInt(LaneType::ordinal))
                .thenComparingInt(appearance::get));
        return ordered;
    }
}
