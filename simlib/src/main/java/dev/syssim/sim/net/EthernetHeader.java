package dev.syssim.sim.net;

import java.util.regex.Pattern;

/**
 * The Ethernet header of a received frame: destination and source MAC ({@code 02:00:0a:54:00:0a}).
 * Netfilter's LOG target prints it as {@code MAC=dst:src:08:00} for packets that came in on an
 * interface.
 */
public record EthernetHeader(String dstMac, String srcMac) {

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    /** The all-zero header the loopback device gives its frames. */
    public static final EthernetHeader LOOPBACK = new EthernetHeader("00:00:00:00:00:00", "00:00:00:00:00:00");

    public EthernetHeader {
        if (!MAC.matcher(dstMac).matches() || !MAC.matcher(srcMac).matches()) {
            throw new IllegalArgumentException("not lower-case MAC addresses: " + dstMac + " " + srcMac);
        }
    }

    /** The 14 header bytes as the kernel log prints them: {@code dst:src:08:00} (IPv4 ethertype). */
    public String logField() {
        return dstMac + ":" + srcMac + ":08:00";
    }
}
