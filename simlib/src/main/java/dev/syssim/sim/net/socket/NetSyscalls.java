package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.StraceText;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import java.util.List;

/**
 * The socket syscalls as processes make them, each handled by {@link SocketCalls} and printed the
 * way strace prints it. Reading and writing a connected socket are the ordinary read/write calls.
 */
public final class NetSyscalls {

    public static final int AF_INET = 2;
    public static final int AF_NETLINK = 16;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 04000;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    private NetSyscalls() {
    }

    /** socket(2). {@code protocol} is the netlink family's number for AF_NETLINK. */
    public record SocketCall(int domain, int type, int protocol) implements Syscall {
        public static SocketCall tcp() {
            return new SocketCall(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        }

        public static SocketCall udp() {
            return new SocketCall(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        }

        public static SocketCall ping() {
            return new SocketCall(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
        }

        public static SocketCall netlink(Netlink.Family family) {
            return new SocketCall(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, family.number());
        }

        public String name() { return "socket"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.socket(k, p, this); }
        public String straceArgs(SysResult r) {
            String t = switch (type & 0xF) {
                case SOCK_STREAM -> "SOCK_STREAM";
                case SOCK_DGRAM -> "SOCK_DGRAM";
                default -> "SOCK_RAW";
            };
            if ((type & SOCK_CLOEXEC) != 0) t += "|SOCK_CLOEXEC";
            if ((type & SOCK_NONBLOCK) != 0) t += "|SOCK_NONBLOCK";
            if (domain == AF_NETLINK) {
                String family = "NETLINK_" + protocol;
                for (Netlink.Family f : Netlink.Family.values()) if (f.number() == protocol) family = f.constant();
                return "AF_NETLINK, " + t + ", " + family;
            }
            String proto = switch (protocol) {
                case IPPROTO_ICMP -> "IPPROTO_ICMP";
                case IPPROTO_TCP -> "IPPROTO_TCP";
                case IPPROTO_UDP -> "IPPROTO_UDP";
                default -> "IPPROTO_IP";
            };
            return (domain == AF_INET ? "AF_INET" : Integer.toString(domain)) + ", " + t + ", " + proto;
        }
    }

    public record Bind(int fd, Endpoint address) implements Syscall {
        public String name() { return "bind"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.bind(k, p, this); }
        public String straceArgs(SysResult r) { return fd + ", " + SockAddr.of(address) + ", 16"; }
    }

    public record Listen(int fd, int backlog) implements Syscall {
        public String name() { return "listen"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.listen(k, p, this); }
        public String straceArgs(SysResult r) { return fd + ", " + backlog; }
    }

    /** accept4(2); the result's data is the peer's {@link Endpoint}. */
    public record Accept4(int fd, boolean cloexec) implements Syscall {
        public String name() { return "accept4"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.accept(k, p, this); }
        public String straceArgs(SysResult r) {
            String peer = r != null && r.data() instanceof Endpoint e ? SockAddr.of(e) + ", [16]" : "0x7ffd5a0c1b40, [16]";
            return fd + ", " + peer + ", " + (cloexec ? "SOCK_CLOEXEC" : "0");
        }
        public static Endpoint peer(SysResult r) {
            return r.data() instanceof Endpoint e ? e : null;
        }
    }

    public record Connect(int fd, Endpoint address) implements Syscall {
        public String name() { return "connect"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.connect(k, p, this); }
        public String straceArgs(SysResult r) { return fd + ", " + SockAddr.of(address) + ", 16"; }
    }

    /** One entry of poll's array. */
    public record PollFd(int fd, int events) {
    }

    /** poll(2) with a timeout in milliseconds (-1: forever); the result's data is the revents array. */
    public record Poll(List<PollFd> fds, int timeoutMillis) implements Syscall {
        public Poll {
            fds = List.copyOf(fds);
        }
        public String name() { return "poll"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.poll(k, p, this); }
        public String straceArgs(SysResult r) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < fds.size(); i++) {
                if (i > 0) b.append(", ");
                b.append("{fd=").append(fds.get(i).fd()).append(", events=").append(SockAddr.pollEvents(fds.get(i).events())).append('}');
            }
            return b.append("], ").append(fds.size()).append(", ").append(timeoutMillis).toString();
        }
        public String straceResult(SysResult r) {
            if (r.failed()) return r.errno().straceResult();
            if (r.value() == 0) return "0 (Timeout)";
            int[] revents = revents(r);
            StringBuilder b = new StringBuilder().append(r.value()).append(" ([");
            boolean first = true;
            for (int i = 0; i < fds.size(); i++) {
                if (revents[i] == 0) continue;
                if (!first) b.append(", ");
                first = false;
                b.append("{fd=").append(fds.get(i).fd()).append(", revents=").append(SockAddr.pollEvents(revents[i])).append('}');
            }
            return b.append("])").toString();
        }
        public static int[] revents(SysResult r) {
            return r.data() instanceof int[] a ? a : new int[0];
        }
    }

