package dev.syssim.sim.api;

import java.util.List;

/**
 * A network interface of a machine as {@code ip -s addr} would show it, at the moment it was asked.
 *
 * @param name      {@code lo}, {@code eth0} ...
 * @param mac       its link-layer address
 * @param up        whether the link is up
 * @param addresses its IPv4 addresses with prefix length, {@code 10.84.0.1/16}
 * @param rxPackets packets received
 * @param rxBytes   bytes received
 * @param txPackets packets sent
 * @param txBytes   bytes sent
 */
public record NetInterface(String name, String mac, boolean up, List<String> addresses,
                           long rxPackets, long rxBytes, long txPackets, long txBytes) {

    /**
     * An interface (its addresses copied).
     *
     * @param name      its name
     * @param mac       its link-layer address
     * @param up        whether the link is up
     * @param addresses its IPv4 addresses with prefix length
     * @param rxPackets packets received
     * @param rxBytes   bytes received
     * @param txPackets packets sent
     * @param txBytes   bytes sent
     */
    public NetInterface {
        addresses = List.copyOf(addresses);
    }
}
