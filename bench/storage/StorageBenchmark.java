import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.World;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What file contents cost the kernel's heap, and how fast they are written: 100 MB written by dd
 * from /dev/zero, by yes | head -c, and (for contrast, since random bytes cannot be stored in less
 * than their size) by dd from /dev/urandom; a 1 GiB sparse file from truncate and from dd seek=.
 * Each command runs on a fresh simulated laptop; the heap is measured after a full GC with the
 * machine (and the file) still alive, against the same machine before the command. Wall-clock time
 * is measured here, in the benchmark, and never reaches a simulation output.
 */
public final class StorageBenchmark {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[][] workloads = {
            {"dd if=/dev/zero of=/tmp/f bs=1M count=100 status=none", "100 MB of zeros by dd (bs=1M)"},
            {"dd if=/dev/zero of=/tmp/f bs=64K count=1600 status=none", "100 MB of zeros by dd (bs=64K)"},
            {"yes | head -c 100M > /tmp/f", "100 MB of \"y\\n\" by yes | head -c 100M"},
            {"yes hello | head -c 100M > /tmp/f", "100 MB of \"hello\\n\" by yes hello | head -c 100M"},
            {"dd if=/dev/urandom of=/tmp/f bs=1M count=100 status=none", "100 MB of random bytes by dd (incompressible)"},
            {"truncate -s 1G /tmp/f", "1 GiB sparse file by truncate -s 1G"},
            {"dd if=/dev/zero of=/tmp/f bs=1 count=1 seek=1G status=none", "1 GiB sparse file by dd seek=1G"},
        };
        System.out.println("| workload | file size | heap it costs | wall time (median of " + rounds + ") | write throughput |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String[] w : workloads) {
            run(w[0]);
            long[] heap = new long[rounds];
            double[] seconds = new double[rounds];
            long size = 0;
            for (int i = 0; i < rounds; i++) {
                long[] r = run(w[0]);
                heap[i] = r[0];
                seconds[i] = r[1] / 1e9;
                size = r[2];
            }
            java.util.Arrays.sort(heap);
            java.util.Arrays.sort(seconds);
            double s = seconds[rounds / 2];
            boolean sparse = w[1].contains("sparse");
            System.out.printf(Locale.ROOT, "| %s | %,d B | %,.1f KiB | %.2f s | %s |%n", w[1], size, heap[rounds / 2] / 1024.0, s,
                    sparse ? "(a hole: nothing written)" : String.format(Locale.ROOT, "%,.0f MB/s", size / 1e6 / s));
        }
    }

    /** {heap delta in bytes, wall nanos, file size} for one command on a fresh laptop. */
    static long[] run(String command) {
        World world = new World(7, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine m = Machines.debian(world, "bench", 2, 4_028_860);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "HOME", "/root");
        CommandRun.run(world, m, new CommandRun.Command(List.of("true"), "root", "/", env, null), 1_000_000);
        long before = used();
        long start = System.nanoTime();
        CommandRun.Result r = CommandRun.run(world, m, new CommandRun.Command(List.of("bash", "-c", command), "root", "/", env, null), Long.MAX_VALUE / 4);
        long nanos = System.nanoTime() - start;
        if (!r.finished() || r.status() != 0) throw new IllegalStateException(command + ": " + r.stderrText());
        long after = used();
        CommandRun.Result size = CommandRun.run(world, m, new CommandRun.Command(List.of("stat", "-c", "%s", "/tmp/f"), "root", "/", env, null), 1_000_000);
        long bytes = Long.parseLong(size.stdoutText().strip());
        if (world.machines().isEmpty()) throw new IllegalStateException("keep the world alive");
        return new long[] {Math.max(0, after - before), nanos, bytes};
    }

    static long used() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
