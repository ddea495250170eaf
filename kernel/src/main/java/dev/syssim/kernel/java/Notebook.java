package dev.syssim.kernel.java;

import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.kernel.eval.CellIO;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;

/** What Java cells see of the notebook kernel: its world and session as they are now, and its settings. */
public interface Notebook {

    /** The notebook's world now (a {@code %reset} or {@code %scenario} replaces it). */
    World world();

    /** The notebook's session now: its current machine, user and shell. */
    Session session();

    /** What {@code %trace} chose: the level {@code sh.run} records at, and how a trace is drawn. */
    TraceDisplayOptions traceOptions();

    /** The bytes a cell may print before the rest is dropped ({@code %limits output}). */
    long outputBytesPerCell();

    /** Sends what the session's terminal shows (and asks) to {@code io} from now on. */
    void bindTerminal(CellIO io);
}
