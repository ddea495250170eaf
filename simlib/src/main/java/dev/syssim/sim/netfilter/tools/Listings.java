package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.RuleEntry;
import java.util.List;

/** The whole outputs of {@code iptables -L} and {@code iptables -S}, for one chain or all. */
final class Listings {

    private Listings() {
    }

    /** {@code iptables -L [CHAIN [N]]}: each chain's header and rows, chains separated by an empty line. */
    static String list(Table table, String chainName, int ruleNumber, ListFormat.Options options) {
        StringBuilder out = new StringBuilder();
        List<Chain> chains = chainName == null ? table.chains() : List.of(table.chain(chainName));
        if (ruleNumber > 0) {
            // "-L CHAIN N" prints the one rule, without headers (nothing if there is no such rule).
            Chain chain = chains.get(0);
            if (ruleNumber <= chain.size()) {
                RuleEntry entry = chain.entry(ruleNumber);
                out.append(ListFormat.row(ruleNumber, entry.rule(), entry.counters(), options));
            }
            return out.toString();
        }
        boolean first = true;
        for (Chain chain : chains) {
            if (!first) out.append('\n');
            first = false;
            out.append(ListFormat.header(chain, table.references(chain.name()), options));
            int number = 1;
            for (RuleEntry entry : chain.entries()) {
                out.append(ListFormat.row(number++, entry.rule(), entry.counters(), options));
            }
        }
        return out.toString();
    }

    /** {@code iptables -S [CHAIN [N]]}: policies and {@code -N} lines first, then every rule as {@code -A}. */
    static String rules(Table table, String chainName, int ruleNumber, boolean counters) {
        StringBuilder out = new StringBuilder();
        List<Chain> chains = chainName == null ? table.chains() : List.of(table.chain(chainName));
        if (ruleNumber == 0) {
            for (Chain chain : chains) out.append(declaration(chain, counters));
        }
        for (Chain chain : chains) {
            List<RuleEntry> entries = chain.entries();
            for (int i = 0; i < entries.size(); i++) {
                if (ruleNumber > 0 && i + 1 != ruleNumber) continue;
                RuleEntry entry = entries.get(i);
                out.append("-A ").append(chain.name())
                        .append(SaveFormat.rule(entry.rule(), counters ? entry.counters() : null)).append('\n');
            }
        }
        return out.toString();
    }

    private static String declaration(Chain chain, boolean counters) {
        if (!chain.isBuiltin()) return "-N " + chain.name() + "\n";
        String line = "-P " + chain.name() + " " + chain.policy().name();
        if (counters) line += " -c " + chain.policyCounters().packets() + " " + chain.policyCounters().bytes();
        return line + "\n";
    }
}
