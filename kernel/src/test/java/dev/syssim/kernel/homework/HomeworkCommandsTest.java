package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** syssim assign and syssim grade as a lecturer types them: statuses, messages, files. */
class HomeworkCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int assign(String... args) {
        return HomeworkCommands.assign(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int grade(String... args) {
        return HomeworkCommands.grade(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void assignWritesEachReleaseUnderItsOwnNameAndSaysWhere() throws Exception {
        Path release = dir.resolve("release");
        assertEquals(0, assign(AssignmentsTest.FIREWALL.toString(), AssignmentsTest.PROGRAMS.toString(), release.toString()));
        assertEquals(release.resolve("01-campus-firewall.ipynb") + "\n" + release.resolve("02-programs-and-traces.ipynb") + "\n", out.toString());
        String written = Files.readString(release.resolve("01-campus-firewall.ipynb"));
        assertEquals(Release.of(Notebook.read(AssignmentsTest.FIREWALL)).release().toJson(), written);
        assertFalse(written.contains("iptables -A INPUT -p tcp --dport 631"), "no solution in the release");
    }

    @Test
    void assignRefusesASourceWithProblemsAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.ipynb");
        ReleaseTest.notebook(ReleaseTest.check("c", 2, "%%check c --points 3\nexit 0: true")).write(bad);
        assertEquals(1, assign(bad.toString(), dir.resolve("out").toString()));
        assertEquals("syssim assign: " + bad + ": cell 0 (c): the check says --points 3 but its nbgrader points are 2\n", err.toString());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void wrongUsageExitsWith2AndSaysHow() {
        assertEquals(2, assign("only-one.ipynb"));
        assertTrue(err.toString().startsWith("usage: syssim assign"));
        assertEquals(2, grade("--timeout", "soon", "x.ipynb"));
        assertTrue(err.toString().contains("syssim grade: --timeout needs a positive whole number, not soon\nusage: syssim grade"), err.toString());
        assertEquals(2, grade());
        assertEquals(0, grade("--help"));
        assertTrue(out.toString().startsWith("usage: syssim grade"));
    }

    @Test
    void aDirectoryMeansEveryNotebookUnderItSortedWithoutCheckpoints() throws Exception {
        Files.createDirectories(dir.resolve("b/.ipynb_checkpoints"));
        for (String name : List.of("b/z.ipynb", "a.ipynb", "b/.ipynb_checkpoints/z-checkpoint.ipynb", "notes.txt")) Files.writeString(dir.resolve(name), "{}");
        assertEquals(List.of(dir.resolve("a.ipynb"), dir.resolve("b/z.ipynb")), HomeworkCommands.expand(dir));
    }

    @Test
    void gradePrintsAJsonReportPerLineAndWritesTheCsv() throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "not json");
        Path csv = dir.resolve("grades/grades.csv");
        assertEquals(0, grade("--csv", csv.toString(), broken.toString()));
        String line = out.toString().strip();
        assertEquals(GradeReport.Status.UNREADABLE, GradeReport.fromJson(com.google.gson.JsonParser.parseString(line).getAsJsonObject()).status());
        assertTrue(Files.readString(csv).startsWith("notebook,status,score,max_score,reason\r\n" + broken + ",unreadable,0,0,"));
        assertTrue(err.toString().startsWith("syssim grade: 1 notebooks, 1 not graded, "), err.toString());
    }
}
