package dev.syssim.sim.netfilter.conntrack;

import dev.syssim.sim.net.TcpFlags;

/**
 * The TCP state machine of {@code nf_conntrack_proto_tcp}: for a packet's direction and kind
 * (SYN, SYN-ACK, FIN, ACK, RST, none) and the connection's state, the next state — or "ignore"
 * (the packet passes, the state stays) or "invalid" (the packet is INVALID to the rules).
 * Simplified: no sequence-number window checks; every segment is taken as in-window.
 */
final class TcpTracker {

    /** Answer: leave the state as it is. */
    static final int IGNORE = -1;
    /** Answer: the packet does not fit the connection. */
    static final int INVALID = -2;

    private static final int SYN = 0;
    private static final int SYNACK = 1;
    private static final int FIN = 2;
    private static final int ACK = 3;
    private static final int RST = 4;
    private static final int NONE = 5;

    private static final int sNO = 0;
    private static final int sSS = 1;
    private static final int sSR = 2;
    private static final int sES = 3;
    private static final int sFW = 4;
    private static final int sCW = 5;
    private static final int sLA = 6;
    private static final int sTW = 7;
    private static final int sCL = 8;
    private static final int sS2 = 9;
    private static final int sIV = INVALID;
    private static final int sIG = IGNORE;

    /** [direction][packet kind][current state], laid out as in the kernel source. */
    private static final int[][][] NEXT = {
        { // ORIGINAL
            //  sNO  sSS  sSR  sES  sFW  sCW  sLA  sTW  sCL  sS2
            {sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2}, // syn
            {sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR}, // synack
            {sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV}, // fin
            {sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV}, // ack
            {sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL}, // rst
            {sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV}, // none
        },
        { // REPLY
            //  sNO  sSS  sSR  sES  sFW  sCW  sLA  sTW  sCL  sS2
            {sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2}, // syn
            {sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR}, // synack
            {sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV}, // fin
            {sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG}, // ack
            {sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL}, // rst
            {sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV}, // none
        },
    };

    private TcpTracker() {
    }

    /** The next state's ordinal in {@link TcpState}, or {@link #IGNORE} or {@link #INVALID}. */
    static int next(Direction direction, TcpFlags flags, TcpState state) {
        return NEXT[direction.ordinal()][kind(flags)][state.ordinal()];
    }

    /** Whether a packet with these flags may open a connection conntrack has not seen (SYN, or ACK picked up mid-stream). */
    static int first(TcpFlags flags) {
        return next(Direction.ORIGINAL, flags, TcpState.NONE);
    }

    static boolean isSyn(TcpFlags flags) {
        return kind(flags) == SYN;
    }

    private static int kind(TcpFlags flags) {
        if (flags.rst()) return RST;
        if (flags.syn()) return flags.ack() ? SYNACK : SYN;
        if (flags.fin()) return FIN;
        if (flags.ack()) return ACK;
        return NONE;
    }
}
