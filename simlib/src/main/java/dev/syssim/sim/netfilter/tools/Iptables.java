package dev.syssim.sim.netfilter.tools;

import static dev.syssim.sim.netfilter.tools.CommandParser.*;

import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.Rule;
import java.util.List;

/**
 * {@code iptables} 1.8.9 (nf_tables): a pure function of the arguments, the machine's netfilter
 * state and the {@link ToolContext}. It changes the state only when the whole command succeeds,
 * and answers with exactly the text and status the real command gives — errors included, which
 * are values here ({@link ToolResult}), never exceptions.
 *
 * <p>Every table is simulated: {@code -t filter} (the default), {@code nat}, {@code mangle},
 * {@code raw} and {@code security}.
 */
public final class Iptables {

    public static final String VERSION_NUMBER = "1.8.9 (nf_tables)";
    /** As in the program's messages: {@code iptables v1.8.9 (nf_tables): ...}. */
    static final String VERSION = "v" + VERSION_NUMBER;

    private Iptables() {
    }

    /** Runs {@code iptables ARGS...} on {@code netfilter}; {@code args} excludes the program name. */
    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context) {
        StringBuilder stdout = new StringBuilder();
        StringBuilder warnings = new StringBuilder();
        try {
            State state = CommandParser.parse(args, false, context.resolver(), netfilter.ipsets()::exists, warnings);
            if (state.exitOutput != null) return new ToolResult(state.exitOutput, warnings.toString(), 0);
            execute(state, netfilter, context, stdout);
            return new ToolResult(stdout.toString(), warnings.toString(), 0);
        } catch (XtablesError error) {
            ToolResult failed = error.toResult(stdout.toString(), "iptables", -1);
            return new ToolResult(failed.stdout(), warnings + failed.stderr(), failed.exitCode());
        }
    }

    private static void execute(State state, Netfilter netfilter, ToolContext context, StringBuilder stdout) {
        Table table = netfilter.table(state.table);
        if (table == null) throw XtablesError.version("table '" + state.table + "' does not exist");
        boolean ruleCommand = (state.command & (CMD_APPEND | CMD_INSERT | CMD_REPLACE | CMD_DELETE | CMD_CHECK)) != 0;
        List<Rule> rules = ruleCommand ? CommandExecutor.rules(state) : List.of();
        if (!context.privileged()) {
            throw XtablesError.resource("Could not fetch rule set generation id: Permission denied (you must be root)");
        }
        CommandExecutor executor = new CommandExecutor(table, stdout, -1);
        if (ruleCommand) executor.assertJumpTargetExists(state);
        executor.execute(state, rules);
    }
}
