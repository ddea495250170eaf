package dev.syssim.kernel.homework;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * What grading one notebook found: each check's points, the total, and the errors of its cells;
 * or, for a notebook that could not be graded (it would not open, its run crashed or took too long),
 * zero points and the reason. {@code syssim grade} prints one per notebook, {@code %grade} one for
 * the notebook it runs in. No times or dates: the same notebook gives the same report.
 */
public record GradeReport(String notebook, Status status, String reason, List<CheckScore> checks, List<CellError> errors) {

    /** Whether the notebook was graded. */
    public enum Status {
        GRADED, UNREADABLE, CRASHED, TIMED_OUT;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One check (an nbgrader grade cell): its grade_id, points earned and possible, and how it came out. */
    public record CheckScore(String gradeId, int points, int maxPoints, String status, String message) {
    }

    /**
     * An error a cell ended with: the cell's index in the notebook (from 0; -1 in {@code %grade},
     * where the kernel does not know where its cells stand), its grade_id if any, ename and evalue.
     */
    public record CellError(int cell, String gradeId, String ename, String evalue) {
    }

    public GradeReport {
        checks = List.copyOf(checks);
        errors = List.copyOf(errors);
        reason = reason == null ? "" : reason;
    }

    /** Points earned: nothing unless the notebook was graded. */
    public int score() {
        if (status != Status.GRADED) return 0;
        return checks.stream().mapToInt(CheckScore::points).sum();
    }

    public int maxScore() {
        return checks.stream().mapToInt(CheckScore::maxPoints).sum();
    }

    /** A notebook that could not be graded: every check scores 0, and the report says why. */
    public static GradeReport notGraded(String notebook, Status status, String reason, List<CheckScore> possible) {
        List<CheckScore> zero = possible.stream().map(c -> new CheckScore(c.gradeId(), 0, c.maxPoints(), "not run", "")).toList();
        return new GradeReport(notebook, status, reason, zero, List.of());
    }

    public JsonObject toJson() {
        JsonObject out = new JsonObject();
        out.addProperty("notebook", notebook);
        out.addProperty("status", status.word());
        out.addProperty("reason", reason);
        out.addProperty("score", score());
        out.addProperty("max_score", maxScore());
        JsonArray checkArray = new JsonArray();
        for (CheckScore c : checks) {
            JsonObject o = new JsonObject();
            o.addProperty("grade_id", c.gradeId());
            o.addProperty("points", status == Status.GRADED ? c.points() : 0);
            o.addProperty("max_points", c.maxPoints());
            o.addProperty("status", c.status());
            o.addProperty("message", c.message());
            checkArray.add(o);
        }
        out.add("checks", checkArray);
        JsonArray errorArray = new JsonArray();
        for (CellError e : errors) {
            JsonObject o = new JsonObject();
            o.addProperty("cell", e.cell());
            o.addProperty("grade_id", e.gradeId());
            o.addProperty("ename", e.ename());
            o.addProperty("evalue", e.evalue());
            errorArray.add(o);
        }
        out.add("errors", errorArray);
        return out;
    }

    /** A report as {@link #toJson()} wrote it (a grading worker's answer). */
    public static GradeReport fromJson(JsonObject o) {
        List<CheckScore> checks = new java.util.ArrayList<>();
        for (var e : o.getAsJsonArray("checks")) {
            JsonObject c = e.getAsJsonObject();
            checks.add(new CheckScore(c.get("grade_id").getAsString(), c.get("points").getAsInt(), c.get("max_points").getAsInt(),
                    c.get("status").getAsString(), c.get("message").getAsString()));
        }
        List<CellError> errors = new java.util.ArrayList<>();
        for (var e : o.getAsJsonArray("errors")) {
            JsonObject c = e.getAsJsonObject();
            errors.add(new CellError(c.get("cell").getAsInt(), c.get("grade_id").isJsonNull() ? null : c.get("grade_id").getAsString(),
                    c.get("ename").getAsString(), c.get("evalue").getAsString()));
        }
        Status status = Status.valueOf(o.get("status").getAsString().toUpperCase(Locale.ROOT).replace(' ', '_'));
        return new GradeReport(o.get("notebook").getAsString(), status, o.get("reason").getAsString(), checks, errors);
    }

    /** The report as a short table: one line per check, then the total and the errors. */
    public String text() {
        StringBuilder out = new StringBuilder(notebook.isEmpty() ? "this notebook" : notebook).append(": ")
                .append(score()).append(" of ").append(maxScore()).append(" points");
        if (status != Status.GRADED) out.append(" (").append(status.word()).append(": ").append(reason).append(')');
        out.append('\n');
        for (CheckScore c : checks) {
            out.append(String.format("  %-24s %3d / %-3d %s%s%n", c.gradeId(), c.points(), c.maxPoints(), c.status(),
                    c.message().isEmpty() ? "" : ": " + c.message()));
        }
        for (CellError e : errors) {
            if (e.gradeId() != null && checks.stream().anyMatch(c -> c.gradeId().equals(e.gradeId()))) continue;
            out.append("  error in cell ").append(e.cell()).append(": ").append(e.ename()).append(": ").append(e.evalue()).append('\n');
        }
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<table>\n<caption>").append(CheckTable.escape(text().lines().findFirst().orElse("")))
                .append("</caption>\n<tr><th>check</th><th>points</th><th>of</th><th>status</th></tr>\n");
        for (CheckScore c : checks) {
            out.append("<tr><td><code>").append(CheckTable.escape(c.gradeId())).append("</code></td><td>").append(c.points())
                    .append("</td><td>").append(c.maxPoints()).append("</td><td>").append(CheckTable.escape(c.status()))
                    .append(c.message().isEmpty() ? "" : ": " + CheckTable.escape(c.message())).append("</td></tr>\n");
        }
        return out.append("<tr><td>total</td><td>").append(score()).append("</td><td>").append(maxScore()).append("</td><td></td></tr>\n</table>").toString();
    }
}
