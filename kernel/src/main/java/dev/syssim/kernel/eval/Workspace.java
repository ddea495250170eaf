package dev.syssim.kernel.eval;

import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Scenario;
import dev.syssim.sim.world.Scenarios;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;

/**
 * What a notebook has built up: the scenario and seed its world came from, the world and the
 * session in it, the limits and the trace display options. Built lazily, so the kernel answers
 * its first requests before any machine boots.
 */
final class Workspace {

    static final long DEFAULT_SEED = 42;

    private final Session.Frontend frontend;
    private Scenario scenario = Scenarios.defaultScenario();
    private long seed = DEFAULT_SEED;
    private CellLimits limits;
    private TraceDisplayOptions traceOptions;
    private volatile World world;
    /** An interrupt that came before the world existed (the first cell boots it): applied when it does. */
    private volatile boolean interruptPending;
    private Session session;

    Workspace(Session.Frontend frontend, CellLimits limits, TraceDisplayOptions traceOptions) {
        this.frontend = frontend;
        this.limits = limits;
        this.traceOptions = traceOptions;
    }

    World world() {
        ensure();
        return world;
    }

    Session session() {
        ensure();
        return session;
    }

    boolean started() {
        return world != null;
    }

    Scenario scenario() {
        return scenario;
    }

    long seed() {
        return seed;
    }

    CellLimits limits() {
        return limits;
    }

    /** New limits apply from the next cell on; the world keeps running. */
    void setLimits(CellLimits limits) {
        this.limits = limits;
        if (world != null) world.setLimits(limits.runLimits(world.limits()));
    }

    TraceDisplayOptions traceOptions() {
        return traceOptions;
    }

    void setTraceOptions(TraceDisplayOptions options) {
        this.traceOptions = options;
    }

    /** A fresh world from {@code scenario} and {@code seed}; everything before is gone. */
    void rebuild(Scenario scenario, long seed, CellLimits limits) {
        this.scenario = scenario;
        this.seed = seed;
        this.limits = limits;
        this.world = null;
        this.session = null;
        ensure();
    }

    /** Stops the running cell at its next step, even if its world is still being built. Thread-safe. */
    void interrupt() {
        interruptPending = true;
        World w = world;
        if (w != null) w.requestInterrupt();
    }

    /** The cell used its time: it stops at its next step, with the time limit's message. Thread-safe. */
    void requestTimeLimit() {
        World w = world;
        if (w != null) w.requestTimeLimit();
    }

    /** A cell is over: an interrupt it did not see is forgotten, so it cannot stop the next one. */
    void clearInterrupt() {
        interruptPending = false;
        World w = world;
        if (w != null) w.clearInterrupt();
    }

    private void ensure() {
        if (world != null) return;
        World built = scenario.build(seed, limits.runLimits(RunLimits.DEFAULT));
        Session fresh = new Session(built, frontend);
        fresh.switchTo(built.machine(scenario.startMachine()), scenario.startUser());
        session = fresh;
        world = built;
        if (interruptPending) built.requestInterrupt();
    }

}
