/**
 * The network programs of a Debian machine, written against the C library and the socket
 * syscalls as the real ones are: the clients (nc, curl, ping, nmap, ssh), the administration
 * tools (ip, ss, iptables, iptables-save, iptables-restore, conntrack, systemctl) and the services
 * started at boot (sshd, apache2, postfix, cupsd). Each prints the real tool's words. Uses
 * {@code prog} (Libc, Tool), {@code net.socket}; registered by {@link dev.syssim.sim.world.Toolbox}.
 */
package dev.syssim.sim.prog.net;
