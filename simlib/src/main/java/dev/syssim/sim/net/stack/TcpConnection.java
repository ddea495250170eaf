package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One TCP connection (Linux's {@code tcp_sock}): its two ends, its state, sequence numbers, the
 * bytes received and not yet read, the segments sent and not yet acknowledged, and its timers.
 *
 * <p>What it does as Linux does, because the firewall lessons and the oracle's counters depend on
 * it: a SYN is retransmitted after 1 s, then 2, 4, ... s, and the connect fails with ETIMEDOUT
 * after {@value #SYN_RETRIES} retries (127 s); a server retransmits its SYN-ACK on the same
 * schedule ({@value #SYNACK_RETRIES} retries) and also answers a retransmitted SYN with another
 * SYN-ACK (at most one per 500 ms); an ICMP error or RST during the handshake fails the connect at
 * once; ACKs of received data and FINs are delayed up to 40 ms so they can ride on the answer;
 * closing with unread data sends a RST; a closed connection waits in TIME-WAIT for 60 s.
 *
 * <p>Simplified: no congestion or flow control (the network never loses a packet it did not
 * drop on purpose), no window or sequence checks beyond the basics, no options processing,
 * segments of at most {@value #MSS} bytes.
 */
public final class TcpConnection {

    public static final int SYN_RETRIES = 6;
    public static final int SYNACK_RETRIES = 5;
    public static final int DATA_RETRIES = 15;
    public static final long SECOND = 1_000_000_000L;
    public static final long RTO_INITIAL = SECOND;
    public static final long RTO_MIN = 200_000_000L;
    public static final long RTO_MAX = 120 * SECOND;
    public static final long DELAYED_ACK = 40_000_000L;
    public static final long TIME_WAIT_LENGTH = 60 * SECOND;
    public static final long OOW_RATE_LIMIT = 500_000_000L;
    /** Data bytes per segment on a 1500-byte link with the timestamps option. */
    public static final int MSS = 1448;

    private record Unacked(long start, long end, TcpFlags flags, byte[] data) {
    }

    private final Tcp tcp;
    private final Endpoint local;
    private final Endpoint remote;
    private final TcpListener listener;
    private final long inode;
    private final Waiters waiters = new Waiters("sk_wait");
    private TcpState state = TcpState.CLOSED;
    /** Whose socket sends this one's packets ({@code -m owner}). */
    private Owner owner = Owner.NONE;
    private long sndNxt;
    private long sndUna;
    private long rcvNxt;
    private final ArrayDeque<byte[]> received = new ArrayDeque<>();
    private int receivedBytes;
    private boolean peerFinished;
    private Errno error;
    private boolean orphan;
    private boolean writeShut;
    private final List<Unacked> unacked = new ArrayList<>();
    private int retries;
    private long rto;
    private long timerGeneration;
    private long timerDue = -1;
    private boolean ackPending;
    private long ackGeneration;
    private long lastOutOfWindow = Long.MIN_VALUE / 2;
    private long cause;

    TcpConnection(Tcp tcp, Endpoint local, Endpoint remote, TcpListener listener, long inode) {
        this.tcp = tcp;
        this.local = local;
        this.remote = remote;
        this.listener = listener;
        this.inode = inode;
    }

    // ---- what the socket layer and ss see ----

    public Endpoint local() {
        return local;
    }

    public Endpoint remote() {
        return remote;
    }

    public TcpState state() {
        return state;
    }

    /** The listening socket this connection was accepted from; null for one this machine opened. */
    public TcpListener listener() {
        return listener;
    }

    public long inode() {
        return inode;
    }

    public Waiters waiters() {
        return waiters;
    }

    /** Bytes received and not yet read (ss's Recv-Q). */
    public int receiveQueue() {
        return receivedBytes;
    }

    /** Bytes sent and not yet acknowledged (ss's Send-Q). */
    public int sendQueue() {
        int n = 0;
        for (Unacked u : unacked) n += u.data().length;
        return n;
    }

    /** A pending error for the application (ECONNREFUSED, ECONNRESET, ETIMEDOUT, EHOSTUNREACH ...), or null. */
    public Errno error() {
        return error;
    }

    /** getsockopt(SO_ERROR): the pending error, cleared by reading it. */
    public Errno takeError() {
        Errno e = error;
        error = null;
        return e;
    }

    public boolean isOrphan() {
        return orphan;
    }

    /** Whether connect has finished one way or the other. */
    public boolean connectDone() {
        return state != TcpState.SYN_SENT;
    }

    /** Whether a read would not block: data, end of file, or an error. */
    public boolean readable() {
        return receivedBytes > 0 || peerFinished || error != null || state == TcpState.CLOSED;
    }

    /** Whether a write would not block (no send buffer limit here): connected, or failed. */
    public boolean writable() {
        return state.canSend() || error != null || state == TcpState.CLOSED;
    }

    /** Milliseconds until the running timer fires, for {@code ss -o}; -1 if none. */
    public long timerRemainingMillis() {
        return timerDue < 0 ? -1 : Math.max(0, (timerDue - now()) / 1_000_000L);
    }

    // ---- the application's side ----

    /** Reads up to {@code count} bytes; empty at end of file. Callers check {@link #readable()} first. */
    public byte[] read(int count) {
        if (receivedBytes == 0) return new byte[0];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (count > 0 && !received.isEmpty()) {
            byte[] head = received.removeFirst();
            if (head.length > count) {
                out.write(head, 0, count);
                received.addFirst(Arrays.copyOfRange(head, count, head.length));
                count = 0;
            } else {
                out.write(head, 0, head.length);
                count -= head.length;
            }
        }
        byte[] data = out.toByteArray();
        receivedBytes -= data.length;
        return data;
    }

    /** Whether the peer's FIN was received and all data read: the next read returns 0. */
    public boolean atEndOfFile() {
        return peerFinished && receivedBytes == 0;
    }

    /** Sends data; EPIPE if this side can no longer send, or the pending error. */
    public Errno write(byte[] data, long cause) {
        if (error != null) return takeError();
        if (!state.canSend() || writeShut) return Errno.EPIPE;
        this.cause = cause;
        for (int at = 0; at < data.length; at += MSS) {
            byte[] chunk = Arrays.copyOfRange(data, at, Math.min(data.length, at + MSS));
            transmit(TcpFlags.PSH_ACK, chunk, true, "OUTPUT");
        }
        return null;
    }

    /** shutdown(SHUT_WR): our FIN, reads go on. */
    public void shutdownWrite(long cause) {
        if (writeShut) return;
        writeShut = true;
        this.cause = cause;
        if (state == TcpState.ESTABLISHED) {
            state = TcpState.FIN_WAIT1;
            transmit(TcpFlags.FIN_ACK, new byte[0], true, "OUTPUT");
        } else if (state == TcpState.CLOSE_WAIT) {
            state = TcpState.LAST_ACK;
            transmit(TcpFlags.FIN_ACK, new byte[0], true, "OUTPUT");
        }
    }

    /**
     * close(2) of the last descriptor: unread data means a RST (data would be lost silently
     * otherwise); a connect in progress is abandoned without a word; else our FIN goes out and the
     * kernel finishes the connection on its own (an orphan).
     */
    public void close(long cause) {
        this.cause = cause;
        orphan = true;
        if (state == TcpState.CLOSED || state == TcpState.TIME_WAIT) return;
        if (state == TcpState.SYN_SENT) {
            finish(null);
            return;
        }
        if (receivedBytes > 0) {
            abort(cause);
            return;
        }
        if (!writeShut) shutdownWrite(cause);
    }

    /** Sends a RST and forgets the connection (closing with unread data, a listener going away). */
    public void abort(long cause) {
        this.cause = cause;
        TcpFlags flags = TcpFlags.RST_ACK;
        send(segment(flags, 0, sndNxt), null, "OUTPUT");
        finish(null);
    }

    // ---- opening ----

    /** The client's first step: SYN-SENT, SYN out, retransmission timer at 1 s. */
    void open(long cause) {
        this.cause = cause;
        long isn = initialSequence();
        sndUna = isn;
        sndNxt = isn;
        state = TcpState.SYN_SENT;
        rto = RTO_INITIAL;
        transmit(TcpFlags.SYN_ONLY, new byte[0], true, "OUTPUT");
    }

    /** The server's first step, for a SYN its listener accepted: SYN-RECV, SYN-ACK out. */
    void answerSyn(Packet syn, long cause) {
        this.cause = cause;
        Transport.Tcp t = (Transport.Tcp) syn.transport();
        rcvNxt = t.seq() + 1;
        long isn = initialSequence();
        sndUna = isn;
        sndNxt = isn;
        state = TcpState.SYN_RECV;
        rto = RTO_INITIAL;
        transmit(TcpFlags.SYN_ACK, new byte[0], true, "OUTPUT");
    }

    private long initialSequence() {
        return tcp.stack().kernel().random().nextInt() & 0x7FFFFFFFL;
    }

    // ---- arriving segments ----

    /** A segment of this connection, past INPUT. */
    void segment(Packet p, byte[] payload, long cause) {
        this.cause = cause;
        Transport.Tcp t = (Transport.Tcp) p.transport();
        TcpFlags flags = t.flags();
        int data = payload == null ? 0 : payload.length;
        if (flags.rst()) {
            reset();
            return;
        }
        switch (state) {
            case SYN_SENT -> {
                if (flags.syn() && flags.ack() && t.ack() == sndNxt) {
                    rcvNxt = t.seq() + 1;
                    acknowledge(t.ack());
                    state = TcpState.ESTABLISHED;
                    rto = RTO_MIN;
                    sendAck("OUTPUT");
                    waiters.wake(kernel());
                }
            }
            case SYN_RECV -> {
                if (flags.syn() && !flags.ack()) {
                    // The client did not hear our SYN-ACK and sent its SYN again: say it again.
                    if (now() - lastOutOfWindow >= OOW_RATE_LIMIT) {
                        lastOutOfWindow = now();
                        retransmitFirst("retransmit (duplicate SYN)");
                    }
                    return;
                }
                if (flags.ack() && t.ack() == sndNxt && listener != null && listener.established(this)) {
                    acknowledge(t.ack());
                    state = TcpState.ESTABLISHED;
                    rto = RTO_MIN;
                    inData(payload, flags, t.seq());
                }
            }
            case TIME_WAIT -> {
                if (flags.fin()) sendAck("OUTPUT");
            }
            case CLOSED, LISTEN -> {
            }
            default -> {
                if (flags.syn()) return;
                if (flags.ack()) acknowledge(t.ack());
                if (data > 0 && orphan && (state == TcpState.FIN_WAIT1 || state == TcpState.FIN_WAIT2)) {
                    // Data for an application that has closed: nobody will read it (tcp_reset).
                    abort(cause);
                    return;
                }
                inData(payload, flags, t.seq());
            }
        }
    }

    private void inData(byte[] payload, TcpFlags flags, long seq) {
        int data = payload == null ? 0 : payload.length;
        if ((data > 0 || flags.fin()) && seq != (rcvNxt & 0xFFFFFFFFL)) {
            // A retransmission of what we have (our ACK was lost) or a segment from the future:
            // say again what we expect; the sender will fill the gap.
            if (!peerFinished || seq < (rcvNxt & 0xFFFFFFFFL)) sendAck("OUTPUT");
            return;
        }
        if (data > 0 && !peerFinished) {
            received.addLast(payload);
            receivedBytes += data;
            rcvNxt += data;
            scheduleAck();
            waiters.wake(kernel());
        }
        if (!flags.fin() || peerFinished) return;
        rcvNxt += 1;
        peerFinished = true;
        switch (state) {
            case ESTABLISHED -> {
                state = TcpState.CLOSE_WAIT;
                scheduleAck();
            }
            case FIN_WAIT1 -> {
                state = TcpState.CLOSING;
                sendAck("OUTPUT");
            }
            case FIN_WAIT2 -> {
                sendAck("OUTPUT");
                enterTimeWait();
            }
            default -> sendAck("OUTPUT");
        }
        waiters.wake(kernel());
    }

    /** Our bytes up to {@code ack} arrived: forget them, and move on if our FIN was among them. */
    private void acknowledge(long ack) {
        if (ack <= sndUna) return;
        sndUna = Math.min(ack, sndNxt);
        unacked.removeIf(u -> u.end() <= sndUna);
        if (unacked.isEmpty()) {
            cancelTimer();
        } else {
            retries = 0;
            armTimer(rto);
        }
        boolean finAcked = sndUna == sndNxt && writeShut;
        if (!finAcked) return;
        switch (state) {
            case FIN_WAIT1 -> {
                state = TcpState.FIN_WAIT2;
                if (orphan) startTimer(TIME_WAIT_LENGTH);
            }
            case CLOSING -> enterTimeWait();
            case LAST_ACK -> finish(null);
            default -> {
            }
        }
        waiters.wake(kernel());
    }

    private void reset() {
        switch (state) {
            case SYN_SENT -> finish(Errno.ECONNREFUSED);
            case SYN_RECV -> {
                if (listener != null) listener.dropRequest(this);
                finish(null);
            }
            case TIME_WAIT, CLOSED -> finish(null);
            default -> finish(orphan ? null : (state == TcpState.CLOSE_WAIT ? Errno.EPIPE : Errno.ECONNRESET));
        }
    }

    /** An ICMP error about one of our segments: during the handshake it fails the connect at once. */
    void icmpError(int type, int code, long cause) {
        this.cause = cause;
        if (state == TcpState.SYN_SENT) finish(IcmpErrors.errnoOf(type, code));
        // In other states Linux only notes a "soft" error the application does not see.
    }

    // ---- sending ----

    /** Sends a segment carrying {@code flags} and {@code data} at the next sequence number. */
    private void transmit(TcpFlags flags, byte[] data, boolean reliable, String what) {
        long start = sndNxt;
        long length = data.length + (flags.syn() ? 1 : 0) + (flags.fin() ? 1 : 0);
        sndNxt += length;
        if (reliable && length > 0) {
            unacked.add(new Unacked(start, sndNxt, flags, data));
            if (timerDue < 0) {
                if (rto == 0) rto = RTO_MIN;
                armTimer(rto);
            }
        }
        send(segment(flags, data.length, start), data, what);
    }

    private void sendAck(String what) {
        send(segment(TcpFlags.ACK_ONLY, 0, sndNxt), null, what);
    }

    private void scheduleAck() {
        if (ackPending) return;
        ackPending = true;
        long generation = ++ackGeneration;
        kernel().timeline().after(DELAYED_ACK, () -> {
            if (!ackPending || generation != ackGeneration || state == TcpState.CLOSED) return;
            sendAck("delayed ACK:");
        });
    }

    private Packet segment(TcpFlags flags, int dataLength, long seq) {
        Packet base = Packet.tcp(local.address(), remote.address(), local.port(), remote.port(), flags, dataLength);
        Transport.Tcp t = (Transport.Tcp) base.transport();
        long ack = flags.ack() ? rcvNxt : 0;
        return base.withTransport(new Transport.Tcp(local.port(), remote.port(), flags, t.window(), seq & 0xFFFFFFFFL, ack & 0xFFFFFFFFL));
    }

    private void send(Packet p, byte[] data, String what) {
        if (p.tcpFlags().ack()) ackPending = false;
        tcp.stack().send(p, data, null, cause, what, owner);
    }

    private void retransmitFirst(String what) {
        if (unacked.isEmpty()) return;
        Unacked u = unacked.get(0);
        send(segment(u.flags(), u.data().length, u.start()), u.data(), what);
    }

    // ---- timers ----

    private void armTimer(long delay) {
        long generation = ++timerGeneration;
        timerDue = now() + delay;
        kernel().timeline().after(delay, () -> {
            if (generation == timerGeneration) timeout();
        });
    }

    /** A timer that ends the connection (TIME-WAIT, an orphan's FIN-WAIT-2). */
    private void startTimer(long delay) {
        long generation = ++timerGeneration;
        timerDue = now() + delay;
        kernel().timeline().after(delay, () -> {
            if (generation == timerGeneration) finish(null);
        });
    }

    private void cancelTimer() {
        timerGeneration++;
        timerDue = -1;
    }

    private void timeout() {
        timerDue = -1;
        if (unacked.isEmpty()) return;
        retries++;
        int limit = state == TcpState.SYN_SENT ? SYN_RETRIES : state == TcpState.SYN_RECV ? SYNACK_RETRIES : DATA_RETRIES;
        if (retries > limit) {
            if (state == TcpState.SYN_RECV && listener != null) listener.dropRequest(this);
            finish(state == TcpState.SYN_RECV ? null : Errno.ETIMEDOUT);
            return;
        }
        rto = Math.min(rto * 2, RTO_MAX);
        armTimer(rto);
        retransmitFirst("retransmit");
    }

    private void enterTimeWait() {
        state = TcpState.TIME_WAIT;
        unacked.clear();
        startTimer(TIME_WAIT_LENGTH);
    }

    /** The connection is over: CLOSED, out of the table; the application sees {@code why} if anything. */
    private void finish(Errno why) {
        if (why != null && !orphan) error = why;
        state = TcpState.CLOSED;
        unacked.clear();
        cancelTimer();
        ackPending = false;
        tcp.forget(this);
        waiters.wake(kernel());
    }

    /** Forgets a TIME-WAIT connection whose tuple a new SYN reuses. */
    void discard() {
        state = TcpState.CLOSED;
        cancelTimer();
        tcp.forget(this);
    }

    private Kernel kernel() {
        return tcp.stack().kernel();
    }

    private long now() {
        return kernel().now();
    }

    @Override
    public String toString() {
        return "tcp " + local + " -> " + remote + " " + state;
    }

    public void setOwner(Owner who) {
        this.owner = who;
    }

    public Owner owner() {
        return owner;
    }
}
