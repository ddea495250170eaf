package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The C library's network helpers the tools share, each a few syscalls: getaddrinfo for a name
 * (a numeric address needs no file; a name is looked up in {@code /etc/hosts}), gethostbyaddr,
 * and getservbyport ({@code /etc/services}).
 */
public final class NetLib {

    private NetLib() {
    }

    /**
     * Resolves {@code host} to its addresses; {@code then} gets them, empty if the name is unknown
     * (getaddrinfo's EAI_NONAME, "Name or service not known").
     */
    public static Step resolve(Libc c, String host, Function<List<Ipv4Address>, Step> then) {
        var numeric = Ipv4Address.tryParse(host);
        if (numeric.isPresent()) return then.apply(List.of(numeric.get()));
        return hosts(c, hosts -> then.apply(hosts.lookup(host)));
    }

    /** Reads {@code /etc/hosts}. */
    public static Step hosts(Libc c, Function<HostsFile, Step> then) {
        return c.readFile("/etc/hosts", (error, bytes) -> then.apply(HostsFile.parse(bytes == null ? null : Libc.text(bytes))));
    }

    /** getservbyport(port, "tcp"): the name in {@code /etc/services}, or null. */
    public static Step serviceName(Libc c, int port, String protocol, Function<String, Step> then) {
        return c.readFile("/etc/services", (error, bytes) -> {
            if (bytes == null) return then.apply(null);
            for (String line : Libc.text(bytes).split("\n")) {
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[1].equals(port + "/" + protocol)) return then.apply(words[0]);
            }
            return then.apply(null);
        });
    }

    /** getservbyname(name, "tcp"): the port in {@code /etc/services}, or -1. */
    public static Step servicePort(Libc c, String name, String protocol, BiFunction<Integer, String, Step> then) {
        return c.readFile("/etc/services", (error, bytes) -> {
            if (bytes != null) {
                for (String line : Libc.text(bytes).split("\n")) {
                    int hash = line.indexOf('#');
                    if (hash >= 0) line = line.substring(0, hash);
                    String[] words = line.trim().split("\\s+");
                    if (words.length < 2 || !words[1].endsWith("/" + protocol)) continue;
                    boolean named = words[0].equals(name);
                    for (int i = 2; i < words.length && !named; i++) named = words[i].equals(name);
                    if (named) return then.apply(Integer.parseInt(words[1].substring(0, words[1].indexOf('/'))), name);
                }
            }
            return then.apply(-1, name);
        });
    }

    /** A port argument: a number 0..65535, or -1. */
    public static int portNumber(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) return -1;
        int port = Integer.parseInt(text);
        return port <= 65535 ? port : -1;
    }

    /** Milliseconds, as a whole number, since {@code start} (simulated nanoseconds). */
    public static long millisSince(long start, long now) {
        return (now - start) / 1_000_000L;
    }
}
