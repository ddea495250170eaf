package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The student release, by nbgrader's rules: solutions out, hidden tests out, outputs cleared, checks locked. */
class ReleaseTest {

    private static final String NBGRADER_ANSWER = "{\"nbgrader\": {\"grade\": false, \"grade_id\": \"%s\", \"locked\": false, \"schema_version\": 3, \"solution\": true}}";
    private static final String NBGRADER_CHECK = "{\"nbgrader\": {\"grade\": true, \"grade_id\": \"%s\", \"locked\": true, \"points\": %d, \"schema_version\": 3, \"solution\": false}}";
    private static final String NBGRADER_LOCKED = "{\"nbgrader\": {\"grade\": false, \"grade_id\": \"%s\", \"locked\": true, \"schema_version\": 3, \"solution\": false}}";

    static String cell(String type, String source, String metadata) {
        String outputs = type.equals("code") ? "\"execution_count\": 7, \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"old\\n\"}], " : "";
        return "{\"cell_type\": \"" + type + "\", " + outputs + "\"metadata\": " + metadata + ", \"source\": " + new com.google.gson.Gson().toJson(source) + "}";
    }

    static Notebook notebook(String... cells) throws Notebook.Unreadable {
        return Notebook.parse("{\"cells\": [" + String.join(", ", cells) + "], \"metadata\": {\"kernelspec\": {\"name\": \"syssim\", \"language\": \"syssim\"}}, "
                + "\"nbformat\": 4, \"nbformat_minor\": 4}", "test.ipynb");
    }

    static String answer(String id, String source) {
        return cell("code", source, String.format(NBGRADER_ANSWER, id));
    }

    static String check(String id, int points, String source) {
        return cell("code", source, String.format(NBGRADER_CHECK, id, points));
    }

    @Test
    void aSolutionRegionBecomesThePromptIndentedAsItsMarker() throws Exception {
        Release.Made made = Release.of(notebook(answer("a", "%machine wash\n  ### BEGIN SOLUTION\n  iptables -A INPUT -j DROP\n  ### END SOLUTION\n%machine laptop student")));
        assertTrue(made.ok(), made.problems().toString());
        assertEquals("%machine wash\n  # YOUR ANSWER HERE\n%machine laptop student", made.release().cells().get(0).source());
    }

    @Test
    void anAnswerCellWithoutMarkersBecomesThePromptWholeAndMarkdownGetsTheTextPrompt() throws Exception {
        Release.Made made = Release.of(notebook(answer("a", "iptables -F"), cell("markdown", "Because ...", String.format(NBGRADER_ANSWER, "b"))));
        assertEquals("# YOUR ANSWER HERE", made.release().cells().get(0).source());
        assertEquals("YOUR ANSWER HERE", made.release().cells().get(1).source());
    }

    @Test
    void hiddenTestsLeaveTheRelease() throws Exception {
        Release.Made made = Release.of(notebook(check("c", 2, "%%check c --points 2\nexit 0: true\n### BEGIN HIDDEN TESTS\nexit 1: false\n### END HIDDEN TESTS")));
        assertEquals("%%check c --points 2\nexit 0: true", made.release().cells().get(0).source());
    }

    @Test
    void outputsAreClearedAndChecksAndReadOnlyCellsLocked() throws Exception {
        Release.Made made = Release.of(notebook(check("c", 1, "%%check c\nexit 0: true"), cell("code", "%scenario campus", String.format(NBGRADER_LOCKED, "setup")),
                answer("a", "x")));
        String json = made.release().toJson();
        assertFalse(json.contains("old"), json);
        var cells = made.release().cells();
        for (int i = 0; i < 2; i++) {
            assertTrue(cells.get(i).flag("locked"));
            assertTrue(json.contains("\"deletable\": false,\n    \"editable\": false"), json);
        }
        assertFalse(cells.get(2).flag("locked"), "answer cells stay editable");
    }

    @Test
    void aSourceThatContradictsItselfIsRefusedWithEveryProblem() throws Exception {
        Release.Made made = Release.of(notebook(
                check("c", 2, "%%check other --points 3\nexit 0: true"),
                check("c", 1, "%%check c\nexit 0: true"),
                cell("code", "### BEGIN SOLUTION\nx\n### END SOLUTION", "{}"),
                answer("a", "### BEGIN SOLUTION\nx"),
                cell("code", "y", "{\"nbgrader\": {\"grade\": true, \"solution\": false, \"locked\": true, \"points\": 1}}")));
        assertNull(made.release());
        assertEquals(List.of(
                "cell 0 (c): the check is named other but its grade_id is c",
                "cell 0 (c): the check says --points 3 but its nbgrader points are 2",
                "cell 1 (c): grade_id c is used twice",
                "cell 4: an nbgrader cell needs a grade_id",
                "cell 2: it has a BEGIN SOLUTION marker but is not an answer cell (nbgrader solution: true)",
                "cell 3 (a): no END SOLUTION after BEGIN SOLUTION"), made.problems());
    }
}
