/**
 * The system: the machine, its kernel, devices and clock — uname, hostname, date (with its parser
 * of date strings, {@link dev.syssim.sim.prog.tools.system.DateParser}), nproc, tty (coreutils 9.1),
 * dmesg, lscpu, mount, umount (util-linux 2.38.1), free, uptime (procps-ng 4.0.2), clear, init —
 * and its manuals: man, whatis and apropos (man-db 2.11). Registered in {@link
 * dev.syssim.sim.prog.tools.system.SystemTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.system;
