package dev.syssim.sim.netfilter.ufw;

import java.util.ArrayList;
import java.util.List;

/**
 * One ufw rule, as ufw keeps it (its "tuple" in {@code /etc/ufw/user.rules}): the action
 * ({@code allow}, {@code deny}, {@code reject}, {@code limit}), the protocol ({@code tcp},
 * {@code udp} or {@code any}), destination port and address, source port and address ({@code any}
 * and {@code 0.0.0.0/0} where not given), the direction ({@code in} or {@code out}), the interface
 * ("" for any), the application profiles named instead of ports ("" for none), and whether it is
 * the IPv6 twin ufw keeps of a rule without addresses, and its {@code comment} ("" for none).
 * Immutable.
 */
public record UfwRule(String action, String protocol, String dport, String dst, String sport, String src,
                      String direction, String iface, String dapp, String sapp, boolean v6, String comment) {

    static final String ANY4 = "0.0.0.0/0";
    static final String ANY6 = "::/0";

    /** Whether ufw also keeps an IPv6 copy: when neither address is a specific (IPv4) one. */
    boolean hasV6Twin() {
        return dst.equals(ANY4) && src.equals(ANY4);
    }

    UfwRule asV6() {
        return new UfwRule(action, protocol, dport, ANY6, sport, ANY6, direction, iface, dapp, sapp, true, comment);
    }

    UfwRule withAction(String newAction) {
        return new UfwRule(newAction, protocol, dport, dst, sport, src, direction, iface, dapp, sapp, v6, comment);
    }

    UfwRule withComment(String newComment) {
        return new UfwRule(action, protocol, dport, dst, sport, src, direction, iface, dapp, sapp, v6, newComment);
    }

    /** The same rule apart from the action or the comment (ufw then updates the rule in place). */
    boolean sameExceptAction(UfwRule other) {
        return withAction(other.action).withComment(other.comment).equals(other);
    }

    // ---- /etc/ufw/user.rules ----

    /** {@code ### tuple ### allow tcp 22 0.0.0.0/0 any 10.84.0.0/16 in}. */
    String tupleLine() {
        String dir = iface.isEmpty() ? direction : direction + "_" + iface;
        StringBuilder out = new StringBuilder("### tuple ### ").append(action).append(' ').append(protocol).append(' ')
                .append(dport).append(' ').append(dst).append(' ').append(sport).append(' ').append(src);
        if (!dapp.isEmpty() || !sapp.isEmpty()) {
            out.append(' ').append(dapp.isEmpty() ? "-" : dapp.replace(" ", "%20")).append(' ')
                    .append(sapp.isEmpty() ? "-" : sapp.replace(" ", "%20"));
        }
        out.append(' ').append(dir);
        // ufw keeps the comment hex-encoded (UTF-8), so that the tuple stays one line of words.
        if (!comment.isEmpty()) out.append(" comment=").append(java.util.HexFormat.of().formatHex(comment.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** Reads a tuple line back; null if it is not one. */
    static UfwRule parseTuple(String line, boolean v6) {
        if (!line.startsWith("### tuple ### ")) return null;
        String[] w = line.substring(14).trim().split(" ");
        String comment = "";
        if (w.length > 0 && w[w.length - 1].startsWith("comment=")) {
            try {
                comment = new String(java.util.HexFormat.of().parseHex(w[w.length - 1].substring(8)), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            w = java.util.Arrays.copyOf(w, w.length - 1);
        }
        if (w.length != 7 && w.length != 9) return null;
        String dapp = w.length == 9 && !w[6].equals("-") ? w[6].replace("%20", " ") : "";
        String sapp = w.length == 9 && !w[7].equals("-") ? w[7].replace("%20", " ") : "";
        String dir = w[w.length - 1];
        int underscore = dir.indexOf('_');
        return new UfwRule(w[0], w[1], w[2], w[3], w[4], w[5], underscore < 0 ? dir : dir.substring(0, underscore),
                underscore < 0 ? "" : dir.substring(underscore + 1), dapp, sapp, v6, comment);
    }

    /**
     * The iptables rules of this rule in its user chain, as ufw writes them to user.rules
     * ({@code -p tcp --dport 22 -s 10.84.0.0/16 -j ACCEPT}): a rule for {@code any} protocol with a
     * port is one rule per TCP and UDP; {@code limit} is three rules ({@code recent} set, update
     * with 6 hits in 30 s to ufw-user-limit, and accept).
     */
    List<String> iptablesRules() {
        String chain = (v6 ? "ufw6-user-" : "ufw-user-") + (direction.equals("out") ? "output" : "input");
        boolean ports = !dport.equals("any") || !sport.equals("any");
        List<String> protocols = protocol.equals("any") && ports ? List.of("tcp", "udp")
                : protocol.equals("any") ? List.of("") : List.of(protocol);
        String comment = dapp.isEmpty() && sapp.isEmpty() ? "" : " -m comment --comment '" + appComment() + "'";
        List<String> out = new ArrayList<>();
        for (String p : protocols) {
            StringBuilder spec = new StringBuilder("-A ").append(chain);
            if (!iface.isEmpty()) spec.append(direction.equals("out") ? " -o " : " -i ").append(iface);
            if (!p.isEmpty()) spec.append(" -p ").append(p);
            if (!dst.equals(ANY4) && !dst.equals(ANY6)) spec.append(" -d ").append(dst);
            spec.append(portSpec("--dport", "--dports", dport));
            if (!src.equals(ANY4) && !src.equals(ANY6)) spec.append(" -s ").append(src);
            spec.append(portSpec("--sport", "--sports", sport));
            String base = spec.toString();
            if (action.equals("limit")) {
                out.add(base + " -m conntrack --ctstate NEW -m recent --set" + comment);
                out.add(base + " -m conntrack --ctstate NEW -m recent --update --seconds 30 --hitcount 6 -j "
                        + (v6 ? "ufw6" : "ufw") + "-user-limit" + comment);
                out.add(base + " -j " + (v6 ? "ufw6" : "ufw") + "-user-limit-accept" + comment);
            } else {
                out.add(base + " -j " + target(p) + comment);
            }
        }
        return out;
    }

    private String appComment() {
        StringBuilder c = new StringBuilder();
        if (!dapp.isEmpty()) c.append("dapp_").append(dapp.replace(" ", "%20"));
        if (!sapp.isEmpty()) c.append(c.length() > 0 ? "," : "").append("sapp_").append(sapp.replace(" ", "%20"));
        return c.toString();
    }

    private static String portSpec(String single, String multiple, String port) {
        if (port.equals("any")) return "";
        if (port.contains(",") || port.contains(":")) return " -m multiport " + multiple + " " + port;
        return " " + single + " " + port;
    }

    private String target(String p) {
        return switch (action) {
            case "allow" -> "ACCEPT";
            case "deny" -> "DROP";
            default -> p.equals("tcp") ? "REJECT --reject-with tcp-reset" : "REJECT";
        };
    }

    // ---- ufw status ----

    /** The "To" or "From" column of {@code ufw status}. */
    String column(boolean destination, boolean verbose) {
        String address = destination ? dst : src;
        String port = destination ? dport : sport;
        String app = destination ? dapp : sapp;
        StringBuilder out = new StringBuilder();
        if (!address.equals(ANY4) && !address.equals(ANY6)) out.append(address);
        if (!app.isEmpty() && !verbose) {
            out.append(out.length() > 0 ? " " : "").append(app);
        } else if (!port.equals("any")) {
            out.append(out.length() > 0 ? " " : "").append(port);
            if (!protocol.equals("any")) out.append('/').append(protocol);
            // Verbose, an application's IPv6 twin is marked inside its parentheses: "631 (CUPS (v6))".
            if (!app.isEmpty()) out.append(" (").append(app).append(v6 ? " (v6))" : ")");
        }
        if (out.length() == 0) out.append("Anywhere");
        if (v6 && !(verbose && !app.isEmpty() && !port.equals("any"))) out.append(" (v6)");
        // The interface goes with this machine's side: "To" coming in, "From" going out.
        if (!iface.isEmpty() && destination == !direction.equals("out")) out.append(" on ").append(iface);
        return out.toString();
    }

    /**
     * The rule as a ufw command, as {@code ufw delete N} shows it before asking:
     * {@code allow 22/tcp}, {@code deny from 203.0.113.66}, {@code allow from 10.0.0.0/8 to any port 22 proto tcp}.
     */
    String command() {
        StringBuilder out = new StringBuilder(action);
        if (direction.equals("out")) out.append(" out");
        if (!iface.isEmpty()) out.append(direction.equals("out") ? "" : " in").append(" on ").append(iface);
        boolean simple = dst.equals(v6 ? ANY6 : ANY4) && src.equals(v6 ? ANY6 : ANY4) && sport.equals("any")
                && (!dport.equals("any") || !dapp.isEmpty());
        if (simple && iface.isEmpty()) {
            out.append(' ').append(dapp.isEmpty() ? dport + (protocol.equals("any") ? "" : "/" + protocol) : dapp);
            return out.toString();
        }
        if (!src.equals(ANY4) && !src.equals(ANY6) || !sport.equals("any") || !sapp.isEmpty()) {
            out.append(" from ").append(src.equals(ANY4) || src.equals(ANY6) ? "any" : src);
            if (!sapp.isEmpty()) out.append(" app ").append(sapp);
            else if (!sport.equals("any")) out.append(" port ").append(sport);
        }
        if (!dst.equals(ANY4) && !dst.equals(ANY6) || !dport.equals("any") || !dapp.isEmpty()) {
            out.append(" to ").append(dst.equals(ANY4) || dst.equals(ANY6) ? "any" : dst);
            if (!dapp.isEmpty()) out.append(" app ").append(dapp);
            else if (!dport.equals("any")) out.append(" port ").append(dport);
        }
        if (!protocol.equals("any") && dapp.isEmpty() && sapp.isEmpty()) out.append(" proto ").append(protocol);
        return out.toString();
    }
}
