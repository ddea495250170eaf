package dev.syssim.sim.netfilter.tools;

import static dev.syssim.sim.netfilter.tools.CommandParser.*;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.netfilter.AddressMatch;
import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.ChangeResult;
import dev.syssim.sim.netfilter.Counters;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.Policy;
import dev.syssim.sim.netfilter.ProtocolMatch;
import dev.syssim.sim.netfilter.Rule;
import dev.syssim.sim.netfilter.RuleEntry;
import dev.syssim.sim.netfilter.Target;
import dev.syssim.sim.netfilter.TcpMatch;
import dev.syssim.sim.netfilter.UdpMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a parsed iptables command on a filter table ({@code do_commandx} and the nf_tables
 * backend): builds the rules, checks the jump target, applies the change, and turns the kernel's
 * answer into iptables' message. Output goes to {@code stdout}; a failure is thrown as the
 * {@link XtablesError} iptables would exit with, after which the table is unchanged.
 */
final class CommandExecutor {

    private final Table table;
    private final StringBuilder stdout;
    /** The iptables-restore line this command is on, or -1 for iptables itself. */
    private final int line;

    CommandExecutor(Table table, StringBuilder stdout, int line) {
        this.table = table;
        this.stdout = stdout;
        this.line = line;
    }

    /** Rules the command describes, one per source and destination address pair; checks nf_tables makes on building them. */
    static List<Rule> rules(State s) {
        List<Match> matches = new ArrayList<>();
        for (MatchExtension extension : s.matches) {
            Match match = extension.build();
            if (match instanceof TcpMatch tcp && !tcp.isEmpty() && s.protocol != 6) {
                throw XtablesError.parameter("TCP match requires '-p tcp'");
            }
            if (match instanceof UdpMatch udp && !udp.isEmpty() && s.protocol != 17) {
                throw XtablesError.parameter("UDP match requires '-p udp'");
            }
            matches.add(match);
        }
        Target target = s.target != null ? s.target.build()
                : s.jumpTo == null ? Target.NONE
                : s.goTo ? new Target.Goto(s.jumpTo) : new Target.Jump(s.jumpTo);
        ProtocolMatch protocol = new ProtocolMatch(s.protocol, s.protocolInverted);
        List<Rule> rules = new ArrayList<>();
        for (Cidr source : s.sources) {
            for (Cidr destination : s.destinations) {
                rules.add(new Rule(new AddressMatch(source, s.sourceInverted),
                        new AddressMatch(destination, s.destinationInverted), s.in, s.out, protocol, s.fragment,
                        matches, target));
            }
        }
        return rules;
    }

    /** The chain a rule command jumps to, if it names one, must exist (iptables checks before the kernel). */
    void assertJumpTargetExists(State s) {
        if (s.target == null && s.jumpTo != null && table.chain(s.jumpTo) == null) {
            throw XtablesError.parameter("Chain '" + s.jumpTo + "' does not exist");
        }
    }

    void execute(State s, List<Rule> rules) {
        boolean verbose = s.has(OPT_VERBOSE);
        // The table comes to exist in the kernel (iptables-save shows it) only with the first
        // chain a command makes: -A, -I, -N, -P, -F CHAIN do; -C, -D, -Z, -X and failures do not.
        switch (s.command) {
            case CMD_APPEND -> {
                if (verbose) echo(rules);
                require(table.append(s.chain, entries(rules, s)), "RULE_APPEND", "rule in chain " + s.chain, "");
            }
            case CMD_INSERT -> {
                if (verbose) echo(rules);
                List<RuleEntry> entries = entries(rules, s);
                // Each address pair is inserted at the same place, so the last ends up first.
                Collections.reverse(entries);
                require(table.insert(s.chain, s.ruleNumber, entries), "RULE_INSERT", "rule in chain " + s.chain,
                        "Index of insertion too big");
            }
            case CMD_REPLACE -> {
                if (verbose) echo(rules);
                require(table.replace(s.chain, s.ruleNumber, entries(rules, s).get(0)), "RULE_REPLACE",
                        "rule in chain " + s.chain, "Index of replacement too big");
            }
            case CMD_DELETE -> {
                if (verbose) echo(rules);
                for (Rule rule : rules) require(ruleLookup(table.check(s.chain, rule)), "RULE_DELETE", "", "");
                for (Rule rule : rules) table.delete(s.chain, rule);
            }
            case CMD_DELETE_NUM -> require(table.delete(s.chain, s.ruleNumber), "RULE_DELETE", "",
                    "Index of deletion too big");
            case CMD_CHECK -> {
                if (verbose) echo(rules);
                for (Rule rule : rules) require(ruleLookup(table.check(s.chain, rule)), "RULE_CHECK", "", "");
            }
            case CMD_FLUSH -> flush(s.chain, verbose);
            case CMD_ZERO -> zero(s.chain, verbose);
            case CMD_ZERO_NUM -> require(ruleLookup(table.zero(s.chain, s.ruleNumber)), "", "", "");
            case CMD_NEW_CHAIN -> require(table.newChain(s.chain), "CHAIN_USER_ADD", "chain " + s.chain, "");
            case CMD_DELETE_CHAIN -> deleteChain(s.chain, verbose);
            case CMD_RENAME_CHAIN -> renameChain(s.chain, s.newName);
            case CMD_SET_POLICY -> setPolicy(s);
            default -> list(s);
        }
    }

