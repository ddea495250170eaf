/**
 * Sockets through the syscall path (Linux's {@code net/socket.c}): the socket syscalls as records
 * with their strace form, their handlers, and a socket as an open file (TCP, UDP, ICMP "ping",
 * netlink) whose read, write and poll go to the network stack. Uses {@code os} and
 * {@code dev.syssim.sim.net.stack}; used by the network tools in {@code dev.syssim.sim.prog.net}.
 */
package dev.syssim.sim.net.socket;
