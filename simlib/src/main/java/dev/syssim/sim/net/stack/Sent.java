package dev.syssim.sim.net.stack;

/**
 * What became of a packet this machine tried to send: on its way, dropped by its own OUTPUT chain
 * (the caller sees EPERM, as Linux's {@code NF_DROP} gives it), or without a route (ENETUNREACH).
 */
public enum Sent {
    SENT,
    DROPPED,
    NO_ROUTE
}
