package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.net.stack.InterfaceAddress;
import java.util.List;
import java.util.Map;

/**
 * The netlink messages the simulation's tools exchange with the kernel, as values: the requests
 * {@code ss} (sock_diag), {@code ip} (rtnetlink) and the netfilter tools (nf_tables, ctnetlink)
 * send, and what comes back. Real netlink carries binary attributes; the simulation carries
 * these records, and strace shows a summary of them.
 */
public final class Netlink {

    private Netlink() {
    }

    /** The netlink protocols a socket can speak ({@code socket(AF_NETLINK, SOCK_RAW, PROTOCOL)}). */
    public enum Family {
        ROUTE(0, "NETLINK_ROUTE"),
        SOCK_DIAG(4, "NETLINK_SOCK_DIAG"),
        NETFILTER(12, "NETLINK_NETFILTER");

        private final int number;
        private final String constant;

        Family(int number, String constant) {
            this.number = number;
            this.constant = constant;
        }

        public int number() {
            return number;
        }

        public String constant() {
            return constant;
        }
    }

    /** A request; {@link #describe()} is what strace shows of it. */
    public sealed interface Request {
        Family family();

        String describe();
    }

    /** sock_diag: every TCP and UDP socket of the machine (the tool filters by state). */
    public record DumpSockets() implements Request {
        public Family family() {
            return Family.SOCK_DIAG;
        }

        public String describe() {
            return "{nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, ...}, {sdiag_family=AF_INET, ...}";
        }
    }

