package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Notebooks are read as nbformat 4 and written back byte for byte as nbformat writes them. */
class NotebookTest {

    static String resource(String name) throws IOException {
        try (InputStream in = NotebookTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNotebookNbformatWroteIsWrittenBackUnchanged() throws Exception {
        String recorded = resource("nbformat-written.ipynb");
        assertEquals(recorded, Notebook.parse(recorded, "recorded").toJson());
    }

    @Test
    void cellsExposeTheirSourceTypeAndNbgraderMetadata() throws Exception {
        Notebook nb = Notebook.parse(resource("nbformat-written.ipynb"), "recorded");
        Notebook.Cell check = nb.cells().get(1);
        assertEquals("echo one\necho two\n", check.source());
        assertTrue(check.code() && check.flag("grade") && check.flag("locked") && !check.flag("solution"));
        assertEquals("c", check.gradeId());
        assertEquals(2, check.points());
        assertEquals("intro", nb.cells().get(0).gradeId());
        assertEquals("syssim", nb.language());
    }

    @Test
    void clearingOutputsLeavesNoOutputsAndNoExecutionCount() throws Exception {
        Notebook nb = Notebook.parse(resource("nbformat-written.ipynb"), "recorded");
        nb.cells().get(1).clearOutputs();
        String json = nb.toJson();
        assertTrue(json.contains("\"execution_count\": null,\n   \"metadata\": {\n    \"nbgrader\": {\n     \"grade\": true"), json);
        assertTrue(!json.contains("CheckFailed"));
    }

    @Test
    void whatIsNotANotebookIsUnreadableWithTheReason() {
        assertTrue(assertThrows(Notebook.Unreadable.class, () -> Notebook.parse("{\"cells\": [", "x.ipynb")).getMessage().startsWith("x.ipynb is not JSON"));
        assertEquals("x.ipynb is not a notebook: it has no list of cells",
                assertThrows(Notebook.Unreadable.class, () -> Notebook.parse("{}", "x.ipynb")).getMessage());
        assertEquals("x.ipynb is not an nbformat 4 notebook",
                assertThrows(Notebook.Unreadable.class, () -> Notebook.parse("{\"cells\": [], \"nbformat\": 3}", "x.ipynb")).getMessage());
    }
}
