package dev.syssim.sim.netfilter.ufw;

import dev.syssim.sim.net.Cidr;
import java.util.List;
import java.util.Map;

/**
 * ufw's two rule syntaxes: the simple one, {@code ufw allow 22/tcp}, {@code ufw limit ssh},
 * {@code ufw allow OpenSSH} (a port, a service name or an application profile), and the full one,
 * {@code ufw allow [in|out [on IFACE]] [proto P] [from ADDR [port P]] [to ADDR [port P]]}, with
 * ufw's messages for what it cannot read.
 */
final class UfwRuleParser {

    /**
     * The protocols of the service names ufw looks up (getservbyname for tcp, then udp), as
     * Debian's netbase lists them: a name with both gives a rule for any protocol.
     */
    private static final Map<String, String[]> SERVICES = Map.ofEntries(
            Map.entry("ftp", new String[] {"21", "tcp"}), Map.entry("ssh", new String[] {"22", "tcp"}),
            Map.entry("telnet", new String[] {"23", "tcp"}), Map.entry("smtp", new String[] {"25", "tcp"}),
            Map.entry("domain", new String[] {"53", "any"}), Map.entry("bootps", new String[] {"67", "udp"}),
            Map.entry("tftp", new String[] {"69", "udp"}), Map.entry("http", new String[] {"80", "tcp"}),
            Map.entry("www", new String[] {"80", "tcp"}), Map.entry("pop3", new String[] {"110", "tcp"}),
            Map.entry("ntp", new String[] {"123", "udp"}), Map.entry("imap2", new String[] {"143", "tcp"}),
            Map.entry("imap", new String[] {"143", "tcp"}), Map.entry("snmp", new String[] {"161", "any"}),
            Map.entry("ldap", new String[] {"389", "any"}), Map.entry("https", new String[] {"443", "any"}),
            Map.entry("submissions", new String[] {"465", "tcp"}), Map.entry("syslog", new String[] {"514", "udp"}),
            Map.entry("submission", new String[] {"587", "tcp"}), Map.entry("ipp", new String[] {"631", "tcp"}),
            Map.entry("rsync", new String[] {"873", "tcp"}), Map.entry("imaps", new String[] {"993", "tcp"}),
            Map.entry("pop3s", new String[] {"995", "tcp"}), Map.entry("openvpn", new String[] {"1194", "any"}),
            Map.entry("mysql", new String[] {"3306", "tcp"}), Map.entry("postgresql", new String[] {"5432", "tcp"}),
            Map.entry("http-alt", new String[] {"8080", "tcp"}));

    private UfwRuleParser() {
    }

    /** {@code args}: the action word and what follows it. */
    static UfwRule parse(List<String> args) {
        // "comment TEXT" ends a rule (TEXT one word, as the shell handed it over).
        String comment = "";
        if (args.size() >= 3 && args.get(args.size() - 2).equals("comment")) {
            comment = args.get(args.size() - 1);
            args = args.subList(0, args.size() - 2);
        }
        return parseRule(args).withComment(comment);
    }

    private static UfwRule parseRule(List<String> args) {
        String action = args.get(0);
        int i = 1;
        String direction = "in";
        String iface = "";
        if (args.size() == 3 && args.get(2).equals("on") && (args.get(1).equals("in") || args.get(1).equals("out"))) {
            // "ufw allow in on" without an interface: ufw 0.36.2 reads the direction as a rule of the simple syntax.
            throw Ufw.error("Could not find a profile matching '" + args.get(1) + "'");
        }
        if (i < args.size() && (args.get(i).equals("in") || args.get(i).equals("out"))) {
            direction = args.get(i++);
            if (i + 1 < args.size() && args.get(i).equals("on")) {
                iface = args.get(i + 1);
                i += 2;
            }
        }
        if (i < args.size() && (args.get(i).equals("log") || args.get(i).equals("log-all"))) {
            // ufw's per-rule logging (its ufw-user-logging-* rules) is not simulated; refused, never ignored.
            throw Ufw.error("'" + args.get(i) + "' on a rule is not simulated by syssim");
        }
        List<String> rest = args.subList(i, args.size());
        if (rest.isEmpty()) throw Ufw.syntax();
        if (rest.size() == 1) return simple(action, direction, iface, rest.get(0));
        return full(action, direction, iface, rest);
    }

