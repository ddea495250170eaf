package dev.syssim.kernel.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A copy of a notebook's state, made by replaying its {@link Journal} into a fresh workspace with
 * nobody watching: outputs go nowhere, input prompts get the answers the user gave, interrupts
 * come at the steps they came. A check may do anything to it; the notebook's own world never
 * learns. Costs one replay of the notebook's cells since its last %scenario/%reset.
 */
final class StateCopy {

    private final CellFrontend frontend = new CellFrontend();
    private final Workspace workspace;
    private final CellRunner runner;
    private boolean interrupted;

    private StateCopy(Workspace.Settings settings) {
        workspace = new Workspace(frontend, settings);
        runner = new CellRunner(workspace);
        runner.setMagics(new Magics(workspace, runner));
        runner.showDisplays(false);
    }

    /**
     * Replays the journal of {@code live} into a fresh workspace; interrupts of {@code live} reach
     * the copy until the check closes. The copy reports {@link #interrupted()} if the user stopped it.
     */
    static StateCopy replay(Workspace live) {
        Journal journal = live.journal();
        StateCopy copy = new StateCopy(journal.base());
        live.setChecking(copy.workspace);
        for (Journal.Entry entry : journal.entries()) {
            if (copy.workspace.interruptPending() || live.interruptPending()) {
                copy.interrupted = true;
                break;
            }
            copy.replayOne(entry);
        }
        return copy;
    }

    private void replayOne(Journal.Entry entry) {
        ReplayIO io = new ReplayIO(entry);
        frontend.bind(io);
        try {
            if (!entry.interruptSteps().isEmpty()) workspace.world().replayInterruptsAt(entry.interruptSteps());
            runner.execute(entry.code(), io);
        } finally {
            if (workspace.started()) workspace.world().replayInterruptsAt(List.of());
            frontend.bind(null);
        }
    }

    Workspace workspace() {
        return workspace;
    }

    CellRunner runner() {
        return runner;
    }

    CellFrontend frontend() {
        return frontend;
    }

    boolean interrupted() {
        return interrupted || workspace.interruptPending();
    }

    /** A replayed cell's IO: nothing is shown; the front end answers as it did. */
    private static final class ReplayIO implements CellIO {
        private final Journal.Entry entry;
        private int nextAnswer;

        ReplayIO(Journal.Entry entry) {
            this.entry = entry;
        }

        @Override
        public void stream(String name, String text) {
        }

        @Override
        public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
        }

        @Override
        public void page(String text) {
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            return nextAnswer < entry.inputs().size() ? entry.inputs().get(nextAnswer++) : Optional.empty();
        }

        @Override
        public boolean stdinAllowed() {
            return entry.stdinAllowed();
        }
    }
}
