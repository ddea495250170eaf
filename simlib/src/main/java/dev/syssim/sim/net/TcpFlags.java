package dev.syssim.sim.net;

import java.util.StringJoiner;

/**
 * The flag bits of a TCP header, with the kernel's bit values ({@code FIN} 0x01 ... {@code CWR} 0x80).
 * Printed like the kernel log names them, highest bit first: {@code ACK SYN}.
 */
public record TcpFlags(int bits) {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    public static final TcpFlags NONE = new TcpFlags(0);
    public static final TcpFlags SYN_ONLY = new TcpFlags(SYN);
    public static final TcpFlags SYN_ACK = new TcpFlags(SYN | ACK);
    public static final TcpFlags ACK_ONLY = new TcpFlags(ACK);
    public static final TcpFlags FIN_ACK = new TcpFlags(FIN | ACK);
    public static final TcpFlags RST_ONLY = new TcpFlags(RST);
    public static final TcpFlags RST_ACK = new TcpFlags(RST | ACK);
    public static final TcpFlags PSH_ACK = new TcpFlags(PSH | ACK);

    public TcpFlags {
        if ((bits & ~0xFF) != 0) throw new IllegalArgumentException("not TCP flag bits: " + bits);
    }

    public boolean has(int flag) {
        return (bits & flag) == flag;
    }

    public boolean syn() {
        return has(SYN);
    }

    public boolean ack() {
        return has(ACK);
    }

    public boolean fin() {
        return has(FIN);
    }

    public boolean rst() {
        return has(RST);
    }

    /** Names of the set flags, highest bit first, separated by spaces: {@code ACK SYN}. */
    @Override
    public String toString() {
        StringJoiner names = new StringJoiner(" ");
        for (int bit = 7; bit >= 0; bit--) {
            if ((bits & (1 << bit)) != 0) names.add(NAMES[bit]);
        }
        return names.toString();
    }
}
