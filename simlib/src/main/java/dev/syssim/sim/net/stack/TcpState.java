package dev.syssim.sim.net.stack;

/** The TCP states of RFC 793 as Linux names them, with the name {@code ss} prints for each. */
public enum TcpState {
    CLOSED("UNCONN"),
    LISTEN("LISTEN"),
    SYN_SENT("SYN-SENT"),
    SYN_RECV("SYN-RECV"),
    ESTABLISHED("ESTAB"),
    FIN_WAIT1("FIN-WAIT-1"),
    FIN_WAIT2("FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE-WAIT"),
    CLOSING("CLOSING"),
    LAST_ACK("LAST-ACK"),
    TIME_WAIT("TIME-WAIT");

    private final String ssName;

    TcpState(String ssName) {
        this.ssName = ssName;
    }

    /** {@code ESTAB}, {@code TIME-WAIT}, ... */
    public String ssName() {
        return ssName;
    }

    /** States in which the local side may still send data. */
    public boolean canSend() {
        return this == ESTABLISHED || this == CLOSE_WAIT;
    }
}
