package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.Route;
import dev.syssim.sim.net.stack.TcpConnection;
import dev.syssim.sim.net.stack.TcpListener;
import dev.syssim.sim.net.stack.UdpSocketState;
import dev.syssim.sim.net.stack.Waiters;
import dev.syssim.sim.netfilter.tools.ConntrackTool;
import dev.syssim.sim.netfilter.tools.Ipset;
import dev.syssim.sim.netfilter.tools.Iptables;
import dev.syssim.sim.netfilter.tools.IptablesRestore;
import dev.syssim.sim.netfilter.tools.IptablesSave;
import dev.syssim.sim.netfilter.tools.IptablesTranslate;
import dev.syssim.sim.netfilter.tools.Nft;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import dev.syssim.sim.os.Capability;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A netlink socket: how ss, ip and the netfilter tools talk to the kernel. A request sent with
 * sendmsg is answered at once; recvmsg returns the answer.
 *
 * <p>Simplification: iptables-nft parses its command line and prints its listings in user space,
 * sending nf_tables a batch of binary changes; here the request carries the command line and the
 * kernel side runs the netfilter tools' library on the machine's tables, answering with the
 * text to print. Permission is the kernel's check all the same: without CAP_NET_ADMIN the tools
 * get iptables' "Permission denied (you must be root)".
 */
public final class NetlinkSocket extends Socket {

    private final Netlink.Family family;
    private final ArrayDeque<Object> answers = new ArrayDeque<>();
    private final Waiters waiters = new Waiters("netlink");

    public NetlinkSocket(NetStack stack, Netlink.Family family) {
        super(stack, stack.nextInode());
        this.family = family;
    }

    public Netlink.Family family() {
        return family;
    }

    @Override
    public String kind() {
        return "netlink";
    }

    Outcome sendmsg(Process p, Netlink.Request request) {
        usedBy(p);
        if (request.family() != family) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        answers.addLast(answer(p, request));
        return Outcome.ok(64, Costs.SYSCALL);
    }

    Outcome recvmsg(Process p) {
        usedBy(p);
        Object answer = answers.pollFirst();
        if (answer == null) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        if (answer instanceof Netlink.Failure f) return Outcome.error(f.errno(), Costs.SYSCALL);
        return Outcome.done(SysResult.ok(256, answer), Costs.SYSCALL * 4);
    }

    private Object answer(Process p, Netlink.Request request) {
        if (request instanceof Netlink.DumpSockets) return sockets(p);
        if (request instanceof Netlink.DumpLinks || request instanceof Netlink.DumpAddresses) return links();
        if (request instanceof Netlink.DumpRoutes) {
            return new Netlink.Routes(stack.routes().routes().stream().map(Route::ipRouteLine).toList());
        }
        if (request instanceof Netlink.AddVeth veth) {
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            return stack.addVeth(veth.name(), veth.peer()) == null ? new Netlink.Failure(Errno.EEXIST) : new Netlink.ToolAnswer("", "", 0);
        }
        if (request instanceof Netlink.DeleteLink del) {
            Interface iface = stack.interfaceNamed(del.name());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            return stack.delete(iface) ? new Netlink.ToolAnswer("", "", 0) : new Netlink.Failure(Errno.EOPNOTSUPP);
        }
        if (request instanceof Netlink.MoveLink move) {
            Interface iface = stack.interfaceNamed(move.name());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            OpenFile f = p.fds().get(move.fd());
            if (f == null || !(f.ops() instanceof dev.syssim.sim.os.NamespaceFile ns) || !(ns.namespace() instanceof NetStack target)) {
                return new Netlink.Failure(Errno.EINVAL);
            }
            stack.moveTo(iface, target);
            return new Netlink.ToolAnswer("", "", 0);
        }
        if (request instanceof Netlink.AddAddress add) {
            Interface iface = stack.interfaceNamed(add.device());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            if (iface.has(add.address())) return new Netlink.Failure(Errno.EEXIST);
            stack.addAddress(iface, add.address(), add.prefixLength());
            return new Netlink.ToolAnswer("", "", 0);
        }
        if (request instanceof Netlink.AddBridge add) {
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            return stack.addBridge(add.name(), add.mac()) == null ? new Netlink.Failure(Errno.EEXIST) : new Netlink.ToolAnswer("", "", 0);
        }
        if (request instanceof Netlink.AddTap add) {
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            return stack.addTap(add.name()) == null ? new Netlink.Failure(Errno.EBUSY) : new Netlink.ToolAnswer("", "", 0);
        }
        if (request instanceof Netlink.SetMaster set) {
            Interface iface = stack.interfaceNamed(set.name());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            if (set.master() == null) {
                stack.release(iface);
                return new Netlink.ToolAnswer("", "", 0);
            }
            Interface master = stack.interfaceNamed(set.master());
            if (master == null) return new Netlink.Failure(Errno.ENODEV);
            Errno e = stack.enslave(iface, master);
            return e == null ? new Netlink.ToolAnswer("", "", 0) : new Netlink.Failure(e);
        }
        if (request instanceof Netlink.DriverInfo info) {
            Interface iface = stack.interfaceNamed(info.name());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            dev.syssim.sim.net.link.Nic.DriverInfo d = iface.driverInfo();
            return d == null ? new Netlink.Failure(Errno.EOPNOTSUPP) : d;
        }
        if (request instanceof Netlink.SetMac set) {
            Interface iface = stack.interfaceNamed(set.name());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            stack.setMac(iface, set.mac());
            return new Netlink.ToolAnswer("", "", 0);
        }
        if (request instanceof Netlink.SetLink set) {
            Interface iface = stack.interfaceNamed(set.name());
            if (iface == null) return new Netlink.Failure(Errno.ENODEV);
            if (!p.credentials().has(Capability.CAP_NET_ADMIN)) return new Netlink.Failure(Errno.EPERM);
            stack.setLinkUp(iface, set.up());
            return new Netlink.ToolAnswer("", "", 0);
        }
        return netfilter(p, (Netlink.Netfilter) request);
    }

