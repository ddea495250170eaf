package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.Policy;
import dev.syssim.sim.netfilter.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code iptables-restore} 1.8.9 (nf_tables): reads the save format from standard input and
 * replaces the filter table with it in one commit per table (without {@code -n}, everything in
 * the table is flushed first: rules, user chains, policies back to those given). A table whose
 * lines fail is not changed at all. {@code -c} restores the counters, {@code -t} only checks.
 * A command that fails in the kernel after parsing (a missing chain, a bad policy) is reported at
 * the table's COMMIT as {@code iptables-restore: line N failed: REASON.}, N being the first failing
 * command's own line; a jump to a chain that does not exist is only noticed at the COMMIT too, and
 * named with the COMMIT's line number (both as 1.8.9 with nf_tables does).
 */
public final class IptablesRestore {

    private static final String PROGRAM = "iptables-restore";

    private IptablesRestore() {
    }

    /** The command line's options; {@code onlyTable} is -T's table, or null for every table. */
    private record Options(boolean counters, boolean noflush, boolean test, String onlyTable) {
    }

    /** What getopt_long prints for a bad option, before the program's try-help line (exit status 1). */
    private static ToolResult badOption(String message) {
        return new ToolResult("", PROGRAM + ": " + message + "\nTry `" + PROGRAM + " -h' for more information.\n", 1);
    }

    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context) {
        boolean counters = false;
        boolean noflush = false;
        boolean test = false;
        String onlyTable = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
                switch (name) {
                    case "counters" -> counters = true;
                    case "noflush" -> noflush = true;
                    case "test" -> test = true;
                    case "verbose", "wait", "wait-interval" -> {
                    }
                    case "version" -> {
                        return ToolResult.ok(PROGRAM + " " + Iptables.VERSION + "\n");
                    }
                    case "table", "modprobe" -> {
                        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                                : i + 1 < args.size() ? args.get(++i) : null;
                        if (value == null) return badOption("option '--" + name + "' requires an argument");
                        if (name.equals("table")) onlyTable = value;
                    }
                    default -> {
                        return badOption("unrecognized option '" + arg + "'");
                    }
                }
                continue;
            }
            if (!arg.startsWith("-") || arg.length() == 1) {
                // Simplified: the real tool reads a file named here; this one reads only standard input.
                return new ToolResult("", PROGRAM + ": unknown option \"" + arg + "\"\nTry `" + PROGRAM
                        + " -h' or '" + PROGRAM + " --help' for more information.\n", 2);
            }
            // A bundle of short options, as getopt reads "-cn"; -T and -M take the rest or the next word.
            for (int k = 1; k < arg.length(); k++) {
                char c = arg.charAt(k);
                switch (c) {
                    case 'c' -> counters = true;
                    case 'n' -> noflush = true;
                    case 't' -> test = true;
                    case 'v', 'w', 'W', 'b' -> {
                    }
                    case 'V' -> {
                        return ToolResult.ok(PROGRAM + " " + Iptables.VERSION + "\n");
                    }
                    case 'T', 'M' -> {
                        String value = k + 1 < arg.length() ? arg.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (value == null) return badOption("option requires an argument -- '" + c + "'");
                        if (c == 'T') onlyTable = value;
                        k = arg.length();
                    }
                    default -> {
                        return badOption("invalid option -- '" + c + "'");
                    }
                }
            }
        }
        // Without root the lines are still read and checked; the kernel refuses at the first COMMIT.
        return new Restore(netfilter, new Options(counters, noflush, test, onlyTable), context).run(context.stdin());
    }

    /** One run over the input: the table being built, where we are, and the first failure. */
    private static final class Restore {
        private final Netfilter netfilter;
        private Table live;
        private final Options options;
        private final ToolContext context;
        private final StringBuilder stdout = new StringBuilder();
        private Table staged;
        private String table;
        /** The first command of this table the kernel refused: its line and iptables' reason, or 0. */
        private int failedLine;
        private String failedReason;
        /** Inside a table -T leaves out, up to its COMMIT. */
        private boolean skipping;
        /** The first jump of this table to a chain that did not exist, reported at COMMIT; or null. */
        private String missingJump;

        Restore(Netfilter netfilter, Options options, ToolContext context) {
            this.netfilter = netfilter;
            this.options = options;
            this.context = context;
        }

        ToolResult run(String input) {
            String[] lines = input.split("\n", -1);
            int count = input.endsWith("\n") ? lines.length - 1 : lines.length;
            int number = 0;
            try {
                for (int i = 0; i < count; i++) {
                    number = i + 1;
                    String line = lines[i];
                    // As xtables-restore reads its lines: only an empty line or one starting with '#' is
                    // skipped, COMMIT must be the whole line, and inside a table anything else (a second
                    // "*nat", "COMMIT now", spaces) is a rule line for iptables' parser.
                    if (line.isEmpty() || line.startsWith("#")) continue;
                    if (skipping) {
                        if (line.equals("COMMIT")) skipping = false;
                        continue;
                    }
                    if (line.equals("COMMIT") && table != null) {
                        commit(number);
                    } else if (line.startsWith("*") && table == null) {
                        String name = line.substring(1).strip().split("[ \t]", 2)[0];
                        if (options.onlyTable() != null && !options.onlyTable().equals(name)) {
                            skipping = true;  // -T: the other tables are passed over, unread
                        } else {
                            openTable(name, number);
                        }
                    } else if (line.startsWith(":") && table != null) {
                        declareChain(line.substring(1).strip(), number);
                    } else if (table != null) {
                        rule(line, number);
                    } else {
                        requireTable(number);
                    }
                }
            } catch (XtablesError error) {
                return error.toResult(stdout.toString(), PROGRAM, number);
            }
            if (table != null) {
                return new ToolResult(stdout.toString(), PROGRAM + ": COMMIT expected at line " + (count + 1) + "\n", 1);
            }
            return ToolResult.ok(stdout.toString());
        }

        private void openTable(String name, int number) {
            Table target = netfilter.table(name);
            if (target == null) {
                throw XtablesError.parameter(PROGRAM + ": line " + number + " table name '" + name + "' invalid");
            }
            table = name;
            live = target;
            failedLine = 0;
            failedReason = null;
            missingJump = null;
            staged = options.noflush() ? live.copy() : new Table(live.kind());
        }

        private void declareChain(String declaration, int number) {
            requireTable(number);
            String[] parts = declaration.split("\\s+");
            String name = parts[0];
            if (name.length() >= CommandParser.CHAIN_NAME_MAX) {
                throw XtablesError.parameter("Invalid chain name `" + name + "' (28 chars max)");
            }
            if (parts.length < 2) throw XtablesError.parameter(PROGRAM + ": line " + number + " policy invalid");
            if (staged == null) return;
            Chain chain = staged.chain(name);
            if (chain != null && chain.isBuiltin()) {
                Optional<Policy> policy = Policy.parse(parts[1]);
                if (policy.isEmpty()) {
                    // nf_tables refuses it only when the batch is sent, as it would a failing rule.
                    fail(number, "Bad policy name.");
                    return;
                }
                staged.setPolicy(name, policy.get());
                long[] counters = options.counters() && parts.length > 2 ? counters(parts[2], number) : new long[2];
                chain.policyCounters().set(counters[0], counters[1]);
            } else if (chain != null) {
                staged.flush(name);
            } else {
                staged.newChain(name);
            }
        }

        private void rule(String line, int number) {
            requireTable(number);
            String text = line.strip();
            long[] counters = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) throw XtablesError.parameter("Bad line " + number + ": need ]");
                counters = counters(text.substring(0, close + 1), number);
                text = text.substring(close + 1);
            }
            List<String> args = new ArrayList<>(List.of("-t", table));
            args.addAll(RestoreWords.split(text));
            CommandParser.State state = CommandParser.parse(args, true, context.resolver(), netfilter.ipsets()::exists);
            if (state.exitOutput != null) {
                stdout.append(state.exitOutput);
                return;
            }
            if (options.counters() && counters != null) {
                state.packets = counters[0];
                state.bytes = counters[1];
            }
            boolean ruleCommand = (state.command & (CommandParser.CMD_APPEND | CommandParser.CMD_INSERT
                    | CommandParser.CMD_REPLACE | CommandParser.CMD_DELETE | CommandParser.CMD_CHECK)) != 0;
            List<Rule> rules = ruleCommand ? CommandExecutor.rules(state) : List.of();
            if (staged == null) throw XtablesError.unsimulated("table `" + table + "'");
            CommandExecutor executor = new CommandExecutor(staged, stdout, number);
            if (ruleCommand && state.target == null && state.jumpTo != null && staged.chain(state.jumpTo) == null) {
                if (missingJump == null) missingJump = state.jumpTo;
                return;
            }
            try {
                executor.execute(state, rules);
            } catch (XtablesError error) {
                if (!error.isPlain()) throw error;
                fail(number, error.plainReason());
            }
        }

        private void fail(int number, String reason) {
            if (failedLine != 0) return;
            failedLine = number;
            failedReason = reason;
        }

        private void commit(int number) {
            requireTable(number);
            if (!context.privileged()) {
                // The batch is where the kernel is first asked: -t only checks it, so it reports the line.
                if (options.test()) {
                    throw XtablesError.plain(PROGRAM + ": line " + number + " failed: Permission denied (you must be root).\n", 1);
                }
                throw XtablesError.resource("Could not fetch rule set generation id: Permission denied (you must be root)");
            }
            if (missingJump != null) throw XtablesError.parameter("Chain '" + missingJump + "' does not exist");
            if (failedLine != 0) {
                throw XtablesError.plain(PROGRAM + ": line " + failedLine + " failed: " + failedReason + "\n", 1);
            }
            if (staged != null && !options.test()) {
                live.replaceWith(staged);
                live.touch();
            }
            table = null;
            staged = null;
        }

        private void requireTable(int number) {
            if (table == null) throw XtablesError.plain(PROGRAM + ": line " + number + " failed\n", 1);
        }

        private static long[] counters(String text, int number) {
            int colon = text.indexOf(':');
            if (!text.startsWith("[") || !text.endsWith("]") || colon < 0) {
                throw XtablesError.parameter("Bad line " + number + ": need ]");
            }
            OptionalLong packets = CNumbers.leadingUnsigned(text.substring(1, colon));
            OptionalLong bytes = CNumbers.leadingUnsigned(text.substring(colon + 1, text.length() - 1));
            if (packets.isEmpty()) throw XtablesError.parameter("-c packet counter not numeric");
            if (bytes.isEmpty()) throw XtablesError.parameter("-c byte counter not numeric");
            return new long[] {packets.getAsLong(), bytes.getAsLong()};
        }
    }
}
