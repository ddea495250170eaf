package dev.syssim.sim.netfilter.conntrack;

/**
 * The states conntrack's TCP tracker follows a connection through, with Linux's default timeout
 * for each ({@code net.netfilter.nf_conntrack_tcp_timeout_*}), in seconds.
 */
public enum TcpState {
    NONE(0),
    SYN_SENT(120),
    SYN_RECV(60),
    ESTABLISHED(432_000),
    FIN_WAIT(120),
    CLOSE_WAIT(60),
    LAST_ACK(30),
    TIME_WAIT(120),
    CLOSE(10),
    /** Simultaneous open: a SYN answered by a SYN. */
    SYN_SENT2(120);

    private final int timeoutSeconds;

    TcpState(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }
}
