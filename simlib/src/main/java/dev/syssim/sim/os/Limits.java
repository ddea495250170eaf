package dev.syssim.sim.os;

/**
 * The ceilings that keep a runaway notebook harmless: how many processes a machine holds (a fork
 * bomb meets EAGAIN there) and the largest pid.
 */
public record Limits(int maxProcesses, int pidMax) {

    public static final Limits DEFAULT = new Limits(512, 32768);
}
