import dev.syssim.sim.os.Limits;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.UserPrograms;
import dev.syssim.sim.world.World;
import java.util.Locale;
import java.util.Optional;

/**
 * Speed of the simulated machine: simulated syscalls per second with the trace off and fully on
 * (bounded), and a scheduling workload of 1,000 processes x 1,000 steps with I/O. Wall-clock time
 * is measured here, in the benchmark, and never reaches a simulation output.
 */
public final class SimBenchmark {

    private static final Session.Frontend QUIET = new Session.Frontend() {
        public void stdout(String text) { }
        public void stderr(String text) { }
        public void clear() { }
        public Optional<String> input(String prompt, boolean password) { return Optional.empty(); }
    };

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("| workload | trace | median (min..max) of " + rounds + " rounds after warm-up |");
        System.out.println("|---|---|---|");
        for (TraceLevel level : new TraceLevel[] {TraceLevel.OFF, TraceLevel.FULL}) {
            for (int w = 0; w < 3; w++) syscallsPerSecond(level, 1_000_000);
            double[] r = new double[rounds];
            for (int i = 0; i < rounds; i++) r[i] = syscallsPerSecond(level, 1_000_000);
            java.util.Arrays.sort(r);
            System.out.printf(Locale.ROOT, "| getpid loop, 1 process, 1,000,000 calls | %s | %,.0f syscalls/s (%,.0f..%,.0f) |%n",
                    level.word(), r[rounds / 2], r[0], r[rounds - 1]);
        }
        for (int calls : new int[] {1_000_000, 4_000_000}) {
            System.gc();
            long before = usedMiB();
            long peak = tracedHeapMiB(calls);
            System.out.printf(Locale.ROOT, "| getpid loop, %,d calls, trace bounded to 4,000 + 1,000 events | full | heap %,d MiB before, %,d MiB with the world and its trace after the run |%n",
                    calls, before, peak);
        }
        long[] heap = new long[1];
        schedulingWorkload(1000, 1000, heap);
        double[] t = new double[Math.max(1, rounds / 2)];
        long memory = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = schedulingWorkload(1000, 1000, heap);
            memory = Math.max(memory, heap[0]);
        }
        java.util.Arrays.sort(t);
        System.out.printf(Locale.ROOT, "| 1,000 processes x 1,000 steps with I/O (1,000,000 steps) | off | %.2f s wall, %,.0f steps/s; %,d MiB heap after |%n",
                t[t.length / 2], 1_000_000 / t[t.length / 2], memory);
    }

    static long usedMiB() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    /** Heap in use right after a fully traced run of {@code calls} syscalls, with the world still alive. */
    static long tracedHeapMiB(int calls) throws Exception {
        World world = new World(1, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine m = Machines.debian(world, "bench", 2, 4_028_860);
        Session s = session(world, m);
        StringBuilder src = new StringBuilder("set n " + (calls / 100) + "\ntop:\n");
        for (int i = 0; i < 100; i++) src.append("getpid\n");
        src.append("set n $n - 1\njump top if $n > 0\nexit 0\n");
        UserPrograms.install(m, "calls", src.toString(), 1000, 1000);
        world.trace().setLevel(TraceLevel.FULL);
        s.run("calls");
        System.gc();
        long used = usedMiB();
        if (world.trace().total() < calls) throw new IllegalStateException("trace did not count every event");
        return used;
    }

    static Session session(World world, Machine m) {
        Session s = new Session(world, QUIET);
        s.switchTo(m, "student");
        return s;
    }

    /** A program making {@code calls} getpid syscalls (100 per loop iteration). */
    static double syscallsPerSecond(TraceLevel level, int calls) throws Exception {
        World world = new World(1, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine m = Machines.debian(world, "bench", 2, 4_028_860);
        Session s = session(world, m);
        StringBuilder src = new StringBuilder("set n " + (calls / 100) + "\ntop:\n");
        for (int i = 0; i < 100; i++) src.append("getpid\n");
        src.append("set n $n - 1\njump top if $n > 0\nexit 0\n");
        UserPrograms.install(m, "calls", src.toString(), 1000, 1000);
        world.trace().setLevel(level);
        long start = System.nanoTime();
        s.run("calls");
        long elapsed = System.nanoTime() - start;
        world.trace().clear();
        return calls / (elapsed / 1e9);
    }

    /** {@code procs} background programs, each {@code steps} steps of compute, file reads and writes. */
    static double schedulingWorkload(int procs, int steps, long[] heapMiB) throws Exception {
        World world = new World(2, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine m = Machines.debian(world, "bench", 2, 4_028_860, new Limits(procs + 100, 32768));
        Session s = session(world, m);
        // each iteration: 10 steps (compute, open, read, close, write, set, jump ...)
        String src = "set n " + (steps / 10) + "\ntop:\ncompute 20us\nopen /etc/hostname -> fd\nread $fd 64 -> k\nclose $fd\n"
                + "write 1 x\ncompute 5us\nset n $n - 1\njump top if $n > 0\nexit 0\n";
        UserPrograms.install(m, "worker", src, 1000, 1000);
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < procs; i++) cell.append("worker > /dev/null &\n");
        cell.append("wait\n");
        long start = System.nanoTime();
        s.run(cell.toString());
        long elapsed = System.nanoTime() - start;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        heapMiB[0] = (rt.totalMemory() - rt.freeMemory()) >> 20;
        return elapsed / 1e9;
    }
}
