package dev.syssim.sim.world;

import dev.syssim.sim.hw.Timeline;
import dev.syssim.sim.trace.Trace;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Everything simulated, in one place: the machines, the timeline that orders all their events,
 * the trace they record into, and the seed their randomness comes from. Running the world means
 * taking the next due event off the timeline until the caller's condition holds.
 */
public final class World {

    /** Why a run stopped. */
    public enum Stop { DONE, INTERRUPTED, STEP_LIMIT, STUCK }

    private final Timeline timeline = new Timeline();
    private final Trace trace;
    private final long seed;
    private RunLimits limits;
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private volatile boolean interruptRequested;
    /** A replay's interrupts: the steps at which the recorded run saw one, oldest first. */
    private final java.util.ArrayDeque<Long> replayedInterrupts = new java.util.ArrayDeque<>();
    /** The first of them, or Long.MAX_VALUE: one comparison per step on the hot path. */
    private long nextReplayedInterrupt = Long.MAX_VALUE;
    /** The steps at which runs stopped for an interrupt since the last {@link #takeInterruptSteps()}. */
    private final java.util.List<Long> interruptSteps = new java.util.ArrayList<>();
    private long steps;
    private Runnable progressListener;
    private long progressEvery;
    private long nextProgress = Long.MAX_VALUE;

    public World(long seed, RunLimits limits) {
        this.seed = seed;
        this.limits = limits;
        this.trace = new Trace(limits.traceHead(), limits.traceTail());
    }

    public Timeline timeline() {
        return timeline;
    }

    public Trace trace() {
        return trace;
    }

    public long seed() {
        return seed;
    }

    public RunLimits limits() {
        return limits;
    }

    /** Changes the per-cell limits (the trace bound stays as the world was built). */
    public void setLimits(RunLimits limits) {
        this.limits = limits;
    }

    public void add(Machine machine) {
        machines.put(machine.name(), machine);
    }

    public Machine machine(String name) {
        return machines.get(name);
    }

    /** Takes a machine out of the world (a virtual machine switched off). */
    public void remove(String name) {
        machines.remove(name);
    }

    public Collection<Machine> machines() {
        return machines.values();
    }

    /** Events run since the world began (each is one step of a core, a device or a wire). */
    public long steps() {
        return steps;
    }

    /**
     * Calls {@code listener} every {@code everySteps} steps while the world runs (a long cell's live
     * progress); null removes it. The listener may read the world but must not run it.
     */
    public void setProgressListener(long everySteps, Runnable listener) {
        this.progressListener = listener;
        this.progressEvery = everySteps;
        this.nextProgress = listener == null ? Long.MAX_VALUE : steps + everySteps;
    }

    /** Asks the running cell to stop at the next step. Safe from any thread. */
    public void requestInterrupt() {
        interruptRequested = true;
    }

    public boolean interruptRequested() {
        return interruptRequested;
    }

    public void clearInterrupt() {
        interruptRequested = false;
    }

    /**
     * Makes runs stop for an interrupt when exactly these numbers of events have run, as a recorded
     * run did: the world is deterministic, so a replay interrupted at the same steps reaches the
     * same state. Replaces any steps still pending; an empty list cancels them.
     */
    public void replayInterruptsAt(java.util.List<Long> steps) {
        replayedInterrupts.clear();
        replayedInterrupts.addAll(steps);
        nextReplayedInterrupt = replayedInterrupts.isEmpty() ? Long.MAX_VALUE : replayedInterrupts.peekFirst();
    }

    /** The steps at which runs stopped for an interrupt since the last call, oldest first (for replays). */
    public java.util.List<Long> takeInterruptSteps() {
        java.util.List<Long> taken = java.util.List.copyOf(interruptSteps);
        interruptSteps.clear();
        return taken;
    }

    /**
     * Runs events until {@code done} holds, an interrupt is requested, {@code maxSteps} more events
     * have run, or nothing is left that could ever happen.
     */
    public Stop runUntil(BooleanSupplier done, long maxSteps) {
        long limit = steps + maxSteps;
        while (!done.getAsBoolean()) {
            if (interruptRequested || steps >= nextReplayedInterrupt) {
                if (!interruptRequested) {
                    replayedInterrupts.removeFirst();
                    nextReplayedInterrupt = replayedInterrupts.isEmpty() ? Long.MAX_VALUE : replayedInterrupts.peekFirst();
                }
                interruptSteps.add(steps);
                return Stop.INTERRUPTED;
            }
            if (steps >= limit) return Stop.STEP_LIMIT;
            if (!timeline.runNext()) return Stop.STUCK;
            if (++steps >= nextProgress) {
                nextProgress = steps + progressEvery;
                progressListener.run();
            }
        }
        return Stop.DONE;
    }
}