    // ---- the commands ----

    private void flush(String chain, boolean verbose) {
        if (chain != null) {
            require(table.flush(chain), "", "", "");
            if (verbose) stdout.append("Flushing chain `").append(chain).append("'\n");
            return;
        }
        if (verbose) {
            table.makeBuiltinChains();
            for (Chain each : table.chains()) stdout.append("Flushing chain `").append(each.name()).append("'\n");
        }
        table.flushAll();
    }

    private void zero(String chain, boolean verbose) {
        if (chain != null) {
            require(table.zero(chain), "", "", "");
            if (verbose) stdout.append("Zeroing chain `").append(chain).append("'\n");
            return;
        }
        if (verbose) {
            // Only the chains the kernel has: a built-in chain nothing has used yet is not zeroed.
            for (Chain each : table.chains()) {
                if (each.exists()) stdout.append("Zeroing chain `").append(each.name()).append("'\n");
            }
        }
        table.zeroAll();
    }

    private void deleteChain(String chain, boolean verbose) {
        if (chain != null) {
            boolean user = table.chain(chain) != null && !table.chain(chain).isBuiltin();
            require(table.deleteChain(chain), "CHAIN_DEL", "chain " + chain, "");
            if (verbose && user) stdout.append("Deleting chain `").append(chain).append("'\n");
            return;
        }
        List<Chain> users = table.userChains();
        Optional<String> busy = table.deleteUserChains();
        if (busy.isPresent()) throw kernel("CHAIN_DEL", "Device or resource busy", "chain " + busy.get());
        if (verbose) {
            for (Chain each : users) stdout.append("Deleting chain `").append(each.name()).append("'\n");
        }
    }

    private void renameChain(String chain, String newName) {
        ChangeResult result = table.renameChain(chain, newName);
        if (result == ChangeResult.CHAIN_EXISTS) throw XtablesError.plain("iptables: File exists.\n", 1);
        require(result, "CHAIN_RENAME", "chain " + newName, "");
    }

    private void setPolicy(State s) {
        Optional<Policy> policy = Policy.parse(s.policy);
        if (policy.isEmpty()) {
            throw XtablesError.plain("iptables: Bad policy name. Run `dmesg' for more information.\n", 1);
        }
        // -c is accepted with -P, but 1.8.9 (nf_tables) does not set the policy's counters from it.
        require(table.setPolicy(s.chain, policy.get()), "CHAIN_UPDATE", "chain " + s.chain, "");
    }

