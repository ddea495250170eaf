package dev.syssim.sim.netfilter.ufw;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The iptables commands with which ufw puts its firewall into the filter table, as
 * {@code ufw-init} and ufw's backend run them: its 32 chains, the jumps to them from INPUT,
 * FORWARD and OUTPUT (added once, and kept when ufw is disabled), the rules of
 * {@code before.rules} and {@code after.rules} (loopback, conntrack, ICMP, DHCP, multicast, the
 * broadcast and NetBIOS noise sent to the policy), the user rules, the logging rules of the log
 * level, the chains that carry out the default policies, and the policies themselves.
 *
 * <p>Simplification: ufw reads {@code /etc/ufw/before.rules} and {@code after.rules}, which an
 * administrator may edit; here their Debian contents are built in. ufw's IPv6 half
 * ({@code ip6tables}, {@code user6.rules}) keeps its rules for {@code ufw status} but writes no
 * chains: the simulated machines have no IPv6.
 */
public final class UfwChains {

    /** Every chain ufw makes, in the order ufw-init creates them. */
    static final List<String> CHAINS = List.of(
            "ufw-before-logging-input", "ufw-before-logging-output", "ufw-before-logging-forward",
            "ufw-before-input", "ufw-before-output", "ufw-before-forward",
            "ufw-after-input", "ufw-after-output", "ufw-after-forward",
            "ufw-after-logging-input", "ufw-after-logging-output", "ufw-after-logging-forward",
            "ufw-reject-input", "ufw-reject-output", "ufw-reject-forward",
            "ufw-track-input", "ufw-track-output", "ufw-track-forward",
            "ufw-not-local", "ufw-logging-deny", "ufw-logging-allow",
            "ufw-skip-to-policy-input", "ufw-skip-to-policy-output", "ufw-skip-to-policy-forward",
            "ufw-user-input", "ufw-user-output", "ufw-user-forward",
            "ufw-user-logging-input", "ufw-user-logging-output", "ufw-user-logging-forward",
            "ufw-user-limit", "ufw-user-limit-accept");

    /** The chains the built-in chains jump to: flushed but kept when ufw stops, as ufw-init leaves them. */
    static final List<String> KEPT = List.of(
            "ufw-before-logging-input", "ufw-before-input", "ufw-after-input", "ufw-after-logging-input",
            "ufw-reject-input", "ufw-track-input",
            "ufw-before-logging-forward", "ufw-before-forward", "ufw-after-forward", "ufw-after-logging-forward",
            "ufw-reject-forward", "ufw-track-forward",
            "ufw-before-logging-output", "ufw-before-output", "ufw-after-output", "ufw-after-logging-output",
            "ufw-reject-output", "ufw-track-output");

    /** The chains ufw makes after the jumps, in its order (not that of {@link #CHAINS}). */
    private static final List<String> LATER = List.of("ufw-logging-deny", "ufw-logging-allow",
            "ufw-skip-to-policy-input", "ufw-skip-to-policy-output", "ufw-skip-to-policy-forward", "ufw-not-local",
            "ufw-user-input", "ufw-user-output", "ufw-user-forward",
            "ufw-user-logging-input", "ufw-user-logging-output", "ufw-user-logging-forward",
            "ufw-user-limit", "ufw-user-limit-accept");

    private static final String LIMITED = " -m limit --limit 3/min --limit-burst 10";
    private static final String[] DIRECTIONS = {"input", "output", "forward"};

    private UfwChains() {
    }

    // ---- what ufw applies ----

    /**
     * ufw enable (and reload): every chain made if missing and flushed, the jumps added where
     * missing, every rule added, the policies set. {@code existing}: the chains there now;
     * {@code jumps}: the {@code -A INPUT -j ufw-...} lines there now, as {@code iptables -S} shows them.
     */
    public static List<List<String>> start(UfwConfig c, Set<String> existing, Set<String> jumps) {
        List<List<String>> out = new ArrayList<>();
        // In the order the kernel gets them (nft list ruleset shows it): the 18 chains the built-in
        // chains jump to, the jumps from INPUT, OUTPUT and FORWARD, then the other 14 chains.
        for (String chain : CHAINS.subList(0, KEPT.size())) if (!existing.contains(chain)) out.add(List.of("-N", chain));
        for (String builtin : List.of("INPUT", "OUTPUT", "FORWARD")) {
            for (String chain : KEPT) {
                String jump = "-A " + builtin + " -j " + chain;
                if (chain.endsWith("-" + builtin.toLowerCase(java.util.Locale.ROOT)) && !jumps.contains(jump)) {
                    out.add(List.of("-A", builtin, "-j", chain));
                }
            }
        }
        for (String chain : LATER) if (!existing.contains(chain)) out.add(List.of("-N", chain));
        for (String chain : CHAINS) out.add(List.of("-F", chain));
        for (String line : rules(c)) out.add(words(line));
        out.add(List.of("-P", "INPUT", c.input().equals("ACCEPT") ? "ACCEPT" : "DROP"));
        out.add(List.of("-P", "OUTPUT", c.output().equals("ACCEPT") ? "ACCEPT" : "DROP"));
        out.add(List.of("-P", "FORWARD", c.forward().equals("ACCEPT") ? "ACCEPT" : "DROP"));
        return out;
    }

