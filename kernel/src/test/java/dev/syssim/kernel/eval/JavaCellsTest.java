package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code %%java} cells over the live world, one kernel's worth of cells (one JShell for the
 * class: starting one takes a second). Each test uses names of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaCellsTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    private RecordingIO run(String code) {
        return RecordingIO.runOk(interpreter, code);
    }

    private ExecuteOutcome fail(String code) {
        ExecuteOutcome outcome = interpreter.execute(code, new RecordingIO());
        assertFalse(outcome.ok(), "the cell should have failed: " + code);
        return outcome;
    }

    private static String plain(Map<String, Object> data) {
        return (String) data.get("text/plain");
    }

    @Test
    void aJavaCellsShellLineChangesTheWorldAndTheNextShellCellSeesIt() {
        run("%%java\nsh.run(\"echo from java > /tmp/from-java\");");
        assertEquals("from java\n", run("cat /tmp/from-java").stdout.toString());
    }

    @Test
    void aShellCellsEffectsAreSeenByTheNextJavaCell() {
        run("cd /tmp\nexport GREETING=hello\necho from the shell > ~/from-shell");
        RecordingIO io = run("%%java\nSystem.out.print(sh.run(\"pwd; echo $GREETING\").stdout());\nmachine.readFile(\"/home/student/from-shell\").orElse(\"missing\")");
        assertEquals("/tmp\nhello\n", io.stdout.toString());
        assertEquals("from the shell\n", plain(io.results.get(0)));
        run("cd ~");
    }

    @Test
    void shRunCapturesStatusStdoutAndStderrApartAndLeavesTheTerminalAlone() {
        RecordingIO io = run("%%java\nvar r = sh.run(\"echo out; echo err >&2; false\");\nr.status() + \"|\" + r.stdout() + \"|\" + r.stderr()");
        assertEquals("1|out\n|err\n", plain(io.results.get(0)));
        assertEquals("", io.stdout.toString(), "sh.run's output is the result's, not the cell's");
    }

    @Test
    void theBindingsAreTheSessionsCurrentMachineAndShell() {
        run("%machine laptop root");
        try {
            RecordingIO io = run("%%java\nmachine.name() + \" \" + sh.user() + \" \" + world.machines().size()");
            assertEquals("laptop root 1", plain(io.results.get(0)));
        } finally {
            run("%machine laptop student");
        }
    }

    @Test
    void theValueOfALastExpressionIsTheResultAndOtherSnippetsGiveNone() {
        assertEquals("42", plain(run("%%java\nint answer = 6 * 7;\nanswer").results.get(0)));
        assertEquals(List.of(), run("%%java\nint nothingShown = 1;").results);
        assertEquals(List.of(), run("%%java\nString nothing = null;\nnothing").results, "null shows nothing");
        assertEquals(List.of(), run("%%java\nvoid noValue() { }\nnoValue()").results);
        assertEquals("hello", plain(run("%%java\n\"hello\"").results.get(0)), "a String shows without quotes");
    }

    @Test
    void systemOutAndSystemErrAreStreamMessages() {
        RecordingIO io = run("%%java\nSystem.out.println(\"to stdout\");\nSystem.err.println(\"to stderr\");\nSystem.out.print(\"é\");");
        assertEquals("to stdout\né", io.stdout.toString());
        assertEquals("to stderr\n", io.stderr.toString());
    }

    @Test
    void aCompileErrorNamesItsCellLineAndPutsACaretUnderIt() {
        ExecuteOutcome outcome = fail("%%java\nint fine = 1;\nint broken = \"text\";");
        assertEquals("CompileError", outcome.ename());
        assertEquals("incompatible types: java.lang.String cannot be converted to int (line 3, column 14)", outcome.evalue());
        assertEquals(List.of("  Cell line 3, column 14:", "    int broken = \"text\";", "                 ^----^",
                "CompileError: incompatible types: java.lang.String cannot be converted to int"), outcome.traceback());
    }

    @Test
    void anExceptionShowsTheCellsFramesWithoutJShellsMachinery() {
        ExecuteOutcome outcome = fail("%%java\nint divide(int a) {\n    return 10 / a;\n}\ndivide(0)");
        assertEquals("java.lang.ArithmeticException", outcome.ename());
        assertEquals("/ by zero", outcome.evalue());
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "\tat divide(line 3)", "\tat <cell>(line 5)"), outcome.traceback());
    }

    @Test
    void anExceptionFromTheLibraryKeepsTheLibrarysFrames() {
        ExecuteOutcome outcome = fail("%%java\nworld.machine(\"mars\")");
        assertEquals("java.lang.IllegalArgumentException", outcome.ename());
        assertEquals("no machine 'mars' in this world (machines: laptop)", outcome.evalue());
        String traceback = String.join("\n", outcome.traceback());
        assertTrue(traceback.contains("\tat dev.syssim.sim.api.World.machine(World.java:"), traceback);
        assertTrue(traceback.endsWith("\tat <cell>(line 2)"), traceback);
        assertFalse(traceback.contains("jdk.jshell") || traceback.contains("REPL.") || traceback.contains("reflect"), traceback);
    }

    @Test
    void aMethodMissingItsPartsSaysWhatItWaitsFor() {
        RecordingIO io = run("%%java\nint usesLater() { return later(); }");
        assertEquals("note: method usesLater() cannot be used until method later() is declared\n", io.stderr.toString());
        ExecuteOutcome outcome = fail("%%java\nusesLater()");
        assertEquals("UnresolvedReference", outcome.ename());
        assertEquals("method usesLater() cannot be used until method later() is declared", outcome.evalue());
    }

    @Test
    void systemExitEndsTheCellAndTheKernelGoesOn() {
        ExecuteOutcome outcome = fail("%%java\nSystem.out.println(\"before\");\nSystem.exit(3);\nSystem.out.println(\"after\");");
        assertEquals("SystemExit", outcome.ename());
        assertEquals("System.exit(3) ends this cell; the kernel keeps running", outcome.evalue());
        assertEquals("2", plain(run("%%java\n1 + 1").results.get(0)));
    }

    @Test
    void aReadOfSystemInAsksTheFrontEnd() {
        RecordingIO io = new RecordingIO();
        io.inputs.add("Ada");
        ExecuteOutcome outcome = interpreter.execute("%%java\nvar scanner = new Scanner(System.in);\n\"hello, \" + scanner.nextLine()", io);
        assertTrue(outcome.ok(), outcome.toString());
        assertEquals("hello, Ada", plain(io.results.get(0)));
        assertEquals(List.of(""), io.prompts);
    }

    @Test
    void aReadOfSystemInWhereNobodyCanTypeSeesEndOfInput() {
        RecordingIO io = new RecordingIO();
        io.allowStdin = false;
        ExecuteOutcome outcome = interpreter.execute("%%java\nSystem.in.read()", io);
        assertTrue(outcome.ok(), outcome.toString());
        assertEquals("-1", plain(io.results.get(0)));
    }

    @Test
    void completionOfferJavasMembersOfTheBoundObjects() {
        String code = "%%java\nsh.ru";
        Completion c = interpreter.complete(code, code.length());
        assertTrue(c.matches().contains("run("), c.matches().toString());
        assertEquals(code.length() - 2, c.cursorStart());
        assertEquals(code.length(), c.cursorEnd());
    }

    @Test
    void completionOnTheMagicLineIsForMagics() {
        Completion c = interpreter.complete("%%ja", 4);
        assertEquals(List.of("%%java"), c.matches());
    }

    @Test
    void inspectionShowsTheSignature() {
        String code = "%%java\nMath.max(1, 2)";
        Inspection i = interpreter.inspect(code, code.indexOf("max") + 1, 0);
        assertTrue(i.found());
        assertTrue(i.text().startsWith("int Math.max(int a, int b)\n"), i.text());
    }

    @Test
    void isCompleteKnowsAnUnfinishedJavaStatement() {
        assertEquals(IsComplete.incomplete("    "), interpreter.isComplete("%%java\nfor (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete", interpreter.isComplete("%%java\nint x = ").status());
        assertEquals(IsComplete.COMPLETE, interpreter.isComplete("%%java\nint x = 1;\nx + 1"));
        assertEquals(IsComplete.COMPLETE, interpreter.isComplete("%%java\nfor (int i = 0; i < 3; i++) {\n}"));
    }
}
