package dev.syssim.kernel.homework;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The student version of a source notebook, made as nbgrader's {@code generate_assignment} makes
 * it: each region between {@code ### BEGIN SOLUTION} and {@code ### END SOLUTION} of an answer cell
 * becomes {@code # YOUR ANSWER HERE} (an answer cell without the markers becomes that prompt
 * whole), regions between {@code ### BEGIN HIDDEN TESTS} and {@code ### END HIDDEN TESTS} of a
 * check cell are removed, outputs are cleared, and check cells and read-only cells are locked
 * (nbgrader {@code locked}, Jupyter's {@code editable} and {@code deletable} false). A source whose
 * metadata contradicts itself is refused with every problem listed, and nothing is written.
 */
public final class Release {

    /** The stub of a code answer; nbgrader needs {@code ClearSolutions.code_stub = {"syssim": "# YOUR ANSWER HERE"}} to write the same. */
    public static final String CODE_STUB = "# YOUR ANSWER HERE";
    /** The stub of a Markdown answer, nbgrader's default text stub. */
    public static final String TEXT_STUB = "YOUR ANSWER HERE";

    static final String BEGIN_SOLUTION = "BEGIN SOLUTION";
    static final String END_SOLUTION = "END SOLUTION";
    static final String BEGIN_HIDDEN = "BEGIN HIDDEN TESTS";
    static final String END_HIDDEN = "END HIDDEN TESTS";

    /** What {@link #of} made: the release, or the problems of the source. */
    public record Made(Notebook release, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Release() {
    }

    public static Made of(Notebook source) {
        List<String> problems = new ArrayList<>(validate(source));
        Notebook release = source.copy();
        for (Notebook.Cell cell : release.cells()) {
            String where = "cell " + cell.index() + describe(cell);
            boolean solution = cell.flag("solution");
            boolean grade = cell.flag("grade");
            String text = cell.source();
            if (solution) {
                String stub = cell.code() ? CODE_STUB : TEXT_STUB;
                Region r = replace(text, BEGIN_SOLUTION, END_SOLUTION, stub);
                if (r.problem() != null) problems.add(where + ": " + r.problem());
                cell.setSource(r.replaced() ? r.text() : stub);
            } else if (text.contains(BEGIN_SOLUTION)) {
                problems.add(where + ": it has a " + BEGIN_SOLUTION + " marker but is not an answer cell (nbgrader solution: true)");
            }
            if (grade) {
                Region r = replace(cell.source(), BEGIN_HIDDEN, END_HIDDEN, null);
                if (r.problem() != null) problems.add(where + ": " + r.problem());
                if (r.replaced()) cell.setSource(r.text());
            }
            cell.clearOutputs();
            lock(cell, solution, grade);
        }
        return new Made(problems.isEmpty() ? release : null, List.copyOf(problems));
    }

    /** nbgrader's LockCells with its defaults: check cells and read-only cells locked, answer cells free. */
    private static void lock(Notebook.Cell cell, boolean solution, boolean grade) {
        if (solution && grade) {
            cell.setMetadata("deletable", false);
        } else if (grade) {
            cell.setNbgrader("locked", true);
            cell.setMetadata("deletable", false);
            cell.setMetadata("editable", false);
        } else if (!solution && cell.flag("locked")) {
            cell.setMetadata("deletable", false);
            cell.setMetadata("editable", false);
        }
    }

    /** The problems of a source notebook's nbgrader metadata and check headers. */
    public static List<String> validate(Notebook source) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Notebook.Cell cell : source.cells()) {
            boolean nbgrader = cell.flag("solution") || cell.flag("grade") || cell.flag("locked");
            if (!nbgrader) continue;
            String where = "cell " + cell.index() + describe(cell);
            String id = cell.gradeId();
            if (id == null || id.isEmpty()) {
                problems.add(where + ": an nbgrader cell needs a grade_id");
            } else if (!ids.add(id)) {
                problems.add(where + ": grade_id " + id + " is used twice");
            } else if (!CheckHeader.validName(id)) {
                problems.add(where + ": grade_id `" + id + "` may only hold letters, digits, - and _");
            }
            if (cell.flag("grade")) problems.addAll(gradeProblems(cell, where));
        }
        return problems;
    }

    private static List<String> gradeProblems(Notebook.Cell cell, String where) {
        List<String> problems = new ArrayList<>();
        if (!cell.nbgrader().has("points")) problems.add(where + ": a graded cell needs points");
        String first = cell.source().lines().findFirst().orElse("").strip();
        if (!first.equals("%%check") && !first.startsWith("%%check ")) return problems;
        CheckHeader.Parsed parsed = CheckHeader.parse(first.substring("%%check".length()));
        if (parsed instanceof CheckHeader.Problem p) {
            problems.add(where + ": " + p.message());
            return problems;
        }
        CheckHeader header = ((CheckHeader.Ok) parsed).header();
        if (!header.name().equals(cell.gradeId())) {
            problems.add(where + ": the check is named " + header.name() + " but its grade_id is " + cell.gradeId());
        }
        if (header.points() != cell.points()) {
            problems.add(where + ": the check says --points " + header.points() + " but its nbgrader points are " + cell.points());
        }
        return problems;
    }

    private static String describe(Notebook.Cell cell) {
        String id = cell.gradeId();
        return id == null ? "" : " (" + id + ")";
    }

    private record Region(String text, boolean replaced, String problem) {
    }

    /**
     * nbgrader's region rule: a line holding the begin marker starts a region (replaced by the stub,
     * indented as that line, or by nothing), a line holding the end marker ends it.
     */
    private static Region replace(String source, String begin, String end, String stub) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        boolean replaced = false;
        for (String line : source.split("\n", -1)) {
            if (line.contains(begin)) {
                if (inside) return new Region(source, false, "a " + begin + " region inside another");
                inside = true;
                replaced = true;
                if (stub != null) out.add(line.substring(0, line.length() - line.stripLeading().length()) + stub);
            } else if (line.contains(end)) {
                if (!inside) return new Region(source, false, "an " + end + " marker without its " + begin);
                inside = false;
            } else if (!inside) {
                out.add(line);
            }
        }
        if (inside) return new Region(source, false, "no " + end + " after " + begin);
        return new Region(String.join("\n", out), replaced, null);
    }
}
