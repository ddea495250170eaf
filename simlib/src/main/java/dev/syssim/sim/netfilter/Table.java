package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One table of one machine (filter, nat, mangle, raw or security): the built-in chains of the
 * hooks it attaches to, with their policies, and the user chains. Changes answer like the kernel,
 * with a {@link ChangeResult}, and are all-or-nothing: a change the kernel would refuse leaves the
 * table as it was. The checks that depend on the table and chain (DNAT only in nat's PREROUTING
 * and OUTPUT, owner only on the output path, ...) are the kernel's, made in {@link #validate}.
 */
public final class Table {

    private final TableKind kind;
    private final Map<Hook, Chain> builtins = new java.util.EnumMap<>(Hook.class);
    private final Map<String, Chain> chains = new HashMap<>();
    private final RuleEvaluator evaluator = new RuleEvaluator(this);
    private boolean touched;
    /** Told after every change of the rules, so the machine can keep the state rules own (recent lists, hashlimit tables). */
    private Runnable rulesChanged = () -> { };
    /** The nftables handles iptables-nft's rules get in the kernel (nft -a shows them), by rule. */
    private final Map<RuleEntry, Long> ruleHandles = new java.util.IdentityHashMap<>();
    private long nextHandle = 1;
    private long nextMade = 1;
    /** The table's own handle and place among all tables of the machine, from its first chain on; 0 before. */
    private long handle;
    private java.util.function.LongSupplier tableHandles = () -> 1;

    /** An empty filter table. */
    public static Table filter() {
        return new Table(TableKind.FILTER);
    }

    /** An empty table: no rules, no user chains, every policy ACCEPT, every counter zero. */
    public Table(TableKind kind) {
        this.kind = kind;
        for (Hook hook : kind.hooks()) {
            Chain chain = Chain.builtin(hook);
            builtins.put(hook, chain);
            chains.put(chain.name(), chain);
        }
    }

    // ---- reading ----

    public TableKind kind() {
        return kind;
    }

    /** Whether a command has changed this table, so it exists in the kernel (iptables-save lists it). */
    public boolean touched() {
        return touched;
    }

    public void touch() {
        touched = true;
    }

    /** Where the table's handle comes from when iptables-nft first makes it (the machine's counter, shared with nft's tables). */
    void handlesFrom(java.util.function.LongSupplier source) {
        this.tableHandles = source;
    }

    /** The table's nftables handle, 0 while iptables-nft has not made it in the kernel. */
    public long handle() {
        return handle;
    }

    /** {@code nft add table ip filter}: the table made in the kernel, no chain in it yet. */
    public void makeTable() {
        if (handle == 0) handle = tableHandles.getAsLong();
    }

    /** The chains iptables-nft has made in the kernel, in the order it made them (as nft lists them). */
    public List<Chain> madeChains() {
        List<Chain> out = new ArrayList<>();
        for (Chain c : chains.values()) if (c.exists()) out.add(c);
        out.sort(java.util.Comparator.comparingLong(Chain::made));
        return out;
    }

    /** The rule's nftables handle. */
    public long handleOf(RuleEntry entry) {
        Long h = ruleHandles.get(entry);
        return h == null ? 0 : h;
    }

    /** iptables-nft makes a chain in the kernel when it is first used: the table with it if need be. */
    private void make(Chain chain) {
        if (chain.exists()) return;
        if (handle == 0) handle = tableHandles.getAsLong();
        chain.made(nextHandle++, nextMade++);
        touched = true;
    }

    /**
     * {@code nft flush ruleset} or {@code nft delete table}: the table as if it had never been
     * made — no rules, no user chains, policies ACCEPT, counters zero, no handles.
     */
    public void forget() {
        chains.clear();
        builtins.clear();
        for (Hook hook : kind.hooks()) {
            Chain chain = Chain.builtin(hook);
            builtins.put(hook, chain);
            chains.put(chain.name(), chain);
        }
        ruleHandles.clear();
        nextHandle = 1;
        nextMade = 1;
        handle = 0;
        touched = false;
        rulesChanged.run();
    }

