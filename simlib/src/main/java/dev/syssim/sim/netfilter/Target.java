package dev.syssim.sim.netfilter;

/**
 * What a rule does when it matches ({@code -j}, {@code -g}): the closed family of targets. ACCEPT,
 * DROP and REJECT end the packet's walk ("terminating"); LOG and a rule without {@code -j} let it
 * go on to the next rule; RETURN, jumps and gotos move it between chains.
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
}