    private static UfwRule simple(String action, String direction, String iface, String spec) {
        String port = spec;
        String protocol = "any";
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            port = spec.substring(0, slash);
            protocol = spec.substring(slash + 1);
            if (!protocol.equals("tcp") && !protocol.equals("udp")) throw Ufw.error("Bad port");
        }
        if (!port.isEmpty() && Character.isDigit(port.charAt(0))) {
            checkPorts(port, protocol);
            return rule(action, protocol, port, "any", direction, iface, "", "");
        }
        String[] service = SERVICES.get(port);
        if (service != null) {
            return rule(action, slash >= 0 ? protocol : service[1], service[0], "any", direction, iface, "", "");
        }
        if (slash >= 0) throw Ufw.error("Bad port");
        String ports = UfwApps.ports(spec);
        if (ports == null) throw Ufw.error("Could not find a profile matching '" + spec + "'");
        if (ports.contains("|")) {
            throw Ufw.error("the profile '" + spec + "' has several port specifications, which syssim does not simulate");
        }
        int p = ports.indexOf('/');
        return rule(action, p < 0 ? "any" : ports.substring(p + 1), p < 0 ? ports : ports.substring(0, p), "any",
                direction, iface, spec, "");
    }

    private static UfwRule full(String action, String direction, String iface, List<String> words) {
        String protocol = "any";
        String src = UfwRule.ANY4;
        String dst = UfwRule.ANY4;
        String sport = "any";
        String dport = "any";
        String sapp = "";
        String dapp = "";
        String last = "";
        for (int i = 0; i < words.size(); i += 2) {
            if (i + 1 >= words.size()) throw Ufw.syntax();
            String key = words.get(i);
            String value = words.get(i + 1);
            switch (key) {
                case "proto" -> {
                    if (!value.equals("tcp") && !value.equals("udp") && !value.equals("any")) {
                        throw Ufw.error("Unsupported protocol '" + value + "'");
                    }
                    protocol = value;
                }
                case "from" -> {
                    src = address(value, "Bad source address");
                    last = "from";
                }
                case "to" -> {
                    dst = address(value, "Bad destination address");
                    last = "to";
                }
                case "port" -> {
                    if (last.isEmpty()) throw Ufw.syntax();
                    String number = value;
                    String[] service = SERVICES.get(value);
                    if (service != null) number = service[0];
                    else if (value.isEmpty() || !Character.isDigit(value.charAt(0))) throw Ufw.error("Bad port");
                    if (last.equals("from")) sport = number;
                    else dport = number;
                }
                case "app" -> {
                    // "from ADDR app NAME", "to ADDR app NAME": the profile's ports (and protocol) on that side.
                    if (last.isEmpty()) throw Ufw.syntax();
                    String ports = UfwApps.ports(value);
                    if (ports == null) throw Ufw.error("Could not find a profile matching '" + value + "'");
                    if (ports.contains("|")) {
                        throw Ufw.error("the profile '" + value + "' has several port specifications, which syssim does not simulate");
                    }
                    int slash = ports.indexOf('/');
                    if (slash >= 0) protocol = ports.substring(slash + 1);
                    String number = slash < 0 ? ports : ports.substring(0, slash);
                    if (last.equals("from")) {
                        sport = number;
                        sapp = value;
                    } else {
                        dport = number;
                        dapp = value;
                    }
                }
                default -> throw Ufw.syntax();
            }
        }
        if (!sport.equals("any")) checkPorts(sport, protocol);
        if (!dport.equals("any")) checkPorts(dport, protocol);
        return new UfwRule(action, protocol, dport, dst, sport, src, direction, iface, dapp, sapp, false, "");
    }

    private static String address(String text, String message) {
        if (text.equals("any")) return UfwRule.ANY4;
        var cidr = Cidr.tryParse(text).orElseThrow(() -> Ufw.error(message));
        return cidr.isHost() ? cidr.network().toString() : cidr.network() + "/" + cidr.prefixLength();
    }

    /** Ports 1 to 65535; a list or range only with a protocol. */
    private static void checkPorts(String text, String protocol) {
        boolean multiple = text.contains(",") || text.contains(":");
        for (String part : text.split("[,:]", -1)) {
            int n;
            try {
                n = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw Ufw.error("Bad port");
            }
            if (n < 1 || n > 65535) throw Ufw.error("Bad port");
        }
        if (multiple && protocol.equals("any")) throw Ufw.error("Must specify 'tcp' or 'udp' with multiple ports");
    }

    private static UfwRule rule(String action, String protocol, String dport, String sport, String direction,
                                String iface, String dapp, String sapp) {
        return new UfwRule(action, protocol, dport, UfwRule.ANY4, sport, UfwRule.ANY4, direction, iface, dapp, sapp, false, "");
    }
}
