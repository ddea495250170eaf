package dev.syssim.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cells that built a notebook's state, in order, with everything that came from outside the
 * simulation while they ran: what the user typed at input prompts, whether the front end could ask
 * at all, and the steps at which an interrupt stopped the world. The simulation is deterministic,
 * so replaying a journal into a fresh workspace builds an exact copy of the state — which is how a
 * homework check looks at a student's world without changing it. Check cells are not journalled:
 * they change nothing. When a cell rebuilds the world (%scenario, %reset, %seed N) the journal
 * starts over from that cell and the settings it found.
 */
final class Journal {

    /** One cell as it ran. */
    record Entry(String code, boolean stdinAllowed, List<Optional<String>> inputs, List<Long> interruptSteps) {
        Entry {
            inputs = List.copyOf(inputs);
            interruptSteps = List.copyOf(interruptSteps);
        }
    }

    /** The settings a replay starts from: the kernel's own at start (its environment's limits and formats). */
    private Workspace.Settings base;
    private final List<Entry> entries = new ArrayList<>();

    Journal(Workspace.Settings base) {
        this.base = base;
    }

    /** The settings a replay starts from: a fresh kernel's, or those the last rebuilding cell found. */
    Workspace.Settings base() {
        return base;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Starts recording a cell: the returned IO passes everything on and keeps the user's answers. */
    Recording start(String code, CellIO io, Workspace workspace) {
        if (workspace.started()) workspace.world().takeInterruptSteps();
        return new Recording(code, io, workspace.settings(), workspace.generation());
    }

    /** A cell being recorded. */
    final class Recording {
        private final String code;
        private final Workspace.Settings before;
        private final long generation;
        private final CellIO io;
        /** What the user answered at the cell's input prompts, in order (empty: no stdin). */
        private final List<Optional<String>> answers = new ArrayList<>();

        private Recording(String code, CellIO io, Workspace.Settings before, long generation) {
            this.code = code;
            this.before = before;
            this.generation = generation;
            this.io = io.withInput((prompt, password) -> {
                Optional<String> answer = io.input(prompt, password);
                answers.add(answer);
                return answer;
            });
        }

        CellIO io() {
            return io;
        }

        /** The cell is over: keep it (unless it was a check, which changes nothing). */
        void finish(Workspace workspace) {
            if (code.isBlank() || isCheck(code)) return;
            List<Long> interrupts = workspace.started() ? workspace.world().takeInterruptSteps() : List.of();
            if (workspace.generation() != generation) {
                // Replaying this cell from the settings it found rebuilds the same world: whatever it
                // ran before the rebuild only touched a world that the rebuild threw away.
                base = before;
                entries.clear();
            }
            entries.add(new Entry(code, io.stdinAllowed(), answers, interrupts));
        }
    }

    /** A %%check cell (a cell magic is on the cell's first line, as {@link Cell#split} reads it). */
    static boolean isCheck(String code) {
        int eol = code.indexOf('\n');
        String first = (eol < 0 ? code : code.substring(0, eol)).strip();
        return first.equals("%%check") || first.startsWith("%%check ") || first.startsWith("%%check\t");
    }
}
