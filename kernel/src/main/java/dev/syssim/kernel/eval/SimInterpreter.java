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
 * machine, magics steer the world, and the trace of each cell is shown under it. In the Java
 * kernelspec a cell is Java instead (JShell over the same world), and {@code %%sh} makes it shell.
 */
public final class SimInterpreter implements Interpreter {

    private final CellFrontend frontend = new CellFrontend();
    private final Workspace workspace;
    private final CellWatchdog watchdog = new CellWatchdog();
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

    /** The SysSim kernel: cells are shell text, {@code %%java} cells Java; limits from the kernel's environment. */
    public SimInterpreter() {
        this(System.getenv());
    }

    /**
     * An interpreter whose default limits come from {@code env}'s {@code SYSSIM_MAX_*} variables and
     * whose trace displays carry the formats of its {@code SYSSIM_TRACE_FORMATS}.
     */
    public SimInterpreter(Map<String, String> env) {
        this(Language.SHELL, true, env);
    }

    /**
     * @param language    what a cell is unless a cell magic says otherwise
     * @param javaAllowed false where the course turned Java cells off ({@code SYSSIM_ALLOW_JAVA=0})
     */
    public SimInterpreter(Language language, boolean javaAllowed) {
        this(language, javaAllowed, System.getenv());
    }

    /** As above, with the limits and trace formats of {@code env}. */
    public SimInterpreter(Language language, boolean javaAllowed, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        this.workspace = new Workspace(frontend, CellLimits.fromEnvironment(env, problems),
                TraceDisplayOptions.fromEnvironment(env, problems));
        for (String problem : problems) System.err.println("[syssim] " + problem);
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
        // Refused before the journal sees it: a refused cell changes nothing, and keeping its text
        // would hold the very memory the limit is there to spare.
        long limit = workspace.limits().cellBytes();
        if (code.length() > limit || code.length() * 3L > limit && utf8Length(code) > limit) {
            workspace.clearInterrupt();
            return tooLarge(code);
        }
        Journal.Recording recording = workspace.journal().start(code, io, workspace);
        // the time a student takes to type an answer is theirs, not the cell's
        CellIO recorded = recording.io();
        CellIO watched = recorded.withInput((prompt, password) -> watchdog.waiting(() -> recorded.input(prompt, password)));
        frontend.bind(watched);
        try {
            javaSide.cellBegins();
            if (code.isBlank()) return ExecuteOutcome.OK;
            Cell cell = language == Language.JAVA ? Cell.splitJava(code) : Cell.split(code);
            watchdog.arm(workspace.limits().seconds(), workspace::requestTimeLimit);
            try {
                return parts().runner().execute(cell, watched, watchdog);
            } finally {
                watchdog.disarm();
            }
        } catch (RuntimeException | VirtualMachineError | LinkageError bug) {
            return afterJavaError(bug);
        } finally {
            recording.finish(workspace);
            frontend.bind(null);
            workspace.clearInterrupt();
            javaSide.clearInterrupt();
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
