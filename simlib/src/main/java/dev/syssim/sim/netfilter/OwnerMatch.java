package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m owner}: the owner of the local socket that sent the packet — its uid in
 * [{@code uidMin}, {@code uidMax}], its gid in a range, or that a socket exists at all. Only packets
 * this machine sends have one, so the kernel takes this match only in OUTPUT and POSTROUTING. A
 * range not given has {@code min} -1.
 */
public record OwnerMatch(long uidMin, long uidMax, boolean uidInverted, long gidMin, long gidMax,
                         boolean gidInverted, boolean socketExists, boolean socketInverted) implements Match {

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return matches(new Skb(packet, Hook.OUTPUT, "", "", 0, null, state));
    }

    @Override
    public boolean matches(Skb skb) {
        boolean hasSocket = skb.uid() >= 0;
        if (socketExists && hasSocket == socketInverted) return false;
        if (uidMin >= 0 && (!hasSocket || (skb.uid() >= uidMin && skb.uid() <= uidMax) == uidInverted)) return false;
        return gidMin < 0 || (hasSocket && (skb.gid() >= gidMin && skb.gid() <= gidMax) != gidInverted);
    }
}
