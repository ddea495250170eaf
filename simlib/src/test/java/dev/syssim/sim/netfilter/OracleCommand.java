package dev.syssim.sim.netfilter;

import dev.syssim.sim.netfilter.tools.Ipset;
import dev.syssim.sim.netfilter.tools.Iptables;
import dev.syssim.sim.netfilter.tools.IptablesRestore;
import dev.syssim.sim.netfilter.tools.IptablesSave;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import java.util.List;

/** Runs one recorded command line ({@code iptables ...}, {@code iptables-restore} (its input in the context), {@code ipset ...}, possibly under {@code setpriv} to drop root) on a netfilter state. */
final class OracleCommand {

    private OracleCommand() {
    }

    static ToolResult run(String commandLine, Netfilter netfilter, ToolContext context) {
        List<String> words = ShellWords.split(commandLine);
        ToolContext ctx = context;
        if (words.get(0).equals("setpriv")) {
            // setpriv --reuid=65534 --regid=65534 --clear-groups CMD...: the command without root.
            int i = 1;
            while (words.get(i).startsWith("--")) i++;
            words = words.subList(i, words.size());
            ctx = context.asUnprivileged();
        }
        List<String> args = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "iptables" -> Iptables.run(args, netfilter, ctx);
            case "iptables-save" -> IptablesSave.run(args, netfilter, ctx);
            case "iptables-restore" -> IptablesRestore.run(args, netfilter, ctx);
            case "ipset" -> Ipset.run(args, netfilter, ctx);
            default -> throw new AssertionError("the oracle runs no " + words.get(0));
        };
    }
}
