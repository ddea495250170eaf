package dev.syssim.sim.netfilter;

import dev.syssim.sim.netfilter.tools.Iptables;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import java.util.List;

/** Installs rules the way a lecturer types them, failing the test if iptables refuses one. */
final class Rules {

    private Rules() {
    }

    static Netfilter with(String... commands) {
        Netfilter netfilter = new Netfilter();
        for (String command : commands) iptables(netfilter, command);
        return netfilter;
    }

    static ToolResult iptables(Netfilter netfilter, String command) {
        List<String> words = ShellWords.split(command);
        ToolResult result = Iptables.run(words.subList(1, words.size()), netfilter, ToolContext.root(0));
        if (result.exitCode() != 0) throw new AssertionError(command + " failed: " + result.stderr());
        return result;
    }
}