    /** RTM_GETLINK dump. */
    public record DumpLinks() implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, ...}, {ifi_family=AF_UNSPEC, ...}";
        }
    }

    /** RTM_GETADDR dump. */
    public record DumpAddresses() implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, ...}, {ifa_family=AF_UNSPEC, ...}";
        }
    }

    /** RTM_GETROUTE dump of the main table. */
    public record DumpRoutes() implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, ...}, {rtm_family=AF_INET, ...}";
        }
    }

    /** RTM_NEWLINK setting IFF_UP on or off ({@code ip link set DEV up|down}). */
    public record SetLink(String name, boolean up) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, ...}, {ifi_family=AF_UNSPEC, ifi_flags=" + (up ? "IFF_UP" : "0")
                    + ", ifi_change=0x1}, [{nla_type=IFLA_IFNAME, nla_data=\"" + name + "\"}]";
        }
    }

    /**
     * A netfilter tool's work: {@code tool} is iptables, iptables-save, iptables-restore,
     * iptables-translate, conntrack, ipset or nft, with its arguments, standard input (for
     * restore; the file of {@code nft -f}) and the host names it resolved in user space.
     */
    public record Netfilter(String tool, List<String> args, String stdin, Map<String, List<Ipv4Address>> hosts) implements Request {
        public Family family() {
            return Family.NETFILTER;
        }

        public String describe() {
            return tool.equals("conntrack") ? "{nlmsg_type=NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET, ...}"
                    : "{nlmsg_type=NFNL_MSG_BATCH_BEGIN, nlmsg_flags=NLM_F_REQUEST, ...}, {nfgen_family=AF_INET, res_id=NFNL_SUBSYS_NFTABLES}";
        }
    }

    /** One socket as sock_diag reports it, with the processes that hold it ({@code ss -p}). */
    public record SocketInfo(String protocol, String state, Endpoint local, Endpoint remote, int recvQ, int sendQ,
                             long inode, long timerMillis, List<SocketUser> users) {
    }

    /** A process holding a socket: {@code ("sshd",pid=612,fd=3)}. */
    public record SocketUser(String command, int pid, int fd) {
    }

    /**
     * One interface as RTM_GETLINK / RTM_GETADDR report it: {@code kind} is IFLA_INFO_KIND
     * ({@code bridge}, {@code veth}, {@code tun}, or null), {@code master} the bridge it is a port
     * of (null if none) and {@code portState} its state there ({@code forwarding}, {@code disabled}).
     */
    public record LinkInfo(int index, String name, boolean loopback, String flags, int mtu, String state, String mac,
                           List<InterfaceAddress> addresses, long rxPackets, long rxBytes, long txPackets, long txBytes,
                           List<String> inet6, String peer, String kind, String qdisc, String master, String portState, int portNumber) {
    }

    /** RTM_NEWLINK making a bridge ({@code ip link add NAME [address MAC] type bridge}). */
    public record AddBridge(String name, String mac) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ...}, [{nla_type=IFLA_IFNAME, nla_data=\"" + name
                    + "\"}, {nla_type=IFLA_LINKINFO, nla_data=[{nla_type=IFLA_INFO_KIND, nla_data=\"bridge\"}]}]";
        }
    }

    /**
     * A persistent tap device ({@code ip tuntap add dev NAME mode tap}). Real iproute2 opens
     * {@code /dev/net/tun} and asks with ioctl TUNSETIFF and TUNSETPERSIST; the simulation sends
     * the request as a message like the others.
     */
    public record AddTap(String name) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "TUNSETIFF {ifr_name=\"" + name + "\", ifr_flags=IFF_TAP|IFF_NO_PI}, TUNSETPERSIST 1";
        }
    }

    /** RTM_NEWLINK with IFLA_MASTER ({@code ip link set DEV master BRIDGE}; {@code master} null: {@code nomaster}). */
    public record SetMaster(String name, String master) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, ...}, [{nla_type=IFLA_MASTER, nla_data=" + (master == null ? "0" : "\"" + master + "\"")
                    + "}, {nla_type=IFLA_IFNAME, nla_data=\"" + name + "\"}]";
        }
    }

    /**
     * ETHTOOL_GDRVINFO for an interface ({@code ethtool -i DEV}): real ethtool asks with
     * {@code ioctl(fd, SIOCETHTOOL, ...)} on a socket; the simulation sends it like the others.
     */
    public record DriverInfo(String name) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "SIOCETHTOOL {ifr_name=\"" + name + "\", ethcmd=ETHTOOL_GDRVINFO}";
        }
    }

    /** RTM_NEWLINK with IFLA_ADDRESS ({@code ip link set DEV address MAC}). */
    public record SetMac(String name, String mac) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, ...}, [{nla_type=IFLA_ADDRESS, nla_data=" + mac
                    + "}, {nla_type=IFLA_IFNAME, nla_data=\"" + name + "\"}]";
        }
    }

    /** RTM_NEWLINK making a veth pair ({@code ip link add NAME type veth peer name PEER}). */
    public record AddVeth(String name, String peer) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ...}, [{nla_type=IFLA_IFNAME, nla_data=\"" + name + "\"}, ...veth peer \"" + peer + "\"]";
        }
    }

    /** RTM_DELLINK ({@code ip link del DEV}). */
    public record DeleteLink(String name) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_DELLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, ...}, [{nla_type=IFLA_IFNAME, nla_data=\"" + name + "\"}]";
        }
    }

    /** RTM_NEWLINK with IFLA_NET_NS_FD ({@code ip link set DEV netns NAME}): {@code fd} is an open network namespace file. */
    public record MoveLink(String name, int fd) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, ...}, [{nla_type=IFLA_NET_NS_FD, nla_data=" + fd + "}, {nla_type=IFLA_IFNAME, nla_data=\"" + name + "\"}]";
        }
    }

    /** RTM_NEWADDR ({@code ip addr add ADDRESS/LEN dev DEV}). */
    public record AddAddress(String device, Ipv4Address address, int prefixLength) implements Request {
        public Family family() {
            return Family.ROUTE;
        }

        public String describe() {
            return "{nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ...}, {ifa_family=AF_INET, ifa_prefixlen=" + prefixLength + ", ...}, [{nla_type=IFA_LOCAL, nla_data=" + address + "}]";
        }
    }

    /** The routes of the main table, each as {@code ip route} prints it. */
    public record Routes(List<String> lines) {
    }

    /** A netfilter tool's answer: what it prints and its exit status. */
    public record ToolAnswer(String stdout, String stderr, int exitCode) {
    }

    /** A failed request: the errno netlink answered with (EPERM, ENODEV ...). */
    public record Failure(dev.syssim.sim.os.Errno errno) {
    }
}
