package dev.syssim.kernel.homework;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The course's command line: {@code assign} writes student releases of source notebooks,
 * {@code grade} grades submissions and prints a JSON report per notebook (one per line) and,
 * if asked, a CSV table. Both are subcommands of the kernel jar ({@code install/syssim} runs it).
 */
public final class HomeworkCommands {

    public static final String ASSIGN_USAGE = """
            usage: syssim assign SOURCE.ipynb... OUT_DIR
              Writes the student release of each source notebook into OUT_DIR (same file name):
              solutions become "# YOUR ANSWER HERE", outputs are cleared, check cells are locked.
            """;

    public static final String GRADE_USAGE = """
            usage: syssim grade [--source SOURCE.ipynb] [--csv FILE] [--timeout SECONDS] [--jobs N] NOTEBOOK|DIR...
              Runs each submitted notebook headless in a fresh kernel and prints its report, one JSON
              object per line, in the order given (a DIR means every .ipynb under it, sorted).
              --source   put the lecturer's check and read-only cells back from the source notebook first
              --csv      also write every report as a row of a CSV table
              --timeout  seconds a notebook may take (default 300); beyond, it scores 0
              --jobs     notebooks graded at a time (default 1)
            """;

    private HomeworkCommands() {
    }

    public static int assign(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(ASSIGN_USAGE);
            return 0;
        }
        if (args.size() < 2) {
            err.print(ASSIGN_USAGE);
            return 2;
        }
        Path outDir = Path.of(args.get(args.size() - 1));
        int status = 0;
        for (String name : args.subList(0, args.size() - 1)) {
            Path source = Path.of(name);
            Release.Made made;
            try {
                made = Release.of(Notebook.read(source));
            } catch (Notebook.Unreadable e) {
                err.println("syssim assign: " + e.getMessage());
                status = 1;
                continue;
            }
            if (!made.ok()) {
                for (String p : made.problems()) err.println("syssim assign: " + source + ": " + p);
                status = 1;
                continue;
            }
            Path target = outDir.resolve(source.getFileName());
            try {
                made.release().write(target);
            } catch (IOException e) {
                err.println("syssim assign: cannot write " + target + ": " + e.getMessage());
                status = 1;
                continue;
            }
            out.println(target);
        }
        return status;
    }

    public static int grade(List<String> args, PrintStream out, PrintStream err) {
        Path source = null;
        Path csv = null;
        long timeout = 300;
        int jobs = 1;
        List<Path> notebooks = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(GRADE_USAGE);
                        return 0;
                    }
                    case "--source" -> source = Path.of(value(args, ++i, a));
                    case "--csv" -> csv = Path.of(value(args, ++i, a));
                    case "--timeout" -> timeout = positive(value(args, ++i, a), a);
                    case "--jobs" -> jobs = (int) positive(value(args, ++i, a), a);
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                        notebooks.addAll(expand(Path.of(a)));
                    }
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("syssim grade: " + e.getMessage());
            err.print(GRADE_USAGE);
            return 2;
        }
        if (notebooks.isEmpty()) {
            err.println("syssim grade: no notebooks to grade");
            err.print(GRADE_USAGE);
            return 2;
        }
        long start = System.nanoTime();
        Grader grader = new Grader(new Grader.Options(source, Duration.ofSeconds(timeout), jobs));
        List<GradeReport> reports = grader.grade(notebooks, r -> {
            out.println(r.toJson());
            out.flush();
        });
        if (csv != null) {
            try {
                if (csv.getParent() != null) Files.createDirectories(csv.getParent());
                Files.writeString(csv, GradeCsv.of(reports), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("syssim grade: cannot write " + csv + ": " + e.getMessage());
                return 1;
            }
        }
        long notGraded = reports.stream().filter(r -> r.status() != GradeReport.Status.GRADED).count();
        // the one line with a wall-clock figure goes to stderr; the reports themselves never hold one
        err.printf("syssim grade: %d notebooks, %d not graded, %.1f s%n", reports.size(), notGraded, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    private static long positive(String text, String option) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not " + text);
    }

    /** A notebook, or every notebook under a directory (checkpoints left out), sorted. */
    static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted().toList();
        }
    }
}
