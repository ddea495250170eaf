package dev.syssim.sim.container;

import java.util.List;
import java.util.Map;

/**
 * What {@code docker run} asks for, once the client has parsed it: the image reference, the
 * command, and the options the engine honours.
 *
 * @param image      the reference as typed ({@code alpine}, {@code debian:bookworm})
 * @param command    the command and arguments (empty: the image's CMD)
 * @param name       {@code --name}, or null for a generated one
 * @param env        {@code -e NAME=VALUE} in order
 * @param binds      {@code -v HOST:CONTAINER[:ro]} as typed
 * @param memory     {@code --memory} in bytes, 0 for no limit
 * @param pidsLimit  {@code --pids-limit}, 0 for no limit
 * @param network    {@code none} or {@code bridge}
 * @param remove     {@code --rm}
 * @param detach     {@code -d}
 * @param hostname   {@code --hostname}, or null for the short id
 */
public record RunSpec(String image, List<String> command, String name, List<String> env, List<String> binds, long memory,
                      int pidsLimit, String network, boolean remove, boolean detach, String hostname) {

    public RunSpec {
        command = List.copyOf(command);
        env = List.copyOf(env);
        binds = List.copyOf(binds);
    }

    /** The environment the container's process starts with: Docker's PATH and HOSTNAME, the image's, then {@code -e}. */
    public static Map<String, String> environment(String hostname, Map<String, String> imageEnv, List<String> extra) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", hostname);
        env.putAll(imageEnv);
        for (String e : extra) {
            int eq = e.indexOf('=');
            // -e NAME without a value passes the client's value; the client has already resolved it
            if (eq > 0) env.put(e.substring(0, eq), e.substring(eq + 1));
        }
        env.put("HOME", "/root");
        return env;
    }
}
