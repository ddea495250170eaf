package dev.syssim.sim.os;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A program's environment as the kernel keeps it: in the order the caller gave it, or sorted by name
 * when the caller's map has no order. (The JDK's Map.copyOf iterates in an order that changes from
 * one JVM run to the next, which would make outputs differ between two runs of the same notebook.)
 */
public final class Environment {

    private Environment() {
    }

    /**
     * An ordered map keeps its order (a shell passes its environment in bash's order, which {@code env}
     * then shows); any other map is sorted, so no order can come from hashing.
     */
    public static Map<String, String> copyOf(Map<String, String> env) {
        if (env instanceof java.util.LinkedHashMap || env instanceof java.util.SortedMap) {
            return Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        }
        return Collections.unmodifiableMap(new TreeMap<>(env));
    }
}
