package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.world.RootView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No Java error a cell provokes ends the kernel's thread or the session: the cell gets one error
 * reply, and the next cell runs on the world as it was. Each kind is forced: in a simulated
 * program's step (where the scheduler kills just that process), and outside the world (where the
 * interpreter brings the session back to its prompt).
 */
class NeverDownTest {

    private final SimInterpreter interpreter = new SimInterpreter(Map.of());

    /** Installs /usr/local/bin/boom, a program whose first step throws what its argument names. */
    private void installBoom() {
        RecordingIO.runOk(interpreter, "true");
        Kernel kernel = interpreter.workspace().session().machine().kernel();
        ((Binaries) kernel.programs()).register("boom", args -> Step.compute(1000, "boom", () -> {
            String what = args.argv().size() > 1 ? args.argv().get(1) : "";
            switch (what) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "stack" -> throw new StackOverflowError();
                default -> throw new IllegalStateException("forced by the test");
            }
        }));
        PathWalker.Result dir = PathWalker.resolve(new RootView(kernel), "/usr/local/bin", true);
        FileSystem fs = dir.location().mount().fs();
        Inode file = fs.createFile(dir.inode(), "boom", 0755, 0, 0, new ExecImage("boom", null, List.of(), 100, "").toBytes());
        file.setCached(true);
    }

    private void nextCellWorksOnTheSameWorld() {
        RecordingIO io = RecordingIO.runOk(interpreter, "cat /tmp/kept; echo $((1 + 2))");
        assertEquals("kept\n3\n", io.stdout.toString());
    }

    @Test
    void anOutOfMemoryErrorInAProgramKillsItAsTheOomKillerWouldAndTheNextCellWorks() {
        installBoom();
        RecordingIO.runOk(interpreter, "echo kept > /tmp/kept");
        ExecuteOutcome outcome = interpreter.execute("boom oom; echo status $?", new RecordingIO());
        assertEquals("MemoryError", outcome.ename());
        assertTrue(outcome.evalue().contains("Out of memory: Killed process"), outcome.evalue());
        nextCellWorksOnTheSameWorld();
    }

    @Test
    void aStackOverflowErrorInAProgramIsOneInternalErrorAndTheNextCellWorks() {
        installBoom();
        RecordingIO.runOk(interpreter, "echo kept > /tmp/kept");
        ExecuteOutcome outcome = interpreter.execute("boom stack", new RecordingIO());
        assertEquals("InternalError", outcome.ename());
        assertTrue(outcome.evalue().contains("StackOverflowError"), outcome.evalue());
        nextCellWorksOnTheSameWorld();
    }

    @Test
    void aRuntimeExceptionInAProgramIsOneInternalErrorAndTheShellLivesOn() {
        installBoom();
        RecordingIO.runOk(interpreter, "echo kept > /tmp/kept; x=41");
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interpreter.execute("boom; echo after $?", io);
        assertEquals("InternalError", outcome.ename());
        assertTrue(outcome.evalue().contains("forced by the test"), outcome.evalue());
        assertEquals("after 137\n", io.stdout.toString(), "the program was killed, the shell went on");
        assertEquals("42\n", RecordingIO.runOk(interpreter, "echo $((x + 1))").stdout.toString(), "the shell kept its variables");
        nextCellWorksOnTheSameWorld();
    }

    /** A CellIO that throws {@code error} when the cell's trace is displayed, outside any simulated process. */
    private static RecordingIO throwingOnDisplay(Error error) {
        return new RecordingIO() {
            @Override
            public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
                throw error;
            }
        };
    }

    @Test
    void javaErrorsOutsideTheWorldAreOneReplyEachAndTheSessionComesBack() {
        RecordingIO.runOk(interpreter, "echo kept > /tmp/kept");
        ExecuteOutcome oom = interpreter.execute("%trace syscalls\ncat /tmp/kept", throwingOnDisplay(new OutOfMemoryError("Java heap space")));
        assertEquals("MemoryError", oom.ename());
        assertTrue(oom.evalue().startsWith("the cell needed more memory than the kernel has"), oom.evalue());
        ExecuteOutcome stack = interpreter.execute("cat /tmp/kept", throwingOnDisplay(new StackOverflowError()));
        assertEquals("InternalError", stack.ename());
        assertTrue(stack.evalue().contains("StackOverflowError"), stack.evalue());
        RecordingIO.runOk(interpreter, "%trace off");
        nextCellWorksOnTheSameWorld();
    }

    @Test
    void aScriptOfManyPlainCommandsNeverMeetsJavasStack() {
        // Issue 20: a script of 60 plain commands once ended in StackOverflowError, and every later
        // cell answered "nothing can happen any more"
        String script = "echo start\n" + ":\n".repeat(5000) + "echo end";
        assertEquals("start\nend\n", RecordingIO.runOk(interpreter, script).stdout.toString());
        assertEquals("ok\n", RecordingIO.runOk(interpreter, "echo ok").stdout.toString());
    }

    @Test
    void anEndlessLoopOfTheShellItselfIsStoppedAndTheNextCellWorks() {
        RecordingIO.runOk(interpreter, "%limits steps=200000\necho kept > /tmp/kept");
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interpreter.execute("while true; do :; done", io);
        assertEquals("LimitExceeded", outcome.ename());
        assertTrue(outcome.evalue().startsWith("step limit: the cell ran 200000 simulated steps"), outcome.evalue());
        assertTrue(io.stderr.toString().contains("a new login shell started"), io.stderr.toString());
        nextCellWorksOnTheSameWorld();
    }

    @Test
    void aCellLongerThanTheLimitIsRefusedBeforeAnythingRuns() {
        RecordingIO.runOk(interpreter, "%limits cell=1000");
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interpreter.execute("echo " + "x".repeat(2000) + " > /tmp/big", io);
        assertEquals("LimitExceeded", outcome.ename());
        assertEquals("the cell is 2,016 bytes long; a cell may have at most 1,000 bytes", outcome.evalue());
        assertFalse(RecordingIO.runOk(interpreter, "ls /tmp").stdout.toString().contains("big"), "nothing of it ran");
    }

    @Test
    void anEndlessLoopIsStoppedWithinFiveSecondsOfWallTimeByDefault() {
        // Issue 20: the loop once ran to the step limit (33 s), then to 4 s of CPU, which a crowded hub stretches
        long start = System.nanoTime();
        ExecuteOutcome outcome = interpreter.execute("while true; do :; done", new RecordingIO());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("LimitExceeded", outcome.ename());
        // whichever limit comes first on this machine: 5,000,000 steps or 4 s
        assertTrue(List.of("time limit: the cell ran longer than 4 s; its jobs were killed",
                "step limit: the cell ran 5000000 simulated steps; its jobs were killed").contains(outcome.evalue()), outcome.evalue());
        assertTrue(seconds < 5, "stopped after " + seconds + " s");
        assertEquals("ok\n", RecordingIO.runOk(interpreter, "echo ok").stdout.toString(), "the next cell gets its own time");
    }

    @Test
    void theTimeLimitCountsWallTimeSoACellThatWaitsOnASlowFrontEndIsStoppedToo() {
        // a front end that takes 100 ms per message: the cell thread's CPU time hardly grows, the clock does
        RecordingIO slow = new RecordingIO() {
            @Override
            public void stream(String name, String text) {
                super.stream(name, text);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        RecordingIO.runOk(interpreter, "%limits seconds=0.5");
        long start = System.nanoTime();
        ExecuteOutcome outcome = interpreter.execute("while true; do echo tick; done", slow);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("time limit: the cell ran longer than 0.5 s; its jobs were killed", outcome.evalue());
        assertTrue(seconds < 3, "stopped after " + seconds + " s");
    }

    @Test
    void timeSpentWaitingForTheStudentsInputDoesNotCountAgainstTheTimeLimit() {
        RecordingIO typing = new RecordingIO() {
            @Override
            public java.util.Optional<String> input(String prompt, boolean password) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return java.util.Optional.of("hello");
            }
        };
        RecordingIO.runOk(interpreter, "%limits seconds=0.5");
        ExecuteOutcome outcome = interpreter.execute("read line; echo got $line", typing);
        assertTrue(outcome.ok(), outcome.toString());
        assertTrue(typing.stdout.toString().endsWith("got hello\n"), typing.stdout.toString());
    }

    @Test
    void theTimeLimitStopsAForegroundJobWhileTheShellKeepsItsVariables() {
        RecordingIO.runOk(interpreter, "%limits seconds=0.5\nx=7");
        ExecuteOutcome outcome = interpreter.execute("bash -c 'while true; do :; done'", new RecordingIO());
        assertEquals("LimitExceeded", outcome.ename());
        assertEquals("7\n", RecordingIO.runOk(interpreter, "echo $x").stdout.toString());
    }

    @Test
    void limitsComeFromTheKernelspecsEnvironment() {
        List<String> problems = new java.util.ArrayList<>();
        CellLimits limits = CellLimits.fromEnvironment(Map.of("SYSSIM_MAX_STEPS", "1000", "SYSSIM_MAX_OUTPUT", "2000",
                "SYSSIM_MAX_SECONDS", "1.5", "SYSSIM_MAX_CELL_BYTES", "4096"), problems);
        assertEquals(new CellLimits(1000, 2000, 1.5, 4096), limits);
        assertTrue(problems.isEmpty());
        CellLimits bad = CellLimits.fromEnvironment(Map.of("SYSSIM_MAX_STEPS", "lots", "SYSSIM_MAX_SECONDS", "-1"), problems);
        assertEquals(CellLimits.DEFAULT, bad, "a bad value keeps the default");
        assertEquals(2, problems.size(), problems.toString());
        SimInterpreter fromEnv = new SimInterpreter(Map.of("SYSSIM_MAX_STEPS", "1000"));
        assertEquals("steps=1000 output=1000000 seconds=4 cell=1048576\n", RecordingIO.runOk(fromEnv, "%limits").stdout.toString());
    }
}
