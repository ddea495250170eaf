/**
 * The hardware of a simulated machine: the timeline that orders everything in simulated time,
 * CPU cores with their privilege mode and interrupt counters, interrupt lines, and devices (disk,
 * timer, console, NIC). It uses only the JDK and the {@code trace} model; the {@code os} package
 * drives it.
 */
package dev.syssim.sim.hw;
