package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Services;
import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.Hook;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.RuleEntry;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.TableKind;
import dev.syssim.sim.netfilter.nft.NftChain;
import dev.syssim.sim.netfilter.nft.NftExpr;
import dev.syssim.sim.netfilter.nft.NftRule;
import dev.syssim.sim.netfilter.nft.NftSet;
import dev.syssim.sim.netfilter.nft.NftTable;
import dev.syssim.sim.netfilter.nft.NftText;
import dev.syssim.sim.netfilter.nft.Nftables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code nft} (nftables 1.0.6, "Lester Gooch #5"): the commands of {@link NftParser} run as one
 * transaction on the machine's native tables and on the iptables tables, which nft sees as the
 * tables {@code ip filter}, {@code ip nat}, … they are on Debian 12. A pure function of the
 * arguments, the machine's {@link Netfilter} and the {@link ToolContext}: nft's output, its
 * errors with their caret lines, status 1 on any error (and then nothing changed).
 *
 * <p>Checks happen as in nft: names of tables, chains and sets, values and statements while
 * evaluating ("Error: No such file or directory; did you mean …", "Could not resolve service"),
 * and what only the kernel knows when the batch is sent ("Error: Could not process rule: No such
 * file or directory" under a missing handle). Simplifications, each said in its message: the
 * iptables tables can be listed, flushed and deleted but nft rules, chains and sets are not put
 * into them (iptables-nft's own chains are iptables' to change); only the families {@code ip}
 * and {@code inet} (which sees IPv4 only, the simulation having no IPv6) and chains of type
 * filter; sets of {@code ipv4_addr} and {@code inet_service} with {@code flags timeout}.
 */
public final class Nft {

    static final String VERSION = "nftables v1.0.6 (Lester Gooch #5)\n";
    private static final String NOENT = "No such file or directory";

    private Nft() {
    }

    /** The command-line options nft takes before its commands. */
    private record Options(boolean handles, boolean check, boolean stateless, boolean numeric, String file) {
    }

    /**
     * Runs {@code nft ARGS...}; {@code args} excludes the program name. With {@code -f FILE}, the
     * file's text is the context's standard input (the tool reads it in user space);
     * {@code interfaceExists} tells whether {@code iif NAME} names an interface.
     */
    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context, Predicate<String> interfaceExists) {
        boolean handles = false;
        boolean check = false;
        boolean stateless = false;
        boolean numeric = false;
        String file = null;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) break;
            switch (a) {
                case "-a", "--handle" -> handles = true;
                case "-c", "--check" -> check = true;
                case "-s", "--stateless" -> stateless = true;
                case "-n", "--numeric", "-y", "--numeric-priority" -> numeric = true;
                case "-N", "--reversedns", "-S", "--service", "-u", "--guid", "-p", "--numeric-protocol", "-T", "--numeric-time",
                     "-t", "--terse" -> {
                    // Formatting choices that change nothing in what this simulation prints.
                }
                case "-v", "--version" -> {
                    return ToolResult.ok(VERSION);
                }
                case "-V" -> {
                    return ToolResult.ok(VERSION.replace("\n", "\n  cli:\t\teditline\n  json:\t\tyes\n  minigmp:\tno\n  libxtables:\tyes\n"));
                }
                case "-h", "--help" -> {
                    return ToolResult.ok(help());
                }
                case "-f", "--file" -> {
                    if (i + 1 >= args.size()) return new ToolResult("", "nft: option requires an argument -- 'f'\n", 1);
                    file = args.get(++i);
                }
                case "-j", "--json", "-e", "--echo", "-i", "--interactive", "-o", "--optimize", "-d", "--debug", "-D", "--define",
                     "-I", "--includepath" -> {
                    return new ToolResult("", "nft: option " + a + " is not simulated by syssim\n", 1);
                }
                default -> {
                    if (a.startsWith("--")) return new ToolResult("", "nft: unrecognized option '" + a + "'\n", 1);
                    return new ToolResult("", "nft: invalid option -- '" + a.charAt(1) + "'\n", 1);
                }
            }
        }
        List<String> words = args.subList(i, args.size());
        for (int k = 0; k < words.size(); k++) {
            if (isOption(words.get(k))) return optionAfterCommand(args, i + k);
        }
        if (file == null && words.isEmpty()) return new ToolResult("", "nft: no command specified\n", 1);
        String source = file != null ? context.stdin() : String.join(" ", words) + "\n";
        Options options = new Options(handles, check, stateless, numeric, file);
        return new Run(netfilter, context, interfaceExists, options, source).go();
    }

    private static final Set<String> OPTIONS = Set.of("-a", "--handle", "-c", "--check", "-s", "--stateless", "-n",
            "--numeric", "-f", "--file", "-v", "--version", "-j", "--json", "-e", "--echo", "-y", "-t", "--terse");

    private static boolean isOption(String word) {
        return OPTIONS.contains(word);
    }

    /** "options must be specified before commands", under the line as nft rebuilt it. */
    private static ToolResult optionAfterCommand(List<String> args, int index) {
        StringBuilder line = new StringBuilder("nft ");
        int col = 0;
        for (int k = 0; k < args.size(); k++) {
            if (k == index) col = line.length();
            line.append(args.get(k)).append(' ');
        }
        char[] marks = new char[col + args.get(index).length()];
        Arrays.fill(marks, ' ');
        marks[3] = '^';
        for (int k = col; k < marks.length; k++) marks[k] = '~';
        // nft 1.0.6 prints the line on stderr and its marks on stdout (measured).
        return new ToolResult("\n" + new String(marks) + "\n", "Error: syntax error, options must be specified before commands\n"
                + line, 1);
    }

    static String help() {
        try (var in = Nft.class.getResourceAsStream("nft-help.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("nft-help.txt missing from the build", e);
        }
    }

    /** One run: the batch's state while its commands are checked and applied. */
    private static final class Run {
        private final Netfilter netfilter;
        private final Nftables nftables;
        private final ToolContext context;
        private final Predicate<String> interfaceExists;
        private final Options options;
        private final String source;
        private final List<String> lines;
        private final NftText.Style style;
        private final StringBuilder out = new StringBuilder();
        private final List<String> warnings = new ArrayList<>();
        private final List<NftError> evalErrors = new ArrayList<>();
        private final List<NftError> kernelErrors = new ArrayList<>();
        /** Changes to iptables' tables, made when the batch commits. */
        private final List<Runnable> iptablesChanges = new ArrayList<>();
        /** The iptables tables this batch deletes (flush ruleset, delete table). */
        private final Set<TableKind> forgotten = EnumSet.noneOf(TableKind.class);

        Run(Netfilter netfilter, ToolContext context, Predicate<String> interfaceExists, Options options, String source) {
            this.netfilter = netfilter;
            this.nftables = netfilter.nftables();
            this.context = context;
            this.interfaceExists = interfaceExists;
            this.options = options;
            this.source = source;
            this.lines = Arrays.asList(source.split("\n", -1));
            this.style = new NftText.Style(options.handles(), options.stateless(), options.numeric());
        }

        ToolResult go() {
            NftParser.Parsed parsed = NftParser.parse(source);
            if (!parsed.errors().isEmpty()) return failed(parsed.errors());
            List<NftParser.Command> commands = parsed.commands();
            if (!context.privileged()) return unprivileged(commands);
            List<NftTable> snapshot = nftables.snapshot();
            for (NftParser.Command c : commands) command(c);
            if (!evalErrors.isEmpty() || !kernelErrors.isEmpty()) {
                nftables.restore(snapshot, evalErrors.isEmpty());
                return failed(evalErrors.isEmpty() ? kernelErrors : evalErrors);
            }
            if (options.check()) {
                nftables.restore(snapshot, false);
                return ToolResult.ok("");
            }
            nftables.rehook();
            for (Runnable change : iptablesChanges) change.run();
            return new ToolResult(out.toString(), String.join("", warnings), 0);
        }

        private ToolResult failed(List<NftError> errors) {
            StringBuilder err = new StringBuilder();
            for (NftError e : errors) err.append(e.print(options.file(), lines));
            return new ToolResult(out.toString(), err.toString(), 1);
        }

        /**
         * Without CAP_NET_ADMIN: what needs the kernel's ruleset first fails to read it; a batch
         * that only adds tables or flushes is refused command by command.
         */
        private ToolResult unprivileged(List<NftParser.Command> commands) {
            boolean cacheFree = true;
            for (NftParser.Command c : commands) {
                boolean free = (c.verb() == NftParser.Verb.ADD || c.verb() == NftParser.Verb.CREATE) && c.obj() == NftParser.Obj.TABLE
                        || c.verb() == NftParser.Verb.FLUSH && (c.obj() == NftParser.Obj.RULESET || c.obj() == NftParser.Obj.TABLE);
                cacheFree &= free;
            }
            if (!cacheFree) {
                return new ToolResult("", "Operation not permitted (you must be root)\n"
                        + "netlink: Error: cache initialization failed: Operation not permitted\n", 1);
            }
            List<NftError> errors = new ArrayList<>();
            for (NftParser.Command c : commands) {
                NftToken f = c.first();
                errors.add(NftError.at("Could not process rule: Operation not permitted",
                        new NftError.Loc(f.line(), f.column(), c.last().end() + 1)));
            }
            return failed(errors);
        }

        // ---- lookups ----

        private Table iptables(String family, String name) {
            if (!family.equals("ip")) return null;
            TableKind kind = TableKind.named(name);
            if (kind == null || forgotten.contains(kind)) return null;
            Table t = netfilter.table(kind);
            return t.handle() == 0 ? null : t;
        }

        private List<Table> iptablesTables() {
            List<Table> out = new ArrayList<>();
            for (TableKind kind : TableKind.values()) {
                Table t = iptables("ip", kind.tableName());
                if (t != null) out.add(t);
            }
            return out;
        }

        /** "; did you mean table ‘fw’ in family inet?" for the table nearest {@code typed}, or "". */
        private String tableHint(String typed) {
            NftMisspell m = new NftMisspell();
            for (Object[] t : allTables()) m.consider((String) t[1], typed, t);
            Object[] found = (Object[]) m.found();
            return found == null ? "" : "; did you mean table ‘" + found[1] + "’ in family " + found[0] + "?";
        }

        /** Every table as {family, name, handle, Table|NftTable}, by handle. */
        private List<Object[]> allTables() {
            List<Object[]> all = new ArrayList<>();
            for (NftTable t : nftables.tables()) all.add(new Object[] {t.family(), t.name(), t.handle(), t});
            for (Table t : iptablesTables()) all.add(new Object[] {"ip", t.name(), t.handle(), t});
            all.sort(Comparator.comparingLong(o -> (long) o[2]));
            return all;
        }

        /**
         * The hint for a chain not found in {@code family table}: the nearest chain of any table —
         * "did you mean chain ‘input’ in table inet ‘fw’?" if it is in that table, else the
         * table's "did you mean table …"; null if no chain is near.
         */
        private String chainHint(String family, String table, String typed) {
            NftMisspell m = new NftMisspell();
            for (Object[] t : allTables()) {
                if (t[3] instanceof NftTable nt) {
                    for (NftChain c : nt.chains().values()) m.consider(c.name(), typed, new String[] {(String) t[0], nt.name(), c.name()});
                } else {
                    for (Chain c : ((Table) t[3]).madeChains()) m.consider(c.name(), typed, new String[] {"ip", (String) t[1], c.name()});
                }
            }
            String[] found = (String[]) m.found();
            if (found == null) return null;
            if (found[0].equals(family) && found[1].equals(table)) {
                return "; did you mean chain ‘" + found[2] + "’ in table " + found[0] + " ‘" + found[1] + "’?";
            }
            return "; did you mean table ‘" + found[1] + "’ in family " + found[0] + "?";
        }

        private String setHint(String typed) {
            NftMisspell m = new NftMisspell();
            for (NftTable t : nftables.tables()) {
                for (NftSet s : t.sets().values()) m.consider(s.name(), typed, new String[] {t.family(), t.name(), s.name()});
            }
            String[] found = (String[]) m.found();
            return found == null ? "" : "; did you mean set ‘" + found[2] + "’ in table " + found[0] + " ‘" + found[1] + "’?";
        }

        private void evalError(String message, NftToken at) {
            evalErrors.add(NftError.at(message, at));
        }

        private void kernelError(String message, NftToken at) {
            kernelErrors.add(NftError.at("Could not process rule: " + message, at));
        }

        private void unsimulated(String what, NftToken at) {
            evalErrors.add(NftError.at(what + " is not simulated by syssim", at));
        }

        // ---- commands ----

        private void command(NftParser.Command c) {
            String family = c.familyName();
            if (c.family() != null && !family.equals("ip") && !family.equals("inet")) {
                unsimulated("the family " + family, c.family());
                return;
            }
            switch (c.verb()) {
                case LIST -> list(c, family);
                case FLUSH -> flush(c, family);
                case DELETE -> delete(c, family);
                default -> add(c, family);
            }
        }

        private void add(NftParser.Command c, String family) {
            switch (c.obj()) {
                case TABLE -> {
                    String name = c.table().name();
                    if (nftables.table(family, name) != null || iptables(family, name) != null) {
                        if (c.verb() == NftParser.Verb.CREATE) kernelError("File exists", c.table());
                        return;
                    }
                    TableKind kind = family.equals("ip") ? TableKind.named(name) : null;
                    if (kind != null) {
                        // iptables-nft's table: made as the kernel would, for iptables to fill.
                        Table t = netfilter.table(kind);
                        forgotten.remove(kind);
                        iptablesChanges.add(t::makeTable);
                        return;
                    }
                    nftables.addTable(family, name, netfilter.nextTableHandle());
                }
                case CHAIN -> addChain(c, family);
                case SET -> addSet(c, family);
                case ELEMENT -> elements(c, family, true);
                case RULE -> addRule(c, family);
                default -> {
                }
            }
        }

        /** The native table for a command that changes it; null after the error (missing, or iptables'). */
        private NftTable tableToChange(NftParser.Command c, String family) {
            String name = c.table().name();
            NftTable t = nftables.table(family, name);
            if (t != null) return t;
            if (iptables(family, name) != null) {
                unsimulated("changing iptables-nft's table " + family + " " + name + " with nft", c.table());
            } else {
                evalError(NOENT + tableHint(name), c.table());
            }
            return null;
        }

        private void addChain(NftParser.Command c, String family) {
            NftTable t = tableToChange(c, family);
            if (t == null) return;
            String name = c.name().name();
            NftParser.ChainSpec spec = c.chain();
            NftChain existing = t.chains().get(name);
            Hook hook = null;
            if (spec != null && spec.type() != null) {
                if (!spec.type().name().equals("filter")) {
                    unsimulated("the chain type " + spec.type().name(), spec.type());
                    return;
                }
                hook = NftText.hookNamed(spec.hook().name());
                if (hook == null) {
                    if (spec.hook().name().equals("ingress") || spec.hook().name().equals("egress")) {
                        unsimulated("the hook " + spec.hook().name(), spec.hook());
                    } else {
                        evalError("unknown chain hook", spec.hook());
                    }
                    return;
                }
                if (spec.priority() == null) {
                    evalErrors.add(NftError.at("invalid priority expression value in this context.",
                            NftError.Loc.span(spec.priorityFirst(), spec.priorityLast())));
                    return;
                }
            }
            boolean drop = spec != null && spec.policy() != null && spec.policy().is("drop");
            if (existing != null) {
                if (c.verb() == NftParser.Verb.CREATE) {
                    kernelError("File exists", c.name());
                } else if (spec != null && spec.policy() != null && existing.isBase()) {
                    existing.setDropPolicy(drop);
                }
                return;
            }
            t.addChain(name, hook, "filter", hook == null ? 0 : spec.priority(), drop);
            nftables.rehook();
        }

        private void addSet(NftParser.Command c, String family) {
            NftTable t = tableToChange(c, family);
            if (t == null) return;
            String type = c.set().type().name();
            if (!type.equals("ipv4_addr") && !type.equals("inet_service")) {
                unsimulated("the set type " + type, c.set().type());
                return;
            }
            boolean timeout = false;
            boolean interval = false;
            for (NftToken flag : c.set().flags()) {
                if (flag.is("timeout")) {
                    timeout = true;
                } else if (flag.is("interval")) {
                    interval = true;
                } else {
                    unsimulated("the set flag " + flag.text(), flag);
                    return;
                }
            }
            if (t.sets().containsKey(c.name().name())) {
                if (c.verb() == NftParser.Verb.CREATE) kernelError("File exists", c.name());
                return;
            }
            t.addSet(c.name().name(), type, timeout, interval);
        }

        /** add/create/delete element: the members checked as the set's type, then added or removed. */
        private void elements(NftParser.Command c, String family, boolean add) {
            String tableName = c.table().name();
            NftTable t = nftables.table(family, tableName);
            if (t == null) {
                if (iptables(family, tableName) != null) {
                    evalError(NOENT, c.name());
                } else {
                    evalError(NOENT + tableHint(tableName), c.table());
                }
                return;
            }
            NftSet set = t.sets().get(c.name().name());
            if (set == null) {
                evalError(NOENT + setHint(c.name().name()), c.name());
                return;
            }
            NftExpr.Field field = set.type().equals("ipv4_addr") ? NftExpr.Field.IP_SADDR : NftExpr.Field.TCP_DPORT;
            List<long[]> values = new ArrayList<>();
            List<Long> timeouts = new ArrayList<>();
            for (NftParser.Element e : c.elements()) {
                long[] r = value(field, e.value());
                if (r == null) return;
                if (r[0] != r[1] && !set.hasInterval()) {
                    evalError("You must add 'flags interval' to your set declaration if you want to add "
                            + (e.value().name().contains("/") ? "prefix" : "range") + " elements", e.value());
                    return;
                }
                long timeout = 0;
                if (e.timeout() != null) {
                    timeout = NftText.parseDuration(e.timeout().text());
                    if (timeout < 0) {
                        evalError("Wrong time format, expecting [d][h][m][s][ms]", e.timeout());
                        return;
                    }
                }
                values.add(r);
                timeouts.add(timeout);
            }
            long now = context.now();
            if (set.hasInterval() && !checkIntervals(c, set, values, add, now)) return;
            for (int k = 0; k < values.size(); k++) {
                long low = values.get(k)[0];
                long high = values.get(k)[1];
                if (add) {
                    if (c.verb() == NftParser.Verb.CREATE && set.hasExactly(low, high, now)) {
                        kernelError("File exists", c.elements().get(k).value());
                        return;
                    }
                    set.add(low, high, timeouts.get(k), now);
                } else if (!set.hasExactly(low, high, now) || !set.remove(low)) {
                    kernelError(NOENT, c.elements().get(k).value());
                    return;
                }
            }
        }

        /**
         * What nft checks in user space before it sends members of an interval set: the new ones
         * must not overlap each other or a member already there (the same member again is fine),
         * and only a member that is there can be deleted.
         */
        private boolean checkIntervals(NftParser.Command c, NftSet set, List<long[]> values, boolean add, long now) {
            for (int k = 0; k < values.size(); k++) {
                long[] r = values.get(k);
                NftToken at = c.elements().get(k).value();
                if (!add) {
                    if (!set.hasExactly(r[0], r[1], now)) {
                        evalError("element does not exist", at);
                        return false;
                    }
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    long[] earlier = values.get(j);
                    if (earlier[0] <= r[1] && r[0] <= earlier[1]) {
                        evalErrors.add(new NftError("conflicting intervals specified", NftError.Loc.of(at),
                                NftError.Loc.of(c.elements().get(j).value())));
                        return false;
                    }
                }
                if (set.overlaps(r[0], r[1], now)) {
                    evalError("interval overlaps with an existing one", at);
                    return false;
                }
            }
            return true;
        }

        /** Where a rule goes: its table and chain, or null after the error. */
        private Object[] ruleChain(NftParser.Command c, String family) {
            String tableName = c.table().name();
            String chainName = c.name().name();
            NftTable t = nftables.table(family, tableName);
            Table ipt = t == null ? iptables(family, tableName) : null;
            boolean chainFound = t != null ? t.chains().containsKey(chainName)
                    : ipt != null && ipt.chain(chainName) != null && ipt.chain(chainName).exists();
            if (t == null && ipt == null || !chainFound) {
                String hint = chainHint(family, tableName, chainName);
                boolean tableMissing = t == null && ipt == null;
                if (hint != null) {
                    evalError(NOENT + hint, hint.contains("did you mean chain") ? c.name() : tableMissing ? c.table() : c.name());
                } else {
                    kernelError(NOENT, tableMissing ? c.table() : c.name());
                }
                return null;
            }
            return new Object[] {t, ipt};
        }

        private void addRule(NftParser.Command c, String family) {
            Object[] where = ruleChain(c, family);
            if (where == null) return;
            if (where[0] == null) {
                unsimulated("changing iptables-nft's table " + family + " " + c.table().name() + " with nft", c.table());
                return;
            }
            NftTable t = (NftTable) where[0];
            NftChain chain = t.chains().get(c.name().name());
            if (c.verb() == NftParser.Verb.REPLACE && c.position() == null) {
                evalError("syntax error, replace needs a handle", c.name());
                return;
            }
            int at = c.position() == null ? -1 : chain.indexOf(Long.parseLong(c.position().text()));
            int kernelBefore = kernelErrors.size();
            List<NftExpr> exprs = statements(c, t);
            if (exprs == null && kernelErrors.size() == kernelBefore) return;
            // What reaches the kernel takes its handles there, refused or not: the anonymous sets
            // first, then the rule (a replaced rule keeps its own).
            for (NftParser.Stmt s : c.rule()) {
                // "{ 22 }" written with one member is no set: nft makes it a plain comparison.
                if (s instanceof NftParser.MatchStmt m && m.braces() && m.values().size() > 1
                        || s instanceof NftParser.VmapStmt) {
                    t.nextHandle();
                }
            }
            long handle = c.verb() == NftParser.Verb.REPLACE ? 0 : t.nextHandle();
            if (exprs == null) return;
            if (c.position() != null && at < 0) {
                // The kernel points at the handle being replaced, or at the whole "position N".
                kernelErrors.add(NftError.at("Could not process rule: " + NOENT, c.verb() == NftParser.Verb.REPLACE
                        ? NftError.Loc.of(c.position()) : NftError.Loc.span(c.positionWord(), c.position())));
                return;
            }
            int index = c.position() != null
                    ? (c.verb() == NftParser.Verb.ADD || c.verb() == NftParser.Verb.CREATE ? at + 1 : at)
                    : c.verb() == NftParser.Verb.INSERT ? 0 : chain.rules().size();
            if (c.verb() == NftParser.Verb.REPLACE) {
                chain.replace(index, new NftRule(chain.rules().get(index).handle(), exprs));
            } else {
                chain.insert(index, new NftRule(handle, exprs));
            }
        }

        // ---- statements ----

        private List<NftExpr> statements(NftParser.Command c, NftTable table) {
            List<NftExpr> out = new ArrayList<>();
            NftParser.Stmt terminal = null;
            int protocol = 0;
            NftParser.MatchStmt protocolFrom = null;
            for (NftParser.Stmt s : c.rule()) {
                if (s instanceof NftParser.CommentStmt comment) {
                    out.add(new NftExpr.Comment(comment.text()));
                    continue;
                }
                if (terminal != null) {
                    evalErrors.add(new NftError("Statement after terminal statement has no effect",
                            NftError.Loc.span(s.first(), s.last()), NftError.Loc.span(terminal.first(), terminal.last())));
                    return null;
                }
                if (s instanceof NftParser.MatchStmt m) {
                    NftExpr.Match match = match(m, table);
                    if (match == null) return null;
                    out.add(match);
                    int p = m.field().protocol();
                    if ((m.field() == NftExpr.Field.L4PROTO || m.field() == NftExpr.Field.IP_PROTOCOL) && !m.negated()
                            && match.ranges().size() == 1) {
                        p = (int) match.ranges().get(0)[0];
                    }
                    if (m.field() == NftExpr.Field.ICMP_TYPE) p = 1;
                    if (p != 0) {
                        protocol = p;
                        protocolFrom = m;
                    }
                } else if (s instanceof NftParser.CounterStmt k) {
                    out.add(NftExpr.counter(k.packets(), k.bytes()));
                } else if (s instanceof NftParser.LimitStmt l) {
                    if (l.rate() == 0) {
                        evalErrors.add(NftError.at("limit rate must be > 0", NftError.Loc.span(l.first(), l.last())));
                        return null;
                    }
                    out.add(NftExpr.limit(l.rate(), l.unit(), l.unitSeconds(), l.burst(), l.over()));
                } else if (s instanceof NftParser.LogStmt l) {
                    // warn is the default level, and nft does not print it.
                    out.add(new NftExpr.Log(l.prefix(), "warn".equals(l.level()) ? null : l.level()));
                } else if (s instanceof NftParser.VerdictStmt v) {
                    NftExpr.Verdict verdict = verdict(v, table, protocol, protocolFrom, out);
                    if (verdict == null) return null;
                    out.add(verdict);
                    terminal = v;
                } else if (s instanceof NftParser.VmapStmt map) {
                    NftExpr.Vmap vmap = vmap(map, table, out);
                    if (vmap == null) return null;
                    out.add(vmap);
                    terminal = map;
                } else if (s instanceof NftParser.SymbolStmt sym) {
                    evalError("No symbol type information", sym.first());
                    return null;
                } else if (s instanceof NftParser.Unsimulated u) {
                    evalErrors.add(NftError.at("'" + u.what() + "' is not simulated by syssim", NftError.Loc.span(u.first(), u.last())));
                    return null;
                }
            }
            return out;
        }

        private static final List<String> ICMP_CODES = List.of("net-unreachable", "host-unreachable", "prot-unreachable",
                "port-unreachable", "net-prohibited", "host-prohibited", "admin-prohibited");
        private static final List<String> ICMPX_CODES = List.of("port-unreachable", "admin-prohibited", "no-route",
                "host-unreachable");

        private NftExpr.Verdict verdict(NftParser.VerdictStmt v, NftTable table, int protocol, NftParser.MatchStmt protocolFrom,
                                        List<NftExpr> out) {
            switch (v.kind()) {
                case "jump", "goto" -> {
                    NftChain target = table.chains().get(v.target().name());
                    if (target == null) {
                        kernelError(NOENT, v.target());
                        return null;
                    }
                    if (target.isBase()) {
                        kernelError("Operation not supported", v.target());
                        return null;
                    }
                    return new NftExpr.Verdict(v.kind(), target.name());
                }
                case "reject" -> {
                    if (v.with() == null) return new NftExpr.Verdict("reject", null);
                    if (v.with().equals("tcp reset")) {
                        if (protocol != 0 && protocol != 6) {
                            evalErrors.add(new NftError("you cannot use tcp reset with this protocol", NftError.Loc.of(v.first()),
                                    NftError.Loc.span(protocolFrom.first(), protocolFrom.fieldLast())));
                            return null;
                        }
                        if (protocol == 0) {
                            // nft adds the dependency a TCP reset needs, and shows it.
                            out.add(new NftExpr.Match(NftExpr.Field.L4PROTO, false, List.<long[]>of(new long[] {6, 6}), List.of(), null, false));
                        }
                        return new NftExpr.Verdict("reject", "tcp reset");
                    }
                    String code = v.target().name();
                    List<String> codes = v.with().equals("icmp") ? ICMP_CODES : ICMPX_CODES;
                    if (!codes.contains(code)) {
                        evalError("Could not parse " + v.with() + " code", v.target());
                        return null;
                    }
                    // The family's default (port unreachable, as ICMP in ip, ICMPx in inet) is printed as plain "reject".
                    boolean asDefault = code.equals("port-unreachable")
                            && v.with().equals(table.family().equals("inet") ? "icmpx" : "icmp");
                    return new NftExpr.Verdict("reject", asDefault ? null : v.with() + " " + code);
                }
                default -> {
                    return new NftExpr.Verdict(v.kind(), null);
                }
            }
        }

        /** An anonymous verdict map: its keys typed as its field's values, sorted, each verdict checked as a rule's. */
        private NftExpr.Vmap vmap(NftParser.VmapStmt m, NftTable table, List<NftExpr> out) {
            if (m.field().isInterface()) {
                unsimulated("a verdict map on " + m.field().text(), m.first());
                return null;
            }
            TreeMap<Long, Integer> order = new TreeMap<>();
            List<long[]> keys = new ArrayList<>();
            List<NftExpr.Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < m.keys().size(); i++) {
                long[] k = value(m.field(), m.keys().get(i));
                if (k == null) return null;
                NftExpr.Verdict v = verdict(m.verdicts().get(i), table, 0, null, out);
                if (v == null) return null;
                if (order.containsKey(k[0])) continue;
                order.put(k[0], keys.size());
                keys.add(k);
                verdicts.add(v);
            }
            List<long[]> sortedKeys = new ArrayList<>();
            List<NftExpr.Verdict> sortedVerdicts = new ArrayList<>();
            for (int i : order.values()) {
                sortedKeys.add(keys.get(i));
                sortedVerdicts.add(verdicts.get(i));
            }
            return new NftExpr.Vmap(m.field(), sortedKeys, sortedVerdicts);
        }

        private NftExpr.Match match(NftParser.MatchStmt m, NftTable table) {
            if (m.set() != null) {
                String name = m.set().text().substring(1);
                NftSet set = table.sets().get(name);
                if (set == null) {
                    evalError(NOENT + setHint(name), m.set());
                    return null;
                }
                return new NftExpr.Match(m.field(), m.negated(), List.of(), List.of(), name, false);
            }
            if (m.field().isInterface()) {
                List<String> names = new ArrayList<>();
                for (NftToken t : m.values()) {
                    boolean byIndex = m.field() == NftExpr.Field.IIF || m.field() == NftExpr.Field.OIF;
                    if (byIndex && !interfaceExists.test(t.name())) {
                        evalError("Interface does not exist", t);
                        return null;
                    }
                    if (!names.contains(t.name())) names.add(t.name());
                }
                if (m.braces()) names.sort(null);
                return new NftExpr.Match(m.field(), m.negated(), List.of(), names, null, m.braces() && m.values().size() > 1);
            }
            TreeMap<Long, long[]> values = new TreeMap<>();
            List<long[]> inOrder = new ArrayList<>();
            for (NftToken t : m.values()) {
                long[] r = value(m.field(), t);
                if (r == null) return null;
                values.putIfAbsent(r[0], r);
                inOrder.add(r);
            }
            List<long[]> ranges = m.braces() ? new ArrayList<>(values.values()) : inOrder;
            return new NftExpr.Match(m.field(), m.negated(), ranges, List.of(), null, m.braces() && m.values().size() > 1);
        }

        /** A value of {@code field} as [low, high]; null after its error. */
        private long[] value(NftExpr.Field field, NftToken t) {
            String text = t.name();
            if (field.isAddress()) return address(text, t);
            if (field.isPort()) return ports(text, t);
            switch (field) {
                case L4PROTO, IP_PROTOCOL -> {
                    OptionalInt p = switch (text) {
                        case "tcp" -> OptionalInt.of(6);
                        case "udp" -> OptionalInt.of(17);
                        case "icmp" -> OptionalInt.of(1);
                        default -> ProtocolNames.parse(text);
                    };
                    if (p.isEmpty()) {
                        evalError("Could not resolve protocol name", t);
                        return null;
                    }
                    return new long[] {p.getAsInt(), p.getAsInt()};
                }
                case CT_STATE -> {
                    long bit = NftText.stateNamed(text);
                    if (bit == 0) {
                        evalError("Could not parse conntrack state", t);
                        return null;
                    }
                    return new long[] {bit, bit};
                }
                case ICMP_TYPE -> {
                    int type = NftText.icmpTypeNamed(text);
                    if (type < 0 && text.chars().allMatch(Character::isDigit) && text.length() < 4 && Integer.parseInt(text) < 256) {
                        type = Integer.parseInt(text);
                    }
                    if (type < 0) {
                        evalError("Could not parse ICMP type", t);
                        return null;
                    }
                    return new long[] {type, type};
                }
                default -> {
                    evalError("No symbol type information", t);
                    return null;
                }
            }
        }

        private long[] address(String text, NftToken t) {
            int slash = text.indexOf('/');
            int dash = text.indexOf('-');
            if (slash > 0) {
                Ipv4Address a = Ipv4Address.tryParse(text.substring(0, slash)).orElse(null);
                String len = text.substring(slash + 1);
                if (a == null || len.isEmpty() || !len.chars().allMatch(Character::isDigit) || len.length() > 3) {
                    evalError("Could not resolve hostname: Name or service not known", t);
                    return null;
                }
                int bits = Integer.parseInt(len);
                if (bits > 32) {
                    evalError("Prefix length " + bits + " is invalid for type of 32 bits width", t);
                    return null;
                }
                long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                long low = Integer.toUnsignedLong(a.bits()) & mask;
                return new long[] {low, low | (~mask & 0xFFFFFFFFL)};
            }
            if (dash > 0) {
                Ipv4Address a = Ipv4Address.tryParse(text.substring(0, dash)).orElse(null);
                Ipv4Address b = Ipv4Address.tryParse(text.substring(dash + 1)).orElse(null);
                if (a != null && b != null) {
                    long low = Integer.toUnsignedLong(a.bits());
                    long high = Integer.toUnsignedLong(b.bits());
                    if (low > high) {
                        evalError("Range has zero or negative size", t);
                        return null;
                    }
                    return new long[] {low, high};
                }
            }
            Ipv4Address a = Ipv4Address.tryParse(text).orElse(null);
            if (a == null) {
                List<Ipv4Address> resolved = context.resolver().apply(text);
                if (!resolved.isEmpty()) a = resolved.get(0);
            }
            if (a == null) {
                evalError("Could not resolve hostname: Name or service not known", t);
                return null;
            }
            long v = Integer.toUnsignedLong(a.bits());
            return new long[] {v, v};
        }

        private long[] ports(String text, NftToken t) {
            int dash = text.indexOf('-', 1);
            if (dash > 0) {
                long[] low = port(text.substring(0, dash), t);
                if (low == null) return null;
                long[] high = port(text.substring(dash + 1), t);
                if (high == null) return null;
                if (low[0] > high[0]) {
                    evalError("Range has zero or negative size", t);
                    return null;
                }
                return new long[] {low[0], high[0]};
            }
            return port(text, t);
        }

        private long[] port(String text, NftToken t) {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                if (text.length() > 5 || Integer.parseInt(text) > 65535) {
                    evalError("Service out of range", t);
                    return null;
                }
                long p = Long.parseLong(text);
                return new long[] {p, p};
            }
            var port = Services.portOf(text);
            if (port.isEmpty()) {
                evalError("Could not resolve service: Servname not supported for ai_socktype", t);
                return null;
            }
            return new long[] {port.get(), port.get()};
        }

        // ---- delete, flush, list ----

        private void delete(NftParser.Command c, String family) {
            switch (c.obj()) {
                case TABLE -> {
                    String name = c.table().name();
                    NftTable t = nftables.table(family, name);
                    Table ipt = iptables(family, name);
                    if (t != null) {
                        nftables.removeTable(t);
                    } else if (ipt != null) {
                        forgotten.add(ipt.kind());
                        iptablesChanges.add(ipt::forget);
                    } else {
                        String hint = tableHint(name);
                        if (hint.isEmpty()) {
                            kernelError(NOENT, c.table());
                        } else {
                            evalError(NOENT + hint, c.table());
                        }
                    }
                }
                case CHAIN -> {
                    Object[] where = ruleChain(c, family);
                    if (where == null) return;
                    String name = c.name().name();
                    if (where[0] instanceof NftTable t) {
                        // The kernel deletes a chain's rules with it; only a jump to it keeps it.
                        if (t.references(name, null) > 0) {
                            kernelError("Device or resource busy", c.name());
                            return;
                        }
                        t.removeChain(name);
                        nftables.rehook();
                    } else {
                        Table ipt = (Table) where[1];
                        if (ipt.references(name) > 0) {
                            kernelError("Device or resource busy", c.name());
                            return;
                        }
                        iptablesChanges.add(() -> {
                            ipt.flush(name);
                            ipt.deleteChain(name);
                        });
                    }
                }
                case RULE -> {
                    Object[] where = ruleChain(c, family);
                    if (where == null) return;
                    long handle = Long.parseLong(c.position().text());
                    if (where[0] instanceof NftTable t) {
                        NftChain chain = t.chains().get(c.name().name());
                        int at = chain.indexOf(handle);
                        if (at < 0) {
                            kernelError(NOENT, c.position());
                            return;
                        }
                        chain.remove(at);
                    } else {
                        Table ipt = (Table) where[1];
                        String chainName = c.name().name();
                        List<RuleEntry> entries = ipt.chain(chainName).entries();
                        int number = -1;
                        for (int k = 0; k < entries.size(); k++) if (ipt.handleOf(entries.get(k)) == handle) number = k + 1;
                        if (number < 0) {
                            kernelError(NOENT, c.position());
                            return;
                        }
                        int n = number;
                        iptablesChanges.add(() -> ipt.delete(chainName, n));
                    }
                }
                case SET -> {
                    NftTable t = nftables.table(family, c.table().name());
                    if (t == null) {
                        evalError(NOENT + tableHint(c.table().name()), c.table());
                        return;
                    }
                    if (!t.sets().containsKey(c.name().name())) {
                        evalError(NOENT + setHint(c.name().name()), c.name());
                        return;
                    }
                    if (t.references(null, c.name().name()) > 0) {
                        kernelError("Device or resource busy", c.name());
                        return;
                    }
                    t.removeSet(c.name().name());
                }
                case ELEMENT -> elements(c, family, false);
                default -> {
                }
            }
        }

        private void flush(NftParser.Command c, String family) {
            switch (c.obj()) {
                case RULESET -> {
                    for (NftTable t : new ArrayList<>(nftables.tables())) {
                        if (c.family() == null || t.family().equals(family)) nftables.removeTable(t);
                    }
                    if (c.family() == null || family.equals("ip")) {
                        for (Table t : iptablesTables()) {
                            forgotten.add(t.kind());
                            iptablesChanges.add(t::forget);
                        }
                    }
                }
                case TABLE -> {
                    String name = c.table().name();
                    NftTable t = nftables.table(family, name);
                    Table ipt = iptables(family, name);
                    if (t != null) {
                        for (NftChain chain : t.chains().values()) chain.flush();
                    } else if (ipt != null) {
                        iptablesChanges.add(ipt::flushAll);
                    } else {
                        kernelError(NOENT, c.table());
                    }
                }
                case CHAIN -> {
                    String tableName = c.table().name();
                    String name = c.name().name();
                    NftTable t = nftables.table(family, tableName);
                    Table ipt = iptables(family, tableName);
                    if (t != null && t.chains().containsKey(name)) {
                        t.chains().get(name).flush();
                    } else if (ipt != null && ipt.chain(name) != null && ipt.chain(name).exists()) {
                        iptablesChanges.add(() -> ipt.flush(name));
                    } else {
                        kernelError(NOENT, t == null && ipt == null ? c.table() : c.name());
                    }
                }
                case SET -> {
                    NftTable t = nftables.table(family, c.table().name());
                    NftSet set = t == null ? null : t.sets().get(c.name().name());
                    if (set == null) {
                        kernelError(NOENT, t == null ? c.table() : c.name());
                        return;
                    }
                    for (Long v : new ArrayList<>(set.members(context.now()))) set.remove(v);
                }
                default -> {
                }
            }
        }

        private void list(NftParser.Command c, String family) {
            boolean anyFamily = c.family() == null;
            switch (c.obj()) {
                case RULESET, TABLES, CHAINS, SETS -> {
                    for (Object[] t : allTables()) {
                        if (!anyFamily && !t[0].equals(family)) continue;
                        if (t[3] instanceof NftTable nt) {
                            switch (c.obj()) {
                                case RULESET -> out.append(NftText.table(nt, style, context.now()));
                                case TABLES -> out.append("table ").append(nt.family()).append(' ').append(nt.name()).append('\n');
                                case CHAINS -> out.append(NftText.chainsOnly(nt, style));
                                default -> {
                                    if (!nt.sets().isEmpty()) {
                                        out.append(NftText.setsOnly(nt, new ArrayList<>(nt.sets().values()), style, context.now()));
                                    }
                                }
                            }
                        } else {
                            Table ipt = (Table) t[3];
                            switch (c.obj()) {
                                case RULESET -> {
                                    out.append(NftListing.table(ipt, style));
                                    warnIf(ipt, ipt.madeChains());
                                }
                                case TABLES -> out.append("table ip ").append(ipt.name()).append('\n');
                                case CHAINS -> out.append(NftListing.chainsOnly(ipt, style));
                                default -> {
                                }
                            }
                        }
                    }
                }
                case TABLE -> {
                    String name = c.table().name();
                    NftTable t = nftables.table(family, name);
                    Table ipt = iptables(family, name);
                    if (t != null) {
                        out.append(NftText.table(t, style, context.now()));
                    } else if (ipt != null) {
                        out.append(NftListing.table(ipt, style));
                        warnIf(ipt, ipt.madeChains());
                    } else {
                        evalError(NOENT, c.table());
                    }
                }
                case CHAIN -> {
                    String name = c.name().name();
                    NftTable t = nftables.table(family, c.table().name());
                    Table ipt = iptables(family, c.table().name());
                    if (t == null && ipt == null) {
                        evalError(NOENT, c.table());
                    } else if (t != null && t.chains().containsKey(name)) {
                        out.append(NftText.chainOnly(t, t.chains().get(name), style));
                    } else if (ipt != null && ipt.chain(name) != null && ipt.chain(name).exists()) {
                        out.append(NftListing.chainOnly(ipt, ipt.chain(name), style));
                        warnIf(ipt, List.of(ipt.chain(name)));
                    } else {
                        evalError(NOENT, c.name());
                    }
                }
                case SET -> {
                    NftTable t = nftables.table(family, c.table().name());
                    if (t == null) {
                        evalError(NOENT, c.table());
                    } else if (!t.sets().containsKey(c.name().name())) {
                        evalError(NOENT, c.name());
                    } else {
                        out.append(NftText.setsOnly(t, List.of(t.sets().get(c.name().name())), style, context.now()));
                    }
                }
                default -> {
                }
            }
        }

        private void warnIf(Table table, List<Chain> chains) {
            if (NftListing.needsWarning(chains)) warnings.add(NftListing.warning(table));
        }
    }
}
