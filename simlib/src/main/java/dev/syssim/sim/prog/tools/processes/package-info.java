/**
 * Processes: listing, finding and signalling them, and running a command in a changed context — ps,
 * kill, pgrep, pkill and top (procps-ng 4.0.2, all readers of /proc through {@link
 * dev.syssim.sim.prog.tools.processes.ProcTable}), sleep, env, printenv, timeout, nohup and nice
 * (coreutils 9.1), renice and taskset (util-linux 2.38.1), strace (6.1). Registered in {@link
 * dev.syssim.sim.prog.tools.processes.ProcessTools}; uses {@code prog} and the syscalls of {@code os}.
 */
package dev.syssim.sim.prog.tools.processes;
