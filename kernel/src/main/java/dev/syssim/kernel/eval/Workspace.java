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
    private RunLimits limits = RunLimits.DEFAULT;
    private TraceDisplayOptions traceOptions = TraceDisplayOptions.DEFAULT;
    private volatile World world;
    /** An interrupt that came before the world existed (the first cell boots it): applied when it does. */
    private volatile boolean interruptPending;
    private Session session;
    /** How many times the world was rebuilt (%scenario, %reset, %seed N): a journal starts over then. */
    private long generation;
    /** The cells that built this state, for the copies homework checks run on. */
    private final Journal journal = new Journal();
    /** The copy a check is running on, so an interrupt reaches it too; null when no check runs. */
    private volatile Workspace checking;

    Workspace(Session.Frontend frontend) {
        this.frontend = frontend;
    }

    /** What a replay starts from: the scenario, seed, limits and trace options, with no world built yet. */
    record Settings(Scenario scenario, long seed, RunLimits limits, TraceDisplayOptions traceOptions) {
    }

    /** A workspace that starts from {@code settings} (a copy's, before its cells are replayed). */
    Workspace(Session.Frontend frontend, Settings settings) {
        this.frontend = frontend;
        this.scenario = settings.scenario();
        this.seed = settings.seed();
        this.limits = settings.limits();
        this.traceOptions = settings.traceOptions();
    }

    /** The settings of a fresh kernel: the default scenario and seed, default limits, tracing off. */
    static Settings freshSettings() {
        return new Settings(Scenarios.defaultScenario(), DEFAULT_SEED, RunLimits.DEFAULT, TraceDisplayOptions.DEFAULT);
    }

    Settings settings() {
        return new Settings(scenario, seed, limits, traceOptions);
    }

    long generation() {
        return generation;
    }

    Journal journal() {
        return journal;
    }

    /** While a check runs on {@code copy}, interrupts go to it as well; null when the check is over. */
    void setChecking(Workspace copy) {
        this.checking = copy;
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

    RunLimits limits() {
        return limits;
    }

    /** New limits apply from the next cell on; the world keeps running. */
    void setLimits(RunLimits limits) {
        this.limits = limits;
        if (world != null) world.setLimits(limits);
    }

    TraceDisplayOptions traceOptions() {
        return traceOptions;
    }

    void setTraceOptions(TraceDisplayOptions options) {
        this.traceOptions = options;
    }

    /** A fresh world from {@code scenario} and {@code seed}; everything before is gone. */
    void rebuild(Scenario scenario, long seed, RunLimits limits) {
        this.scenario = scenario;
        this.seed = seed;
        this.limits = limits;
        this.world = null;
        this.session = null;
        generation++;
        ensure();
    }

    /** Stops the running cell at its next step, even if its world is still being built. Thread-safe. */
    void interrupt() {
        interruptPending = true;
        World w = world;
        if (w != null) w.requestInterrupt();
        Workspace copy = checking;
        if (copy != null) copy.interrupt();
    }

    /** A cell is over: an interrupt it did not see is forgotten, so it cannot stop the next one. */
    void clearInterrupt() {
        interruptPending = false;
        World w = world;
        if (w != null) w.clearInterrupt();
        Workspace copy = checking;
        if (copy != null) copy.clearInterrupt();
    }

    /** True when an interrupt was asked for and not yet cleared (a copy being replayed stops at once). */
    boolean interruptPending() {
        return interruptPending;
    }

    private void ensure() {
        if (world != null) return;
        World built = scenario.build(seed, limits);
        Session fresh = new Session(built, frontend);
        fresh.switchTo(built.machine(scenario.startMachine()), scenario.startUser());
        session = fresh;
        world = built;
        if (interruptPending) built.requestInterrupt();
    }

}