    /** ufw disable: the policies back to ACCEPT, every chain flushed, those not jumped to deleted. */
    public static List<List<String>> stop(Set<String> existing) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("-P", "INPUT", "ACCEPT"));
        out.add(List.of("-P", "OUTPUT", "ACCEPT"));
        out.add(List.of("-P", "FORWARD", "ACCEPT"));
        for (String chain : CHAINS) if (existing.contains(chain)) out.add(List.of("-F", chain));
        for (String chain : CHAINS) if (existing.contains(chain) && !KEPT.contains(chain)) out.add(List.of("-X", chain));
        return out;
    }

    /**
     * A change of the user rules while ufw runs: the iptables rules of removed rules deleted and
     * those of new rules inserted at their place, as ufw's backend does — the other rules, their
     * counters and the {@code recent} lists they name are left alone.
     */
    public static List<List<String>> userChange(UfwConfig before, UfwConfig after) {
        List<List<String>> out = new ArrayList<>();
        for (String direction : List.of("in", "out")) {
            String chain = direction.equals("in") ? "ufw-user-input" : "ufw-user-output";
            List<UfwRule> old = ofDirection(before.rules(), direction);
            List<UfwRule> now = ofDirection(after.rules(), direction);
            int common = 0;
            while (common < old.size() && common < now.size() && old.get(common).equals(now.get(common))) common++;
            int position = 1;
            for (int i = 0; i < common; i++) position += old.get(i).iptablesRules().size();
            // The rest of the old list goes (from the end), then the rest of the new list comes in.
            int stale = 0;
            for (int i = common; i < old.size(); i++) stale += old.get(i).iptablesRules().size();
            for (int i = 0; i < stale; i++) out.add(List.of("-D", chain, Integer.toString(position)));
            for (int i = common; i < now.size(); i++) {
                for (String line : now.get(i).iptablesRules()) {
                    List<String> w = new ArrayList<>(words(line));
                    w.set(0, "-I");
                    w.add(2, Integer.toString(position++));
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static List<UfwRule> ofDirection(List<UfwRule> rules, String direction) {
        List<UfwRule> out = new ArrayList<>();
        for (UfwRule r : rules) if (r.direction().equals(direction)) out.add(r);
        return out;
    }

    // ---- the rules ----

    /** All rules of a running ufw, chain by chain as the files and ufw-init give them. */
    static List<String> rules(UfwConfig c) {
        List<String> out = new ArrayList<>();
        out.add("-A ufw-before-input -i lo -j ACCEPT");
        out.add("-A ufw-before-output -o lo -j ACCEPT");
        out.add("-A ufw-before-input -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        out.add("-A ufw-before-output -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        out.add("-A ufw-before-forward -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        out.add("-A ufw-before-input -m conntrack --ctstate INVALID -j ufw-logging-deny");
        out.add("-A ufw-before-input -m conntrack --ctstate INVALID -j DROP");
        for (String chain : List.of("ufw-before-input", "ufw-before-forward")) {
            for (String type : List.of("destination-unreachable", "time-exceeded", "parameter-problem", "echo-request")) {
                out.add("-A " + chain + " -p icmp --icmp-type " + type + " -j ACCEPT");
            }
        }
        out.add("-A ufw-before-input -p udp --sport 67 --dport 68 -j ACCEPT");
        out.add("-A ufw-before-input -j ufw-not-local");
        out.add("-A ufw-not-local -m addrtype --dst-type LOCAL -j RETURN");
        out.add("-A ufw-not-local -m addrtype --dst-type MULTICAST -j RETURN");
        out.add("-A ufw-not-local -m addrtype --dst-type BROADCAST -j RETURN");
        out.add("-A ufw-not-local -m limit --limit 3/min --limit-burst 10 -j ufw-logging-deny");
        out.add("-A ufw-not-local -j DROP");
        out.add("-A ufw-before-input -p udp -d 224.0.0.251 --dport 5353 -j ACCEPT");
        out.add("-A ufw-before-input -p udp -d 239.255.255.250 --dport 1900 -j ACCEPT");
        out.add("-A ufw-before-input -j ufw-user-input");
        out.add("-A ufw-before-output -j ufw-user-output");
        out.add("-A ufw-before-forward -j ufw-user-forward");
        for (UfwRule rule : c.rules()) out.addAll(rule.iptablesRules());
        out.addAll(loggingRules(c, "ufw"));
        out.addAll(rateLimiting(c, "ufw"));
        for (String[] noise : new String[][] {{"udp", "137"}, {"udp", "138"}, {"tcp", "139"}, {"tcp", "445"},
                {"udp", "67"}, {"udp", "68"}}) {
            out.add("-A ufw-after-input -p " + noise[0] + " --dport " + noise[1] + " -j ufw-skip-to-policy-input");
        }
        out.add("-A ufw-after-input -m addrtype --dst-type BROADCAST -j ufw-skip-to-policy-input");
        String[] policies = {c.input(), c.output(), c.forward()};
        for (int i = 0; i < 3; i++) {
            String d = DIRECTIONS[i];
            out.add("-A ufw-skip-to-policy-" + d + " -j " + policies[i]);
            if (policies[i].equals("REJECT")) out.add("-A ufw-reject-" + d + " -j REJECT");
            if (policies[i].equals("ACCEPT")) {
                out.add("-A ufw-track-" + d + " -p tcp -m conntrack --ctstate NEW -j ACCEPT");
                out.add("-A ufw-track-" + d + " -p udp -m conntrack --ctstate NEW -j ACCEPT");
            }
        }
        return out;
    }

    /**
     * The LOGGING section of user.rules for the log level: off makes the user logging chains
     * return; low logs what a policy blocks, limited to 3 a minute, and what the logging chains
     * are sent; medium also what a policy allows and every new connection ("AUDIT"); high the
     * same without most limits. Simplification: full is taken as high.
     */
    static List<String> loggingRules(UfwConfig c, String p) {
        List<String> out = new ArrayList<>();
        String level = c.logLevel();
        if (level.equals("off")) {
            for (String d : DIRECTIONS) out.add("-A " + p + "-user-logging-" + d + " -j RETURN");
            return out;
        }
        boolean medium = !level.equals("low");
        String limit = level.equals("low") || level.equals("medium") ? LIMITED : "";
        String[] policies = {c.input(), c.output(), c.forward()};
        for (int i = 0; i < 3; i++) {
            if (!policies[i].equals("ACCEPT")) {
                out.add("-A " + p + "-after-logging-" + DIRECTIONS[i] + " -j LOG --log-prefix \"[UFW BLOCK] \"" + limit);
            } else if (medium) {
                out.add("-A " + p + "-after-logging-" + DIRECTIONS[i] + " -j LOG --log-prefix \"[UFW ALLOW] \"" + limit);
            }
        }
        if (medium) {
            out.add("-A " + p + "-logging-deny -m conntrack --ctstate INVALID -j LOG --log-prefix \"[UFW AUDIT INVALID] \"" + limit);
        } else {
            out.add("-I " + p + "-logging-deny -m conntrack --ctstate INVALID -j RETURN" + LIMITED);
        }
        out.add("-A " + p + "-logging-deny -j LOG --log-prefix \"[UFW BLOCK] \"" + limit);
        out.add("-A " + p + "-logging-allow -j LOG --log-prefix \"[UFW ALLOW] \"" + limit);
        if (medium) {
            String only = level.equals("medium") ? " -m conntrack --ctstate NEW" : "";
            for (String d : DIRECTIONS) {
                out.add("-A " + p + "-before-logging-" + d + only + " -j LOG --log-prefix \"[UFW AUDIT] \"" + LIMITED);
            }
        }
        return out;
    }

    /** The RATE LIMITING section: what a {@code limit} rule sends too many connections to. */
    static List<String> rateLimiting(UfwConfig c, String p) {
        List<String> out = new ArrayList<>();
        if (!c.logLevel().equals("off")) {
            out.add("-A " + p + "-user-limit -m limit --limit 3/minute -j LOG --log-prefix \"[UFW LIMIT BLOCK] \"");
        }
        out.add("-A " + p + "-user-limit -j REJECT");
        out.add("-A " + p + "-user-limit-accept -j ACCEPT");
        return out;
    }

    /**
     * Splits a rule line into words as iptables-restore does (ufw hands user.rules to it): double
     * quotes keep spaces; single quotes are ordinary characters, so ufw's {@code 'dapp_OpenSSH'}
     * comment keeps its quotes.
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) quote = 0;
                else word.append(ch);
            } else if (ch == '"') {
                quote = ch;
                in = true;
            } else if (ch == ' ') {
                if (in) out.add(word.toString());
                word.setLength(0);
                in = false;
            } else {
                word.append(ch);
                in = true;
            }
        }
        if (in) out.add(word.toString());
        return out;
    }
}
