package dev.syssim.sim.os;

/**
 * What an executable does once exec has loaded it: its first user-mode step. Programs are pure
 * user-space code: they see the world only through the results of their syscalls.
 */
public interface Program {

    Step start(ProgramArgs args);
}
