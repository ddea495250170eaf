package dev.syssim.sim.world;

import java.util.List;

/**
 * A preset world a lecture notebook starts from in one line ({@code %scenario campus}): how to
 * build it from a seed, and where the session starts (machine and user).
 */
public interface Scenario {

    String name();

    /** One line for {@code %scenario} without arguments and for {@code %help}. */
    String description();

    World build(long seed, RunLimits limits);

    String startMachine();

    /** The user the session starts as: the course's student in every preset so far. */
    default String startUser() {
        return "student";
    }

    /** A few lines describing the world: machines, addresses, services (the {@code %scenario} table). */
    List<List<String>> table(World world);

    /** The header of {@link #table}. */
    List<String> tableHeader();
}
