package dev.syssim.kernel.homework;

import dev.syssim.kernel.eval.SimInterpreter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A grading worker process: reads one {@link GradeTask} per line on stdin, grades that notebook in
 * a fresh interpreter (a fresh kernel: every piece of state hangs off the interpreter, nothing is
 * static), and answers one report per line on stdout. The batch ({@link Grader}) owns the clock:
 * a worker that takes too long or dies is replaced, and its notebook scores 0.
 */
public final class GradeWorker {

    private GradeWorker() {
    }

    /** The first line a worker answers: it is up, and a notebook's time limit may start. */
    public static final String READY = "ready";

    public static void main(String[] args) throws IOException {
        PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // whatever else prints must not mix into the answers
        System.setOut(System.err);
        answers.println(READY);
        BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = tasks.readLine(); line != null; line = tasks.readLine()) {
            if (line.isBlank()) continue;
            answers.println(gradeOne(GradeTask.parse(line)).toJson());
        }
    }

    /** Grades one notebook in this process. */
    public static GradeReport gradeOne(GradeTask task) {
        Notebook source = null;
        if (task.source() != null) {
            try {
                source = Notebook.read(Path.of(task.source()));
            } catch (Notebook.Unreadable e) {
                return GradeReport.notGraded(task.notebook(), GradeReport.Status.UNREADABLE, "the source: " + e.getMessage(), List.of());
            }
        }
        Notebook submission;
        try {
            submission = Notebook.read(Path.of(task.notebook()));
        } catch (Notebook.Unreadable e) {
            List<GradeReport.CheckScore> possible = source == null ? List.of() : Grading.possible(source);
            return GradeReport.notGraded(task.notebook(), GradeReport.Status.UNREADABLE, e.getMessage(), possible);
        }
        Notebook run = source == null ? submission : Grading.restore(submission, source);
        List<GradeReport.CheckScore> possible = Grading.possible(source == null ? submission : source);
        return Grading.grade(task.notebook(), run, possible, SimInterpreter::withoutTraceDisplays);
    }
}
