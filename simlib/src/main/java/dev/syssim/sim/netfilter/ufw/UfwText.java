package dev.syssim.sim.netfilter.ufw;

import java.util.ArrayList;
import java.util.List;

/**
 * What ufw prints: its usage (ufw 0.36.2's own text) and {@code ufw status} in its three forms —
 * plain (incoming rules, then outgoing ones, each IPv4 then IPv6), {@code verbose} (with the
 * logging level and default policies, every action with its direction) and {@code numbered}
 * (the rules in ufw's order, IPv4 then IPv6, numbered as {@code ufw delete N} counts them).
 */
final class UfwText {

    static final String USAGE = ""
            + "\n"
            + "Usage: ufw COMMAND\n"
            + "\n"
            + "Commands:\n"
            + " enable                          enables the firewall\n"
            + " disable                         disables the firewall\n"
            + " default ARG                     set default policy\n"
            + " logging LEVEL                   set logging to LEVEL\n"
            + " allow ARGS                      add allow rule\n"
            + " deny ARGS                       add deny rule\n"
            + " reject ARGS                     add reject rule\n"
            + " limit ARGS                      add limit rule\n"
            + " delete RULE|NUM                 delete RULE\n"
            + " insert NUM RULE                 insert RULE at NUM\n"
            + " prepend RULE                    prepend RULE\n"
            + " route RULE                      add route RULE\n"
            + " route delete RULE|NUM           delete route RULE\n"
            + " route insert NUM RULE           insert route RULE at NUM\n"
            + " reload                          reload firewall\n"
            + " reset                           reset firewall\n"
            + " status                          show firewall status\n"
            + " status numbered                 show firewall status as numbered list of RULES\n"
            + " status verbose                  show verbose firewall status\n"
            + " show ARG                        show firewall report\n"
            + " version                         display version information\n"
            + "\n"
            + "Application profile commands:\n"
            + " app list                        list application profiles\n"
            + " app info PROFILE                show information on PROFILE\n"
            + " app update PROFILE              update PROFILE\n"
            + " app default ARG                 set default application policy\n"
            + "\n"
            ;

    private UfwText() {
    }

    static String status(UfwConfig c, String mode, boolean forwarding) {
        if (!c.enabled()) return "Status: inactive\n";
        boolean verbose = mode.equals("verbose");
        boolean numbered = mode.equals("numbered");
        StringBuilder out = new StringBuilder("Status: active\n");
        if (verbose) {
            out.append("Logging: ").append(c.logLevel().equals("off") ? "off" : "on (" + c.logLevel() + ")").append('\n')
                    .append("Default: ").append(policy(c.input())).append(" (incoming), ").append(policy(c.output()))
                    .append(" (outgoing), ").append(forwarding ? policy(c.forward()) : "disabled").append(" (routed)\n")
                    .append("New profiles: skip\n");
        }
        List<UfwRule> all = new ArrayList<>(c.rules());
        all.addAll(c.rules6());
        if (all.isEmpty()) return out.toString();
        String indent = numbered ? "     " : "";
        out.append('\n').append(indent).append(row("To", "Action", "From")).append('\n')
                .append(indent).append(row("--", "------", "----")).append('\n');
        if (numbered) {
            for (int i = 0; i < all.size(); i++) {
                UfwRule r = all.get(i);
                out.append(String.format("[%2d] ", i + 1)).append(line(r, false, true))
                        .append(r.direction().equals("out") ? " (out)" : "").append(comment(r)).append('\n');
            }
        } else {
            StringBuilder in = new StringBuilder();
            StringBuilder outgoing = new StringBuilder();
            for (UfwRule r : all) {
                (r.direction().equals("out") ? outgoing : in).append(line(r, verbose, verbose)).append(comment(r)).append('\n');
            }
            out.append(in);
            if (in.length() > 0 && outgoing.length() > 0) out.append('\n');
            out.append(outgoing);
        }
        return out.append('\n').toString();
    }

    private static String line(UfwRule r, boolean verbose, boolean direction) {
        String action = r.action().toUpperCase(java.util.Locale.ROOT);
        if (direction || r.direction().equals("out")) action += r.direction().equals("out") ? " OUT" : " IN";
        return row(r.column(true, verbose), action, r.column(false, verbose)) + " ".repeat(Math.max(0, 26 - r.column(false, verbose).length()));
    }

    /** A rule's comment at the end of its status line: " # TEXT". */
    private static String comment(UfwRule r) {
        return r.comment().isEmpty() ? "" : " # " + r.comment();
    }

    /** {@code ufw show added}: every rule of user.rules as the ufw command that adds it. */
    static String added(UfwConfig c) {
        StringBuilder out = new StringBuilder("Added user rules (see 'ufw status' for running firewall):\n");
        if (c.rules().isEmpty() && c.rules6().isEmpty()) return out.append("(None)\n").toString();
        List<String> seen = new ArrayList<>();
        List<UfwRule> all = new ArrayList<>(c.rules());
        all.addAll(c.rules6());
        for (UfwRule r : all) {
            // An IPv6 twin is the same command as its IPv4 rule.
            String line = "ufw " + r.command() + (r.comment().isEmpty() ? "" : " comment '" + r.comment() + "'");
            if (!seen.contains(line)) {
                seen.add(line);
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String row(String to, String action, String from) {
        return String.format("%-26s %-12s%s", to, action, from);
    }

    private static String policy(String target) {
        return switch (target) {
            case "ACCEPT" -> "allow";
            case "REJECT" -> "reject";
            default -> "deny";
        };
    }
}
