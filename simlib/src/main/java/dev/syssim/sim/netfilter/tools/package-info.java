/**
 * The userspace tools of netfilter as pure functions of (arguments, a machine's {@link
 * dev.syssim.sim.netfilter.Netfilter}) to (stdout, stderr, exit status): {@code iptables},
 * {@code iptables-save}, {@code iptables-restore} (version 1.8.9, nf_tables backend, whose text
 * the oracle recorded) and {@code conntrack} (conntrack-tools 1.4.7). They parse like the real
 * ones — GNU getopt_long, the same checks in the same order — and print the real messages. Uses
 * the netfilter engine and {@code dev.syssim.sim.net}; the machine's shell runs them.
 */
package dev.syssim.sim.netfilter.tools;