    private void list(State s) {
        boolean listing = (s.command & CMD_LIST) != 0;
        if (s.chain != null && table.chain(s.chain) == null) {
            // 1.8.9's nf_tables listing asks whether the chain is one iptables can show before it
            // asks whether it exists, and a missing chain fails the first question.
            throw XtablesError.other("chain `" + s.chain + "' in table `" + table.kind().tableName()
                    + "' is incompatible, use 'nft' tool.");
        }
        if (listing) {
            stdout.append(Listings.list(table, s.chain, s.ruleNumber, new ListFormat.Options(s.has(OPT_VERBOSE),
                    s.has(OPT_NUMERIC), s.has(OPT_EXPANDED), s.has(OPT_LINENUMBERS))));
        } else {
            stdout.append(Listings.rules(table, s.chain, s.ruleNumber, s.has(OPT_VERBOSE)));
        }
        if ((s.command & CMD_ZERO) != 0) {
            // -L -Z sends the zeroing in the batch after listing: a built-in chain not yet made
            // fails there, in the kernel, after the listing has been printed.
            if (s.chain != null && !table.chain(s.chain).exists()) {
                throw kernel("CHAIN_ZERO", "No such file or directory", "chain " + s.chain);
            }
            if (s.chain == null && s.has(OPT_VERBOSE)) {
                // After a listing every built-in chain is in iptables' cache, made or not: all are named.
                for (Chain each : table.chains()) stdout.append("Zeroing chain `").append(each.name()).append("'\n");
                table.zeroAll();
            } else {
                zero(s.chain, s.has(OPT_VERBOSE));
            }
        }
        if ((s.command & CMD_ZERO_NUM) != 0) require(table.zero(s.chain, s.ruleNumber), "", "", "");
    }

    // ---- helpers ----

    private void echo(List<Rule> rules) {
        for (Rule rule : rules) stdout.append(ListFormat.echo(rule));
    }

    private static List<RuleEntry> entries(List<Rule> rules, State s) {
        List<RuleEntry> entries = new ArrayList<>();
        for (Rule rule : rules) entries.add(new RuleEntry(rule, new Counters(s.packets, s.bytes)));
        return entries;
    }

    /**
     * Turns a refusal into iptables' words. {@code operation} and {@code object} name the nf_tables
     * batch step for errors the kernel reports; {@code indexMessage} is what E2BIG means here.
     */
    private void require(ChangeResult result, String operation, String object, String indexMessage) {
        switch (result) {
            case OK -> {
            }
            case NO_SUCH_CHAIN, NO_SUCH_TARGET -> throw noSuchChain();
            case CHAIN_EXISTS -> throw XtablesError.plain("iptables: Chain already exists.\n", 1);
            case INDEX_TOO_BIG -> throw indexMessage.isEmpty() ? noSuchChain()
                    : XtablesError.plain("iptables: " + indexMessage + ".\n", 1);
            case NO_MATCHING_RULE -> throw XtablesError.plain(
                    "iptables: Bad rule (does a matching rule exist in that chain?).\n", 1);
            case NOT_BUILTIN -> throw XtablesError.plain("iptables: Bad built-in chain name.\n", 1);
            case BUILTIN_IN_USE -> throw XtablesError.plain("iptables: Directory not empty.\n", 1);
            case CHAIN_IN_USE -> throw kernel(operation, "Device or resource busy", object);
            case INVALID_RULE -> throw kernel(operation, "Invalid argument", object);
            case JUMP_TO_BUILTIN -> throw kernel(operation, "Operation not supported", object);
            case JUMP_TO_UNMADE_BUILTIN -> throw kernel(operation, "No such file or directory", object);
            case LOOP -> throw kernel(operation, "Too many levels of symbolic links", object);
            case TOO_DEEP -> throw kernel(operation, "Too many links", object);
        }
    }

    /**
     * The commands that look a rule up ({@code -C}, {@code -D} by rule, {@code -Z CHAIN N}) find
     * no rule in a chain that does not exist: nf_tables' rule lookup answers "Bad rule", not "No chain".
     */
    private static ChangeResult ruleLookup(ChangeResult result) {
        return result == ChangeResult.NO_SUCH_CHAIN ? ChangeResult.NO_MATCHING_RULE : result;
    }

    private static XtablesError noSuchChain() {
        return XtablesError.plain("iptables: No chain/target/match by that name.\n", 1);
    }

    /** An error the kernel answered to the nf_tables batch: {@code  RULE_APPEND failed (Invalid argument): rule in chain X}. */
    private XtablesError kernel(String operation, String errno, String object) {
        String where = line >= 0 ? "\nline " + line + ": " : " ";
        return XtablesError.resource(where + operation + " failed (" + errno + "): " + object);
    }
}
