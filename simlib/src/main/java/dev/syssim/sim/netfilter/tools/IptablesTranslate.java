package dev.syssim.sim.netfilter.tools;

import static dev.syssim.sim.netfilter.tools.CommandParser.*;

import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.Rule;
import java.util.List;

/**
 * {@code iptables-translate} 1.8.9: an iptables command line as the nft command that does the
 * same ({@code nft 'add rule ip filter INPUT tcp dport 22 counter accept'}), parsed exactly as
 * iptables parses it (so its errors are iptables' with this program's name) and translated by
 * {@link NftXlate}; a rule with a match or target that has no translation comes back commented
 * out ({@code nft # -A INPUT … }), as the real tool answers. Nothing is changed.
 */
public final class IptablesTranslate {

    private static final String PROGRAM = "iptables-translate";

    private IptablesTranslate() {
    }

    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context) {
        try {
            State s = CommandParser.parse(args, false, context.resolver(), netfilter.ipsets()::exists);
            if (s.exitOutput != null) return ToolResult.ok(s.exitOutput);
            String where = "ip " + s.table + " " + s.chain;
            if ((s.command & (CMD_APPEND | CMD_INSERT)) != 0) {
                StringBuilder out = new StringBuilder();
                String verb = (s.command & CMD_APPEND) != 0 ? "add" : "insert";
                for (Rule rule : CommandExecutor.rules(s)) {
                    String text = NftXlate.rule(rule, 0, 0, true);
                    if (text == null) {
                        out.append("nft # ");
                        for (String a : args) out.append(a).append(' ');
                        out.append('\n');
                    } else {
                        // A connlimit's counting set is made first, as the real translation writes it.
                        if (rule.matches().stream().anyMatch(m -> m instanceof dev.syssim.sim.netfilter.ConnlimitMatch)) {
                            out.append("nft 'add set ip ").append(s.table).append(" connlimit0 { type ipv4_addr; flags dynamic; }'\n");
                        }
                        out.append("nft '").append(verb).append(" rule ").append(where).append(' ').append(text).append("'\n");
                    }
                }
                return ToolResult.ok(out.toString());
            }
            if ((s.command & CMD_NEW_CHAIN) != 0) return ToolResult.ok("nft add chain ip " + s.table + " " + s.chain + "\n");
            if ((s.command & CMD_DELETE_CHAIN) != 0 && s.chain != null) {
                return ToolResult.ok("nft delete chain ip " + s.table + " " + s.chain + "\n");
            }
            if ((s.command & CMD_FLUSH) != 0) {
                return ToolResult.ok(s.chain == null ? "nft flush table ip " + s.table + "\n"
                        : "nft flush chain ip " + s.table + " " + s.chain + "\n");
            }
            return new ToolResult("nft ", "Translation not implemented\n", 1);
        } catch (XtablesError error) {
            return error.toResult("", PROGRAM, -1);
        }
    }
}
