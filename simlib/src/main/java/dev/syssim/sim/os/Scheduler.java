package dev.syssim.sim.os;

import dev.syssim.sim.hw.Core;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.hw.Timeline;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Shares the cores among runnable processes and runs each process's steps on its core: user-mode
 * compute, the trap into the kernel for a syscall and the return to user mode ("drop privileges"),
 * CPU exceptions, and the timer interrupt that preempts a process whose time slice is over. This is
 * the one path every story of the lecture goes through.
 *
 * <p>Simplifications, and what a student would see differently on Linux: one run queue for all
 * cores (Linux keeps one per core and balances them), round-robin instead of CFS's virtual
 * runtime, no tick while a core is idle (as NO_HZ_IDLE), and a woken process waits for a free core
 * or the next tick instead of preempting the running one at once.
 */
public final class Scheduler {

    private final Kernel kernel;
    private final Timeline timeline;
    private final Core[] cores;
    private final Process[] current;
    private final Process[] lastRan;
    private final long[] sliceEnd;
    private final boolean[] resumeScheduled;
    private final Runnable[] resumers;
    private final ArrayDeque<Process> runQueue = new ArrayDeque<>();
    private long steps;

    Scheduler(Kernel kernel, Timeline timeline, Core[] cores) {
        this.kernel = kernel;
        this.timeline = timeline;
        this.cores = cores;
        int n = cores.length;
        this.current = new Process[n];
        this.lastRan = new Process[n];
        this.sliceEnd = new long[n];
        this.resumeScheduled = new boolean[n];
        this.resumers = new Runnable[n];
        for (int c = 0; c < n; c++) {
            int core = c;
            resumers[c] = () -> {
                resumeScheduled[core] = false;
                run(core);
            };
        }
    }

    /** Steps run on all cores since boot (a cell's step budget counts these). */
    public long steps() {
        return steps;
    }

    public Process runningOn(int core) {
        return current[core];
    }

    public int coreCount() {
        return cores.length;
    }

    public Core core(int index) {
        return cores[index];
    }

    // ---- making processes runnable ----

    /** Puts a process on the run queue and gives it a core if one is idle. */
    void makeReady(Process p) {
        p.state = ProcessState.READY;
        runQueue.addLast(p);
        kickIdleCore();
    }

    /** Wakes every process sleeping on {@code queue}. */
    public void wakeAll(WaitQueue queue) {
        if (queue.isEmpty()) return;
        for (Process p : queue.takeAll()) {
            if (p.state != ProcessState.BLOCKED) continue;
            p.sleepingOn = null;
            if (kernel.trace().wants(EventKind.WAKE) && !isQuietCall(p)) {
                kernel.event(p.lane(), CpuMode.KERNEL, EventKind.WAKE, "wake up (" + queue.name() + ")", "", TraceEvent.NO_CAUSE);
            }
            makeReady(p);
        }
    }

    /** Takes a sleeping process off its wait queue so it runs {@code retry} next (a signal arrived). */
    void interruptSleep(Process p, Supplier<Outcome> retry) {
        if (p.state != ProcessState.BLOCKED) return;
        if (p.sleepingOn != null) p.sleepingOn.remove(p);
        p.sleepingOn = null;
        p.retry = retry;
        makeReady(p);
    }

    private void kickIdleCore() {
        for (int c = 0; c < cores.length; c++) {
            if (current[c] == null && !resumeScheduled[c] && hasWorkFor(c)) {
                schedule(c, timeline.now());
                return;
            }
        }
    }

    private boolean hasWorkFor(int core) {
        for (Process p : runQueue) if (p.mayRunOn(core)) return true;
        return false;
    }

    private void schedule(int core, long time) {
        resumeScheduled[core] = true;
        timeline.at(time, resumers[core]);
    }

    // ---- running a core ----

    private void run(int c) {
        if (!cores[c].mayRun(resumers[c])) {
            // a vCPU whose guest is not in non-root mode: this step runs at the next VM entry
            resumeScheduled[c] = true;
            return;
        }
        steps++;
        Process p = current[c];
        if (p == null || p.state == ProcessState.DEAD) {
            current[c] = null; // a thread ended with its group while it ran here
            dispatch(c);
            return;
        }
        try {
            continueProcess(c, p);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError bug) {
            // Whatever a step throws ends that process (as the OOM killer or a crash would), never
            // the scheduler: the core dispatches the next process and the world goes on.
            kernel.reportBug(p, bug);
            if (current[c] == p) {
                kernel.processes().terminate(p, WaitStatus.killed(Signal.SIGKILL, false));
                current[c] = null;
                dispatch(c);
            }
        }
    }

