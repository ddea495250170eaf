/**
 * IP sets ({@code net/netfilter/ipset}): the kernel's named sets of addresses, networks and ports
 * that one iptables rule ({@code -m set --match-set NAME src}) tests a packet against in constant
 * time, however many members the set has. The types {@code hash:ip}, {@code hash:net},
 * {@code hash:ip,port} and {@code bitmap:port}, with per-member timeouts, laid out as the kernel
 * lays them out (jhash buckets, their growth and resizing, the bitmap) so that listings show the
 * kernel's member order and memory size. One {@link dev.syssim.sim.netfilter.ipset.IpSets} per
 * machine hangs off its {@link dev.syssim.sim.netfilter.Netfilter}; the {@code ipset} tool in
 * {@code netfilter.tools} drives it. Uses only {@code dev.syssim.sim.net}.
 */
package dev.syssim.sim.netfilter.ipset;