    /** Who to tell when the rules change (the machine's {@link Netfilter}). */
    void onRulesChanged(Runnable listener) {
        this.rulesChanged = listener;
    }

    public String name() {
        return kind.tableName();
    }

    /** The chain of that name (case matters: {@code forward} is not {@code FORWARD}), or null. */
    public Chain chain(String name) {
        return chains.get(name);
    }

    public Chain builtin(Hook hook) {
        return builtins.get(hook);
    }

    /** All chains in the order iptables lists them: INPUT, FORWARD, OUTPUT, then user chains by name. */
    public List<Chain> chains() {
        List<Chain> ordered = new ArrayList<>(builtins.values());
        ordered.addAll(userChains());
        return ordered;
    }

    /** The user chains sorted by name in byte order, as iptables-nft keeps them. */
    public List<Chain> userChains() {
        TreeMap<String, Chain> sorted = new TreeMap<>();
        for (Chain chain : chains.values()) {
            if (!chain.isBuiltin()) sorted.put(chain.name(), chain);
        }
        return new ArrayList<>(sorted.values());
    }

    /** How many rules jump or go to the chain: the "references" {@code iptables -L} shows. */
    public int references(String name) {
        int count = 0;
        for (Chain chain : chains.values()) {
            for (RuleEntry entry : chain.entryArray()) {
                if (targetChain(entry.rule().target()).filter(name::equals).isPresent()) count++;
            }
        }
        return count;
    }

    /** Whether the chain holds a rule equal to {@code rule} ({@code iptables -C}). */
    public ChangeResult check(String chainName, Rule rule) {
        Chain chain = chains.get(chainName);
        if (chain == null) return ChangeResult.NO_SUCH_CHAIN;
        return indexOf(chain, rule) >= 0 ? ChangeResult.OK : ChangeResult.NO_MATCHING_RULE;
    }

    // ---- evaluation ----

    /**
     * Walks {@code packet} through the built-in chain of {@code hook} and the chains it jumps to,
     * counting it, and returns the verdict with its TRACE steps and LOG lines. {@code in} and
     * {@code out} are interface names, "" where there is none (no {@code in} in OUTPUT, no
     * {@code out} in INPUT). {@code state} is the packet's conntrack state.
     */
    public HookResult evaluate(Hook hook, Packet packet, String in, String out, CtState state) {
        return evaluator.evaluate(new Skb(packet, hook, in, out, 0, null, state));
    }

    /** Walks the packet of {@code skb} through this table's chain at its hook; targets may change {@code skb}. */
    public HookResult evaluate(Skb skb) {
        return evaluator.evaluate(skb);
    }

    // ---- chains ----

    /** {@code iptables -N}: a new, empty user chain. */
    public ChangeResult newChain(String name) {
        if (chains.containsKey(name)) return ChangeResult.CHAIN_EXISTS;
        Chain chain = Chain.user(name);
        chains.put(name, chain);
        make(chain);
        return ChangeResult.OK;
    }

    /**
     * {@code iptables -X NAME}. A user chain must be empty and not jumped to (the kernel says
     * EBUSY). A built-in chain "goes away" only when empty with policy ACCEPT, as iptables-nft
     * allows; it comes back at once, as new, so its policy counters start again at zero.
     */
    public ChangeResult deleteChain(String name) {
        Chain chain = chains.get(name);
        if (chain == null) return ChangeResult.NO_SUCH_CHAIN;
        if (chain.isBuiltin()) {
            if (!chain.isEmpty() || chain.policy() != Policy.ACCEPT) return ChangeResult.BUILTIN_IN_USE;
            chain.policyCounters().zero();
            chain.made(0, 0);
            return ChangeResult.OK;
        }
        if (!chain.isEmpty() || references(name) > 0) return ChangeResult.CHAIN_IN_USE;
        chains.remove(name);
        return ChangeResult.OK;
    }

