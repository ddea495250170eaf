package dev.syssim.sim.virt.tools;

import dev.syssim.sim.virt.Domain;
import dev.syssim.sim.virt.VirtualNetwork;
import dev.syssim.sim.virt.device.NicDevice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What virsh prints about libvirt's network (libvirt 9.0): {@code net-list} and
 * {@code net-dhcp-leases} as vshTable lays tables out (columns as wide as their widest cell, three
 * spaces apart, a leading space, a rule two dashes longer than the header), and {@code domifaddr}
 * with its own fixed columns (tools/virsh-domain-monitor.c). The network is the host's one
 * {@code default}; the simulation has no other networks and no net-define.
 */
final class VirshNetwork {

    private VirshNetwork() {
    }

    static String list(VirtualNetwork net, boolean quiet) {
        List<List<String>> rows = new ArrayList<>();
        if (net.active()) rows.add(List.of(VirtualNetwork.NAME, "active", "yes", "yes"));
        return table(List.of("Name", "State", "Autostart", "Persistent"), rows, quiet);
    }

    static String leases(VirtualNetwork net, boolean quiet) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        List<List<String>> rows = new ArrayList<>();
        for (VirtualNetwork.Lease l : net.leases()) {
            rows.add(List.of(time.format(Instant.ofEpochSecond(l.expirySeconds())), l.mac(), "ipv4", l.address() + "/" + l.prefix(),
                    l.hostname(), "ff:" + VirtualNetwork.clientIdTail(l.mac())));
        }
        return table(List.of("Expiry Time", "MAC address", "Protocol", "IP address", "Hostname", "Client ID or DUID"), rows, quiet);
    }

    /** {@code domifaddr DOMAIN}: each card by its tap's name, with the address dnsmasq leased it. */
    static String domifaddr(Domain d, VirtualNetwork net, boolean quiet) {
        StringBuilder out = new StringBuilder();
        if (!quiet) {
            out.append(String.format(" %-10s %-20s %-8s     %s\n", "Name", "MAC address", "Protocol", "Address"));
            out.append("-".repeat(49)).append("-".repeat(30)).append('\n');
        }
        if (d.vm() == null) return out.toString();
        for (NicDevice n : d.vm().nics()) {
            VirtualNetwork.Lease lease = net.leases().stream().filter(l -> l.mac().equals(n.mac())).findFirst().orElse(null);
            if (lease == null) continue;
            out.append(String.format(" %-10s %-17s    %-12s %s/%d\n", n.tapInterface().name(), n.mac(), "ipv4", lease.address(), lease.prefix()));
        }
        return out.toString();
    }

    /** vshTable: every column padded to its widest cell but the last, three spaces apart. */
    private static String table(List<String> header, List<List<String>> rows, boolean quiet) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) width[i] = header.get(i).length();
        for (List<String> row : rows) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], row.get(i).length());
        StringBuilder out = new StringBuilder();
        if (!quiet) {
            out.append(line(header, width));
            int total = 1 + 3 * (width.length - 1) + 2;
            for (int w : width) total += w;
            out.append("-".repeat(total)).append('\n');
        }
        for (List<String> row : rows) out.append(line(row, width));
        return out.toString();
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder(" ");
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            b.append(i == cells.size() - 1 ? cell : cell + " ".repeat(width[i] - cell.length()));
            if (i < cells.size() - 1) b.append("   ");
        }
        return b.append('\n').toString();
    }
}
