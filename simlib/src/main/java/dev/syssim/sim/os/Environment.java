package dev.syssim.sim.os;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A program's environment as the kernel keeps it: sorted by name. (The JDK's Map.copyOf iterates in
 * an order that changes from one JVM run to the next, which would make outputs differ between two
 * runs of the same notebook.)
 */
public final class Environment {

    private Environment() {
    }

    public static Map<String, String> copyOf(Map<String, String> env) {
        return Collections.unmodifiableMap(new TreeMap<>(env));
    }
}
