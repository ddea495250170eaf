package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /etc/hosts} as glibc's "files" name service reads it: an address, a canonical name and
 * aliases per line, {@code #} comments. The simulation's only name service (no DNS server exists in
 * the world), so names resolve exactly as the machine's own hosts file says.
 */
public final class HostsFile {

    private record Entry(Ipv4Address address, List<String> names) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static HostsFile parse(String text) {
        HostsFile hosts = new HostsFile();
        if (text == null) return hosts;
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            String[] words = line.trim().split("\\s+");
            if (words.length < 2) continue;
            Ipv4Address.tryParse(words[0]).ifPresent(a -> hosts.entries.add(new Entry(a, List.of(words).subList(1, words.length))));
        }
        return hosts;
    }

    /** The addresses of {@code name}, in file order (gethostbyname). */
    public List<Ipv4Address> lookup(String name) {
        List<Ipv4Address> out = new ArrayList<>();
        for (Entry e : entries) {
            for (String n : e.names()) {
                if (n.equalsIgnoreCase(name) && !out.contains(e.address())) out.add(e.address());
            }
        }
        return out;
    }

    /** The canonical name of {@code address} (gethostbyaddr), or null. */
    public String nameOf(Ipv4Address address) {
        for (Entry e : entries) if (e.address().equals(address)) return e.names().get(0);
        return null;
    }
}
