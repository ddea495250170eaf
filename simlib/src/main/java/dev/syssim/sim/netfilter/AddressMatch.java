package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;

/** A rule's {@code [!] -s} or {@code [!] -d}: the packet's address is (or with {@code !}, is not) in the prefix. */
public record AddressMatch(Cidr cidr, boolean inverted) {

    /** No {@code -s}/{@code -d} given: every address. */
    public static final AddressMatch ANY = new AddressMatch(Cidr.ANY, false);

    public boolean matches(Ipv4Address address) {
        return ((address.bits() & cidr.mask()) == cidr.network().bits()) != inverted;
    }

    public boolean isAny() {
        return cidr.isAny() && !inverted;
    }
}
