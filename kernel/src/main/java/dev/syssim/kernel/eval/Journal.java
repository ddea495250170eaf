package dev.syssim.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private Workspace.Settings base = Workspace.freshSettings();
    private final List<Entry> entries = new ArrayList<>();

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
        private final AnswerKeepingIO io;

        private Recording(String code, CellIO io, Workspace.Settings before, long generation) {
            this.code = code;
            this.before = before;
            this.generation = generation;
            this.io = new AnswerKeepingIO(io);
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
            entries.add(new Entry(code, io.stdinAllowed(), io.answers, interrupts));
        }
    }

    /** A %%check cell (a cell magic is on the cell's first line, as {@link Cell#split} reads it). */
    static boolean isCheck(String code) {
        int eol = code.indexOf('\n');
        String first = (eol < 0 ? code : code.substring(0, eol)).strip();
        return first.equals("%%check") || first.startsWith("%%check ") || first.startsWith("%%check\t");
    }

    /** Passes a cell's IO on and keeps what the user answered at input prompts. */
    private static final class AnswerKeepingIO implements CellIO {
        private final CellIO io;
        private final List<Optional<String>> answers = new ArrayList<>();

        AnswerKeepingIO(CellIO io) {
            this.io = io;
        }

        @Override
        public void stream(String name, String text) {
            io.stream(name, text);
        }

        @Override
        public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
            io.display(data, metadata, displayId, update);
        }

        @Override
        public void result(Map<String, Object> data, Map<String, Object> metadata) {
            io.result(data, metadata);
        }

        @Override
        public void page(String text) {
            io.page(text);
        }

        @Override
        public void clearOutput(boolean wait) {
            io.clearOutput(wait);
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            Optional<String> answer = io.input(prompt, password);
            answers.add(answer);
            return answer;
        }

        @Override
        public boolean stdinAllowed() {
            return io.stdinAllowed();
        }
    }
}
