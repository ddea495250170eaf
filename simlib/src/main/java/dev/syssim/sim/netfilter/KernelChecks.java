package dev.syssim.sim.netfilter;

/**
 * Where the kernel takes each target and match ({@code xt_check_target}, {@code xt_check_match}):
 * the table it may be in and the hooks it may run at, as each extension registers them. A rule
 * outside those is refused with EINVAL ({@code RULE_APPEND failed (Invalid argument)}), as the
 * recorded corpus shows: DNAT and REDIRECT only in nat's PREROUTING and OUTPUT, SNAT in INPUT and
 * POSTROUTING, MASQUERADE in POSTROUTING; CT and NOTRACK only in raw; TTL only in mangle; REJECT
 * not in nat; {@code -m mac} only where a packet arrived, {@code -m owner} only where it is sent;
 * {@code --limit-iface-in} not on the output path; {@code -m recent --set} with {@code --seconds}
 * nowhere.
 *
 * <p>Simplified: a rule in a user chain is checked against the table only; the kernel also checks
 * it against the hooks the chain is reachable from, when it becomes reachable.
 */
final class KernelChecks {

    private KernelChecks() {
    }

    static boolean allowed(TableKind table, String chainName, Rule rule) {
        Hook hook = builtinHook(table, chainName);
        if (!targetAllowed(table, hook, rule.target())) return false;
        for (Match match : rule.matches()) {
            if (!matchAllowed(hook, match)) return false;
        }
        return true;
    }

    private static Hook builtinHook(TableKind table, String chainName) {
        for (Hook hook : table.hooks()) if (hook.chainName().equals(chainName)) return hook;
        return null;
    }

    private static boolean targetAllowed(TableKind table, Hook hook, Target target) {
        if (target instanceof Target.Dnat || target instanceof Target.Redirect) {
            return table == TableKind.NAT && (hook == null || hook == Hook.PREROUTING || hook == Hook.OUTPUT);
        }
        if (target instanceof Target.Snat) {
            return table == TableKind.NAT && (hook == null || hook == Hook.POSTROUTING || hook == Hook.INPUT);
        }
        if (target instanceof Target.Masquerade) return table == TableKind.NAT && (hook == null || hook == Hook.POSTROUTING);
        if (target instanceof Target.Ct) return table == TableKind.RAW;
        if (target instanceof Target.Ttl) return table == TableKind.MANGLE;
        if (target instanceof Target.Reject) {
            return table != TableKind.NAT && (hook == null || hook == Hook.INPUT || hook == Hook.FORWARD || hook == Hook.OUTPUT);
        }
        return true;
    }

    private static boolean matchAllowed(Hook hook, Match match) {
        if (match instanceof MacMatch) return hook == null || hook.hasInput();
        if (match instanceof OwnerMatch) return hook == null || hook == Hook.OUTPUT || hook == Hook.POSTROUTING;
        if (match instanceof AddrtypeMatch a) {
            if (a.limitIfaceIn() && hook != null && !hook.hasInput()) return false;
            return !(a.limitIfaceOut() && hook != null && !hook.hasOutput());
        }
        if (match instanceof RecentMatch r) return !(r.command() == RecentMatch.Command.SET && r.seconds() != 0);
        return true;
    }
}
