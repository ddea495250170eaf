/**
 * Users: who a process is (id, whoami, groups: coreutils 9.1), the user and host databases
 * (getent, glibc 2.36), and becoming someone else (su from
 * util-linux 2.38.1, sudo 1.9.13p3 with its sudoers policy). Registered in {@link
 * dev.syssim.sim.prog.tools.users.UserTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.users;