    private Netlink.ToolAnswer netfilter(Process p, Netlink.Netfilter request) {
        Kernel kernel = stack.kernel();
        ToolContext context = new ToolContext(p.credentials().has(Capability.CAP_NET_ADMIN),
                kernel.bootEpochSeconds() + kernel.now() / 1_000_000_000L, kernel.now(),
                name -> request.hosts().getOrDefault(name, List.of()), request.stdin());
        ToolResult result = switch (request.tool()) {
            case "iptables" -> Iptables.run(request.args(), stack.netfilter(), context);
            case "iptables-save" -> IptablesSave.run(request.args(), stack.netfilter(), context);
            case "iptables-restore" -> IptablesRestore.run(request.args(), stack.netfilter(), context);
            case "conntrack" -> ConntrackTool.run(request.args(), stack.netfilter(), context);
            case "ipset" -> Ipset.run(request.args(), stack.netfilter(), context);
            case "nft" -> Nft.run(request.args(), stack.netfilter(), context, name -> stack.interfaceNamed(name) != null);
            case "iptables-translate" -> IptablesTranslate.run(request.args(), stack.netfilter(), context);
            default -> new ToolResult("", request.tool() + ": not a netfilter tool\n", 1);
        };
        return new Netlink.ToolAnswer(result.stdout(), result.stderr(), result.exitCode());
    }

    private List<Netlink.LinkInfo> links() {
        List<Netlink.LinkInfo> out = new ArrayList<>();
        for (Interface i : stack.interfaces()) {
            String peer = i.peer() == null ? null : i.peer().owner() == stack ? i.peer().name() : "if" + i.peer().index();
            Interface master = i.master();
            String portState = master == null ? null : i.isUp() && i.carrier() && master.isUp() ? "forwarding" : "disabled";
            int portNumber = master == null ? 0 : master.bridge().ports().indexOf(i.nic()) + 1;
            String kind = switch (i.kind()) {
                case BRIDGE -> "bridge";
                case VETH -> "veth";
                case TAP -> "tun";
                default -> null;
            };
            out.add(new Netlink.LinkInfo(i.index(), i.name(), i.isLoopback(), i.flags(), i.mtu(), i.operState(), i.mac(),
                    i.addresses(), i.rxPackets(), i.rxBytes(), i.txPackets(), i.txBytes(), i.inet6(), peer, kind, i.qdisc(),
                    master == null ? null : master.name(), portState, portNumber));
        }
        return out;
    }

    private List<Netlink.SocketInfo> sockets(Process caller) {
        List<Netlink.SocketInfo> out = new ArrayList<>();
        Endpoint nowhere = new Endpoint(dev.syssim.sim.net.Ipv4Address.ANY, 0);
        List<TcpListener> listeners = new ArrayList<>(stack.tcp().listeners());
        listeners.sort(Comparator.comparingInt(l -> l.local().port()));
        for (TcpListener l : listeners) {
            out.add(new Netlink.SocketInfo("tcp", "LISTEN", l.local(), nowhere, l.queued(), l.backlog(), l.inode(), -1,
                    users(caller, l.inode())));
        }
        for (TcpConnection c : stack.tcp().connections()) {
            boolean held = !c.isOrphan() && c.state() != dev.syssim.sim.net.stack.TcpState.SYN_RECV;
            out.add(new Netlink.SocketInfo("tcp", c.state().ssName(), c.local(), c.remote(), c.receiveQueue(), c.sendQueue(),
                    held ? c.inode() : 0, c.timerRemainingMillis(), held ? users(caller, c.inode()) : List.of()));
        }
        for (UdpSocketState u : stack.udp().sockets()) {
            if (u.local() == null) continue;
            out.add(new Netlink.SocketInfo("udp", u.remote() == null ? "UNCONN" : "ESTAB", u.local(),
                    u.remote() == null ? nowhere : u.remote(), u.queuedBytes(), 0, u.inode(), -1, users(caller, u.inode())));
        }
        return out;
    }

    /** The processes holding socket {@code inode}, as ss -p finds them in /proc/PID/fd (only the caller's own unless root). */
    private List<Netlink.SocketUser> users(Process caller, long inode) {
        List<Netlink.SocketUser> users = new ArrayList<>();
        boolean root = caller.credentials().euid() == 0;
        for (Process p : stack.kernel().allProcesses()) {
            if (!root && p.credentials().uid() != caller.credentials().euid()) continue;
            for (int fd = 0; fd < p.fds().limit(); fd++) {
                OpenFile f = p.fds().get(fd);
                if (f != null && f.ops() instanceof Socket s && s.inode() == inode) users.add(new Netlink.SocketUser(p.comm(), p.pid(), fd));
            }
        }
        return users;
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        return recvmsg(process);
    }

    @Override
    public int poll() {
        return POLLOUT | (answers.isEmpty() ? 0 : POLLIN);
    }

    @Override
    public Waiters waiters() {
        return waiters;
    }

    @Override
    public void release(Kernel kernel, OpenFile file) {
        answers.clear();
    }
}
