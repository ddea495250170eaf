package dev.syssim.sim.os;

/**
 * A network namespace as the kernel's process side knows it: a marker for the network room's
 * stack ({@code dev.syssim.sim.net.stack.NetStack}: interfaces, routes, sockets, netfilter tables
 * and conntrack), so this package need not depend on that one. The room registers how to make a
 * new one ({@link Kernel#setNetworkNamespaces}).
 */
public interface NetworkNamespace {
}
