/**
 * Netfilter, the kernel's packet filter: the filter table with its built-in chains (INPUT, FORWARD,
 * OUTPUT), user chains, rules as immutable records, counters, and the evaluation of a packet at a
 * hook into a verdict with the TRACE steps and LOG lines that explain it. One {@link
 * dev.syssim.sim.netfilter.Netfilter} per machine holds all of it plus connection tracking. Uses
 * only {@code dev.syssim.sim.net}; the network stack calls it at each hook, and the tools in
 * {@code netfilter.tools} change and print it.
 */
package dev.syssim.sim.netfilter;
