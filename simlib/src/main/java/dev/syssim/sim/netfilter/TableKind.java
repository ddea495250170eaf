package dev.syssim.sim.netfilter;

import java.util.EnumSet;
import java.util.Set;

/**
 * The iptables tables, with the hooks each attaches to (its built-in chains) and the priority that
 * orders them at a hook, as {@code iptable_*} register them: raw (-300) before conntrack (-200),
 * mangle (-150), nat's destination half (-100), filter (0), security (50), nat's source half (100).
 */
public enum TableKind {
    RAW("raw", EnumSet.of(Hook.PREROUTING, Hook.OUTPUT)),
    MANGLE("mangle", EnumSet.allOf(Hook.class)),
    NAT("nat", EnumSet.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING)),
    FILTER("filter", EnumSet.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
    SECURITY("security", EnumSet.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT));

    private final String tableName;
    private final Set<Hook> hooks;

    TableKind(String tableName, Set<Hook> hooks) {
        this.tableName = tableName;
        this.hooks = hooks;
    }

    /** The name after {@code -t} and {@code *} in iptables-save: {@code nat}. */
    public String tableName() {
        return tableName;
    }

    /** The hooks of its built-in chains, in the order iptables lists them. */
    public Set<Hook> hooks() {
        return hooks;
    }

    public static TableKind named(String name) {
        for (TableKind kind : values()) if (kind.tableName.equals(name)) return kind;
        return null;
    }
}
