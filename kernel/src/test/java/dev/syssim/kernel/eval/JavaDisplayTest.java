package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What Java values look like: BaseKernel's renderer as IJava notebooks have it, and syssim's traces. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaDisplayTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    private RecordingIO run(String code) {
        return RecordingIO.runOk(interpreter, "%%java\n" + code);
    }

    @Test
    void displayShowsAValueNowWithADisplayIdAndUpdateDisplayReplacesIt() {
        RecordingIO io = run("String shown = display(\"first\");\nupdateDisplay(shown, \"second\");\nshown");
        assertEquals(2, io.displays.size());
        assertEquals("first", io.displays.get(0).get("text/plain"));
        assertEquals("second", io.displays.get(1).get("text/plain"));
        String id = io.displayIds.get(0);
        assertEquals(List.of(id, id), io.displayIds);
        assertEquals(List.of(false, true), io.updates);
        assertTrue(id.matches("syssim-java-\\d+-1"), id);
        assertEquals(id, io.results.get(0).get("text/plain"), "the id is a value like any other");
    }

    @Test
    void aCellEndingInDisplayShowsTheValueNotAlsoItsId() {
        RecordingIO io = run("display(\"only this\")");
        assertEquals(1, io.displays.size());
        assertEquals(List.of(), io.results);
    }

    @Test
    void displayAsAMimeTypeShowsAStringAsThatType() {
        RecordingIO io = run("display(\"<b>bold</b>\", \"text/html\");");
        assertEquals("<b>bold</b>", io.displays.get(0).get("text/html"));
        assertEquals("<b>bold</b>", io.displays.get(0).get("text/plain"));
    }

    @Test
    void renderGivesTheDisplayDataWithoutShowingIt() {
        RecordingIO io = run("DisplayData d = render(\"<i>x</i>\", \"text/markdown\");\nd.getData(MIMEType.parse(\"text/markdown\"))");
        assertEquals(List.of(), io.displays);
        assertEquals("<i>x</i>", io.results.get(0).get("text/plain"));
    }

    @Test
    void aBufferedImageIsAPng() {
        RecordingIO io = run("var image = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimage");
        String png = (String) io.results.get(0).get("image/png");
        assertNotNull(png, io.results.toString());
        byte[] bytes = Base64.getMimeDecoder().decode(png);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aClassThatRendersItselfChoosesItsTypes() {
        RecordingIO io = run("""
                class Badge implements DisplayDataRenderable {
                    public Set<MIMEType> getSupportedRenderTypes() { return Set.of(MIMEType.TEXT_HTML); }
                    public Set<MIMEType> getPreferredRenderTypes() { return Set.of(MIMEType.TEXT_HTML); }
                    public void render(RenderContext context) { context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<span>ok</span>"); }
                    public String toString() { return "badge"; }
                }
                new Badge()""");
        Map<String, Object> data = io.results.get(0);
        assertEquals("<span>ok</span>", data.get("text/html"));
        assertEquals("badge", data.get("text/plain"));
    }

    @Test
    void aTraceIsDrawnAsAShellCellsTraceIs() {
        RecordingIO io = run("sh.setTraceLevel(TraceLevel.SYSCALLS);\nsh.run(\"cat /etc/hostname\").trace()");
        Map<String, Object> data = io.results.get(0);
        assertTrue(((String) data.get("text/plain")).contains("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY)"), (String) data.get("text/plain"));
        assertTrue(((String) data.get("text/html")).contains("<img src=\"data:image/svg+xml,<?xml"));
        // as a shell cell's live trace: no PNG (SYSSIM_TRACE_FORMATS=all brings it back for handouts)
        assertFalse(data.containsKey("image/png"));
        assertTrue(data.containsKey("application/vnd.syssim.trace+json"));
    }

    @Test
    void aCellsTraceLevelFollowsPercentTrace() {
        assertTrue(run("sh.run(\"true\").trace().isEmpty()").results.get(0).get("text/plain").equals("true"));
        RecordingIO io = RecordingIO.runOk(interpreter, "%trace syscalls");
        assertEquals(List.of(), io.displays);
        try {
            assertEquals("false", run("sh.run(\"cat /etc/hostname\").trace().isEmpty()").results.get(0).get("text/plain"));
        } finally {
            RecordingIO.runOk(interpreter, "%trace off");
        }
    }

    @Test
    void aJavaCellShowsNoTraceOfItsOwn() {
        RecordingIO.runOk(interpreter, "%trace syscalls");
        try {
            RecordingIO io = run("sh.run(\"echo hi\");");
            assertEquals(List.of(), io.displays, "the trace is the run's value, shown when asked for");
        } finally {
            RecordingIO.runOk(interpreter, "%trace off");
        }
    }

    @Test
    void aValueWhoseToStringThrowsFailsTheCellNotTheKernel() {
        ExecuteOutcome outcome = interpreter.execute("%%java\nnew Object() { public String toString() { throw new IllegalStateException(\"no text\"); } }",
                new RecordingIO());
        assertEquals("java.lang.IllegalStateException", outcome.ename());
        assertEquals("no text", outcome.evalue());
        assertTrue(outcome.traceback().get(0).startsWith("The cell's value could not be shown"), outcome.traceback().toString());
        assertEquals("2", run("1 + 1").results.get(0).get("text/plain"));
    }

    @Test
    void anEmptyTraceSaysSo() {
        Map<String, Object> data = run("sh.run(\"true\").trace()").results.get(0);
        assertEquals("trace: no events (recorded at level off)\n", data.get("text/plain"));
        assertFalse(data.containsKey("text/html"));
    }
}
