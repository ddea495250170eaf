package dev.syssim.kernel.eval;

import dev.syssim.kernel.display.DisplayBundle;
import dev.syssim.kernel.display.DisplayUpdate;
import dev.syssim.kernel.display.Progress;
import dev.syssim.kernel.display.ProgressBundle;
import dev.syssim.kernel.display.ProgressDisplay;
import dev.syssim.kernel.display.TraceBundle;
import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.kernel.display.UpdateThrottle;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one cell: checks all of it first (shell syntax, magic names) so a broken cell changes
 * nothing, then runs its pieces in order, and finally shows the trace of everything it did as one
 * display. A nonzero exit status is part of the lesson; an interrupt, a limit, a syntax error or an
 * unknown magic is the cell's error.
 */
final class CellRunner {

    /** How a body ran: the outcome, and the shell's last status (for %%check). */
    record Run(ExecuteOutcome outcome, int lastStatus) {
    }

    /** How often the world reports to the progress display, in steps. */
    private static final long PROGRESS_EVERY = 10_000;

    private final Workspace workspace;
    private final JavaSide javaSide;
    private Magics magics;
    private long cellNumber;
    private ProgressDisplay progress;
    private Progress lastProgress;
    /** The trace options in effect when this cell last ran shell text with tracing on, or null. */
    private TraceDisplayOptions cellTrace;
    private CellWatchdog watchdog;
    /** False for a replay nobody watches (a homework check's copy): traces are not drawn. */
    private boolean displays = true;

    CellRunner(Workspace workspace, JavaSide java) {
        this.workspace = workspace;
        this.javaSide = java;
    }

    void setMagics(Magics magics) {
        this.magics = magics;
    }

    ExecuteOutcome execute(Cell cell, CellIO io, CellWatchdog watchdog) {
        this.watchdog = watchdog;
        return execute(cell, io);
    }

    /** Whether cells draw their traces; drawing changes nothing in the world, so a replay may skip it. */
    void showDisplays(boolean show) {
        this.displays = show;
    }

    ExecuteOutcome execute(String code, CellIO io) {
        return execute(Cell.split(code), io);
    }

    /** Runs a cell already cut into its pieces (a Java kernelspec's cell is cut differently). */
    ExecuteOutcome execute(Cell cell, CellIO io) {
        ExecuteOutcome invalid = check(cell);
        if (invalid != null) return invalid;
        if (workspace.started()) workspace.world().trace().clear();
        cellTrace = null;
        progress = new ProgressDisplay("syssim-cell-" + (++cellNumber), UpdateThrottle.wallClock(), ProgressDisplay.DEFAULT_START_AFTER_STEPS);
        lastProgress = null;
        ExecuteOutcome outcome = ExecuteOutcome.OK;
        try {
            for (Cell.Segment segment : cell.segments()) {
                outcome = run(segment, io);
                if (!outcome.ok()) break;
            }
        } finally {
            if (workspace.started()) workspace.world().setProgressListener(0, null);
        }
        ExecuteOutcome bug = internalErrors();
        if (bug != null) outcome = bug;
        finishDisplays(io);
        return outcome;
    }

    /** Runs text made of line magics and shell (a %%check body) with the shell's status at the end. */
    Run runBody(String text, int firstLine, CellIO io) {
        Cell cell = Cell.split(text);
        for (Cell.Segment s : cell.segments()) {
            if (s.kind() == Cell.Kind.CELL_MAGIC) return new Run(ExecuteOutcome.error("UsageError", "a cell magic cannot be nested", List.of()), 1);
        }
        ExecuteOutcome invalid = check(cell, firstLine - 1);
        if (invalid != null) return new Run(invalid, 1);
        for (Cell.Segment segment : cell.segments()) {
            ExecuteOutcome outcome = run(segment, io);
            if (!outcome.ok()) return new Run(outcome, 1);
        }
        return new Run(ExecuteOutcome.OK, workspace.session().lastStatus());
    }

    private ExecuteOutcome check(Cell cell) {
        return check(cell, 0);
    }

    private ExecuteOutcome check(Cell cell, int lineOffset) {
        for (Cell.Segment s : cell.segments()) {
            switch (s.kind()) {
                case LINE_MAGIC -> {
                    String name = magicName(s.text(), 1);
                    if (magics.lineMagic(name) == null) {
                        String message = "Line magic function `%" + name + "` not found.";
                        return ExecuteOutcome.error("UsageError", message, List.of("UsageError: " + message, "Type %lsmagic for the list."));
                    }
                }
                case CELL_MAGIC -> {
                    String name = magicName(s.text(), 2);
                    if (magics.cellMagic(name) == null) {
                        String message = "Cell magic `%%" + name + "` not found.";
                        return ExecuteOutcome.error("UsageError", message, List.of("UsageError: " + message, "Type %lsmagic for the list."));
                    }
                }
                case SHELL -> {
                    try {
                        Parser.check(s.text());
                    } catch (SyntaxError e) {
                        return syntaxError(e, s, lineOffset);
                    }
                }
                case JAVA -> {
                    // javac checks Java snippet by snippet as they run; only a course switch refuses it at once
                    if (!javaSide.allowed()) return JavaSide.refused();
                }
                default -> throw new IllegalStateException();
            }
        }
        return null;
    }