    private void continueProcess(int c, Process p) {
        if (p.retry != null) {
            Supplier<Outcome> retry = p.retry;
            p.retry = null;
            handle(c, p, retry.get());
            return;
        }
        if (p.pendingThen != null) {
            SysResult result = p.pendingResult;
            Function<SysResult, Step> then = p.pendingThen;
            Syscall call = p.pendingCall;
            p.pendingThen = null;
            p.pendingResult = null;
            p.pendingCall = null;
            returnToUser(c, p, call, result);
            if (deliverSignals(c, p)) return;
            p.next = then.apply(result);
        } else if (p.afterCompute != null) {
            Supplier<Step> then = p.afterCompute;
            p.afterCompute = null;
            p.next = then.get();
        }
        if (timeline.now() >= sliceEnd[c] && timerInterrupt(c, p)) return;
        if (deliverSignals(c, p)) return;
        if (!p.mayRunOn(c)) {
            migrate(c, p);
            return;
        }
        execute(c, p, p.next);
    }

    private void execute(int c, Process p, Step step) {
        if (step instanceof Step.Call call) {
            enterSyscall(c, p, call);
        } else if (step instanceof Step.Compute compute) {
            runUserCode(c, p, compute);
        } else if (step instanceof Step.Privileged privileged) {
            kernel.traps().generalProtection(c, p, privileged.instruction());
            afterFault(c, p);
        } else if (step instanceof Step.Touch touch) {
            if (kernel.traps().touch(c, p, touch)) {
                p.afterCompute = touch.then();
                schedule(c, timeline.now() + 1);
            } else {
                afterFault(c, p);
            }
        } else {
            throw new IllegalStateException("no next step for " + p);
        }
    }

    private void afterFault(int c, Process p) {
        if (!deliverSignals(c, p)) throw new IllegalStateException(p + " survived a fatal fault");
    }

    private void runUserCode(int c, Process p, Step.Compute compute) {
        long now = timeline.now();
        // cpu.max: a group that has used its quota for this period is not run until the next one
        long allowance = kernel.cgroups().cpuAllowance(p, now);
        if (allowance == 0) {
            throttle(c, p, now);
            return;
        }
        if (kernel.trace().wants(EventKind.COMPUTE) && !compute.label().isEmpty()) {
            kernel.event(p.lane(), CpuMode.USER, EventKind.COMPUTE, compute.label(), Durations.text(compute.nanos()), TraceEvent.NO_CAUSE);
        }
        long end = now + compute.nanos();
        long stop = allowance == Long.MAX_VALUE ? sliceEnd[c] : Math.min(sliceEnd[c], now + allowance);
        if (end > stop) {
            long done = Math.max(0, stop - now);
            p.userTime += done;
            if (allowance != Long.MAX_VALUE) kernel.cgroups().chargeCpu(p, done, stop);
            p.next = new Step.Compute(compute.nanos() - done, compute.what(), compute.then());
            p.afterCompute = null;
            schedule(c, stop);
        } else {
            p.userTime += compute.nanos();
            if (allowance != Long.MAX_VALUE) kernel.cgroups().chargeCpu(p, compute.nanos(), end);
            p.afterCompute = compute.then();
            schedule(c, end);
        }
    }

    /** Takes a throttled process off its core until its cgroup's period ends (it is on no run queue meanwhile). */
    private void throttle(int c, Process p, long now) {
        long until = kernel.cgroups().throttle(p, now);
        p.state = ProcessState.READY;
        current[c] = null;
        dispatch(c);
        timeline.at(until, () -> {
            if (p.state == ProcessState.READY && !runQueue.contains(p) && !isRunning(p)) makeReady(p);
        });
    }

    private void enterSyscall(int c, Process p, Step.Call step) {
        Syscall call = step.call();
        boolean quiet = call.quiet();
        cores[c].setMode(CpuMode.KERNEL);
        if (!quiet) kernel.traps().syscallEntry(c, p, call);
        p.pendingCall = call;
        p.callThen = step.then();
        handle(c, p, call.enter(kernel, p));
    }

    /** Acts on what a syscall handler (or its retry after a sleep) decided. */
    private void handle(int c, Process p, Outcome outcome) {
        if (outcome instanceof Outcome.Done done) {
            p.systemTime += done.cost();
            p.pendingResult = done.result();
            p.pendingThen = p.callThen;
            schedule(c, timeline.now() + done.cost());
        } else if (outcome instanceof Outcome.Blocked blocked) {
            block(c, p, blocked);
        } else if (outcome instanceof Outcome.Replaced replaced) {
            p.systemTime += replaced.cost();
            p.pendingResult = SysResult.ZERO;
            Step start = replaced.start();
            p.pendingThen = result -> start;
            p.jumpToEntry = true;
            schedule(c, timeline.now() + replaced.cost());
        } else {
            current[c] = null;
            dispatch(c);
        }
    }

