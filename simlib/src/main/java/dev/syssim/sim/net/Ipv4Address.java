package dev.syssim.sim.net;

import java.util.Optional;

/**
 * An IPv4 address, held as its 32 bits in network order ({@code 10.84.0.10} is {@code 0x0A54000A}).
 * Ordered numerically, printed in dotted-quad form.
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7F000001);

    /** Parses strict dotted-quad notation ({@code 203.0.113.50}); throws on anything else. */
    public static Ipv4Address parse(String text) {
        return tryParse(text).orElseThrow(
                () -> new IllegalArgumentException("not an IPv4 address: " + text));
    }

    /** Parses strict dotted-quad notation: four decimal numbers 0..255, no leading zeros beyond one digit. */
    public static Optional<Ipv4Address> tryParse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return Optional.empty();
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            for (int i = 0; i < part.length(); i++) {
                if (!Character.isDigit(part.charAt(i))) return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) return Optional.empty();
            bits = (bits << 8) | octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    public static Ipv4Address of(int a, int b, int c, int d) {
        for (int octet : new int[] {a, b, c, d}) {
            if (octet < 0 || octet > 255) throw new IllegalArgumentException("octet out of range: " + octet);
        }
        return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
    }

    /** The octet at position 0..3, most significant first. */
    public int octet(int index) {
        return (bits >>> (24 - 8 * index)) & 0xFF;
    }

    public boolean isLoopback() {
        return octet(0) == 127;
    }

    /** This address with every bit outside {@code mask} cleared. */
    public Ipv4Address masked(int mask) {
        return new Ipv4Address(bits & mask);
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }
}
