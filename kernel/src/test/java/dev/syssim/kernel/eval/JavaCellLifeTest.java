package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a Java cell's life looks like from the kernel: interrupts, threads it started, a kernel that goes on. */
class JavaCellLifeTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    /** Starts a cell on another thread (as the shell thread runs it) and returns its outcome to come. */
    private CompletableFuture<ExecuteOutcome> start(String code, RecordingIO io) {
        return CompletableFuture.supplyAsync(() -> interpreter.execute(code, io));
    }

    /** Waits until the cell has printed {@code marker}: it is running its Java code. */
    private static void awaitOutput(RecordingIO io, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!snapshot(io).contains(marker)) {
            assertTrue(System.nanoTime() < deadline, "the cell never printed " + marker);
            Thread.sleep(20);
        }
    }

    private static String snapshot(RecordingIO io) {
        synchronized (io) {
            return io.stdout.toString();
        }
    }

    @Test
    void anInterruptStopsABusyLoopAndTheKernelGoesOn() throws Exception {
        RecordingIO io = new RecordingIO();
        CompletableFuture<ExecuteOutcome> cell = start("%%java\nSystem.out.println(\"looping\");\nlong n = 0;\nwhile (true) { n++; }", io);
        awaitOutput(io, "looping");
        interpreter.interrupt();
        ExecuteOutcome outcome = cell.get(60, TimeUnit.SECONDS);
        assertEquals("KeyboardInterrupt", outcome.ename());
        interpreter.clearInterrupt();
        assertEquals("2", RecordingIO.runOk(interpreter, "%%java\n1 + 1").results.get(0).get("text/plain"));
    }

    @Test
    void anInterruptStopsACellThatDrivesTheSimulationAndTheWorldGoesOn() throws Exception {
        RecordingIO io = new RecordingIO();
        CompletableFuture<ExecuteOutcome> cell = start("%%java\nSystem.out.println(\"running\");\nwhile (true) sh.run(\"yes > /dev/null\");", io);
        awaitOutput(io, "running");
        Thread.sleep(200); // inside the simulation, most likely
        interpreter.interrupt();
        ExecuteOutcome outcome = cell.get(60, TimeUnit.SECONDS);
        assertEquals("KeyboardInterrupt", outcome.ename());
        interpreter.clearInterrupt();
        assertEquals("still here\n", RecordingIO.runOk(interpreter, "echo still here").stdout.toString());
        String ps = RecordingIO.runOk(interpreter, "ps -e -o pid,stat,cmd").stdout.toString();
        assertFalse(ps.contains(" yes"), "no yes is left running:\n" + ps);
    }

    @Test
    void anInterruptOfALoopOfTheShellItselfEndsTheShellsJobsToo() throws Exception {
        // An interrupt finds the shell itself in the foreground (its own loop here; in the test above,
        // sometimes, the moment between a job's fork and its taking the terminal): the shell is
        // replaced by a new login, and its jobs go with it, as the message says.
        RecordingIO io = new RecordingIO();
        CompletableFuture<ExecuteOutcome> cell = start("%%java\nSystem.out.println(\"running\");\nsh.run(\"yes > /dev/null & while true; do :; done\");", io);
        awaitOutput(io, "running");
        Thread.sleep(200); // inside the shell's loop, most likely
        interpreter.interrupt();
        assertEquals("KeyboardInterrupt", cell.get(60, TimeUnit.SECONDS).ename());
        interpreter.clearInterrupt();
        String ps = RecordingIO.runOk(interpreter, "ps -e -o pid,stat,cmd").stdout.toString();
        assertFalse(ps.contains(" yes"), "the replaced shell's job is gone:\n" + ps);
    }

    @Test
    void anInterruptEndsAWaitForInput() throws Exception {
        RecordingIO io = new RecordingIO();
        io.nobodyAnswers = true;
        CompletableFuture<ExecuteOutcome> cell = start("%%java\nSystem.out.println(\"asking\");\nnew Scanner(System.in).nextLine()", io);
        awaitOutput(io, "asking");
        Thread.sleep(100);
        interpreter.interrupt();
        io.cancelInput(); // what the protocol's interrupt does to a pending input_request
        assertEquals("KeyboardInterrupt", cell.get(60, TimeUnit.SECONDS).ename());
    }

    @Test
    void threadsACellStartedPrintIntoItUntilTheNextCellBegins() throws Exception {
        // The cell's thread waits for the test's signals (system properties: the test and the cell share the JVM).
        RecordingIO first = RecordingIO.runOk(interpreter, """
                %%java
                new Thread(() -> {
                    try {
                        while (System.getProperty("syssim.test.late") == null) Thread.sleep(5);
                        System.out.println("late");
                        while (System.getProperty("syssim.test.too-late") == null) Thread.sleep(5);
                        System.out.println("too late");
                        System.setProperty("syssim.test.done", "yes");
                    } catch (InterruptedException e) { }
                }).start();""");
        System.setProperty("syssim.test.late", "go");
        awaitOutput(first, "late");
        RecordingIO second = RecordingIO.runOk(interpreter, "%%java\n1");
        System.setProperty("syssim.test.too-late", "go");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.getProperty("syssim.test.done") == null) {
            assertTrue(System.nanoTime() < deadline, "the cell's thread never finished");
            Thread.sleep(10);
        }
        Thread.sleep(200); // what it printed had time to reach a front end, if it went anywhere
        assertEquals("late\n", snapshot(first), "shown after its cell ended, nothing after the next began");
        assertEquals("", snapshot(second), "nor in the next cell");
    }

    @Test
    void aThreadOfAnEarlierCellCannotDriveTheWorld() throws Exception {
        RecordingIO.runOk(interpreter, """
                %%java
                var outcome = new CompletableFuture<String>();
                new Thread(() -> {
                    try {
                        while (System.getProperty("syssim.test.drive") == null) Thread.sleep(5);
                        outcome.complete(sh.run("echo hi").stdout());
                    } catch (Throwable t) { outcome.complete(t.getClass().getSimpleName() + ": " + t.getMessage()); }
                }).start();""");
        System.setProperty("syssim.test.drive", "go"); // the cell is over
        RecordingIO io = RecordingIO.runOk(interpreter, "%%java\noutcome.get()");
        assertEquals("IllegalStateException: the world runs only while the cell that drives it runs: a thread of an earlier cell cannot run it",
                io.results.get(0).get("text/plain"));
    }
}
