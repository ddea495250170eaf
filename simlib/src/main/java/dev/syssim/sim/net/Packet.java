package dev.syssim.sim.net;

/**
 * One IPv4 packet as a hop sees it: the IP header fields netfilter and the kernel log look at, the
 * transport header, the total length in bytes (what netfilter's byte counters add up), and the
 * Ethernet header it arrived with ({@code null} for packets the machine generated itself).
 *
 * <p>The factories give packets the sizes Linux gives them (see {@link #tcp}); a simulation that
 * wants other sizes builds the record directly.
 */
public record Packet(Ipv4Address src, Ipv4Address dst, int tos, int ttl, int id, boolean dontFragment,
                     int length, Transport transport, EthernetHeader ethernet) {

    /** Linux's default TTL ({@code net.ipv4.ip_default_ttl}). */
    public static final int DEFAULT_TTL = 64;
    public static final int IP_HEADER = 20;
    public static final int TCP_HEADER = 20;
    public static final int UDP_HEADER = 8;
    public static final int ICMP_HEADER = 8;
    /** Options of a Linux SYN and SYN-ACK: MSS (4), SACK permitted (2), timestamps (10), NOP (1), window scale (3). */
    public static final int TCP_SYN_OPTIONS = 20;
    /** Options of every later Linux segment but RST: NOP, NOP, timestamps. */
    public static final int TCP_TIMESTAMP_OPTIONS = 12;
    /** RFC 1812: an ICMP error carries as much of the offending packet as fits in 576 bytes. */
    public static final int ICMP_ERROR_MAX = 576;

    public Packet {
        if (src == null || dst == null || transport == null) throw new IllegalArgumentException("src, dst, transport required");
        if (ttl < 0 || ttl > 255 || tos < 0 || tos > 255 || id < 0 || id > 65535) {
            throw new IllegalArgumentException("IP header field out of range");
        }
        if (length < IP_HEADER || length > 65535) throw new IllegalArgumentException("bad length " + length);
    }

    /**
     * A TCP segment with {@code payload} data bytes, sized like Linux's: a SYN or SYN-ACK is 60 bytes
     * (20 IP + 20 TCP + 20 options), a later segment 52 bytes plus data (timestamps option), a RST
     * 40 bytes (no options). These are the sizes the oracle's counters show: a DROP of one
     * {@code nc -w 2} probe counts 2 packets, 120 bytes. Window as Linux starts it: 64240 on a
     * SYN, 65160 on a SYN-ACK, 502 (scaled) afterwards, 0 on a RST.
     */
    public static Packet tcp(Ipv4Address src, Ipv4Address dst, int srcPort, int dstPort, TcpFlags flags,
                             int payload) {
        int options;
        int window;
        if (flags.rst()) {
            options = 0;
            window = 0;
        } else if (flags.syn()) {
            options = TCP_SYN_OPTIONS;
            window = flags.ack() ? 65160 : 64240;
        } else {
            options = TCP_TIMESTAMP_OPTIONS;
            window = 502;
        }
        int length = IP_HEADER + TCP_HEADER + options + payload;
        Transport.Tcp header = new Transport.Tcp(srcPort, dstPort, flags, window, 0, 0);
        return new Packet(src, dst, 0, DEFAULT_TTL, 0, true, length, header, null);
    }

    public static Packet tcp(Ipv4Address src, Ipv4Address dst, int srcPort, int dstPort, TcpFlags flags) {
        return tcp(src, dst, srcPort, dstPort, flags, 0);
    }

    public static Packet udp(Ipv4Address src, Ipv4Address dst, int srcPort, int dstPort, int payload) {
        int length = IP_HEADER + UDP_HEADER + payload;
        return new Packet(src, dst, 0, DEFAULT_TTL, 0, true, length, new Transport.Udp(srcPort, dstPort), null);
    }

    /** An ICMP query (echo request or reply, ...) with {@code payload} data bytes; {@code ping} sends 56. */
    public static Packet icmpQuery(Ipv4Address src, Ipv4Address dst, int type, int id, int sequence, int payload) {
        int length = IP_HEADER + ICMP_HEADER + payload;
        return new Packet(src, dst, 0, DEFAULT_TTL, 0, true, length,
                new Transport.Icmp(type, 0, id, sequence, null), null);
    }

    /**
     * An ICMP error from {@code src} about {@code original}, sent back to the original's source.
     * Like Linux's {@code icmp_send} it quotes as much of the original as fits in 576 bytes, so a
     * port-unreachable about a 60-byte SYN is 88 bytes; it does not set DF.
     */
    public static Packet icmpError(Ipv4Address src, int type, int code, Packet original) {
        int quoted = Math.min(original.length(), ICMP_ERROR_MAX - IP_HEADER - ICMP_HEADER);
        int length = IP_HEADER + ICMP_HEADER + quoted;
        return new Packet(src, original.src(), 0, DEFAULT_TTL, 0, false, length,
                new Transport.Icmp(type, code, 0, 0, original), null);
    }

    /** The protocol number of the transport header. */
    public int protocol() {
        return transport.protocol();
    }

    /** The TCP or UDP source port, 0 for other protocols. */
    public int srcPort() {
        if (transport instanceof Transport.Tcp tcp) return tcp.srcPort();
        if (transport instanceof Transport.Udp udp) return udp.srcPort();
        return 0;
    }

    /** The TCP or UDP destination port, 0 for other protocols. */
    public int dstPort() {
        if (transport instanceof Transport.Tcp tcp) return tcp.dstPort();
        if (transport instanceof Transport.Udp udp) return udp.dstPort();
        return 0;
    }

    /** The TCP flags, {@link TcpFlags#NONE} for other protocols. */
    public TcpFlags tcpFlags() {
        return transport instanceof Transport.Tcp tcp ? tcp.flags() : TcpFlags.NONE;
    }

    public boolean isIcmpError() {
        return transport instanceof Transport.Icmp icmp && icmp.isError();
    }

    public Packet withTtl(int newTtl) {
        return new Packet(src, dst, tos, newTtl, id, dontFragment, length, transport, ethernet);
    }

    public Packet withId(int newId) {
        return new Packet(src, dst, tos, ttl, newId, dontFragment, length, transport, ethernet);
    }

    /** This packet as received in a frame with the given Ethernet header. */
    public Packet withEthernet(EthernetHeader header) {
        return new Packet(src, dst, tos, ttl, id, dontFragment, length, transport, header);
    }

    public Packet withTransport(Transport newTransport) {
        return new Packet(src, dst, tos, ttl, id, dontFragment, length, newTransport, ethernet);
    }

    /** A one-line summary for traces and test failures: {@code 10.84.1.50:40000 > 10.84.0.10:22 [SYN] len 60}. */
    @Override
    public String toString() {
        if (transport instanceof Transport.Tcp tcp) {
            return src + ":" + tcp.srcPort() + " > " + dst + ":" + tcp.dstPort() + " [" + tcp.flags() + "] len " + length;
        }
        if (transport instanceof Transport.Udp udp) {
            return src + ":" + udp.srcPort() + " > " + dst + ":" + udp.dstPort() + " udp len " + length;
        }
        if (transport instanceof Transport.Icmp icmp) {
            return src + " > " + dst + " icmp " + icmp.type() + "/" + icmp.code() + " len " + length;
        }
        return src + " > " + dst + " proto " + protocol() + " len " + length;
    }
}
