package dev.syssim.sim.netfilter.ipset;

/**
 * One member of a set, whichever its type: an address with its prefix length (32 for a single
 * address; {@code hash:net} stores networks), a protocol and port ({@code hash:ip,port},
 * {@code bitmap:port}; an ICMP member's "port" is its type and code, {@code type << 8 | code}).
 * Unused fields are 0.
 */
public record Member(int ip, int cidr, int protocol, int port) {

    public static Member address(int ip) {
        return new Member(ip, 32, 0, 0);
    }

    public static Member network(int ip, int cidr) {
        return new Member(ip & mask(cidr), cidr, 0, 0);
    }

    public static Member addressPort(int ip, int protocol, int port) {
        return new Member(ip, 32, protocol, port);
    }

    public static Member port(int port) {
        return new Member(0, 0, 0, port);
    }

    static int mask(int cidr) {
        return cidr == 0 ? 0 : -1 << (32 - cidr);
    }
}
