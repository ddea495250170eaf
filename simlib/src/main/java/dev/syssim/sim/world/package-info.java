/**
 * The world: machines, the one timeline and trace they share, the seed, the run loop with its
 * limits, scenario presets, and the {@link dev.syssim.sim.world.Session} — a user's terminal on a
 * machine, which is what a notebook drives. This is the root every other room hangs off; nothing
 * here knows about Jupyter.
 */
package dev.syssim.sim.world;
