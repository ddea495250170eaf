package dev.syssim.sim.netfilter.conntrack;

/**
 * One tracked connection (the kernel's {@code nf_conn}): its original and reply tuples, the TCP
 * state for TCP, whether a reply was seen and whether it is ASSURED, and when it expires in
 * simulated nanoseconds. A new connection is unconfirmed until its first packet has passed every
 * hook on this machine; only confirmed connections are in the table.
 */
public final class Connection {

    private final long serial;
    private final Tuple original;
    private Tuple reply;
    private final long createdAt;
    private TcpState tcpState;
    private boolean seenReply;
    private boolean assured;
    private boolean confirmed;
    private long expiresAt;
    private int mark;
    private boolean srcNat;
    private boolean dstNat;
    private boolean srcNatDone;
    private boolean dstNatDone;

    Connection(long serial, Tuple original, TcpState tcpState, long createdAt, long expiresAt) {
        this.serial = serial;
        this.original = original;
        this.reply = original.inverse();
        this.tcpState = tcpState;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Order of creation on this machine; {@code conntrack -L} lists in this order. */
    public long serial() {
        return serial;
    }

    public Tuple original() {
        return original;
    }

    public Tuple reply() {
        return reply;
    }

    public int protocol() {
        return original.protocol();
    }

    /** The TCP state; {@code null} for other protocols. */
    public TcpState tcpState() {
        return tcpState;
    }

    public boolean seenReply() {
        return seenReply;
    }

    public boolean assured() {
        return assured;
    }

    public boolean confirmed() {
        return confirmed;
    }

    public long createdAt() {
        return createdAt;
    }

    public long expiresAt() {
        return expiresAt;
    }

    /** Whole seconds left before it expires, as {@code conntrack -L} prints them (rounded down). */
    public long remainingSeconds(long now) {
        return Math.max(0, (expiresAt - now) / 1_000_000_000L);
    }

    public boolean expired(long now) {
        return now >= expiresAt;
    }

    /** The connection's mark ({@code ct mark}, CONNMARK), printed by {@code conntrack -L} as {@code mark=}. */
    public int mark() {
        return mark;
    }

    public void setMark(int value) {
        mark = value;
    }

    /** Whether the connection's source is translated (SNAT, MASQUERADE): the reply tuple's destination differs. */
    public boolean srcNat() {
        return srcNat;
    }

    /** Whether the connection's destination is translated (DNAT, REDIRECT). */
    public boolean dstNat() {
        return dstNat;
    }

    /** Whether the nat table has decided this connection's source (or destination, {@code source} false) half. */
    public boolean natDecided(boolean source) {
        return source ? srcNatDone : dstNatDone;
    }

    /**
     * Records the nat table's decision for one half: the reply tuple the translated connection
     * expects ({@code nf_nat_setup_info}); a null binding leaves the reply as it is.
     */
    public void bindNat(boolean source, Tuple newReply) {
        if (source) srcNatDone = true; else dstNatDone = true;
        if (newReply == null || newReply.equals(reply)) return;
        reply = newReply;
        if (source) srcNat = true; else dstNat = true;
    }

    /** The kernel's status bits {@code --ctstatus} tests: EXPECTED 1, SEEN_REPLY 2, ASSURED 4, CONFIRMED 8. */
    public int statusBits() {
        return (seenReply ? 2 : 0) | (assured ? 4 : 0) | (confirmed ? 8 : 0);
    }

    void setTcpState(TcpState state) {
        tcpState = state;
    }

    void markSeenReply() {
        seenReply = true;
    }

    void markAssured() {
        assured = true;
    }

    void markConfirmed() {
        confirmed = true;
    }

    void refresh(long now, long timeoutNanos) {
        expiresAt = now + timeoutNanos;
    }

    @Override
    public String toString() {
        return "Connection#" + serial + " " + original + (tcpState != null ? " " + tcpState : "");
    }
}
