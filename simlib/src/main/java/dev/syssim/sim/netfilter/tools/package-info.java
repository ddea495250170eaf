/**
 * The userspace tools of netfilter as pure functions of (arguments, a machine's {@link
 * dev.syssim.sim.netfilter.Netfilter}) to (stdout, stderr, exit status): {@code iptables},
 * {@code iptables-save}, {@code iptables-restore} (version 1.8.9, nf_tables backend, whose text
 * the oracle recorded), {@code iptables-translate}, {@code conntrack} (conntrack-tools 1.4.7),
 * {@code ipset} (7.17) and {@code nft} (nftables 1.0.6: its scanner, a recursive-descent
 * parser with bison's error messages and recovery, and its evaluation, in {@code Nft*}). They
 * parse like the real ones — GNU getopt_long, the same checks in the same order — and print the
 * real messages. Uses the netfilter engine, {@code netfilter.nft}, {@code netfilter.ipset} and
 * {@code dev.syssim.sim.net}; the machine's shell runs them.
 */
package dev.syssim.sim.netfilter.tools;
