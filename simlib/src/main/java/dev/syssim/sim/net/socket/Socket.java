package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.Owner;
import dev.syssim.sim.net.stack.Waiters;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.trace.TraceEvent;

/**
 * A socket as an open file (Linux's {@code struct socket} with its {@code socket_file_ops}): what
 * read, write, poll and the last close do for one kind of socket. Each subclass wraps the network
 * stack's state for its protocol. The non-blocking flag lives here (Linux keeps it on the file).
 */
public abstract sealed class Socket implements FileOps permits TcpSocket, UdpSocket, PingSocket, NetlinkSocket, RawSocket {

    /** poll(2) event bits. */
    public static final int POLLIN = 0x001;
    public static final int POLLOUT = 0x004;
    public static final int POLLERR = 0x008;
    public static final int POLLHUP = 0x010;

    protected final NetStack stack;
    protected final long inode;
    private boolean nonBlocking;
    private Process lastUser;
    /** The credentials of the file it is (whoever made it, or accepted it), for {@code -m owner}. */
    protected Owner owner = Owner.NONE;

    protected Socket(NetStack stack, long inode) {
        this.stack = stack;
        this.inode = inode;
    }

    public NetStack stack() {
        return stack;
    }

    public long inode() {
        return inode;
    }

    /** What /proc/PID/fd shows for it: {@code socket:[30012]}. */
    public String name() {
        return "socket:[" + inode + "]";
    }

    /** Records who made the socket: the fsuid and fsgid of the process's credentials, as its file's. */
    void ownedBy(Credentials credentials) {
        owner = new Owner(credentials.fsuid(), credentials.fsgid());
        ownerChanged();
    }

    /** For sockets whose stack state sends on its own (TCP's timers): hand the owner on. */
    protected void ownerChanged() {
    }

    public Owner owner() {
        return owner;
    }

    public boolean nonBlocking() {
        return nonBlocking;
    }

    public void setNonBlocking(boolean on) {
        this.nonBlocking = on;
    }

    /** Notes the process making a call, so the last close can name its syscall as the cause of what it sends. */
    void usedBy(Process p) {
        lastUser = p;
    }

    /** The trace cause for packets a call sends: the caller's syscall event. */
    protected long causeOf(Process p) {
        usedBy(p);
        return p.syscallEventSeq();
    }

    /** The cause for packets the last close sends. */
    protected long closeCause() {
        return lastUser == null ? TraceEvent.NO_CAUSE : lastUser.syscallEventSeq();
    }

    /** Which of POLLIN, POLLOUT, POLLERR, POLLHUP hold now. */
    public abstract int poll();

    /** The waiters a poll or a sleeping call registers with. */
    public abstract Waiters waiters();

    /** The socket's type for /proc and ss: {@code tcp}, {@code udp}, ... */
    public abstract String kind();

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        return Outcome.error(Errno.EOPNOTSUPP, Costs.SYSCALL);
    }

    @Override
    public abstract void release(Kernel kernel, OpenFile file);

    /** Blocks on this socket's waiters and runs {@code retry} when woken. */
    protected Outcome block(String reason, java.util.function.Supplier<Outcome> retry) {
        return new Outcome.Blocked(waiters().queue(), reason, retry);
    }
}
