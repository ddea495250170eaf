package dev.syssim.sim.netfilter;

/**
 * The outcome of a change to the filter table, as the kernel answers it: done, or why not (the
 * errno behind each is named). The iptables tool turns these into its messages.
 */
public enum ChangeResult {
    OK,
    /** ENOENT: the chain does not exist. */
    NO_SUCH_CHAIN,
    /** EEXIST: a chain of that name exists already. */
    CHAIN_EXISTS,
    /** EBUSY from the kernel: a user chain still has rules or is jumped to. */
    CHAIN_IN_USE,
    /** EBUSY in iptables: a built-in chain can only go away when empty with policy ACCEPT. */
    BUILTIN_IN_USE,
    /** ENOENT: a policy was set on a chain that is not built-in. */
    NOT_BUILTIN,
    /** E2BIG: the rule number is beyond the end of the chain. */
    INDEX_TOO_BIG,
    /** ENOENT: no rule in the chain is equal to the one given. */
    NO_MATCHING_RULE,
    /** The jump target chain does not exist. */
    NO_SUCH_TARGET,
    /** EINVAL from the kernel: a rule it refuses (tcp-reset without -p tcp, negated /0, ...). */
    INVALID_RULE,
    /** EOPNOTSUPP: a jump to a built-in chain. */
    JUMP_TO_BUILTIN,
    /** ENOENT: a jump to a built-in chain not yet made in the kernel (nf_tables finds no such chain). */
    JUMP_TO_UNMADE_BUILTIN,
    /** ELOOP: the change would make a jump loop reachable from a built-in chain. */
    LOOP,
    /** EMLINK: the change would nest jumps deeper than the kernel's 16 levels. */
    TOO_DEEP;

    public boolean ok() {
        return this == OK;
    }
}
