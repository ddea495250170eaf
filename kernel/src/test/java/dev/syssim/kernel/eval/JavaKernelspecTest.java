package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java kernelspec's interpreter (cells are Java, %%sh is shell), and the course switch. */
class JavaKernelspecTest {

    private final SimInterpreter java = new SimInterpreter(Language.JAVA, true);

    @Test
    void aCellIsJava() {
        assertEquals("42", RecordingIO.runOk(java, "6 * 7").results.get(0).get("text/plain"));
    }

    @Test
    void percentPercentShIsAShellCellWithItsTrace() {
        RecordingIO io = RecordingIO.runOk(java, "%%sh\n%trace syscalls\ncat /etc/hostname");
        assertEquals("laptop\n", io.stdout.toString());
        assertEquals(1, io.displays.size(), "the shell cell's trace");
        RecordingIO.runOk(java, "%trace off");
    }

    @Test
    void lineMagicsOnTheFirstLinesComeBeforeTheJava() {
        RecordingIO io = RecordingIO.runOk(java, "%trace syscalls\n\nsh.run(\"cat /etc/hostname\").trace().isEmpty()");
        assertEquals("false", io.results.get(0).get("text/plain"));
        RecordingIO.runOk(java, "%trace off");
    }

    @Test
    void errorsNameTheCellsOwnLines() {
        ExecuteOutcome outcome = java.execute("%trace off\nint ok = 1;\nint bad = ;", new RecordingIO());
        assertEquals("CompileError", outcome.ename());
        assertTrue(outcome.evalue().endsWith("(line 3, column 11)"), outcome.evalue());
    }

    @Test
    void completionAndIsCompleteAreJavas() {
        assertTrue(java.complete("sh.ru", 5).matches().contains("run("));
        assertEquals("incomplete", java.isComplete("if (true) {").status());
        assertEquals(IsComplete.COMPLETE, java.isComplete("%%sh\necho hi"));
        assertEquals("incomplete", java.isComplete("%%sh\necho 'open").status());
        assertEquals(List.of("%trace"), java.complete("%tra", 4).matches());
    }

    @Test
    void aHomeworkCheckReplaysJavaCellsIntoItsCopyOfTheWorld() {
        RecordingIO.runOk(java, "sh.run(\"echo built in java > ~/java.txt\");");
        // `exit` runs a command, so the check works on a copy replayed from the notebook's cells:
        // it passes only if the Java cell was replayed too
        RecordingIO.runOk(java, "%%check java-file\nexit 0: grep -q 'built in java' ~/java.txt");
        ExecuteOutcome missing = java.execute("%%check java-file\nexit 0: grep -q 'never written' ~/java.txt", new RecordingIO());
        assertEquals("CheckFailed", missing.ename());
    }

    @Test
    void theLanguageIsJava() {
        LanguageInfo info = java.languageInfo();
        assertEquals(new LanguageInfo("java", "text/x-java", ".jshell", "java", "text/x-java"), info);
        assertEquals(Language.SHELL.info(), new SimInterpreter().languageInfo());
    }

    @Test
    void theCourseSwitchTurnsJavaCellsOffWithAClearMessage() {
        SimInterpreter off = new SimInterpreter(Language.SHELL, false);
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = off.execute("%%java\nSystem.out.println(\"escaped\");", io);
        assertEquals("JavaCellsOff", outcome.ename());
        assertEquals("Java cells are turned off for this course (SYSSIM_ALLOW_JAVA=0): cells run inside the simulation only", outcome.evalue());
        assertEquals("", io.stdout.toString());
        assertEquals("JavaCellsOff", new SimInterpreter(Language.JAVA, false).execute("1 + 1", new RecordingIO()).ename());
        assertEquals("hi\n", RecordingIO.runOk(off, "echo hi").stdout.toString(), "shell cells still run");
    }

    @Test
    void theSwitchIsReadFromTheEnvironment() {
        assertFalse(SimInterpreter.javaAllowedBy(Map.of("SYSSIM_ALLOW_JAVA", "0")));
        assertTrue(SimInterpreter.javaAllowedBy(Map.of("SYSSIM_ALLOW_JAVA", "1")));
        assertTrue(SimInterpreter.javaAllowedBy(Map.of()));
    }
}
