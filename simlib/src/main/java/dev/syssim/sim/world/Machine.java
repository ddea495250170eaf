package dev.syssim.sim.world;

import dev.syssim.sim.os.Kernel;

/** A computer of the world: its hardware and the kernel running on it, under a name. */
public final class Machine {

    private final String name;
    private final Kernel kernel;

    public Machine(String name, Kernel kernel) {
        this.name = name;
        this.kernel = kernel;
    }

    public String name() {
        return name;
    }

    public Kernel kernel() {
        return kernel;
    }
}