    /**
     * {@code iptables -X}: every user chain, in one transaction. Fails as a whole if one of them
     * still has rules or is jumped to from a built-in chain; returns the first such chain's name.
     * Empty built-in chains with policy ACCEPT are deleted and come back fresh, as with -X NAME.
     */
    public Optional<String> deleteUserChains() {
        for (Chain chain : userChains()) {
            if (!chain.isEmpty()) return Optional.of(chain.name());
        }
        for (Chain chain : userChains()) {
            if (references(chain.name()) > 0) return Optional.of(chain.name());
        }
        for (Chain chain : userChains()) chains.remove(chain.name());
        for (Chain chain : builtins.values()) {
            if (chain.isEmpty() && chain.policy() == Policy.ACCEPT) {
                chain.policyCounters().zero();
                chain.made(0, 0);
            }
        }
        return Optional.empty();
    }

    /** {@code iptables -E OLD NEW}: renames a user chain and every jump to it. */
    public ChangeResult renameChain(String oldName, String newName) {
        if (chains.containsKey(newName)) return ChangeResult.CHAIN_EXISTS;
        Chain chain = chains.get(oldName);
        // The nf_tables backend looks the old name up among the user chains only, so a built-in
        // chain is "not found" (ENOENT), checked after the new name (EEXIST first, as on Linux).
        if (chain == null || chain.isBuiltin()) return ChangeResult.NO_SUCH_CHAIN;
        chains.remove(oldName);
        chains.put(newName, chain.renamed(newName));
        for (Chain each : chains.values()) {
            RuleEntry[] entries = each.entryArray();
            for (int i = 0; i < entries.length; i++) {
                Target target = entries[i].rule().target();
                Target renamed = target instanceof Target.Jump j && j.chain().equals(oldName) ? new Target.Jump(newName)
                        : target instanceof Target.Goto g && g.chain().equals(oldName) ? new Target.Goto(newName)
                        : null;
                if (renamed != null) {
                    each.replace(i + 1, new RuleEntry(entries[i].rule().withTarget(renamed), entries[i].counters()));
                    entries = each.entryArray();
                }
            }
        }
        return ChangeResult.OK;
    }

    /** {@code iptables -P CHAIN POLICY}: only built-in chains have one. */
    public ChangeResult setPolicy(String chainName, Policy policy) {
        Chain chain = chains.get(chainName);
        if (chain == null || !chain.isBuiltin()) return ChangeResult.NOT_BUILTIN;
        make(chain);
        chain.setPolicy(policy);
        return ChangeResult.OK;
    }

    // ---- rules ----

    /** {@code iptables -A}: appends the rules (one per address pair of the command) in order. */
    public ChangeResult append(String chainName, List<RuleEntry> entries) {
        Chain chain = chains.get(chainName);
        if (chain == null) return ChangeResult.NO_SUCH_CHAIN;
        return insertChecked(chain, chain.size() + 1, entries);
    }

    /** {@code iptables -I CHAIN N}: the first new rule becomes number {@code number} (1 .. size + 1). */
    public ChangeResult insert(String chainName, int number, List<RuleEntry> entries) {
        Chain chain = chains.get(chainName);
        if (chain == null) return ChangeResult.NO_SUCH_CHAIN;
        if (number < 1 || number > chain.size() + 1) return ChangeResult.INDEX_TOO_BIG;
        return insertChecked(chain, number, entries);
    }

    /** {@code iptables -R CHAIN N}: replaces rule {@code number}; the new rule's counters are the entry's. */
    public ChangeResult replace(String chainName, int number, RuleEntry entry) {
        Chain chain = chains.get(chainName);
        if (chain == null || !chain.exists()) return ChangeResult.NO_SUCH_CHAIN;
        if (number < 1 || number > chain.size()) return ChangeResult.INDEX_TOO_BIG;
        ChangeResult valid = validate(chainName, entry.rule());
        if (!valid.ok()) return valid;
        RuleEntry[] before = chain.entryArray();
        Long old = ruleHandles.get(before[number - 1]);
        chain.replace(number, entry);
        ChangeResult result = keepIfAcyclic(chain, before);
        if (result.ok() && old != null) ruleHandles.put(entry, old);
        return result;
    }

