import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.World;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's speed (issue 18): the same scripts in the simulated bash ({@code bash FILE} in a
 * fresh laptop world, run to the end) and in the real bash of this machine ({@code bash FILE}),
 * side by side in one run. Wall-clock
 * and CPU time are measured here, in the benchmark, and never reach a simulation output.
 *
 * <pre>bench/shell/run.sh [ROUNDS] [SCALE]</pre> SCALE divides the loop counts (1: the sizes).
 */
public final class ShellBenchmark {

    record Workload(String name, String script) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int n = 1_000_000 / scale;
        StringBuilder longScript = new StringBuilder();
        for (int i = 0; i < 10_000 / Math.min(scale, 10); i++) {
            longScript.append(switch (i % 4) {
                case 0 -> "x=" + i + "\n";
                case 1 -> "y=$((x * 2))\n";
                case 2 -> "[ \"$y\" -gt 0 ] && z=${x}_$y\n";
                default -> ": \"$z\"\n";
            });
        }
        List<Workload> workloads = List.of(
                new Workload("for i in $(seq 1 " + n + "); do :; done", "for i in $(seq 1 " + n + "); do :; done"),
                new Workload("i=0; while [ $i -lt " + n + " ]; do i=$((i+1)); done",
                        "i=0; while [ $i -lt " + n + " ]; do i=$((i+1)); done"),
                new Workload("f() { :; }; for ((i = 0; i < " + n / 10 + "; i++)); do f \"$i\"; done",
                        "f() { :; }; for ((i = 0; i < " + n / 10 + "; i++)); do f \"$i\"; done"),
                new Workload("a script of " + longScript.toString().split("\n").length + " lines (assignments, $(( )), [ ], ${ })",
                        longScript.toString()));
        System.out.println("| workload | simulated bash: wall (CPU), median of " + rounds + " | real bash 5.2: wall |");
        System.out.println("|---|---|---|");
        for (Workload w : workloads) {
            simulated(w.script()); // warm-up
            double[] wall = new double[rounds];
            double[] cpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double[] t = simulated(w.script());
                wall[r] = t[0];
                cpu[r] = t[1];
            }
            double[] real = new double[rounds];
            for (int r = 0; r < rounds; r++) real[r] = real(w.script());
            System.out.printf(Locale.ROOT, "| `%s` | %.2f s (%.2f s) | %s |%n", w.name(), median(wall), median(cpu),
                    real[0] < 0 ? "no bash here" : String.format(Locale.ROOT, "%.2f s", median(real)));
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /**
     * Wall and CPU seconds of one run in a fresh world (the world's set-up and writing the script
     * file are not counted): {@code bash FILE}, as on the real side.
     */
    static double[] simulated(String script) {
        World world = new World(1, dev.syssim.sim.world.RunLimits.DEFAULT);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        Map<String, String> env = Map.of("HOME", "/home/student", "LANG", "C.UTF-8", "PATH", "/usr/local/bin:/usr/bin:/bin",
                "USER", "student");
        CommandRun.Command write = new CommandRun.Command(List.of("sh", "-c", "cat > bench.sh"), "student", "/home/student", env,
                script.getBytes(StandardCharsets.UTF_8));
        CommandRun.Result written = CommandRun.run(world, laptop, write, Long.MAX_VALUE / 4);
        if (written.status() != 0 || !written.finished()) throw new IllegalStateException("cannot write the script: " + written.stderrText());
        CommandRun.Command command = new CommandRun.Command(List.of("bash", "bench.sh"), "student", "/home/student", env, null);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        CommandRun.Result r = CommandRun.run(world, laptop, command, Long.MAX_VALUE / 4);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (r.status() != 0 || !r.finished()) throw new IllegalStateException("status " + r.status() + ": " + r.stderrText());
        return new double[] {wall, cpu};
    }

    /** Wall seconds of the real bash running the script, or -1 where there is none. */
    static double real(String script) throws Exception {
        if (!new File("/bin/bash").canExecute()) return -1;
        Path file = Files.createTempFile("shellbench", ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        try {
            long t0 = System.nanoTime();
            // a file, not -c: the 10,000-line script is longer than one argument may be (E2BIG)
            Process p = new ProcessBuilder(new ArrayList<>(List.of("/bin/bash", "--norc", "--noprofile", file.toString())))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) throw new IllegalStateException("real bash failed");
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
