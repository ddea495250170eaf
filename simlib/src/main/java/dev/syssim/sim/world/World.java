package dev.syssim.sim.world;

import dev.syssim.sim.fs.ContentBudget;
import dev.syssim.sim.hw.Timeline;
import dev.syssim.sim.trace.Trace;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Everything simulated, in one place: the machines, the timeline that orders all their events,
 * the trace they record into, and the seed their randomness comes from. Running the world means
 * taking the next due event off the timeline until the caller's condition holds.
 */
public final class World {

    /** Why a run stopped. */
    public enum Stop { DONE, INTERRUPTED, STEP_LIMIT, TIME_LIMIT, STUCK }

    private static final int INTERRUPT = 1;
    private static final int TIME = 2;

    private final Timeline timeline = new Timeline();
    private final Trace trace;
    private final long seed;
    private RunLimits limits;
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    /** The file content all machines together may keep in the kernel's memory. */
    private final ContentBudget contentBudget = new ContentBudget(ContentBudget.DEFAULT_CAP);
    /** Requests from other threads to stop the run: {@link #INTERRUPT} and {@link #TIME} bits. */
    private final AtomicInteger stopRequests = new AtomicInteger();
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

    /** What the machines' files may keep in memory, together ({@link ContentBudget#DEFAULT_CAP}). */
    public ContentBudget contentBudget() {
        return contentBudget;
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
        stopRequests.getAndUpdate(r -> r | INTERRUPT);
    }

    public boolean interruptRequested() {
        return (stopRequests.get() & INTERRUPT) != 0;
    }

    /** Forgets both an interrupt and a time limit that were requested. */
    public void clearInterrupt() {
        stopRequests.set(0);
    }

    /**
     * Asks the running cell to stop at the next step because it used its time (the front end's
     * watchdog, which owns the clock: the world has none). Safe from any thread.
     */
    public void requestTimeLimit() {
        stopRequests.getAndUpdate(r -> r | TIME);
    }

    /** Forgets a time limit that was requested (a run stopped by it has been dealt with). */
    public void clearTimeLimit() {
        stopRequests.getAndUpdate(r -> r & ~TIME);
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
            int requests = stopRequests.get();
            if (requests != 0 || steps >= nextReplayedInterrupt) {
                if ((requests & INTERRUPT) == 0 && steps >= nextReplayedInterrupt) {
                    replayedInterrupts.removeFirst();
                    nextReplayedInterrupt = replayedInterrupts.isEmpty() ? Long.MAX_VALUE : replayedInterrupts.peekFirst();
                } else if ((requests & INTERRUPT) == 0) {
                    // Simplification: a stop by the wall-clock watchdog is not journalled, so a
                    // replay of such a cell runs to its step limit instead.
                    return Stop.TIME_LIMIT;
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
