package dev.syssim.sim.netfilter.tools;

import static dev.syssim.sim.netfilter.tools.CommandParser.*;

import dev.syssim.sim.netfilter.FilterTable;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.Rule;
import java.util.List;
import java.util.Map;

/**
 * {@code iptables} 1.8.9 (nf_tables): a pure function of the arguments, the machine's netfilter
 * state and the {@link ToolContext}. It changes the state only when the whole command succeeds,
 * and answers with exactly the text and status the real command gives — errors included, which
 * are values here ({@link ToolResult}), never exceptions.
 *
 * <p>Only the filter table is simulated. The nat, mangle, raw and security tables exist on a real
 * machine, so {@code -L} and {@code -S} show them as a freshly booted machine has them (empty,
 * policies ACCEPT); changing them is refused as not simulated.
 */
public final class Iptables {

    public static final String VERSION_NUMBER = "1.8.9 (nf_tables)";
    /** As in the program's messages: {@code iptables v1.8.9 (nf_tables): ...}. */
    static final String VERSION = "v" + VERSION_NUMBER;

    private static final Map<String, List<String>> OTHER_TABLES = Map.of(
            "nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
            "mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"),
            "raw", List.of("PREROUTING", "OUTPUT"),
            "security", List.of("INPUT", "FORWARD", "OUTPUT"));

    private Iptables() {
    }

    /** Runs {@code iptables ARGS...} on {@code netfilter}; {@code args} excludes the program name. */
    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context) {
        StringBuilder stdout = new StringBuilder();
        try {
            State state = CommandParser.parse(args, false, context.resolver());
            if (state.exitOutput != null) return ToolResult.ok(state.exitOutput);
            execute(state, netfilter.filter(), context, stdout);
            return ToolResult.ok(stdout.toString());
        } catch (XtablesError error) {
            return error.toResult(stdout.toString(), "iptables", -1);
        }
    }

    private static void execute(State state, FilterTable table, ToolContext context, StringBuilder stdout) {
        boolean filter = state.table.equals(FilterTable.NAME);
        if (!filter && !OTHER_TABLES.containsKey(state.table)) {
            throw XtablesError.version("table '" + state.table + "' does not exist");
        }
        boolean ruleCommand = (state.command & (CMD_APPEND | CMD_INSERT | CMD_REPLACE | CMD_DELETE | CMD_CHECK)) != 0;
        List<Rule> rules = ruleCommand ? CommandExecutor.rules(state) : List.of();
        if (!context.privileged()) {
            throw XtablesError.resource("Could not fetch rule set generation id: Permission denied (you must be root)");
        }
        if (!filter) {
            stdout.append(otherTable(state));
            return;
        }
        CommandExecutor executor = new CommandExecutor(table, stdout, -1);
        if (ruleCommand) executor.assertJumpTargetExists(state);
        executor.execute(state, rules);
    }

    /** A table this simulation does not model: listed as a new machine has it, never changed. */
    private static String otherTable(State state) {
        if ((state.command & (CMD_LIST | CMD_LIST_RULES)) == 0) {
            throw XtablesError.unsimulated("table `" + state.table + "'");
        }
        List<String> chains = OTHER_TABLES.get(state.table);
        if (state.chain != null && !chains.contains(state.chain)) {
            throw XtablesError.plain("iptables: No chain/target/match by that name.\n", 1);
        }
        StringBuilder out = new StringBuilder();
        boolean list = (state.command & CMD_LIST) != 0;
        boolean first = true;
        for (String chain : chains) {
            if (state.chain != null && !state.chain.equals(chain)) continue;
            if (list) {
                if (!first) out.append('\n');
                out.append("Chain ").append(chain).append(" (policy ACCEPT")
                        .append(state.has(OPT_VERBOSE) ? " 0 packets, 0 bytes)\n" : ")\n");
                FilterTable empty = new FilterTable();
                String header = ListFormat.header(empty.chain("INPUT"), 0, new ListFormat.Options(state.has(OPT_VERBOSE),
                        state.has(OPT_NUMERIC), state.has(OPT_EXPANDED), state.has(OPT_LINENUMBERS)));
                out.append(header.substring(header.indexOf('\n') + 1));
            } else {
                out.append("-P ").append(chain).append(" ACCEPT").append(state.has(OPT_VERBOSE) ? " -c 0 0\n" : "\n");
            }
            first = false;
        }
        return out.toString();
    }
}
