package dev.syssim.kernel.eval;

import dev.syssim.sim.shell.syntax.Parser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter backed by the simulated world: a cell is typed into the shell of the session's
 * machine, magics steer the world, and the trace of each cell is shown under it. In the Java
 * kernelspec a cell is Java instead (JShell over the same world), and {@code %%sh} makes it shell.
 */
public final class SimInterpreter implements Interpreter {

    private final CellFrontend frontend = new CellFrontend();
    private final Workspace workspace = new Workspace(frontend);
    private final Language language;
    private final JavaSide javaSide;
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

    /** The SysSim kernel: cells are shell text, {@code %%java} cells Java. */
    public SimInterpreter() {
        this(Language.SHELL, true);
    }

    /**
     * @param language    what a cell is unless a cell magic says otherwise
     * @param javaAllowed false where the course turned Java cells off ({@code SYSSIM_ALLOW_JAVA=0})
     */
    public SimInterpreter(Language language, boolean javaAllowed) {
        this.language = language;
        this.javaSide = new JavaSide(workspace, frontend, javaAllowed);
        workspace.setCells(language, javaAllowed);
    }

    /** Whether the environment allows Java cells: anything but {@code SYSSIM_ALLOW_JAVA=0}. */
    public static boolean javaAllowedBy(java.util.Map<String, String> environment) {
        return !"0".equals(environment.getOrDefault(JavaSide.SWITCH, "").strip());
    }

    /** The rooms that run, complete and explain cells. */
    private record Parts(CellRunner runner, Completer completer, Inspector inspector) {
    }

    private Parts parts() {
        if (parts == null) {
            CellRunner runner = new CellRunner(workspace, javaSide);
            Magics magics = new Magics(workspace, runner, javaSide);
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
            javaSide.cellBegins();
            if (code.isBlank()) return ExecuteOutcome.OK;
            return parts().runner().execute(language == Language.JAVA ? Cell.splitJava(code) : Cell.split(code), recording.io());
        } catch (RuntimeException | StackOverflowError bug) {
            return internalError(bug);
        } finally {
            recording.finish(workspace);
            frontend.bind(null);
            workspace.clearInterrupt();
            javaSide.clearInterrupt();
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
            int javaAt = javaStart(code);
            if (javaAt >= 0 && cursorPos >= javaAt && !onMagicLine(code, cursorPos)) {
                Completion c = javaSide.complete(code.substring(javaAt), cursorPos - javaAt);
                return new Completion(c.matches(), c.cursorStart() + javaAt, c.cursorEnd() + javaAt);
            }
            return parts().completer().complete(code, cursorPos);
        } catch (RuntimeException e) {
            return new Completion(List.of(), cursorPos, cursorPos);
        }
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        try {
            int javaAt = javaStart(code);
            if (javaAt >= 0 && cursorPos >= javaAt && !onMagicLine(code, cursorPos)) return javaSide.inspect(code.substring(javaAt), cursorPos - javaAt);
            return parts().inspector().inspect(code, cursorPos);
        } catch (RuntimeException e) {
            return Inspection.NOT_FOUND;
        }
    }

    /** Whether the cursor is on a line that starts with {@code %} (a magic's, not Java's). */
    private static boolean onMagicLine(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        return code.startsWith("%", lineStart + (code.substring(lineStart).length() - code.substring(lineStart).stripLeading().length()));
    }

    /**
     * Where the Java of a cell starts, or -1 if it has none: after the {@code %%java} line, or in
     * the Java kernelspec after the leading line magics of a cell that is not a cell magic's.
     */
    private int javaStart(String code) {
        String start = code.stripLeading();
        if (start.startsWith("%%java")) {
            int eol = code.indexOf('\n');
            return eol < 0 ? -1 : eol + 1;
        }
        if (language == Language.JAVA) return Cell.javaStart(code);
        return -1;
    }

    @Override
    public IsComplete isComplete(String code) {
        int javaAt = javaStart(code);
        if (javaAt >= 0) return javaAt >= code.length() ? IsComplete.COMPLETE : javaSide.isComplete(code.substring(javaAt));
        if (language == Language.JAVA && code.stripLeading().startsWith("%%sh")) {
            int eol = code.indexOf('\n');
            return eol < 0 ? IsComplete.incomplete("") : shellIsComplete(code.substring(eol + 1));
        }
        return shellIsComplete(code);
    }

    private IsComplete shellIsComplete(String code) {
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
        // Java first: from now on no Java thread enters the simulation; then the world's own
        // interrupt makes the one inside (if any) leave at its next step.
        javaSide.interrupt();
        workspace.interrupt();
    }

    @Override
    public void clearInterrupt() {
        workspace.clearInterrupt();
        javaSide.clearInterrupt();
    }

    @Override
    public String banner() {
        return language == Language.JAVA
                ? "SysSim (Java): Java cells over a simulated world of machines (world, machine, sh). %%sh runs a shell cell. Type %help."
                : "SysSim: a simulated world of machines. Type %help.";
    }

    @Override
    public LanguageInfo languageInfo() {
        return language.info();
    }
}
