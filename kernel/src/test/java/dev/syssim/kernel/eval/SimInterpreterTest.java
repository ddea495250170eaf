package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SimInterpreterTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    private RecordingIO run(String code) {
        return RecordingIO.runOk(interpreter, code);
    }

    @Test
    void programOutputArrivesAsStreams() {
        RecordingIO io = run("echo hello, world\necho error >&2");
        assertEquals("hello, world\n", io.stdout.toString());
        assertEquals("error\n", io.stderr.toString());
    }

    @Test
    void nonzeroExitStatusIsNotACellError() {
        RecordingIO io = run("false\necho $?");
        assertEquals("1\n", io.stdout.toString());
    }

    @Test
    void syntaxErrorNamesLineAndColumnAndRunsNothing() {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interpreter.execute("echo first\necho hi )", io);
        assertFalse(outcome.ok());
        assertEquals("SyntaxError", outcome.ename());
        assertEquals("bash: syntax error near unexpected token `)' (line 2, column 9)", outcome.evalue());
        assertEquals("", io.stdout.toString(), "nothing of a broken cell runs");
    }

    @Test
    void unknownMagicIsAUsageError() {
        ExecuteOutcome outcome = interpreter.execute("%nosuchmagic", new RecordingIO());
        assertEquals("UsageError", outcome.ename());
        assertEquals("Line magic function `%nosuchmagic` not found.", outcome.evalue());
    }

    @Test
    void traceOfACellIsOneDisplayWithEveryFormat() {
        RecordingIO io = run("%trace syscalls\ncat /etc/hostname");
        assertEquals("laptop\n", io.stdout.toString());
        assertEquals(1, io.displays.size());
        var data = io.displays.get(0);
        assertTrue(((String) data.get("text/plain")).contains("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY)"), (String) data.get("text/plain"));
        assertTrue(data.containsKey("text/html"));
        assertTrue(data.containsKey("image/png"));
        assertTrue(data.containsKey("application/vnd.syssim.trace+json"));
    }

    @Test
    void traceOffShowsNoDisplay() {
        RecordingIO io = run("%trace off\necho x");
        assertEquals(0, io.displays.size());
    }

    @Test
    void userProgramRunsAndItsErrorsNameTheLine() {
        run("%%program sneaky\ncompute 3\ncli\nexit 0");
        RecordingIO io = run("sneaky; echo \"status $?\"");
        assertEquals("status 139\n", io.stdout.toString());
        assertEquals("Segmentation fault\n", io.stderr.toString());
        ExecuteOutcome bad = interpreter.execute("%%program broken\ncompute 1\nclix\n", new RecordingIO());
        assertEquals("ProgramError", bad.ename());
        assertEquals("%%program broken: line 2: unknown instruction 'clix'", bad.evalue());
    }

    @Test
    void interruptStopsAnEndlessLoopAndTheNextCellRuns() throws Exception {
        run("%%program forever\ntop:\ncompute 1ms\njump top");
        RecordingIO io = new RecordingIO();
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(() -> interpreter.execute("forever", io));
        // An interrupt that lands before the cell starts is forgotten (it was meant for an earlier
        // cell), so keep pressing stop, as a user would, until the cell ends.
        ExecuteOutcome outcome = null;
        for (int press = 0; press < 100 && outcome == null; press++) {
            interpreter.interrupt();
            try {
                outcome = cell.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // press again
            }
        }
        assertNotNull(outcome, "the endless cell never ended");
        assertEquals("KeyboardInterrupt", outcome.ename());
        assertTrue(io.stdout.toString().contains("^C"), io.stdout.toString());
        assertEquals("after\n", run("echo after").stdout.toString());
    }

    @Test
    void anInterruptThatArrivesAsTheCellStartsStillStopsIt() {
        run("%%program forever\ntop:\ncompute 1ms\njump top");
        interpreter.interrupt(); // the user pressed stop before the cell took its first step
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interpreter.execute("forever", io);
        assertEquals("KeyboardInterrupt", outcome.ename());
        assertTrue(io.stdout.toString().contains("^C"), io.stdout.toString());
    }

    @Test
    void aClearedInterruptDoesNotStopTheNextCell() {
        interpreter.interrupt(); // arrived as the previous cell ended, unseen
        interpreter.clearInterrupt();
        RecordingIO io = run("echo after");
        assertEquals("after\n", io.stdout.toString());
    }

    @Test
    void machineMagicMovesTheSessionAsRoot() {
        assertEquals("student\n", run("id -un 2>/dev/null || whoami 2>/dev/null || echo student").stdout.toString().lines().findFirst().orElse("") + "\n");
        RecordingIO io = run("%machine laptop\necho $HOME");
        assertEquals("/root\n", io.stdout.toString());
    }

    @Test
    void plainShellLinesOfACheckPassWhenTheLastCommandSucceeds() {
        assertTrue(((String) run("%%check motd the file exists\ntest -e /etc/motd").displays.get(0).get("text/plain")).contains("check motd — the file exists: passed"));
        ExecuteOutcome failed = interpreter.execute("%%check gone motd must be gone\ntest ! -e /etc/motd", new RecordingIO());
        assertEquals("CheckFailed", failed.ename());
        assertTrue(failed.evalue().startsWith("gone, line 2 `test ! -e /etc/motd` was not met: the last command exited with status 1"), failed.evalue());
    }

    @Test
    void aCheckLooksButLeavesTheSessionWhereItWas() {
        run("%%check shadow\n%machine laptop\ntest -r /etc/shadow");
        assertEquals("student\n", run("whoami").stdout.toString());
    }

    @Test
    void completesCommandsMagicsAndPaths() {
        assertTrue(interpreter.complete("ech", 3).matches().contains("echo"));
        assertTrue(interpreter.complete("%tra", 4).matches().contains("%trace"));
        Completion paths = interpreter.complete("cat /etc/mo", 11);
        assertEquals(java.util.List.of("/etc/motd"), paths.matches());
        assertEquals(4, paths.cursorStart());
    }

    @Test
    void inspectShowsTheManualPage() {
        Inspection help = interpreter.inspect("ls -l", 1, 0);
        assertTrue(help.found());
        assertTrue(help.text().startsWith("LS(1)"), help.text());
    }

    @Test
    void isCompleteKnowsOpenConstructs() {
        assertEquals("complete", interpreter.isComplete("echo hi").status());
        assertEquals("incomplete", interpreter.isComplete("echo 'open").status());
        assertEquals("incomplete", interpreter.isComplete("echo hi |").status());
        assertEquals("incomplete", interpreter.isComplete("echo a &&").status());
        assertEquals("incomplete", interpreter.isComplete("echo a \\").status());
        assertEquals("incomplete", interpreter.isComplete("cat <<EOF\nhello").status());
        assertEquals("invalid", interpreter.isComplete("echo hi )").status());
    }

    @Test
    void clearSendsClearOutput() {
        RecordingIO io = run("printf '\\033[H\\033[2J'; echo after");
        assertEquals(1, io.clears);
        assertEquals("after\n", io.stdout.toString());
    }

    @Test
    void lessSendsItsTextToThePager() {
        RecordingIO io = run("less /etc/hostname; echo after");
        assertEquals(List.of("laptop\n"), io.pages);
        assertEquals("after\n", io.stdout.toString());
    }

    @Test
    void longCellShowsProgressThatTheTraceReplaces() {
        run("%%program long\nset n 80000\ntop:\ncompute 1us\nset n $n - 1\njump top if $n > 0\n");
        RecordingIO io = run("%trace syscalls\nlong");
        assertTrue(io.displays.size() >= 2, "a progress display, then the trace: " + io.displayIds);
        String id = io.displayIds.get(0);
        assertTrue(id != null && !io.updates.get(0), "the first is a new display with an id");
        int last = io.displays.size() - 1;
        assertEquals(id, io.displayIds.get(last));
        assertTrue(io.updates.get(last), "the trace replaces the progress display");
        assertTrue(((String) io.displays.get(last).get("text/plain")).contains("execve(\"/usr/local/bin/long\""));
    }

    @Test
    void sameCellsGiveTheSameOutputs() {
        SimInterpreter other = new SimInterpreter();
        String cell = "%trace full\ncat /etc/motd > /dev/null; ls -la /home";
        RecordingIO a = run(cell);
        RecordingIO b = new RecordingIO();
        other.execute(cell, b);
        assertEquals(a.stdout.toString(), b.stdout.toString());
        assertEquals(a.displays, b.displays);
    }
}
