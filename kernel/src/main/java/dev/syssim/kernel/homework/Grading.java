package dev.syssim.kernel.homework;

import dev.syssim.kernel.eval.CellIO;
import dev.syssim.kernel.eval.ExecuteOutcome;
import dev.syssim.kernel.eval.Interpreter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Grades one notebook as nbgrader's autograder does: the lecturer's locked cells (checks,
 * instructions, set-up) are put back from the source notebook by grade_id, every code cell runs
 * in order in a fresh kernel whatever errors come, and each graded cell scores its points when it
 * ends without an error. Cells are matched by grade_id; a check the submission lost scores 0.
 */
public final class Grading {

    private Grading() {
    }

    /** The graded cells of a notebook, with no points earned yet: what a report lists. */
    public static List<GradeReport.CheckScore> possible(Notebook notebook) {
        List<GradeReport.CheckScore> out = new ArrayList<>();
        for (Notebook.Cell c : notebook.cells()) {
            if (c.flag("grade")) out.add(new GradeReport.CheckScore(c.gradeId() == null ? "cell-" + c.index() : c.gradeId(), 0, c.points(), "not run", ""));
        }
        return out;
    }

    /**
     * The submission with the source's locked and graded cells put back (nbgrader's overwrite_cells):
     * a student cannot pass a check by editing it. Answer cells stay the student's.
     */
    public static Notebook restore(Notebook submission, Notebook source) {
        Map<String, Notebook.Cell> lecturers = new HashMap<>();
        for (Notebook.Cell c : source.cells()) {
            boolean lecturers_own = (c.flag("grade") || c.flag("locked")) && !c.flag("solution");
            if (lecturers_own && c.gradeId() != null) lecturers.put(c.gradeId(), c);
        }
        Notebook restored = submission.copy();
        List<Notebook.Cell> cells = new ArrayList<>();
        for (Notebook.Cell c : restored.cells()) {
            Notebook.Cell original = c.gradeId() == null ? null : lecturers.get(c.gradeId());
            if (original == null) {
                cells.add(c);
            } else {
                Notebook.Cell back = original.copy();
                back.clearOutputs();
                cells.add(back);
            }
        }
        restored.setCells(cells);
        return restored;
    }

    /**
     * Runs {@code notebook} in a fresh interpreter and scores it; {@code possible} is the list of
     * checks to score (the source's, when there is one).
     */
    public static GradeReport grade(String name, Notebook notebook, List<GradeReport.CheckScore> possible, Supplier<Interpreter> kernel) {
        Interpreter interpreter = kernel.get();
        Map<String, GradeReport.CheckScore> scored = new LinkedHashMap<>();
        List<GradeReport.CellError> errors = new ArrayList<>();
        for (Notebook.Cell cell : notebook.cells()) {
            if (!cell.code()) continue;
            Collecting io = new Collecting();
            ExecuteOutcome outcome = interpreter.execute(cell.source(), io);
            if (!outcome.ok()) errors.add(new GradeReport.CellError(cell.index(), cell.gradeId(), outcome.ename(), outcome.evalue()));
            if (!cell.flag("grade") || cell.gradeId() == null) continue;
            if (cell.flag("solution")) {
                scored.put(cell.gradeId(), new GradeReport.CheckScore(cell.gradeId(), 0, cell.points(), "graded by hand", ""));
                continue;
            }
            String status = io.checkStatus.orElse(outcome.ok() ? "passed" : "failed");
            int points = outcome.ok() ? cell.points() : 0;
            scored.put(cell.gradeId(), new GradeReport.CheckScore(cell.gradeId(), points, cell.points(), status, outcome.ok() ? "" : outcome.evalue()));
        }
        List<GradeReport.CheckScore> checks = new ArrayList<>();
        for (GradeReport.CheckScore p : possible) {
            GradeReport.CheckScore s = scored.get(p.gradeId());
            checks.add(s != null ? new GradeReport.CheckScore(p.gradeId(), Math.min(s.points(), p.maxPoints()), p.maxPoints(), s.status(), s.message())
                    : new GradeReport.CheckScore(p.gradeId(), 0, p.maxPoints(), "missing", "the check cell is not in the notebook"));
        }
        return new GradeReport(name, GradeReport.Status.GRADED, "", checks, errors);
    }

    /** A cell's IO that keeps only what grading needs: how a check came out. */
    private static final class Collecting implements CellIO {
        Optional<String> checkStatus = Optional.empty();

        @Override
        public void stream(String name, String text) {
        }

        @Override
        public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
            Object check = data.get(CheckTable.MIME_JSON);
            if (check instanceof Map<?, ?> json && json.get("status") instanceof String status) checkStatus = Optional.of(status);
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            return Optional.empty();
        }

        @Override
        public boolean stdinAllowed() {
            return false;
        }
    }
}
