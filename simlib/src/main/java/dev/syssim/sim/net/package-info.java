/**
 * Network values: IPv4 addresses and prefixes, protocols, TCP flags, ICMP types, packets with the
 * sizes Linux gives them, and the well-known service names of {@code /etc/services}. Plain
 * immutable data using only the JDK; netfilter, sockets, routing and the network tools build on it.
 */
package dev.syssim.sim.net;
