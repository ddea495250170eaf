package dev.syssim.kernel.homework;

/**
 * What a TCP connection attempt meets, in the words of the firewall lecture: the handshake
 * completes (ACCEPT and a listener), an answer refuses it at once (REJECT's TCP reset or ICMP error,
 * or a closed port), or nothing answers and the client times out (DROP).
 */
public enum Reach {
    ACCEPTED, REFUSED, DROPPED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
