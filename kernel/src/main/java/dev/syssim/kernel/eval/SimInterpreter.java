package dev.syssim.kernel.eval;

import dev.syssim.sim.shell.syntax.Parser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter backed by the simulated world: a cell is typed into the shell of the session's
 * machine, magics steer the world, and the trace of each cell is shown under it.
 */
public final class SimInterpreter implements Interpreter {

    private final CellFrontend frontend = new CellFrontend();
    private final Workspace workspace = new Workspace(frontend);
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
        Journal.Recording recording = workspace.journal().start(code, io, workspace);
        frontend.bind(recording.io());
        try {
            if (code.isBlank()) return ExecuteOutcome.OK;
            return parts().runner().execute(code, recording.io());
        } catch (RuntimeException | StackOverflowError bug) {
            return internalError(bug);
        } finally {
            recording.finish(workspace);
            frontend.bind(null);
            workspace.clearInterrupt();
        }
    }

    /** A Java exception here is syssim's fault: say so, with the stack, and keep serving. */
    private static ExecuteOutcome internalError(Throwable bug) {
        StringWriter stack = new StringWriter();
        bug.printStackTrace(new PrintWriter(stack));
        List<String> traceback = new ArrayList<>(List.of(stack.toString().split("\n")));
        return ExecuteOutcome.error("InternalError", "a bug in syssim (not in your cell): " + bug, traceback);
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
