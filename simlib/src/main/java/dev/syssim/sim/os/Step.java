package dev.syssim.sim.os;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a process does next in user mode: the simulation's instruction stream. A program is written
 * as steps, each carrying the continuation that yields the following step, so the scheduler can stop
 * a process between any two steps, run another, and come back — without a Java thread per process.
 */
public sealed interface Step {

    /**
     * Runs the process's own instructions for {@code nanos} of simulated time. {@code what} labels it
     * in the trace; null means "compute N ms", made only when traced; empty means not shown at all.
     */
    record Compute(long nanos, String what, Supplier<Step> then) implements Step {

        /** The trace label, or empty when the step is not shown. */
        public String label() {
            return what == null ? "compute " + Durations.text(nanos) : what;
        }
    }

    /** Traps into the kernel with a syscall; the continuation receives what it returns. */
    record Call(Syscall call, Function<SysResult, Step> then) implements Step {
    }

    /**
     * Executes a privileged instruction ({@code cli}, {@code hlt}, {@code out} ...). In user mode the
     * CPU refuses it with #GP, and the kernel kills the process with SIGSEGV.
     */
    record Privileged(String instruction, Supplier<Step> then) implements Step {
    }

    /**
     * Reads or writes a memory address. Outside the process's own mappings the CPU raises #PF and
     * the kernel kills the process with SIGSEGV.
     */
    record Touch(long address, boolean write, Supplier<Step> then) implements Step {
    }

    static Step compute(long nanos, String what, Supplier<Step> then) {
        return new Compute(nanos, what, then);
    }

    static Step call(Syscall call, Function<SysResult, Step> then) {
        return new Call(call, then);
    }

    /** exit_group(status): never returns. */
    static Step exit(int status) {
        return new Call(new Syscall.ExitGroup(status), result -> {
            throw new IllegalStateException("exit_group returned");
        });
    }
}