    /**
     * {@code iptables -D CHAIN N}. Like -R N and -Z, it looks the chain up in the kernel, where a
     * built-in chain no command has used yet does not exist: "No chain/target/match by that name".
     */
    public ChangeResult delete(String chainName, int number) {
        Chain chain = chains.get(chainName);
        if (chain == null || !chain.exists()) return ChangeResult.NO_SUCH_CHAIN;
        if (number < 1 || number > chain.size()) return ChangeResult.INDEX_TOO_BIG;
        chain.remove(number);
        rulesChanged.run();
        return ChangeResult.OK;
    }

    /** {@code iptables -D CHAIN RULE...}: deletes the first rule equal to {@code rule}. */
    public ChangeResult delete(String chainName, Rule rule) {
        Chain chain = chains.get(chainName);
        if (chain == null) return ChangeResult.NO_SUCH_CHAIN;
        int index = indexOf(chain, rule);
        if (index < 0) return ChangeResult.NO_MATCHING_RULE;
        chain.remove(index + 1);
        rulesChanged.run();
        return ChangeResult.OK;
    }

    /** {@code iptables -F CHAIN}: removes its rules; the policy stays. iptables-nft makes the chain if need be. */
    public ChangeResult flush(String chainName) {
        Chain chain = chains.get(chainName);
        if (chain == null) return ChangeResult.NO_SUCH_CHAIN;
        make(chain);
        chain.clear();
        rulesChanged.run();
        return ChangeResult.OK;
    }

    /**
     * {@code iptables -v -F} flushes the built-in chains one by one by name, which makes each in
     * the kernel (the table with them); a plain {@code -F} flushes only the chains that exist.
     */
    public void makeBuiltinChains() {
        for (Chain chain : builtins.values()) make(chain);
    }

    /** {@code iptables -F}: every chain's rules. */
    public void flushAll() {
        for (Chain chain : chains.values()) chain.clear();
        rulesChanged.run();
    }

    /** {@code iptables -Z CHAIN}: zeroes its rules' counters and, if built-in, its policy's. */
    public ChangeResult zero(String chainName) {
        Chain chain = chains.get(chainName);
        if (chain == null || !chain.exists()) return ChangeResult.NO_SUCH_CHAIN;
        chain.policyCounters().zero();
        for (RuleEntry entry : chain.entryArray()) entry.counters().zero();
        return ChangeResult.OK;
    }

    /** {@code iptables -Z CHAIN N}. */
    public ChangeResult zero(String chainName, int number) {
        Chain chain = chains.get(chainName);
        if (chain == null || !chain.exists()) return ChangeResult.NO_SUCH_CHAIN;
        // Real 1.8.9 (nf_tables) zeroes nothing and exits 0 for a rule number past the end.
        if (number > chain.size()) return ChangeResult.OK;
        if (number < 1) return ChangeResult.INDEX_TOO_BIG;
        chain.entry(number).counters().zero();
        return ChangeResult.OK;
    }

    /** {@code iptables -Z}: every counter of the table. */
    public void zeroAll() {
        for (Chain chain : chains.values()) zero(chain.name());
    }

    /**
     * The checks the kernel makes on a rule before it takes it: a REJECT with tcp-reset needs
     * {@code -p tcp}; nf_tables refuses a negated address with mask 0 ({@code ! -s 0.0.0.0/0}); an
     * option-less tcp/udp match and an icmp match need their protocol; a jump needs an existing
     * user chain.
     */
    public ChangeResult validate(String chainName, Rule rule) {
        if (!KernelChecks.allowed(kind, chainName, rule)) return ChangeResult.INVALID_RULE;
        return validate(rule);
    }

