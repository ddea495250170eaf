/**
 * Connection tracking: the table of connections each machine's kernel keeps, keyed by the tuple
 * of both directions, with the TCP state machine, timeouts counted in simulated time, and the
 * classification of every packet as NEW, ESTABLISHED, RELATED or INVALID that the rules of
 * {@code dev.syssim.sim.netfilter} match on. Uses only {@code dev.syssim.sim.net} and the
 * netfilter state names; {@link dev.syssim.sim.netfilter.Netfilter} drives it at each hook and the
 * {@code conntrack} tool lists it.
 */
package dev.syssim.sim.netfilter.conntrack;
