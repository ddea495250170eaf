package dev.syssim.sim.net;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Well-known port names, a subset of Debian's {@code /etc/services} (netbase): what
 * {@code getservbyport} and {@code getservbyname} answer. TCP and UDP share names here, as they do
 * for every entry listed but tcpmux (port 1), which netbase lists for TCP only. A real machine
 * knows hundreds more; unknown ports are printed as numbers.
 */
public final class Services {

    private static final Map<Integer, String> BY_PORT = new TreeMap<>();
    private static final Map<String, Integer> BY_NAME = new TreeMap<>();
    /** The ports netbase names for TCP only. */
    private static final java.util.Set<Integer> TCP_ONLY = java.util.Set.of(1);

    static {
        add(1, "tcpmux");
        add(7, "echo");
        add(20, "ftp-data");
        add(21, "ftp");
        add(22, "ssh");
        add(23, "telnet");
        add(25, "smtp");
        add(43, "whois");
        add(53, "domain");
        add(67, "bootps");
        add(68, "bootpc");
        add(69, "tftp");
        add(79, "finger");
        add(80, "http");
        add(88, "kerberos");
        add(110, "pop3");
        add(111, "sunrpc");
        add(119, "nntp");
        add(123, "ntp");
        add(143, "imap2");
        add(161, "snmp");
        add(162, "snmp-trap");
        add(179, "bgp");
        add(389, "ldap");
        add(443, "https");
        add(465, "submissions");
        add(514, "syslog");
        add(587, "submission");
        add(631, "ipp");
        add(636, "ldaps");
        add(873, "rsync");
        add(993, "imaps");
        add(995, "pop3s");
        add(1194, "openvpn");
        add(3306, "mysql");
        add(5432, "postgresql");
        add(6379, "redis");
        add(8080, "http-alt");
        BY_NAME.put("www", 80);
        BY_NAME.put("imap", 143);
        BY_NAME.put("nameserver", 53);
        BY_NAME.put("mail", 25);
        BY_NAME.put("webcache", 8080);
    }

    private Services() {
    }

    private static void add(int port, String name) {
        BY_PORT.put(port, name);
        BY_NAME.put(name, port);
    }

    /** The service name of a port, as {@code getservbyport(port, "tcp")} gives it. */
    public static Optional<String> nameOf(int port) {
        return Optional.ofNullable(BY_PORT.get(port));
    }

    /** The service name of a port for {@code protocol} ("tcp" or "udp"), as {@code getservbyport} gives it. */
    public static Optional<String> nameOf(int port, String protocol) {
        if (!protocol.equals("tcp") && TCP_ONLY.contains(port)) return Optional.empty();
        return nameOf(port);
    }

    /**
     * The text of the machine's {@code /etc/services} for these entries, one line per protocol as
     * netbase writes them ({@code ssh\t\t22/tcp}), with the aliases netbase lists.
     */
    public static String etcServices() {
        StringBuilder out = new StringBuilder("# Network services, Internet style (the entries syssim knows)\n");
        for (Map.Entry<Integer, String> e : BY_PORT.entrySet()) {
            StringBuilder aliases = new StringBuilder();
            for (Map.Entry<String, Integer> alias : BY_NAME.entrySet()) {
                if (alias.getValue().equals(e.getKey()) && !alias.getKey().equals(e.getValue())) aliases.append(' ').append(alias.getKey());
            }
            for (String protocol : TCP_ONLY.contains(e.getKey()) ? new String[] {"tcp"} : new String[] {"tcp", "udp"}) {
                String name = e.getValue();
                out.append(name).append(name.length() < 8 ? "\t\t" : "\t").append(e.getKey()).append('/').append(protocol);
                if (aliases.length() > 0) out.append("\t\t").append(aliases.substring(1));
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The port of a service name or alias, as {@code getservbyname(name, "tcp")} gives it. */
    public static Optional<Integer> portOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
