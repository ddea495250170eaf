package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;

/** An address on an interface with its prefix length ({@code 10.84.0.10/16}), and its subnet. */
public record InterfaceAddress(Ipv4Address address, int prefixLength) {

    public Cidr subnet() {
        return Cidr.of(address, prefixLength);
    }

    /** The subnet's broadcast address, {@code 10.84.255.255}. */
    public Ipv4Address broadcast() {
        return new Ipv4Address(address.bits() | ~Cidr.maskOf(prefixLength));
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
