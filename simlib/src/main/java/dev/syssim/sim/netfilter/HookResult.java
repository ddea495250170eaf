package dev.syssim.sim.netfilter;

import dev.syssim.sim.netfilter.conntrack.Tracked;
import java.util.List;

/**
 * What happened to one packet at one hook: the verdict, the conntrack state the rules saw, every
 * TRACE step of its walk (the last one decided), the LOG lines written on the way, and the
 * connection-tracking handle to pass along with the packet ({@code null} when evaluated without
 * conntrack).
 */
public record HookResult(Hook hook, Verdict verdict, CtState state, List<TraceStep> steps, List<LogRecord> logs,
                         Tracked tracked) {

    public HookResult {
        steps = List.copyOf(steps);
        logs = List.copyOf(logs);
    }

    /** The step that decided the verdict: a terminating rule or a policy. */
    public TraceStep decidedBy() {
        return steps.get(steps.size() - 1);
    }

    public HookResult withTracked(Tracked handle) {
        return new HookResult(hook, verdict, state, steps, logs, handle);
    }
}
