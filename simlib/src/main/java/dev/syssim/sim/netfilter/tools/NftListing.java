package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.Hook;
import dev.syssim.sim.netfilter.Policy;
import dev.syssim.sim.netfilter.RuleEntry;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.TableKind;
import dev.syssim.sim.netfilter.nft.NftText;
import java.util.List;

/**
 * An iptables table as nft 1.0.6 lists it on Debian 12, where iptables is iptables-nft: the
 * chains iptables-nft has made in the kernel, in the order it made them, each built-in one a base
 * chain at its hook with the table's type and priority ({@code type nat hook prerouting priority
 * dstnat}), and each rule in nft's words with its counter ({@link NftXlate}). A table holding a
 * rule that needs nft's compatibility layer earns the warning that iptables-nft manages it.
 */
final class NftListing {

    private NftListing() {
    }

    static String warning(Table table) {
        return "# Warning: table ip " + table.name() + " is managed by iptables-nft, do not touch!\n";
    }

    /** The whole table. */
    static String table(Table table, NftText.Style style) {
        StringBuilder out = new StringBuilder(NftText.tableHead("ip", table.name(), table.handle(), style));
        boolean first = true;
        for (Chain chain : table.madeChains()) {
            if (!first) out.append('\n');
            first = false;
            chain(out, table, chain, style, true);
        }
        return out.append("}\n").toString();
    }

    /** One chain, in its table ({@code nft list chain ip filter INPUT}). */
    static String chainOnly(Table table, Chain chain, NftText.Style style) {
        StringBuilder out = new StringBuilder(NftText.partHead("ip", table.name()));
        chain(out, table, chain, style, true);
        return out.append("}\n").toString();
    }

    /** The chains without their rules ({@code nft list chains}). */
    static String chainsOnly(Table table, NftText.Style style) {
        StringBuilder out = new StringBuilder(NftText.partHead("ip", table.name()));
        for (Chain chain : table.madeChains()) chain(out, table, chain, style, false);
        return out.append("}\n").toString();
    }

    /** Whether any of the chains holds a rule that needs nft's compatibility layer. */
    static boolean needsWarning(List<Chain> chains) {
        for (Chain chain : chains) {
            for (RuleEntry entry : chain.entries()) if (NftXlate.usesCompat(entry.rule())) return true;
        }
        return false;
    }

    private static void chain(StringBuilder out, Table table, Chain chain, NftText.Style style, boolean rules) {
        out.append("\tchain ").append(chain.name()).append(" {");
        if (style.handles()) out.append(" # handle ").append(chain.handle());
        out.append('\n');
        if (chain.isBuiltin()) {
            Hook hook = Hook.valueOf(chain.name());
            out.append(NftText.baseLine(type(table.kind(), hook), hook, priority(table.kind(), hook), chain.policy() == Policy.DROP,
                    style));
        }
        if (rules) {
            for (RuleEntry entry : chain.entries()) {
                String text = NftXlate.rule(entry.rule(), entry.counters().packets(), entry.counters().bytes(), false);
                if (style.stateless()) text = text.replaceAll("counter packets \\d+ bytes \\d+", "counter");
                out.append("\t\t").append(text);
                if (style.handles()) out.append(" # handle ").append(table.handleOf(entry));
                out.append('\n');
            }
        }
        out.append("\t}\n");
    }

    /** The chain type iptables-nft gives a built-in chain: nat's are nat, mangle's OUTPUT route, the rest filter. */
    static String type(TableKind kind, Hook hook) {
        if (kind == TableKind.NAT) return "nat";
        if (kind == TableKind.MANGLE && hook == Hook.OUTPUT) return "route";
        return "filter";
    }

    /** The priority of a table's base chain (the kernel's NF_IP_PRI_*; nat's depends on the hook). */
    static int priority(TableKind kind, Hook hook) {
        return switch (kind) {
            case RAW -> -300;
            case MANGLE -> -150;
            case NAT -> hook == Hook.PREROUTING || hook == Hook.OUTPUT ? -100 : 100;
            case FILTER -> 0;
            case SECURITY -> 50;
        };
    }
}
