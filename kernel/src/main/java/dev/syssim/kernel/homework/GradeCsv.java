package dev.syssim.kernel.homework;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reports of a batch as one CSV table (RFC 4180), a row per notebook: notebook, status,
 * score, max_score, then the points of each check (columns in the order the checks first appear),
 * then the reason a notebook was not graded. Opens in any spreadsheet.
 */
public final class GradeCsv {

    private GradeCsv() {
    }

    public static String of(List<GradeReport> reports) {
        Set<String> ids = new LinkedHashSet<>();
        for (GradeReport r : reports) r.checks().forEach(c -> ids.add(c.gradeId()));
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("notebook", "status", "score", "max_score"));
        header.addAll(ids);
        header.add("reason");
        row(out, header);
        for (GradeReport r : reports) {
            List<String> cells = new ArrayList<>(List.of(r.notebook(), r.status().word(), Integer.toString(r.score()), Integer.toString(r.maxScore())));
            for (String id : ids) {
                cells.add(r.checks().stream().filter(c -> c.gradeId().equals(id)).findFirst().map(c -> Integer.toString(c.points())).orElse(""));
            }
            cells.add(r.reason());
            row(out, cells);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(quoted(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return cell;
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
