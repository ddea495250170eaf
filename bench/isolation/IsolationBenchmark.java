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
 * What isolation costs the simulator: the same program (getpid, and open/read/close of a file, which
 * walks a path in the caller's root and mount namespace and passes the device cgroup's check) run
 * outside, and inside new pid, mount, uts, ipc and net namespaces and a cgroup with pids.max,
 * memory.max and a device allow-list. Simulated syscalls per wall-clock second, median of the
 * rounds after warm-up, trace off. Wall-clock time is measured here and never reaches a simulation output.
 */
public final class IsolationBenchmark {

    private static final StringBuilder OUT = new StringBuilder();
    private static final Session.Frontend QUIET = new Session.Frontend() {
        public void stdout(String text) { OUT.append(text); }
        public void stderr(String text) { }
        public void clear() { }
        public Optional<String> input(String prompt, boolean password) { return Optional.empty(); }
    };

    /** 100 loops of 40 getpid and 20 x (open, read, close): 10,000 syscalls per loop of 100. */
    static final int LOOPS = 2_000;
    static final int CALLS_PER_LOOP = 40 + 20 * 3;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String[] names = {"outside: root shell, host namespaces, root cgroup",
                "inside: unshare --pid --fork --mount --uts --ipc --net, cgroup /box (pids.max 64, memory.max 256M, devices: c 1:3 only)",
                "inside the same, and chrooted into a debootstrap root"};
        for (int w = 0; w < 3; w++) for (int k = 0; k < names.length; k++) syscallsPerSecond(k);
        // the machine is shared: the kinds take turns in every round, and each round's ratios compare
        // runs made moments apart
        double[][] r = new double[names.length][rounds];
        double[][] ratio = new double[names.length][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < names.length; k++) r[k][i] = syscallsPerSecond(k);
            for (int k = 0; k < names.length; k++) ratio[k][i] = r[0][i] / r[k][i] - 1;
        }
        System.out.println("| process | syscalls/s, median (min..max) of " + rounds + " rounds after warm-up, trace off | time per syscall vs outside, median of the rounds |");
        System.out.println("|---|---|---|");
        for (int k = 0; k < names.length; k++) {
            double[] x = r[k].clone();
            double[] q = ratio[k].clone();
            java.util.Arrays.sort(x);
            java.util.Arrays.sort(q);
            System.out.printf(Locale.ROOT, "| %s | %,.0f (%,.0f..%,.0f) | %+.1f%% |%n", names[k], x[rounds / 2], x[0], x[rounds - 1], q[rounds / 2] * 100);
        }
    }

    static double syscallsPerSecond(int kind) throws Exception {
        World world = new World(1, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine m = Machines.debian(world, "bench", 2, 4_028_860);
        Session s = new Session(world, QUIET);
        s.switchTo(m, "root");
        StringBuilder src = new StringBuilder("set n " + LOOPS + "\ntop:\n");
        for (int i = 0; i < 40; i++) src.append("getpid\n");
        for (int i = 0; i < 20; i++) src.append("open /etc/hostname -> fd\nread $fd 64 -> k\nclose $fd\n");
        src.append("set n $n - 1\njump top if $n > 0\nexit 0\n");
        UserPrograms.install(m, "calls", src.toString(), 0, 0);
        String run = "calls";
        if (kind >= 1) {
            s.run("mkdir /sys/fs/cgroup/box; echo 64 > /sys/fs/cgroup/box/pids.max; echo 256M > /sys/fs/cgroup/box/memory.max;"
                    + " echo a > /sys/fs/cgroup/box/devices.deny; echo 'c 1:3 rwm' > /sys/fs/cgroup/box/devices.allow");
            String enter = "echo $$ > /sys/fs/cgroup/box/cgroup.procs; exec ";
            if (kind == 2) {
                s.run("debootstrap --variant=minbase bookworm /srv/deb > /dev/null; cp /usr/local/bin/calls /srv/deb/usr/local/bin/");
                enter += "chroot /srv/deb ";
            }
            run = "unshare --pid --fork --mount --uts --ipc --net sh -c '" + enter + "/usr/local/bin/calls'";
        }
        world.trace().setLevel(TraceLevel.OFF);
        OUT.setLength(0);
        long start = System.nanoTime();
        s.run(run);
        long elapsed = System.nanoTime() - start;
        s.run("echo status=$?");
        if (!OUT.toString().equals("status=0\n")) throw new IllegalStateException("the program did not run to its end: " + OUT);
        return (double) LOOPS * CALLS_PER_LOOP / (elapsed / 1e9);
    }
}
