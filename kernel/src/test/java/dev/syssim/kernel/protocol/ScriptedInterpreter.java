package dev.syssim.kernel.protocol;

import dev.syssim.kernel.eval.CellIO;
import dev.syssim.kernel.eval.Completion;
import dev.syssim.kernel.eval.ExecuteOutcome;
import dev.syssim.kernel.eval.Inspection;
import dev.syssim.kernel.eval.Interpreter;
import dev.syssim.kernel.eval.IsComplete;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test interpreter whose cells are commands for the protocol to carry, one per cell:
 * {@code print T}, {@code warn T}, {@code display}, {@code update}, {@code clear}, {@code page T}, {@code result T},
 * {@code fail}, {@code throw}, {@code ask P}, {@code loop} (until interrupted), {@code block}
 * (until {@link #release()}), {@code block then check} and {@code check} (print whether an interrupt
 * is pending). It tests the protocol, not the simulation.
 */
final class ScriptedInterpreter implements Interpreter {

    private volatile boolean interrupted;
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch looping = new CountDownLatch(1);

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        String command = code.contains(" ") ? code.substring(0, code.indexOf(' ')) : code;
        String argument = code.contains(" ") ? code.substring(code.indexOf(' ') + 1) : "";
        switch (command) {
            case "print" -> io.stream("stdout", argument + "\n");
            case "warn" -> io.stream("stderr", argument + "\n");
            case "display" -> io.display(Map.of("text/plain", "shown"), Map.of(), "d1", false);
            case "update" -> io.display(Map.of("text/plain", "updated"), Map.of(), "d1", true);
            case "clear" -> io.clearOutput(true);
            case "page" -> io.page(argument);
            case "result" -> io.result(Map.of("text/plain", argument), Map.of());
            case "fail" -> {
                return ExecuteOutcome.error("CellError", "it failed", List.of("CellError: it failed"));
            }
            case "throw" -> throw new IllegalStateException("interpreter bug");
            case "ask" -> {
                String line = io.input(argument, false).map(answer -> "got: " + answer)
                        .orElse(interrupted ? "interrupted" : "no input");
                io.stream("stdout", line + "\n");
                if (interrupted) return interruptedOutcome();
            }
            case "loop" -> {
                looping.countDown();
                while (!interrupted) Thread.onSpinWait();
                return interruptedOutcome();
            }
            case "block" -> {
                blocked.countDown();
                await(release);
                if (argument.equals("then check")) io.stream("stdout", interruptState());
            }
            case "check" -> io.stream("stdout", interruptState());
            default -> io.stream("stderr", "unknown: " + command + "\n");
        }
        return ExecuteOutcome.OK;
    }

    /** Lets a {@code block} cell finish. */
    void release() {
        release.countDown();
    }

    /** Waits until a {@code block} cell is running. */
    void awaitBlocked() {
        await(blocked);
    }

    /** Waits until a {@code loop} cell is running. */
    void awaitLooping() {
        await(looping);
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        int start = code.lastIndexOf(' ', cursorPos - 1) + 1;
        String word = code.substring(start, cursorPos);
        List<String> matches = "echo".startsWith(word) && !word.isEmpty() ? List.of("echo") : List.of();
        return new Completion(matches, start, cursorPos);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        return code.startsWith("ls") ? new Inspection(true, "LS(1) list directory contents") : Inspection.NOT_FOUND;
    }

    @Override
    public IsComplete isComplete(String code) {
        if (code.endsWith("|")) return IsComplete.incomplete("  ");
        if (code.endsWith(")")) return IsComplete.INVALID;
        return IsComplete.COMPLETE;
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    @Override
    public void clearInterrupt() {
        interrupted = false;
    }

    @Override
    public String banner() {
        return "scripted test interpreter";
    }

    private String interruptState() {
        return interrupted ? "interrupted\n" : "not interrupted\n";
    }

    private static ExecuteOutcome interruptedOutcome() {
        return ExecuteOutcome.error("Interrupted", "interrupted by the user", List.of("^C"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("test latch never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
