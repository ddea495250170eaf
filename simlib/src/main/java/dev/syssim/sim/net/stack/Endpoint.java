package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Ipv4Address;

/** One end of a connection or a bound socket: an address and a port ({@code 0.0.0.0:22}). */
public record Endpoint(Ipv4Address address, int port) {

    public static final Endpoint ANY = new Endpoint(Ipv4Address.ANY, 0);

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
