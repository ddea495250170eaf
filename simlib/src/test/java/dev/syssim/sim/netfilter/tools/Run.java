package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.ShellWords;
import java.util.List;

/** Runs a command line of one of the tools on a netfilter state, as root at time 0. */
final class Run {

    private Run() {
    }

    static ToolResult line(Netfilter netfilter, String commandLine) {
        return line(netfilter, commandLine, ToolContext.root(0));
    }

    static ToolResult line(Netfilter netfilter, String commandLine, ToolContext context) {
        List<String> words = ShellWords.split(commandLine);
        List<String> args = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "iptables" -> Iptables.run(args, netfilter, context);
            case "iptables-save" -> IptablesSave.run(args, netfilter, context);
            case "iptables-restore" -> IptablesRestore.run(args, netfilter, context);
            case "conntrack" -> ConntrackTool.run(args, netfilter, context);
            default -> throw new AssertionError(words.get(0));
        };
    }

    static String ok(Netfilter netfilter, String commandLine) {
        ToolResult result = line(netfilter, commandLine);
        if (result.exitCode() != 0) throw new AssertionError(commandLine + ": " + result.stderr());
        return result.stdout();
    }
}
