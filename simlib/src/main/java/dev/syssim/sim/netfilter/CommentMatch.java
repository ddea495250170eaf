package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/** {@code -m comment --comment TEXT}: a note for the reader of the rules; matches every packet. */
public record CommentMatch(String comment) implements Match {

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return true;
    }
}
