package dev.syssim.sim.netfilter;

/**
 * The fate of a packet at a hook: it passes, it vanishes (the sender times out), or it is rejected
 * (the sender is told at once, by the reply {@link RejectWith#replyTo} builds).
 */
public sealed interface Verdict {

    Accept ACCEPT = new Accept();
    Drop DROP = new Drop();

    /** The packet goes on. */
    record Accept() implements Verdict {
        @Override
        public String toString() {
            return "ACCEPT";
        }
    }

    /** The packet is discarded without a word. */
    record Drop() implements Verdict {
        @Override
        public String toString() {
            return "DROP";
        }
    }

    /** The packet is discarded and the sender gets {@code with}'s reply. */
    record Reject(RejectWith with) implements Verdict {
        @Override
        public String toString() {
            return "REJECT " + with.keyword();
        }
    }

    default boolean accepted() {
        return this instanceof Accept;
    }
}
