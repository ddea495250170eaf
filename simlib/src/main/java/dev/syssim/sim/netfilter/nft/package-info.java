/**
 * nftables' own rules (nftables 1.0.6 on Linux 6.x): tables of the families {@code ip} and
 * {@code inet}, base chains hooked at the netfilter hooks with a type, a priority and a policy,
 * regular chains, rules as lists of expressions and statements, named and anonymous sets — and
 * their evaluation, ordered by priority among the iptables tables at each hook (raw -300,
 * conntrack -200, mangle -150, dstnat -100, filter 0, security 50, srcnat 100). The
 * {@code nft} tool in {@code netfilter.tools} parses and prints them, and prints the iptables
 * tables as nftables tables, which on Debian 12 they are. Uses {@code netfilter} and
 * {@code dev.syssim.sim.net}.
 */
package dev.syssim.sim.netfilter.nft;
