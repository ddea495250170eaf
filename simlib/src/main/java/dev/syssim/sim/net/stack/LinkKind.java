package dev.syssim.sim.net.stack;

/** What kind of device is behind an interface ({@code ip -d link} names it; the queueing and carrier rules differ). */
public enum LinkKind {
    /** {@code lo}. */
    LOOPBACK,
    /** A NIC on a cable (a real or emulated Ethernet card). */
    ETHERNET,
    /** One end of a veth pair. */
    VETH,
    /** A Linux bridge's own interface. */
    BRIDGE,
    /** A tap device: its other end is a file descriptor of a process (QEMU), not a cable. */
    TAP
}
