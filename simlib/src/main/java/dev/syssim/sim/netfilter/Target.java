package dev.syssim.sim.netfilter;

/**
 * What a rule does when it matches ({@code -j}, {@code -g}): the closed family of targets. ACCEPT,
 * DROP, REJECT and the NAT targets (DNAT, SNAT, MASQUERADE, REDIRECT: they decide the connection's
 * translation and accept) end the packet's walk in the table ("terminating"); LOG, MARK, CONNMARK,
 * TTL, CT and a rule without {@code -j} let it go on to the next rule; RETURN, jumps and gotos move
 * it between chains.
 */
public sealed interface Target {

    Accept ACCEPT = new Accept();
    Drop DROP = new Drop();
    Return RETURN = new Return();
    None NONE = new None();

    /** The name in the target column of {@code iptables -L} and after {@code -j}; "" for none. */
    String name();

    /** {@code -j ACCEPT}: let the packet through this hook. */
    record Accept() implements Target {
        @Override
        public String name() {
            return "ACCEPT";
        }
    }

    /** {@code -j DROP}: discard the packet silently; the sender hears nothing and times out. */
    record Drop() implements Target {
        @Override
        public String name() {
            return "DROP";
        }
    }

    /** {@code -j REJECT --reject-with ...}: discard and tell the sender, so it fails at once. */
    record Reject(RejectWith with) implements Target {
        public static final Reject DEFAULT = new Reject(RejectWith.ICMP_PORT_UNREACHABLE);

        @Override
        public String name() {
            return "REJECT";
        }
    }

    /**
     * {@code -j LOG}: write a kernel log line about the packet and go on with the next rule.
     * {@code level} is the syslog level (4, warning, by default); {@code flags} the kernel's
     * {@code IPT_LOG_*} bits ({@code --log-tcp-sequence} 0x01, {@code --log-tcp-options} 0x02,
     * {@code --log-ip-options} 0x04, {@code --log-uid} 0x08, {@code --log-macdecode} 0x20).
     */
    record Log(int level, String prefix, int flags) implements Target {
        public static final int DEFAULT_LEVEL = 4;
        public static final int TCP_SEQUENCE = 0x01;
        public static final int TCP_OPTIONS = 0x02;
        public static final int IP_OPTIONS = 0x04;
        public static final int UID = 0x08;
        public static final int MAC_DECODE = 0x20;

        public Log {
            if (level < 0 || level > 7) throw new IllegalArgumentException("log level out of range: " + level);
            if (prefix.length() > 29) throw new IllegalArgumentException("log prefix longer than 29 characters");
        }

        @Override
        public String name() {
            return "LOG";
        }
    }

    /** {@code -j RETURN}: leave this chain; in a built-in chain the policy decides. */
    record Return() implements Target {
        @Override
        public String name() {
            return "RETURN";
        }
    }

    /** {@code -j CHAIN}: walk the user chain, then come back to the rule after this one. */
    record Jump(String chain) implements Target {
        @Override
        public String name() {
            return chain;
        }
    }

    /** {@code -g CHAIN}: walk the user chain and do not come back here; its end returns to our caller. */
    record Goto(String chain) implements Target {
        @Override
        public String name() {
            return chain;
        }
    }

    /** No {@code -j} at all: the rule only counts the packets it matches. */
    record None() implements Target {
        @Override
        public String name() {
            return "";
        }
    }

    /**
     * An address and port range of a NAT target ({@code --to-destination 10.0.0.1-10.0.0.5:80-90}):
     * addresses as raw bits, 0 when none is given (MASQUERADE takes the outgoing interface's,
     * REDIRECT the incoming one's); ports 0 when none is given (keep the packet's port).
     */
    record NatRange(int minAddress, int maxAddress, int minPort, int maxPort, boolean random, boolean fullyRandom,
                    boolean persistent) {
        public boolean hasAddress() {
            return minAddress != 0 || maxAddress != 0;
        }

        public boolean hasPorts() {
            return minPort != 0 || maxPort != 0;
        }
    }

    /** {@code -j DNAT --to-destination ADDR[-ADDR][:PORT[-PORT]]}: new connections get that destination. */
    record Dnat(NatRange range) implements Target {
        @Override
        public String name() {
            return "DNAT";
        }
    }

    /** {@code -j SNAT --to-source ADDR[-ADDR][:PORT[-PORT]]}: new connections get that source. */
    record Snat(NatRange range) implements Target {
        @Override
        public String name() {
            return "SNAT";
        }
    }

    /** {@code -j MASQUERADE [--to-ports P[-P]] [--random]}: SNAT to the outgoing interface's address. */
    record Masquerade(NatRange range) implements Target {
        @Override
        public String name() {
            return "MASQUERADE";
        }
    }

    /** {@code -j REDIRECT [--to-ports P[-P]]}: DNAT to this machine itself (the incoming interface's address). */
    record Redirect(NatRange range) implements Target {
        @Override
        public String name() {
            return "REDIRECT";
        }
    }

    /**
     * {@code -j MARK}: sets the packet's mark to {@code (mark & ~mask) ^ value} — every form
     * ({@code --set-mark}, {@code --and-mark}, {@code --or-mark}, {@code --xor-mark}) is this one,
     * as the kernel stores it ({@code --set-xmark value/mask}).
     */
    record Mark(int value, int mask) implements Target {
        @Override
        public String name() {
            return "MARK";
        }
    }

    /**
     * {@code -j CONNMARK}: {@code SET} sets the connection's mark as MARK sets the packet's;
     * {@code SAVE} copies the packet's mark (under {@code nfMask}) to the connection, {@code RESTORE}
     * the connection's (under {@code ctMask}) to the packet.
     */
    record Connmark(Mode mode, int value, int ctMask, int nfMask) implements Target {
        /** What CONNMARK does. */
        public enum Mode { SET, SAVE, RESTORE }

        @Override
        public String name() {
            return "CONNMARK";
        }
    }

    /** {@code -j TTL --ttl-set|--ttl-inc|--ttl-dec N} (mangle only). */
    record Ttl(Mode mode, int value) implements Target {
        /** How the TTL changes. */
        public enum Mode { SET, INC, DEC }

        @Override
        public String name() {
            return "TTL";
        }
    }

    /**
     * {@code -j CT [--notrack]} and its old name {@code -j NOTRACK} ({@code oldName}), raw table only:
     * with notrack, the packet is never tracked (state UNTRACKED). {@code iptables -L} names both CT.
     */
    record Ct(boolean notrack, boolean oldName) implements Target {
        @Override
        public String name() {
            return oldName ? "NOTRACK" : "CT";
        }
    }
}