    private void block(int c, Process p, Outcome.Blocked blocked) {
        p.state = ProcessState.BLOCKED;
        p.sleepingOn = blocked.queue();
        p.sleepReason = blocked.reason();
        p.retry = blocked.retry();
        blocked.queue().add(p);
        if (kernel.trace().wants(EventKind.BLOCK) && !isQuietCall(p)) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.BLOCK, "sleeps: " + blocked.reason(), "", TraceEvent.NO_CAUSE);
        }
        current[c] = null;
        dispatch(c);
    }

    private void returnToUser(int c, Process p, Syscall call, SysResult result) {
        if (call != null && !call.quiet()) kernel.traps().syscallExit(c, p, call, result, p.jumpToEntry);
        p.jumpToEntry = false;
        cores[c].setMode(CpuMode.USER);
    }

    /** The timer interrupt at the end of a slice: true if the process was preempted. */
    private boolean timerInterrupt(int c, Process p) {
        kernel.traps().interrupt(c, Irq.LOCAL_TIMER, "scheduler tick: " + p + "'s time slice is over");
        sliceEnd[c] = timeline.now() + Costs.TIME_SLICE;
        Process next = pickFor(c, false);
        if (next == null) {
            kernel.traps().returnFromInterrupt(c, p);
            return false;
        }
        p.state = ProcessState.READY;
        runQueue.addLast(p);
        current[c] = null;
        dispatch(c);
        return true;
    }

    /** Its affinity no longer allows this core (sched_setaffinity): off the core, to one it may use. */
    private void migrate(int c, Process p) {
        p.state = ProcessState.READY;
        runQueue.addLast(p);
        current[c] = null;
        dispatch(c);
        kickIdleCore();
    }

    /** Kills the process now if a fatal signal is pending; true if it is gone. */
    private boolean deliverSignals(int c, Process p) {
        if (p.pendingSignals == 0) return false;
        kernel.signals().runHandlers(p);
        if (p.pendingSignals == 0) return false;
        Signal fatal = kernel.signals().takeFatal(p);
        if (fatal == null) return false;
        kernel.signals().die(p, fatal);
        current[c] = null;
        dispatch(c);
        return true;
    }

    private Process pickFor(int c, boolean remove) {
        Iterator<Process> it = runQueue.iterator();
        while (it.hasNext()) {
            Process p = it.next();
            if (p.mayRunOn(c)) {
                if (remove) it.remove();
                return p;
            }
        }
        return null;
    }

    private void dispatch(int c) {
        Process next = pickFor(c, true);
        Process previous = lastRan[c];
        if (next == null) {
            current[c] = null;
            if (previous != null && kernel.trace().wants(EventKind.CONTEXT_SWITCH)) {
                kernel.event(kernel.kernelLane(), CpuMode.KERNEL, EventKind.CONTEXT_SWITCH,
                        cores[c].name() + ": " + previous + " -> idle", "the core halts until an interrupt", TraceEvent.NO_CAUSE);
            }
            lastRan[c] = null;
            cores[c].setMode(CpuMode.KERNEL);
            cores[c].halt();
            return;
        }
        current[c] = next;
        next.state = ProcessState.RUNNING;
        next.lastCore = c;
        sliceEnd[c] = timeline.now() + Costs.TIME_SLICE;
        long cost = 0;
        if (previous != next) {
            cost = Costs.CONTEXT_SWITCH;
            if (kernel.trace().wants(EventKind.CONTEXT_SWITCH)) {
                kernel.event(kernel.kernelLane(), CpuMode.KERNEL, EventKind.CONTEXT_SWITCH,
                        cores[c].name() + ": " + (previous == null ? "idle" : previous.toString()) + " -> " + next,
                        "", TraceEvent.NO_CAUSE);
            }
        }
        lastRan[c] = next;
        schedule(c, timeline.now() + cost);
    }

    /** A shell waiting for its next command line: the user typing is not part of any story. */
    private static boolean isQuietCall(Process p) {
        return p.pendingCall != null && p.pendingCall.quiet();
    }

    /** Removes a process that is leaving (exit, kill) from the run queue and its core. */
    void forget(Process p) {
        runQueue.remove(p);
        for (int c = 0; c < current.length; c++) {
            if (lastRan[c] == p) lastRan[c] = null;
        }
    }

    /** True if {@code p} is on a core right now. */
    boolean isRunning(Process p) {
        for (Process q : current) if (q == p) return true;
        return false;
    }

    public List<Process> runQueueSnapshot() {
        return List.copyOf(runQueue);
    }

    /** Whether anything at all will happen on this machine without outside input. */
    public boolean idle() {
        if (!runQueue.isEmpty()) return false;
        for (Process p : current) if (p != null) return false;
        return true;
    }
}
