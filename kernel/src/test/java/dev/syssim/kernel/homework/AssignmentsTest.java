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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
    static final Path ROOTS = SOURCES.resolve("03-a-root-of-its-own.ipynb");
    static final Path VMS = SOURCES.resolve("04-a-machine-in-a-machine.ipynb");
    static final Path CONTAINERS = SOURCES.resolve("05-a-container-of-its-own.ipynb");

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
        assertEquals(List.of(FIREWALL.getFileName(), PROGRAMS.getFileName(), ROOTS.getFileName(), VMS.getFileName(), CONTAINERS.getFileName()), sources().stream().map(Path::getFileName).toList());
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

    /** One hand-made wrong answer of testdata/homework/wrong_answers.json. */
    record WrongAnswer(Path source, String name, Map<String, String> answers, Map<String, Integer> points, Map<String, String> seen, List<String> errors) {
        @Override
        public String toString() {
            return source.getFileName() + ": " + name;
        }
    }

    static List<WrongAnswer> wrongAnswers() throws IOException {
        JsonObject all = JsonParser.parseString(Files.readString(Path.of("..", "testdata", "homework", "wrong_answers.json"))).getAsJsonObject();
        List<WrongAnswer> out = new ArrayList<>();
        for (String notebook : all.keySet()) {
            if (notebook.startsWith("_")) continue;
            for (JsonElement e : all.getAsJsonArray(notebook)) {
                JsonObject w = e.getAsJsonObject();
                Map<String, String> answers = new java.util.LinkedHashMap<>();
                w.getAsJsonObject("answers").entrySet().forEach(a -> answers.put(a.getKey(), a.getValue().getAsString()));
                Map<String, Integer> points = new java.util.LinkedHashMap<>();
                w.getAsJsonObject("points").entrySet().forEach(a -> points.put(a.getKey(), a.getValue().getAsInt()));
                Map<String, String> seen = new java.util.LinkedHashMap<>();
                if (w.has("seen")) w.getAsJsonObject("seen").entrySet().forEach(a -> seen.put(a.getKey(), a.getValue().getAsString()));
                List<String> errors = new ArrayList<>();
                if (w.has("errors")) w.getAsJsonArray("errors").forEach(x -> errors.add(x.getAsString()));
                out.add(new WrongAnswer(SOURCES.resolve(notebook), w.get("name").getAsString(), answers, points, seen, errors));
            }
        }
        return out;
    }

    @Test
    void everyAssignmentHasHandMadeWrongAnswers() throws IOException {
        List<WrongAnswer> wrong = wrongAnswers();
        for (Path source : sources()) assertTrue(wrong.stream().filter(w -> w.source().equals(source)).count() >= 3, source.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAnswers")
    void aWrongAnswerLosesThePointsOfTheChecksItBreaksAndNoOthers(WrongAnswer wrong) throws Exception {
        GradeReport r = grade(answered(wrong.source(), wrong.answers()));
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (GradeReport.CheckScore c : r.checks()) expected.put(c.gradeId(), wrong.points().getOrDefault(c.gradeId(), c.maxPoints()));
        assertEquals(expected, points(r), r.text());
        for (var seen : wrong.seen().entrySet()) {
            String message = r.checks().stream().filter(c -> c.gradeId().equals(seen.getKey())).findFirst().orElseThrow().message();
            assertTrue(message.contains(seen.getValue()), message);
        }
        List<String> enames = r.errors().stream().map(GradeReport.CellError::ename).toList();
        assertEquals(wrong.errors().isEmpty() ? java.util.Collections.nCopies(enames.size(), "CheckFailed") : wrong.errors(), enames, r.text());
    }
}
