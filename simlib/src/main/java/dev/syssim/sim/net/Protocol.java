package dev.syssim.sim.net;

import java.util.Optional;

/** The IP protocols the simulation carries, with their numbers from {@code /etc/protocols}. */
public enum Protocol {
    ICMP(1, "icmp"),
    TCP(6, "tcp"),
    UDP(17, "udp");

    private final int number;
    private final String keyword;

    Protocol(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    /** The protocol number in the IP header. */
    public int number() {
        return number;
    }

    /** The lower-case name tools print: {@code tcp}. */
    public String keyword() {
        return keyword;
    }

    public static Optional<Protocol> fromNumber(int number) {
        for (Protocol protocol : values()) {
            if (protocol.number == number) return Optional.of(protocol);
        }
        return Optional.empty();
    }
}
