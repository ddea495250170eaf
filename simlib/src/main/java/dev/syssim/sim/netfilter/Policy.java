package dev.syssim.sim.netfilter;

import java.util.Optional;

/** What a built-in chain does with a packet no rule decided on: {@code iptables -P CHAIN ACCEPT|DROP}. */
public enum Policy {
    ACCEPT,
    DROP;

    /** Parses a policy name exactly as the kernel accepts it: upper case, ACCEPT or DROP only. */
    public static Optional<Policy> parse(String name) {
        for (Policy policy : values()) {
            if (policy.name().equals(name)) return Optional.of(policy);
        }
        return Optional.empty();
    }

    public Verdict verdict() {
        return this == ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
    }
}