    /** The checks that do not depend on the table and chain. */
    public ChangeResult validate(Rule rule) {
        Target target = rule.target();
        if (target instanceof Target.Reject reject && reject.with() == RejectWith.TCP_RESET
                && !rule.protocol().is(6)) {
            return ChangeResult.INVALID_RULE;
        }
        if ((rule.source().inverted() && rule.source().cidr().isAny())
                || (rule.destination().inverted() && rule.destination().cidr().isAny())) {
            return ChangeResult.INVALID_RULE;
        }
        for (Match match : rule.matches()) {
            // nf_tables turns port tests into its own expressions; only a match left to the xtables
            // compatibility layer (an option-less -m tcp/udp, -m icmp) meets the kernel's protocol check.
            int needed = match instanceof TcpMatch tcp && tcp.isEmpty() ? 6
                    : match instanceof UdpMatch udp && udp.isEmpty() ? 17
                    : match instanceof IcmpMatch ? 1 : 0;
            if (needed != 0 && !rule.protocol().is(needed)) return ChangeResult.INVALID_RULE;
        }
        Optional<String> jumpTo = targetChain(target);
        if (jumpTo.isPresent()) {
            Chain chain = chains.get(jumpTo.get());
            if (chain == null) return ChangeResult.NO_SUCH_TARGET;
            if (chain.isBuiltin()) return chain.exists() ? ChangeResult.JUMP_TO_BUILTIN : ChangeResult.JUMP_TO_UNMADE_BUILTIN;
        }
        return ChangeResult.OK;
    }

    // ---- whole table ----

    /** A deep copy (counters included), for changes that must apply all at once or not at all. */
    public Table copy() {
        Table copy = new Table(kind);
        copy.chains.clear();
        for (Chain chain : chains.values()) {
            Chain c = chain.copy();
            copy.chains.put(c.name(), c);
            if (c.isBuiltin()) copy.builtins.put(Hook.valueOf(c.name()), c);
        }
        return copy;
    }

    /** Takes over the chains of {@code other}, as one atomic commit (iptables-restore). */
    public void replaceWith(Table other) {
        chains.clear();
        builtins.clear();
        for (Chain chain : other.chains.values()) {
            chains.put(chain.name(), chain);
            if (chain.isBuiltin()) builtins.put(Hook.valueOf(chain.name()), chain);
        }
        // iptables-restore declares every chain of the table (":INPUT ACCEPT [0:0]"): all are made.
        for (Chain chain : builtins.values()) make(chain);
        for (Chain chain : userChains()) make(chain);
        for (Chain chain : chains.values()) {
            for (RuleEntry entry : chain.entryArray()) ruleHandles.computeIfAbsent(entry, e -> nextHandle++);
        }
        rulesChanged.run();
    }

    // ---- helpers ----

    private ChangeResult insertChecked(Chain chain, int number, List<RuleEntry> entries) {
        for (RuleEntry entry : entries) {
            ChangeResult valid = validate(chain.name(), entry.rule());
            if (!valid.ok()) return valid;
        }
        RuleEntry[] before = chain.entryArray();
        chain.insert(number, entries);
        ChangeResult result = keepIfAcyclic(chain, before);
        if (result.ok()) {
            make(chain);
            for (RuleEntry entry : entries) ruleHandles.put(entry, nextHandle++);
        }
        return result;
    }

    /** Keeps a change unless it made a loop or too deep a nesting of jumps; else puts {@code before} back. */
    private ChangeResult keepIfAcyclic(Chain changed, RuleEntry[] before) {
        ChangeResult shape = JumpGraph.check(this);
        if (!shape.ok()) changed.setEntries(before);
        else rulesChanged.run();
        return shape;
    }

    private static int indexOf(Chain chain, Rule rule) {
        RuleEntry[] entries = chain.entryArray();
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].rule().equals(rule)) return i;
        }
        return -1;
    }

    static Optional<String> targetChain(Target target) {
        if (target instanceof Target.Jump jump) return Optional.of(jump.chain());
        if (target instanceof Target.Goto jump) return Optional.of(jump.chain());
        return Optional.empty();
    }
}
