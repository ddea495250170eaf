package dev.syssim.kernel.eval;

import dev.syssim.kernel.homework.CheckBody;
import dev.syssim.kernel.homework.CheckHeader;
import dev.syssim.kernel.homework.CheckResult;
import dev.syssim.kernel.homework.CheckRun;
import dev.syssim.kernel.homework.CheckTable;
import dev.syssim.kernel.homework.GradeReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The homework magics: {@code %%check NAME [--points N]} judges its lines on a copy of the
 * notebook's world and shows the pass/fail table (a check that did not pass is the cell's error,
 * so nbclient, nbconvert and graders see it); {@code %grade} reports every check this notebook
 * has run, the latest result of each, as {@code syssim grade} reports a notebook.
 */
final class Homework {

    static final String CHECK_HELP = "homework check: each line is an expectation (" + String.join(", ", CheckBody.FORMS.keySet().stream().sorted().toList())
            + ") or shell; the cell shows a pass/fail table and fails unless every line is met";
    /** The header's usage and, one per line, the form of each kind of line: what %help check shows. */
    static final String CHECK_USAGE = CheckHeader.USAGE + "\n  each line one of:\n"
            + String.join("\n", CheckBody.FORMS.keySet().stream().sorted().map(k -> "    " + CheckBody.FORMS.get(k)).toList())
            + "\n    or shell (passes when its last command exits 0)";
    static final String GRADE_HELP = "the points of the checks this notebook has run (the latest result of each), as syssim grade reports them";

    private final Workspace workspace;
    /** The latest result of each check, in the order the checks first ran. */
    private final Map<String, CheckResult> results = new LinkedHashMap<>();

    Homework(Workspace workspace) {
        this.workspace = workspace;
    }

    ExecuteOutcome check(String args, String body, CellIO io) {
        CheckHeader.Parsed parsed = CheckHeader.parse(args);
        if (parsed instanceof CheckHeader.Problem problem) {
            String evalue = "the check is broken (not your answer): " + problem.message();
            return ExecuteOutcome.error("CheckError", evalue, List.of("CheckError: " + evalue, CheckHeader.USAGE));
        }
        CheckHeader header = ((CheckHeader.Ok) parsed).header();
        CheckProbe probe = new CheckProbe(workspace);
        Optional<CheckResult> result;
        try {
            result = CheckRun.run(header, body, probe);
        } finally {
            probe.close();
        }
        if (result.isEmpty()) {
            String evalue = "the check was interrupted";
            return ExecuteOutcome.error("KeyboardInterrupt", evalue, List.of("KeyboardInterrupt: " + evalue));
        }
        CheckResult r = result.get();
        results.put(header.name(), r);
        io.display(CheckTable.bundle(r), Map.of(), null, false);
        if (r.status() == dev.syssim.kernel.homework.LineStatus.PASSED) return ExecuteOutcome.OK;
        return ExecuteOutcome.error(r.ename(), r.evalue(), List.of(r.ename() + ": " + r.evalue()));
    }

    ExecuteOutcome grade(String args, String body, CellIO io) {
        if (!args.isBlank()) return ExecuteOutcome.error("UsageError", "%grade takes no arguments", List.of("UsageError: %grade takes no arguments"));
        GradeReport report = report();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", report.text());
        data.put("text/html", report.html());
        data.put(GRADE_MIME, report.toJson());
        io.display(data, Map.of(), null, false);
        return ExecuteOutcome.OK;
    }

    static final String GRADE_MIME = "application/vnd.syssim.grade+json";

    /** This notebook's report: named by the Jupyter server's session (JPY_SESSION_NAME) when it runs under one. */
    GradeReport report() {
        List<GradeReport.CheckScore> checks = new ArrayList<>();
        List<GradeReport.CellError> errors = new ArrayList<>();
        for (CheckResult r : results.values()) {
            String status = r.status().name().toLowerCase(java.util.Locale.ROOT);
            checks.add(new GradeReport.CheckScore(r.header().name(), r.score(), r.header().points(), status, r.evalue()));
            if (!r.ename().isEmpty()) errors.add(new GradeReport.CellError(-1, r.header().name(), r.ename(), r.evalue()));
        }
        String name = System.getenv("JPY_SESSION_NAME");
        return new GradeReport(name == null ? "" : name, GradeReport.Status.GRADED, "", checks, errors);
    }
}
