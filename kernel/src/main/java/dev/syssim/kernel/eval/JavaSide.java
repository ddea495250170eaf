package dev.syssim.kernel.eval;

import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.kernel.java.JavaCells;
import dev.syssim.kernel.java.Notebook;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;
import java.util.List;

/**
 * The notebook's Java cells as the shell side sees them: made at the first Java cell (or the
 * first completion inside one), so that a notebook of shell cells never loads JShell, javac or
 * BaseKernel; and refused altogether where the course turned them off.
 */
final class JavaSide {

    /** The kernelspec environment variable that turns Java cells off ({@code 0}) for a course. */
    static final String SWITCH = "SYSSIM_ALLOW_JAVA";

    private final Workspace workspace;
    private final CellFrontend frontend;
    private final boolean allowed;
    private volatile JavaCells cells;

    JavaSide(Workspace workspace, CellFrontend frontend, boolean allowed) {
        this.workspace = workspace;
        this.frontend = frontend;
        this.allowed = allowed;
    }

    boolean allowed() {
        return allowed;
    }

    boolean started() {
        return cells != null;
    }

    /** The error of a Java cell where Java cells are off. */
    static ExecuteOutcome refused() {
        String message = "Java cells are turned off for this course (" + SWITCH + "=0): cells run inside the simulation only";
        return ExecuteOutcome.error("JavaCellsOff", message, List.of("JavaCellsOff: " + message));
    }

    ExecuteOutcome execute(String code, int firstLine, CellIO io) {
        if (!allowed) return refused();
        return cells().execute(code, firstLine, io);
    }

    Completion complete(String code, int cursor) {
        if (!allowed) return new Completion(List.of(), cursor, cursor);
        return cells().complete(code, cursor);
    }

    Inspection inspect(String code, int cursor) {
        if (!allowed) return Inspection.NOT_FOUND;
        return cells().inspect(code, cursor);
    }

    IsComplete isComplete(String code) {
        if (!allowed) return IsComplete.COMPLETE;
        return cells().isComplete(code);
    }

    /** A cell of any kind begins: Java threads of earlier cells stop printing into the notebook. */
    void cellBegins() {
        if (cells != null) cells.cellBegins();
    }

    void interrupt() {
        JavaCells c = cells;
        if (c != null) c.interrupt();
    }

    /** Ends the Java cells' JShell and threads, if they started (a homework check's copy is done). */
    void close() {
        JavaCells c = cells;
        if (c != null) c.close();
        cells = null;
    }

    void clearInterrupt() {
        JavaCells c = cells;
        if (c != null) c.clearInterrupt();
    }

    private JavaCells cells() {
        if (cells == null) cells = NotebookView.start(workspace, frontend);
        return cells;
    }

    /**
     * The workspace as Java cells see it. A class of its own, loaded with the first Java cell:
     * were {@link JavaSide} to make it itself, verifying {@link JavaSide} would load the Java
     * cells' interface at every kernel start.
     */
    private static final class NotebookView implements Notebook {
        private final Workspace workspace;
        private final CellFrontend frontend;

        private NotebookView(Workspace workspace, CellFrontend frontend) {
            this.workspace = workspace;
            this.frontend = frontend;
        }

        static JavaCells start(Workspace workspace, CellFrontend frontend) {
            return new JavaCells(new NotebookView(workspace, frontend));
        }

        @Override
        public World world() {
            return workspace.world();
        }

        @Override
        public Session session() {
            return workspace.session();
        }

        @Override
        public TraceDisplayOptions traceOptions() {
            return workspace.traceOptions();
        }

        @Override
        public long outputBytesPerCell() {
            return workspace.limits().outputBytes();
        }

        @Override
        public void bindTerminal(CellIO io) {
            frontend.bind(io);
        }
    }
}
