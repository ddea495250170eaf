/**
 * The network stack of a machine's kernel (Linux's {@code net/ipv4}): interfaces, routes and
 * forwarding, the paths a packet takes (send, receive, forward) with netfilter's hooks on them,
 * and TCP, UDP and ICMP with the connection states, retransmission timers and errors the
 * firewall lessons depend on. Every hop is a trace event. Uses {@code os} (kernel, wait queues,
 * timeline), {@code net.link}, {@code netfilter}; used by the socket layer
 * ({@code dev.syssim.sim.net.socket}), the scenarios and the network tools.
 */
package dev.syssim.sim.net.stack;