    /** getsockopt(fd, SOL_SOCKET, SO_ERROR): the result's value is the pending errno number (0 for none). */
    public record GetsockoptSoError(int fd) implements Syscall {
        public String name() { return "getsockopt"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.soError(k, p, this); }
        public String straceArgs(SysResult r) {
            String value = "0";
            if (r != null && !r.failed() && r.data() instanceof Integer e && e != 0) value = Errno.of(e).name();
            return fd + ", SOL_SOCKET, SO_ERROR, [" + value + "], [4]";
        }
        public String straceResult(SysResult r) { return r.failed() ? r.errno().straceResult() : "0"; }
        public static int error(SysResult r) {
            return r.data() instanceof Integer e ? e : 0;
        }
    }

    /** setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, [on], 4). */
    public record SetsockoptReuseAddr(int fd, boolean on) implements Syscall {
        public String name() { return "setsockopt"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.reuseAddr(k, p, this); }
        public String straceArgs(SysResult r) { return fd + ", SOL_SOCKET, SO_REUSEADDR, [" + (on ? 1 : 0) + "], 4"; }
    }

    /** fcntl(fd, F_GETFL) or fcntl(fd, F_SETFL, flags): how netcat and curl switch O_NONBLOCK. */
    public record FcntlFlags(int fd, boolean set, int flags) implements Syscall {
        public static FcntlFlags get(int fd) {
            return new FcntlFlags(fd, false, 0);
        }
        public String name() { return "fcntl"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.fcntl(k, p, this); }
        public String straceArgs(SysResult r) {
            return set ? fd + ", F_SETFL, " + flagsText(flags) : fd + ", F_GETFL";
        }
        public String straceResult(SysResult r) {
            if (set || r.failed()) return Syscall.super.straceResult(r);
            return "0x" + Long.toHexString(r.value()) + " (flags " + flagsText((int) r.value()) + ")";
        }
        private static String flagsText(int flags) {
            return "O_RDWR" + ((flags & dev.syssim.sim.os.OpenFlags.O_NONBLOCK) != 0 ? "|O_NONBLOCK" : "");
        }
    }

    /** sendto(2) of data on a socket, to {@code to} or (null) the connected peer. */
    public record Sendto(int fd, byte[] data, Endpoint to) implements Syscall {
        public String name() { return "sendto"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.sendto(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", " + StraceText.quote(data) + ", " + data.length + ", " + (to == null ? "MSG_NOSIGNAL, NULL, 0" : "0, " + SockAddr.of(to) + ", 16");
        }
    }

    /** recvfrom(2); the result's data is {@link UdpSocket.Received} for UDP, the bytes for TCP. */
    public record Recvfrom(int fd, int count) implements Syscall {
        public String name() { return "recvfrom"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.recvfrom(k, p, this); }
        public String straceArgs(SysResult r) {
            if (r != null && r.data() instanceof UdpSocket.Received got) {
                return fd + ", " + StraceText.quote(got.data()) + ", " + count + ", 0, " + SockAddr.of(got.from()) + ", [16]";
            }
            return fd + ", " + (r != null && r.data() instanceof byte[] b ? StraceText.quote(b) : "0x7ffd5a0c1e10") + ", " + count + ", 0, NULL, NULL";
        }
    }

