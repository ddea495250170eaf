package dev.syssim.kernel.eval;

import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.sim.shell.syntax.Parser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The interpreter backed by the simulated world: a cell is typed into the shell of the session's
 * machine, magics steer the world, and the trace of each cell is shown under it.
 */
public final class SimInterpreter implements Interpreter {

    private final CellFrontend frontend = new CellFrontend();
    private final Workspace workspace;
    private final CellWatchdog watchdog = new CellWatchdog();
    /** Built at the first request, so the kernel answers kernel_info before loading any of it. */
    private Parts parts;
    /** False for a grader's run: nobody looks at the traces, so they are not drawn. */
    private boolean traceDisplays = true;

    /** An interpreter that draws no trace displays (a batch grader's: only the cells' outcomes count). */
    public static SimInterpreter withoutTraceDisplays() {
        SimInterpreter interpreter = new SimInterpreter();
        interpreter.traceDisplays = false;
        return interpreter;
    }

    /** The rooms that run, complete and explain cells. */
    private record Parts(CellRunner runner, Completer completer, Inspector inspector) {
    }

    /** An interpreter whose default limits come from the kernel's environment (kernel.json's env). */
    public SimInterpreter() {
        this(System.getenv());
    }

    /**
     * An interpreter whose default limits come from {@code env}'s {@code SYSSIM_MAX_*} variables and
     * whose trace displays carry the formats of its {@code SYSSIM_TRACE_FORMATS}.
     */
    public SimInterpreter(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        this.workspace = new Workspace(frontend, CellLimits.fromEnvironment(env, problems),
                TraceDisplayOptions.fromEnvironment(env, problems));
        for (String problem : problems) System.err.println("[syssim] " + problem);
    }

    /** The limits a new cell gets (for tests and the kernel's log). */
    CellLimits limits() {
        return workspace.limits();
    }

    /** The notebook's world and session, for tests in this package. */
    Workspace workspace() {
        return workspace;
    }

    private Parts parts() {
        if (parts == null) {
            CellRunner runner = new CellRunner(workspace);
            Magics magics = new Magics(workspace, runner);
            runner.setMagics(magics);
            runner.showDisplays(traceDisplays);
            Lookups lookups = new Lookups(workspace);
            parts = new Parts(runner, new Completer(magics, lookups), new Inspector(magics, lookups));
        }
        return parts;
    }

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        if (code.isBlank()) return ExecuteOutcome.OK;
        // Refused before the journal sees it: a refused cell changes nothing, and keeping its text
        // would hold the very memory the limit is there to spare.
        long limit = workspace.limits().cellBytes();
        if (code.length() > limit || code.length() * 3L > limit && utf8Length(code) > limit) {
            workspace.clearInterrupt();
            return tooLarge(code);
        }
        Journal.Recording recording = workspace.journal().start(code, io, workspace);
        frontend.bind(recording.io());
        try {
            watchdog.arm(workspace.limits().seconds(), workspace::requestTimeLimit);
            try {
                return parts().runner().execute(code, recording.io(), watchdog);
            } finally {
                watchdog.disarm();
            }
        } catch (RuntimeException | VirtualMachineError | LinkageError bug) {
            return afterJavaError(bug);
        } finally {
            recording.finish(workspace);
            frontend.bind(null);
            workspace.clearInterrupt();
        }
    }

    private static long utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /**
     * A cell whose text is longer than the limit is refused before anything parses it: its text
     * would be copied several times over (parser, history, trace), and a kernel's heap, once grown,
     * is not given back to the machine.
     */
    private ExecuteOutcome tooLarge(String code) {
        long bytes = utf8Length(code);
        String message = String.format(java.util.Locale.ROOT, "the cell is %,d bytes long; a cell may have at most %,d bytes",
                bytes, workspace.limits().cellBytes());
        return ExecuteOutcome.error("LimitExceeded", message, List.of("LimitExceeded: " + message,
                "Put large data in a file of the simulated machine in smaller cells, or raise the limit with %limits cell=BYTES."));
    }

    /**
     * A Java error escaped the cell: a bug in syssim, or the kernel's heap ran out. The cell gets one
     * error reply; the session is brought back to its prompt on the world as it was, so the next
     * cell works.
     */
    private ExecuteOutcome afterJavaError(Throwable bug) {
        boolean memory = bug instanceof OutOfMemoryError;
        ExecuteOutcome reply = memory ? outOfMemory(bug) : internalError(bug);
        bug = null; // let what the failed cell held be collected before recovering
        try {
            if (workspace.started()) {
                workspace.world().trace().clear();
                workspace.world().setProgressListener(0, null);
                workspace.session().recover();
            }
        } catch (RuntimeException | VirtualMachineError again) {
            System.err.println("[syssim] the session could not be recovered after a Java error: " + again);
        }
        return reply;
    }

    /** A Java exception here is syssim's fault: say so, with the stack, and keep serving. */
    private static ExecuteOutcome internalError(Throwable bug) {
        StringWriter stack = new StringWriter();
        bug.printStackTrace(new PrintWriter(stack));
        List<String> traceback = new ArrayList<>(List.of(stack.toString().split("\n")));
        return ExecuteOutcome.error("InternalError", "a bug in syssim (not in your cell): " + bug, traceback);
    }

    private static ExecuteOutcome outOfMemory(Throwable bug) {
        String message = "the cell needed more memory than the kernel has (Java heap of "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB): it was stopped; the world is as the cell left it";
        return ExecuteOutcome.error("MemoryError", message, List.of("MemoryError: " + message, String.valueOf(bug)));
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        try {
            return parts().completer().complete(code, cursorPos);
        } catch (RuntimeException e) {
            return new Completion(List.of(), cursorPos, cursorPos);
        }
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        try {
            return parts().inspector().inspect(code, cursorPos);
        } catch (RuntimeException e) {
            return Inspection.NOT_FOUND;
        }
    }

    @Override
    public IsComplete isComplete(String code) {
        Cell cell = Cell.split(code);
        if (!cell.segments().isEmpty() && cell.segments().get(0).kind() == Cell.Kind.CELL_MAGIC) return IsComplete.COMPLETE;
        for (Cell.Segment s : cell.segments()) {
            if (s.kind() != Cell.Kind.SHELL) continue;
            String status = Parser.isComplete(s.text());
            if (status.equals("incomplete")) return IsComplete.incomplete("");
            if (status.equals("invalid")) return IsComplete.INVALID;
        }
        String last = code.stripTrailing();
        if (code.endsWith("\\") || last.endsWith("|") || last.endsWith("&&") || last.endsWith("||")) return IsComplete.incomplete("");
        return IsComplete.COMPLETE;
    }

    @Override
    public void interrupt() {
        workspace.interrupt();
    }

    @Override
    public void clearInterrupt() {
        workspace.clearInterrupt();
    }

    @Override
    public String banner() {
        return "SysSim: a simulated world of machines. Type %help.";
    }
}