    private static ExecuteOutcome syntaxError(SyntaxError e, Cell.Segment s, int lineOffset) {
        int line = s.firstLine() + e.line() - 1 + lineOffset;
        String[] lines = s.text().split("\n", -1);
        String source = e.line() - 1 < lines.length ? lines[e.line() - 1] : "";
        String evalue = "bash: " + e.getMessage() + " (line " + line + ", column " + e.column() + ")";
        List<String> traceback = new ArrayList<>();
        traceback.add("  Cell line " + line + ", column " + e.column() + ":");
        traceback.add("    " + source);
        traceback.add("    " + " ".repeat(Math.max(0, e.column() - 1)) + "^");
        traceback.add("SyntaxError: " + evalue);
        return ExecuteOutcome.error("SyntaxError", evalue, traceback);
    }

    private static String magicName(String text, int percents) {
        String rest = text.stripLeading().substring(percents);
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) end++;
        return rest.substring(0, end);
    }

    private ExecuteOutcome run(Cell.Segment segment, CellIO io) {
        switch (segment.kind()) {
            case LINE_MAGIC -> {
                String name = magicName(segment.text(), 1);
                String args = segment.text().stripLeading().substring(1 + name.length());
                return magics.lineMagic(name).handler().run(args, "", io);
            }
            case CELL_MAGIC -> {
                String text = segment.text();
                int eol = text.indexOf('\n');
                String header = eol < 0 ? text : text.substring(0, eol);
                String body = eol < 0 ? "" : text.substring(eol + 1);
                String name = magicName(header, 2);
                String args = header.stripLeading().substring(2 + name.length());
                return magics.cellMagic(name).handler().run(args, body, io);
            }
            case JAVA -> {
                return javaSide.execute(segment.text(), segment.firstLine(), io);
            }
            default -> {
                return shell(segment.text(), io);
            }
        }
    }

    private ExecuteOutcome shell(String text, CellIO io) {
        Session session = workspace.session();
        World world = workspace.world();
        world.trace().setLevel(workspace.traceOptions().level());
        if (workspace.traceOptions().tracing()) cellTrace = workspace.traceOptions();
        String activity = text.strip().lines().findFirst().orElse("");
        long startSteps = world.steps();
        long startTime = world.timeline().now();
        world.setProgressListener(PROGRESS_EVERY, () -> {
            lastProgress = new Progress(activity, world.steps() - startSteps, world.timeline().now() - startTime,
                    world.trace().total(), OptionalDouble.empty());
            progress.progress(lastProgress, world.trace().recent(ProgressBundle.RECENT_EVENTS)).ifPresent(u -> send(io, u));
        });
        Session.Result result = session.run(text);
        world.setProgressListener(0, null);
        if (result.interrupted()) {
            return ExecuteOutcome.error("KeyboardInterrupt", "the cell was interrupted: the foreground job got SIGINT",
                    List.of("KeyboardInterrupt: the cell was interrupted: the foreground job got SIGINT"));
        }
        if (result.inputUnavailable()) {
            String message = "a program read from the terminal (stdin), but this front end does not support input requests;"
                    + " it got end of file";
            return ExecuteOutcome.error("StdinNotImplementedError", message, List.of("StdinNotImplementedError: " + message,
                    "Run the notebook where it can ask you (JupyterLab), or give the program its input another way (a pipe, a file)."));
        }
        if (result.limit() != null) {
            String limit = result.limit();
            if (limit.equals(Session.TIME_LIMIT)) {
                // the limit, not the time measured nor the steps reached: those vary with the machine's load
                limit = String.format(java.util.Locale.ROOT, "time limit: the cell ran longer than %s s; its jobs were killed",
                        workspace.limits().secondsText());
            }
            return ExecuteOutcome.error("LimitExceeded", limit, List.of("LimitExceeded: " + limit,
                    "Raise it with %limits, or interrupt long jobs yourself."));
        }
        return ExecuteOutcome.OK;
    }

    /** The trace of the cell, replacing the live progress display if one was shown. */
    private void finishDisplays(CellIO io) {
        if (!workspace.started()) return;
        World world = workspace.world();
        if (!displays) {
            world.trace().clear();
            return;
        }
        // a cell that turned tracing off at its end still shows the trace of what ran while it was on
        Optional<DisplayBundle> bundle = cellTrace != null ? TraceBundle.build(world.trace().snapshot(), cellTrace) : Optional.empty();
        Progress last = lastProgress == null ? new Progress("", 0, 0, 0, OptionalDouble.empty()) : lastProgress;
        if (progress.shown()) {
            progress.finish(last, bundle).ifPresent(u -> send(io, u));
        } else {
            bundle.ifPresent(b -> io.display(b.data(), b.metadata(), null, false));
        }
        world.trace().clear();
    }

    private static void send(CellIO io, DisplayUpdate update) {
        io.display(update.bundle().data(), update.bundle().metadata(), update.displayId(), update.update());
    }

    private ExecuteOutcome internalErrors() {
        if (!workspace.started()) return null;
        List<String> bugs = new ArrayList<>();
        for (Machine m : workspace.world().machines()) {
            Kernel k = m.kernel();
            bugs.addAll(k.takeBugs());
        }
        if (bugs.isEmpty()) return null;
        for (String bug : bugs) {
            if (!bug.startsWith(Kernel.OUT_OF_MEMORY)) continue;
            String message = "the cell needed more memory than the kernel has: " + bug.substring(Kernel.OUT_OF_MEMORY.length());
            return ExecuteOutcome.error("MemoryError", message, List.of("MemoryError: " + message));
        }
        List<String> traceback = new ArrayList<>();
        for (String bug : bugs) traceback.addAll(List.of(bug.split("\n")));
        return ExecuteOutcome.error("InternalError", "a bug in syssim (not in your cell): " + bugs.get(0).lines().findFirst().orElse(""), traceback);
    }
}
