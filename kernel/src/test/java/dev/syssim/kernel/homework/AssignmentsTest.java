package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.kernel.eval.SimInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The assignments under notebooks/homework/source, graded as a course would grade them: the
 * source (the lecturer's solutions) scores full points, the release scores nothing and fails only
 * with CheckFailed, and hand-made wrong answers lose the points of the checks they break.
 */
class AssignmentsTest {

    static final Path SOURCES = Path.of("..", "notebooks", "homework", "source");
    static final Path FIREWALL = SOURCES.resolve("01-campus-firewall.ipynb");
    static final Path PROGRAMS = SOURCES.resolve("02-programs-and-traces.ipynb");

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.list(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static GradeReport grade(Notebook nb) {
        return Grading.grade("test", nb, Grading.possible(nb), SimInterpreter::new);
    }

    /** The source with some answer cells replaced, as a student might have answered them. */
    static Notebook answered(Path source, Map<String, String> answers) throws Exception {
        Notebook nb = Notebook.read(source);
        List<Notebook.Cell> cells = new ArrayList<>();
        for (Notebook.Cell c : nb.cells()) {
            if (answers.containsKey(c.gradeId())) c.setSource(answers.get(c.gradeId()));
            cells.add(c);
        }
        nb.setCells(cells);
        return nb;
    }

    static Map<String, Integer> points(GradeReport r) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        r.checks().forEach(c -> out.put(c.gradeId(), c.points()));
        return out;
    }

    @Test
    void thereAreAssignmentsForTheFirewallAndForProgramsAndTraces() throws IOException {
        assertEquals(List.of(FIREWALL.getFileName(), PROGRAMS.getFileName()), sources().stream().map(Path::getFileName).toList());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void theSourceIsSavedAsNbformatSavesItAndMakesARelease(Path source) throws Exception {
        Notebook nb = Notebook.read(source);
        assertEquals(Files.readString(source), nb.toJson());
        Release.Made made = Release.of(nb);
        assertTrue(made.ok(), made.problems().toString());
        assertTrue(made.release().toJson().contains(Release.CODE_STUB));
        assertTrue(!made.release().toJson().contains("BEGIN SOLUTION"));
    }

    @ParameterizedTest
    @MethodSource("sources")
    void theSourceScoresFullPointsWithoutAnError(Path source) throws Exception {
        GradeReport r = grade(Notebook.read(source));
        assertEquals(r.maxScore(), r.score(), r.text());
        assertEquals(10, r.maxScore());
        assertEquals(List.of(), r.errors());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void theReleaseScoresNothingAndFailsOnlyItsChecks(Path source) throws Exception {
        Notebook release = Release.of(Notebook.read(source)).release();
        GradeReport r = grade(release);
        assertEquals(0, r.score(), r.text());
        assertEquals(r.checks().size(), r.errors().size(), r.text());
        for (GradeReport.CellError e : r.errors()) assertEquals("CheckFailed", e.ename(), e.toString());
        for (GradeReport.CheckScore c : r.checks()) assertEquals("failed", c.status());
    }

    @Test
    void firewallDroppingSshInsteadOfRefusingItLosesTheWashCheck() throws Exception {
        GradeReport r = grade(answered(FIREWALL, Map.of("ex2_answer",
                "%machine wash\niptables -A INPUT -p tcp --dport 22 -s 10.84.0.0/16 -j ACCEPT\niptables -A INPUT -p tcp --dport 22 -j DROP\n%machine laptop student")));
        assertEquals(Map.of("laptop_print", 2, "wash_ssh", 0, "mail_relay", 2, "border", 3), points(r));
        assertEquals(7, r.score());
        assertTrue(r.checks().get(1).message().contains("`verdict from offcampus to wash:22 is refused` was not met: dropped"), r.text());
    }

    @Test
    void firewallBlockingThePrintServerForTheLaptopItselfLosesThePrintCheck() throws Exception {
        GradeReport r = grade(answered(FIREWALL, Map.of("ex1_answer", "%machine laptop\niptables -A INPUT -p tcp --dport 631 -j DROP\n%machine laptop student")));
        assertEquals(8, r.score(), r.text());
        assertEquals(0, points(r).get("laptop_print"));
    }

    @Test
    void firewallBorderWithoutConntrackStopsTheRepliesAndLosesTheBorderCheck() throws Exception {
        GradeReport r = grade(answered(FIREWALL, Map.of("ex4_answer", "%machine border\niptables -P FORWARD DROP\n"
                + "iptables -A FORWARD -i eth1 -o eth0 -j ACCEPT\niptables -A FORWARD -i eth0 -p tcp -d 10.84.0.10 -m multiport --dports 22,80 -j ACCEPT\n"
                + "iptables -A FORWARD -i eth0 -p tcp -d 10.84.0.25 --dport 25 -j ACCEPT\n%machine laptop student")));
        assertEquals(7, r.score(), r.text());
        assertTrue(r.checks().get(3).message().contains("`verdict from laptop to offcampus:80 is refused` was not met: dropped"), r.text());
    }

    @Test
    void firewallAnAnswerWithASyntaxErrorScoresWhatItsOtherAnswersEarn() throws Exception {
        GradeReport r = grade(answered(FIREWALL, Map.of("ex3_answer", "%machine mail\niptables -A INPUT -p tcp --dport 25 -s 10.84.0.0/16 -j ACCEPT )")));
        assertEquals(Map.of("laptop_print", 2, "wash_ssh", 3, "mail_relay", 0, "border", 3), points(r));
        assertEquals(List.of("SyntaxError", "CheckFailed"), r.errors().stream().map(GradeReport.CellError::ename).toList());
    }

    @Test
    void programsACrashThatOnlyPretendsLosesTheTraceCheckButKeepsItsAnswers() throws Exception {
        GradeReport r = grade(answered(PROGRAMS, Map.of("ex2_program", "%%program crash\nprint starting\nexit 139")));
        assertEquals(8, r.score(), r.text());
        assertEquals(0, points(r).get("privileged"));
        assertTrue(r.checks().get(2).message().contains("exception #GP"), r.text());
    }

    @Test
    void programsWrongNumbersLoseTheAnswerChecks() throws Exception {
        GradeReport r = grade(answered(PROGRAMS, Map.of("ex2_answers", "vector=14\nsignal=SIGSEGV", "ex1_answers", "irq=11\nbytes=7")));
        assertEquals(8, r.score(), r.text());
        assertEquals(0, points(r).get("privileged_answers"));
        assertEquals(0, points(r).get("file_read_answers"));
    }

    @Test
    void programsSpinsOnTwoCoresDoNotShareOne() throws Exception {
        GradeReport r = grade(answered(PROGRAMS, Map.of("ex3_function", "together() { spin & spin & wait; }")));
        assertEquals(7, r.score(), r.text());
        assertEquals(0, points(r).get("sharing"));
    }
}
