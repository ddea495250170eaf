package dev.syssim.kernel.homework;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Grades a batch of notebooks in worker processes ({@link GradeWorker}), each notebook in a fresh
 * interpreter, at most {@code jobs} at a time. The batch owns the clock: a notebook that takes
 * longer than the time limit, or whose worker dies, scores 0 with the reason, its worker is
 * replaced, and the batch goes on. Reports come back in the order the notebooks were given,
 * whatever order they finish in. (Workers are reused from one notebook to the next: starting a
 * JVM and warming it up costs more than most notebooks take.)
 */
public final class Grader {

    /** How the batch runs: the source notebook (or null), the time limit per notebook, how many workers. */
    public record Options(Path source, Duration timeout, int jobs) {
    }

    private final Options options;
    private final List<String> workerCommand;

    public Grader(Options options) {
        this(options, defaultWorkerCommand(GradeWorker.class.getName()));
    }

    /** With another worker command (tests use workers that misbehave on purpose). */
    Grader(Options options, List<String> workerCommand) {
        this.options = options;
        this.workerCommand = List.copyOf(workerCommand);
    }

    /**
     * This JVM and class path, with the kernel's own memory and stack options, so a notebook meets
     * the same limits here as in the student's kernel; running out of memory ends the worker (a
     * crash, reported) instead of leaving it half alive.
     */
    static List<String> defaultWorkerCommand(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(dev.syssim.kernel.install.JvmOptions.STARTUP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        // as the kernel jar's manifest: Java cells prune the class files JShell keeps (java.GeneratedClasses)
        command.add("--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    /** Grades every notebook; {@code each} hears of each report as soon as it and those before it are done. */
    public List<GradeReport> grade(List<Path> notebooks, Consumer<GradeReport> each) {
        GradeReport[] reports = new GradeReport[notebooks.size()];
        AtomicInteger next = new AtomicInteger();
        int[] printed = {0};
        Object lock = new Object();
        List<Thread> slots = new ArrayList<>();
        for (int j = 0; j < Math.max(1, Math.min(options.jobs(), notebooks.size())); j++) {
            Thread slot = new Thread(() -> {
                Worker worker = null;
                try {
                    for (int i = next.getAndIncrement(); i < notebooks.size(); i = next.getAndIncrement()) {
                        GradeReport r;
                        try {
                            if (worker == null) worker = new Worker(workerCommand);
                            r = worker.grade(notebooks.get(i).toString(), options);
                            if (!worker.alive()) worker = null;
                        } catch (IllegalStateException cannotStart) {
                            r = GradeReport.notGraded(notebooks.get(i).toString(), GradeReport.Status.CRASHED, cannotStart.getMessage(),
                                    Worker.possibleChecks(notebooks.get(i).toString(), options.source()));
                        }
                        synchronized (lock) {
                            reports[i] = r;
                            while (printed[0] < reports.length && reports[printed[0]] != null) each.accept(reports[printed[0]++]);
                        }
                    }
                } finally {
                    if (worker != null) worker.close();
                }
            }, "syssim-grade-" + j);
            slots.add(slot);
            slot.start();
        }
        for (Thread t : slots) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of(reports);
    }

    /** One worker process and the lines it answers. */
    private static final class Worker {
        private static final String EOF = "\u0000eof";
        /** How long a worker may take to say it is ready. */
        private static final Duration STARTUP = Duration.ofSeconds(120);
        /** How long the last lines of a worker that exited may take to come through its stderr pipe. */
        private static final Duration STDERR_DRAIN = Duration.ofSeconds(5);
        private boolean ready;
        private final Process process;
        private final Writer tasks;
        private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);
        /** The last lines the worker wrote to stderr: why it died, if it does. */
        private final Deque<String> stderrTail = new ArrayDeque<>();
        private final Thread stderrReader;

        Worker(List<String> command) {
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a grading worker: " + e.getMessage(), e);
            }
            tasks = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            daemon(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))), "answers");
            stderrReader = daemon(this::drainStderr, "stderr");
        }

        private static Thread daemon(Runnable r, String name) {
            Thread t = new Thread(r, "syssim-grade-worker-" + name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        private void pump(BufferedReader in) {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) answers.put(line);
            } catch (IOException | InterruptedException e) {
                // the worker is gone; say so below
            }
            try {
                answers.put(EOF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void drainStderr() {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    synchronized (stderrTail) {
                        stderrTail.addLast(line);
                        if (stderrTail.size() > 5) stderrTail.removeFirst();
                    }
                }
            } catch (IOException e) {
                // the worker is gone
            }
        }

        boolean alive() {
            return process.isAlive();
        }

        GradeReport grade(String notebook, Options options) {
            List<GradeReport.CheckScore> possible = possibleChecks(notebook, options.source());
            try {
                if (!ready) {
                    // the notebook's clock starts once the worker's JVM is up: a busy machine's slow start is not the notebook's
                    String hello = answers.poll(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
                    if (hello == null) {
                        close();
                        return GradeReport.notGraded(notebook, GradeReport.Status.CRASHED,
                                "the grading worker did not start within " + STARTUP.toSeconds() + " s", possible);
                    }
                    if (hello.equals(EOF)) return crashed(notebook, possible);
                    ready = GradeWorker.READY.equals(hello);
                }
                tasks.write(new GradeTask(notebook, options.source() == null ? null : options.source().toString()).toJson() + "\n");
                tasks.flush();
                String answer = answers.poll(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (answer == null) {
                    close();
                    return GradeReport.notGraded(notebook, GradeReport.Status.TIMED_OUT,
                            "timed out: still running after " + options.timeout().toSeconds() + " s", possible);
                }
                if (answer.equals(EOF)) return crashed(notebook, possible);
                return GradeReport.fromJson(JsonParser.parseString(answer).getAsJsonObject());
            } catch (IOException e) {
                return crashed(notebook, possible);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return GradeReport.notGraded(notebook, GradeReport.Status.CRASHED, "the grader was interrupted", possible);
            } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                close();
                return GradeReport.notGraded(notebook, GradeReport.Status.CRASHED, "the worker answered nonsense: " + e.getMessage(), possible);
            }
        }

        private GradeReport crashed(String notebook, List<GradeReport.CheckScore> possible) {
            int status;
            try {
                status = process.waitFor();
                // the worker's last words may still be in the pipe when its exit is seen: read them to the end
                stderrReader.join(STDERR_DRAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -1;
            }
            String why;
            synchronized (stderrTail) {
                why = stderrTail.isEmpty() ? "" : ": " + stderrTail.peekLast();
            }
            return GradeReport.notGraded(notebook, GradeReport.Status.CRASHED, "crashed: the kernel exited with status " + status + why, possible);
        }

        void close() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The checks a notebook would be graded on, read here so that a crash can still list them. */
        private static List<GradeReport.CheckScore> possibleChecks(String notebook, Path source) {
            try {
                return Grading.possible(Notebook.read(source != null ? source : Path.of(notebook)));
            } catch (Notebook.Unreadable e) {
                return List.of();
            }
        }
    }
}