    public record Shutdown(int fd, int how) implements Syscall {
        public String name() { return "shutdown"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.shutdown(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", " + (how == SHUT_RD ? "SHUT_RD" : how == SHUT_WR ? "SHUT_WR" : "SHUT_RDWR");
        }
    }

    /** getsockname(2); the result's data is the local {@link Endpoint}. */
    public record Getsockname(int fd) implements Syscall {
        public String name() { return "getsockname"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.getsockname(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", " + (r != null && r.data() instanceof Endpoint e ? SockAddr.of(e) : "0x7ffd5a0c1b40") + ", [16]";
        }
    }

    /** ping's sendto of an echo request with {@code sequence} and {@code payload} data bytes. */
    public record SendEcho(int fd, Ipv4Address to, int sequence, int payload) implements Syscall {
        public String name() { return "sendto"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.sendEcho(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", \"\\10\\0\\0\\0\\0" + (char) ('0' + sequence % 10) + "...\", " + (8 + payload) + ", 0, "
                    + SockAddr.of(new Endpoint(to, 0)) + ", 16";
        }
    }

    /** ping's recvmsg: the result's data is a {@link dev.syssim.sim.net.stack.PingSocketState.Message}. */
    public record RecvEcho(int fd) implements Syscall {
        public String name() { return "recvmsg"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.recvEcho(k, p, this); }
        public String straceArgs(SysResult r) {
            String from = r != null && r.data() instanceof dev.syssim.sim.net.stack.PingSocketState.Message m
                    ? SockAddr.of(new Endpoint(m.from(), 0)) : "0x7ffd5a0c1c00";
            return fd + ", {msg_name=" + from + ", msg_namelen=128 => 16, msg_iov=[{iov_base=\"\\0...\", iov_len=192}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
                    + (r != null && r.data() instanceof dev.syssim.sim.net.stack.PingSocketState.Message m && m.isError() ? "MSG_ERRQUEUE|MSG_DONTWAIT" : "0");
        }
    }

    /** sendmsg of a netlink request. */
    public record NetlinkSend(int fd, Netlink.Request request) implements Syscall {
        public String name() { return "sendmsg"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.netlinkSend(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=["
                    + request.describe() + "], iov_len=64}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
    }

    /** recvmsg of a netlink answer; the result's data is the answer record. */
    public record NetlinkReceive(int fd) implements Syscall {
        public String name() { return "recvmsg"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.netlinkReceive(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[...], iov_len=32768}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
    }

    /** sendto on a raw socket: a whole packet, as a scanner builds it. */
    public record SendPacket(int fd, dev.syssim.sim.net.Packet packet) implements Syscall {
        public String name() { return "sendto"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.sendRaw(k, p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", \"E\\0\\0" + (char) ('0' + packet.length() % 10) + "...\", " + packet.length() + ", 0, "
                    + SockAddr.of(new Endpoint(packet.dst(), 0)) + ", 16";
        }
    }

    /** recvfrom on a raw socket: the result's data is the packet received and when ({@link dev.syssim.sim.net.stack.RawSocketState.Arrival}). */
    public record ReceivePacket(int fd) implements Syscall {
        public String name() { return "recvfrom"; }
        public Outcome enter(Kernel k, Process p) { return SocketCalls.receiveRaw(k, p, this); }
        public String straceArgs(SysResult r) {
            String from = r != null && r.data() instanceof dev.syssim.sim.net.stack.RawSocketState.Arrival a
                    ? SockAddr.of(new Endpoint(a.packet().src(), 0)) : "0x7ffd5a0c1c00";
            return fd + ", \"E\\0...\", 65535, 0, " + from + ", [16]";
        }
    }
}
