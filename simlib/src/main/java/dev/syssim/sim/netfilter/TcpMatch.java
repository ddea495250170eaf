package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;

/**
 * {@code -m tcp}: source and destination port ranges and TCP flags, each possibly negated.
 * {@code --syn} is {@code --tcp-flags FIN,SYN,RST,ACK SYN}. A rule gets this match implicitly when
 * it has {@code -p tcp} and a TCP option such as {@code --dport}.
 */
public record TcpMatch(PortRange srcPorts, boolean srcInverted, PortRange dstPorts, boolean dstInverted,
                       int flagMask, int flagCompare, boolean flagsInverted) implements Match {

    /** {@code -m tcp} with no options: every TCP packet. */
    public static final TcpMatch ANY = new TcpMatch(PortRange.ALL, false, PortRange.ALL, false, 0, 0, false);

    public static TcpMatch dport(int port) {
        return new TcpMatch(PortRange.ALL, false, PortRange.of(port), false, 0, 0, false);
    }

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        if (!(packet.transport() instanceof Transport.Tcp tcp)) return false;
        return srcPorts.contains(tcp.srcPort()) != srcInverted
                && dstPorts.contains(tcp.dstPort()) != dstInverted
                && ((tcp.flags().bits() & flagMask) == flagCompare) != flagsInverted;
    }

    /** True if this match tests nothing (all ports, no flags): {@code -m tcp} alone. */
    public boolean isEmpty() {
        return srcPorts.isAll() && !srcInverted && dstPorts.isAll() && !dstInverted && flagMask == 0 && !flagsInverted;
    }
}
