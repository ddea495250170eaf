package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.os.Errno;

/**
 * What an ICMP error means to a socket: the errno of Linux's {@code icmp_err_convert} table for a
 * destination-unreachable code (port unreachable is ECONNREFUSED, host or admin prohibited is
 * EHOSTUNREACH, net unreachable or prohibited ENETUNREACH, protocol unreachable ENOPROTOOPT), and
 * EHOSTUNREACH for a TTL exceeded in transit.
 */
public final class IcmpErrors {

    private IcmpErrors() {
    }

    public static Errno errnoOf(int type, int code) {
        if (type != Icmp.DEST_UNREACH) return Errno.EHOSTUNREACH;
        return switch (code) {
            case Icmp.NET_UNREACH, 6, Icmp.NET_PROHIBITED, 11 -> Errno.ENETUNREACH;
            case Icmp.PROT_UNREACH -> Errno.ENOPROTOOPT;
            case Icmp.PORT_UNREACH -> Errno.ECONNREFUSED;
            case 5 -> Errno.EOPNOTSUPP;
            default -> Errno.EHOSTUNREACH;
        };
    }
}
