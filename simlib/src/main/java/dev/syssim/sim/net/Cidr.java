package dev.syssim.sim.net;

import java.util.Optional;

/**
 * An address with a netmask, such as {@code 10.84.0.0/16}; a host is a {@code /32}. Host bits are
 * cleared, as iptables and the kernel do: {@code 10.84.1.5/16} is the network {@code 10.84.0.0/16}.
 * The mask is kept as bits because iptables also accepts non-contiguous dotted masks
 * ({@code 10.0.0.0/255.0.255.0}), which have no prefix length.
 */
public record Cidr(Ipv4Address network, int mask) {

    /** {@code 0.0.0.0/0}: every address. */
    public static final Cidr ANY = new Cidr(Ipv4Address.ANY, 0);

    public Cidr {
        network = network.masked(mask);
    }

    /** The prefix of the given length containing {@code address}. */
    public static Cidr of(Ipv4Address address, int prefixLength) {
        return new Cidr(address, maskOf(prefixLength));
    }

    public static Cidr host(Ipv4Address address) {
        return new Cidr(address, -1);
    }

    /** Parses {@code a.b.c.d/len} or a bare host address; throws on anything else. */
    public static Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a prefix: " + text));
    }

    public static Optional<Cidr> tryParse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return Ipv4Address.tryParse(text).map(Cidr::host);
        Optional<Ipv4Address> address = Ipv4Address.tryParse(text.substring(0, slash));
        String length = text.substring(slash + 1);
        if (address.isEmpty() || length.isEmpty() || length.length() > 2
                || !length.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(length);
        if (bits > 32) return Optional.empty();
        return Optional.of(of(address.get(), bits));
    }

    /** The netmask with the top {@code prefixLength} bits set. */
    public static int maskOf(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & mask) == network.bits();
    }

    /** The number of leading one bits of the mask, or -1 if the mask is not contiguous. */
    public int prefixLength() {
        int length = Integer.bitCount(mask);
        return mask == maskOf(length) ? length : -1;
    }

    public boolean isHost() {
        return mask == -1;
    }

    public boolean isAny() {
        return mask == 0;
    }

    /** The mask in dotted-quad form, e.g. {@code 255.255.0.0}. */
    public Ipv4Address maskAddress() {
        return new Ipv4Address(mask);
    }

    /** {@code 10.84.0.0/16}, always with the length ({@code /32} for a host), or the dotted mask if non-contiguous. */
    @Override
    public String toString() {
        int length = prefixLength();
        return network + "/" + (length >= 0 ? Integer.toString(length) : maskAddress().toString());
    }
}
