package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch: notebooks graded in worker processes, in the order given; a notebook that will not
 * open, takes too long or kills its worker scores 0 with the reason, and the batch goes on.
 */
class GraderTest {

    @TempDir
    Path dir;

    private static final String CHECK_META = "{\"nbgrader\": {\"grade\": true, \"grade_id\": \"%s\", \"locked\": true, \"points\": %d, \"schema_version\": 3, \"solution\": false}}";

    private Path notebook(String name, String answer) throws Exception {
        Notebook nb = ReleaseTest.notebook(
                ReleaseTest.answer("a", answer),
                ReleaseTest.cell("code", "%%check made --points 2\nfile /tmp/made exists", String.format(CHECK_META, "made", 2)),
                ReleaseTest.cell("code", "%%check hello --points 1\noutput ~ /^hello$/: echo hello", String.format(CHECK_META, "hello", 1)));
        Path path = dir.resolve(name);
        nb.write(path);
        return path;
    }

    private List<GradeReport> grade(Grader grader, Path... notebooks) {
        List<GradeReport> heard = new ArrayList<>();
        List<GradeReport> reports = grader.grade(List.of(notebooks), heard::add);
        assertEquals(reports, heard, "each report is passed on, in order");
        return reports;
    }

    @Test
    void notebooksAreGradedInFreshKernelsInTheOrderGiven() throws Exception {
        Path right = notebook("right.ipynb", "touch /tmp/made");
        Path wrong = notebook("wrong.ipynb", "touch /tmp/other");
        List<GradeReport> reports = grade(new Grader(new Grader.Options(null, Duration.ofSeconds(120), 2)), wrong, right, wrong);
        assertEquals(List.of(1, 3, 1), reports.stream().map(GradeReport::score).toList());
        assertEquals(wrong.toString(), reports.get(0).notebook());
        assertEquals("failed", reports.get(0).checks().get(0).status());
        assertEquals(reports.get(0).toJson(), reports.get(2).toJson(), "nothing of one notebook leaks into the next");
    }

    @Test
    void aNotebookThatWillNotOpenScoresNothingAndSaysWhy() throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{\"cells\": [");
        Path right = notebook("right.ipynb", "touch /tmp/made");
        List<GradeReport> reports = grade(new Grader(new Grader.Options(null, Duration.ofSeconds(120), 1)), broken, right);
        assertEquals(GradeReport.Status.UNREADABLE, reports.get(0).status());
        assertTrue(reports.get(0).reason().startsWith(broken + " is not JSON"), reports.get(0).reason());
        assertEquals(3, reports.get(1).score());
    }

    @Test
    void aNotebookThatTakesTooLongScoresNothingAndTheBatchGoesOn() throws Exception {
        // about twenty minutes of simulation: only the batch's clock can stop it
        Path slow = notebook("slow.ipynb", "%limits steps=4000000000\nyes > /dev/null");
        Path right = notebook("right.ipynb", "touch /tmp/made");
        // the limit is per notebook: roomy enough that the quick one finishes on a busy shared machine
        List<GradeReport> reports = grade(new Grader(new Grader.Options(null, Duration.ofSeconds(10), 1)), slow, right);
        assertEquals(GradeReport.Status.TIMED_OUT, reports.get(0).status());
        assertEquals("timed out: still running after 10 s", reports.get(0).reason());
        assertEquals(0, reports.get(0).score());
        assertEquals(3, reports.get(0).maxScore(), "the report still lists what was to be earned");
        assertEquals(3, reports.get(1).score());
    }

    @Test
    void aNotebookThatKillsItsKernelScoresNothingWithTheReasonAndTheBatchGoesOn() throws Exception {
        Path crash = notebook("crash.ipynb", "touch /tmp/made");
        Path right = notebook("right.ipynb", "touch /tmp/made");
        Grader grader = new Grader(new Grader.Options(null, Duration.ofSeconds(120), 1), Grader.defaultWorkerCommand(MisbehavingWorker.class.getName()));
        List<GradeReport> reports = grade(grader, right, crash, right);
        assertEquals(GradeReport.Status.CRASHED, reports.get(1).status());
        assertEquals("crashed: the kernel exited with status 3: Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space", reports.get(1).reason());
        assertEquals(List.of(3, 0, 3), reports.stream().map(GradeReport::score).toList());
    }

    @Test
    void aKernelThatCannotStartIsACrashOfEachNotebookNotOfTheBatch() throws Exception {
        Path right = notebook("right.ipynb", "touch /tmp/made");
        Grader grader = new Grader(new Grader.Options(null, Duration.ofSeconds(120), 1), List.of(dir.resolve("no-such-java").toString()));
        List<GradeReport> reports = grade(grader, right, right);
        assertEquals(List.of(GradeReport.Status.CRASHED, GradeReport.Status.CRASHED), reports.stream().map(GradeReport::status).toList());
        assertTrue(reports.get(0).reason().startsWith("cannot start a grading worker: "), reports.get(0).reason());
    }

    @Test
    void withTheSourceTheLecturersChecksComeBackWhateverTheStudentDidToThem() throws Exception {
        Path source = notebook("source.ipynb", "touch /tmp/made");
        Path cheat = notebook("cheat.ipynb", "touch /tmp/other");
        Files.writeString(cheat, Files.readString(cheat).replace("file /tmp/made exists", "file /tmp/other exists"));
        assertEquals(3, grade(new Grader(new Grader.Options(null, Duration.ofSeconds(120), 1)), cheat).get(0).score());
        assertEquals(1, grade(new Grader(new Grader.Options(source, Duration.ofSeconds(120), 1)), cheat).get(0).score());
    }

    @Test
    void aCheckTheSubmissionLostScoresNothing() throws Exception {
        Path source = notebook("source.ipynb", "touch /tmp/made");
        Path lost = notebook("lost.ipynb", "touch /tmp/made");
        Notebook nb = Notebook.read(lost);
        nb.setCells(nb.cells().subList(0, 2));
        nb.write(lost);
        GradeReport r = grade(new Grader(new Grader.Options(source, Duration.ofSeconds(120), 1)), lost).get(0);
        assertEquals(2, r.score());
        assertEquals(3, r.maxScore());
        assertEquals("missing", r.checks().get(1).status());
    }

    @Test
    void theCsvHasARowPerNotebookAndAColumnPerCheck() {
        GradeReport graded = new GradeReport("a,b.ipynb", GradeReport.Status.GRADED, "", List.of(
                new GradeReport.CheckScore("x", 2, 2, "passed", ""), new GradeReport.CheckScore("y", 0, 1, "failed", "m")), List.of());
        GradeReport late = GradeReport.notGraded("c.ipynb", GradeReport.Status.TIMED_OUT, "timed out: still running after 3 s",
                List.of(new GradeReport.CheckScore("x", 0, 2, "not run", "")));
        assertEquals("notebook,status,score,max_score,x,y,reason\r\n\"a,b.ipynb\",graded,2,3,2,0,\r\nc.ipynb,timed out,0,2,0,,timed out: still running after 3 s\r\n",
                GradeCsv.of(List.of(graded, late)));
    }

    @Test
    void aReportSurvivesItsTripThroughJson() {
        GradeReport r = new GradeReport("n.ipynb", GradeReport.Status.GRADED, "", List.of(new GradeReport.CheckScore("x", 2, 2, "passed", "")),
                List.of(new GradeReport.CellError(3, null, "SyntaxError", "bash: ...")));
        assertEquals(r, GradeReport.fromJson(r.toJson()));
    }
}
