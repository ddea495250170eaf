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
 * @param user       {@code --user NAME|UID[:GROUP|GID]}, or null for the image's USER
 * @param workdir    the directory it starts in, or null for the image's WORKDIR (a build's RUN gives it)
 * @param entrypoint {@code --entrypoint} as one word, or null for the image's ENTRYPOINT (then the image's CMD is not used)
 * @param security   {@code --read-only}, {@code --privileged}, {@code --cap-add}, {@code --cap-drop}, {@code --device}
 * @param ports      {@code -p [IP:]HOSTPORT:CONTAINERPORT[/PROTO]} as typed
 * @param nanoCpus   {@code --cpus} in billionths of a CPU (Docker's NanoCpus), 0 for no limit
 */
public record RunSpec(String image, List<String> command, String name, List<String> env, List<String> binds, long memory,
                      int pidsLimit, String network, boolean remove, boolean detach, String hostname, String user, String workdir,
                      String entrypoint, Security security, List<String> ports, long nanoCpus) {

    public RunSpec {
        ports = List.copyOf(ports);
        command = List.copyOf(command);
        env = List.copyOf(env);
        binds = List.copyOf(binds);
    }

    /**
     * What runc is asked to take away or give: a read-only root, the capability changes on top of
     * Docker's default set, all capabilities and devices ({@code --privileged}), and host devices
     * to add ({@code --device /dev/X[:/dev/Y]}).
     */
    public record Security(boolean readOnly, boolean privileged, List<String> capAdd, List<String> capDrop, List<String> devices) {
        public static final Security DEFAULT = new Security(false, false, List.of(), List.of(), List.of());

        public Security {
            capAdd = List.copyOf(capAdd);
            capDrop = List.copyOf(capDrop);
            devices = List.copyOf(devices);
        }
    }

    /** A build step's container: {@code command} in {@code image}, as {@code user}, in {@code workdir}, with the build's environment. */
    public static RunSpec buildStep(String image, List<String> command, List<String> env, String user, String workdir, String network) {
        return new RunSpec(image, command, null, env, List.of(), 0, 0, network, false, false, null, user, workdir, null, Security.DEFAULT, List.of(), 0);
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
