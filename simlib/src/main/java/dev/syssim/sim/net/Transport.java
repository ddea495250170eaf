package dev.syssim.sim.net;

/**
 * The transport-layer header a packet carries: a closed family of TCP, UDP, ICMP and any other
 * protocol (by number, no header looked at).
 */
public sealed interface Transport {

    /** The protocol number in the IP header. */
    int protocol();

    /** A TCP segment header. {@code seq} and {@code ack} are unsigned 32-bit numbers. */
    record Tcp(int srcPort, int dstPort, TcpFlags flags, int window, long seq, long ack)
            implements Transport {
        public Tcp {
            checkPort(srcPort);
            checkPort(dstPort);
        }

        @Override
        public int protocol() {
            return Protocol.TCP.number();
        }
    }

    /** A UDP datagram header. */
    record Udp(int srcPort, int dstPort) implements Transport {
        public Udp {
            checkPort(srcPort);
            checkPort(dstPort);
        }

        @Override
        public int protocol() {
            return Protocol.UDP.number();
        }
    }

    /**
     * An ICMP message. Queries (echo) carry an identifier and sequence number; errors quote the
     * packet they report on ({@code quoted}, null for queries), which is how conntrack relates them.
     */
    record Icmp(int type, int code, int id, int sequence, Packet quoted) implements Transport {
        public Icmp {
            if (type < 0 || type > 255 || code < 0 || code > 255) {
                throw new IllegalArgumentException("ICMP type/code out of range: " + type + "/" + code);
            }
            if (dev.syssim.sim.net.Icmp.isError(type) && quoted == null) {
                throw new IllegalArgumentException("an ICMP error must quote the packet it reports on");
            }
        }

        public boolean isError() {
            return dev.syssim.sim.net.Icmp.isError(type);
        }

        @Override
        public int protocol() {
            return Protocol.ICMP.number();
        }
    }

    /** Any other protocol (GRE, ESP, ...): only its number is known. */
    record Other(int protocol) implements Transport {
        public Other {
            if (protocol < 0 || protocol > 255) throw new IllegalArgumentException("protocol out of range");
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }
}
