/**
 * Processes: listing and signalling them, and running a command in a changed context — ps and kill
 * (procps-ng 4.0.2), sleep and env (coreutils 9.1), taskset (util-linux 2.38.1), strace (6.1).
 * Registered in {@link dev.syssim.sim.prog.tools.processes.ProcessTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.processes;
