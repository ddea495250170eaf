package dev.syssim.sim.container;

/**
 * A port published with {@code -p [IP:]HOSTPORT:CONTAINERPORT[/PROTO]}: what dockerd turns into a
 * DNAT rule in the nat table's DOCKER chain, an ACCEPT in the filter table's DOCKER chain and a
 * hairpin MASQUERADE in POSTROUTING.
 *
 * @param hostIp        the host address it listens on, or null for all
 * @param hostPort      the host's port
 * @param containerPort the container's port
 * @param protocol      {@code tcp} or {@code udp}
 */
public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {

    /** The option's value parsed, or null if it is not of that form (a container port alone is not published here). */
    public static PublishedPort parse(String text) {
        String proto = "tcp";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            proto = text.substring(slash + 1);
            text = text.substring(0, slash);
        }
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) return new PublishedPort(null, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), proto);
            if (parts.length == 3) return new PublishedPort(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), proto);
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** How {@code docker ps} shows it: {@code 0.0.0.0:8080->80/tcp}. */
    public String display() {
        return (hostIp == null ? "0.0.0.0" : hostIp) + ":" + hostPort + "->" + containerPort + "/" + protocol;
    }
}
