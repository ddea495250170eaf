package dev.syssim.sim.net.stack;

/**
 * Who owns the socket a packet is sent from: the user and group of the process that made the
 * socket (the credentials of its file, {@code f_cred}, as {@code -m owner} reads them), or
 * {@link #NONE} for packets no local socket of a user sends (forwarded packets, the kernel's own
 * RSTs and ICMP errors).
 */
public record Owner(int uid, int gid) {

    public static final Owner NONE = new Owner(-1, -1);
}
