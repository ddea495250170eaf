/**
 * ufw 0.36.2, Debian 12's "uncomplicated firewall": its rules (tuples), its state files and the
 * iptables chains it writes ({@code ufw-before-input}, {@code ufw-user-input},
 * {@code ufw-user-limit}, ...), as pure functions of the command line and the state the files
 * hold. The program {@code dev.syssim.sim.prog.net.UfwTool} reads and writes those files and
 * hands the iptables commands to the kernel, as ufw's own scripts run iptables. Uses only the JDK.
 */
package dev.syssim.sim.netfilter.ufw;
