import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.virt.Kvm;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.UserPrograms;
import dev.syssim.sim.world.Virtualization;
import dev.syssim.sim.world.World;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a VM costs, in two currencies. (1) The simulator's: wall-clock time per simulated syscall
 * of a getpid loop in a guest against the same loop on bare metal (the host), trace off; the
 * target is at most 1.5 times the bare-metal cost. (2) The simulated machine's: disk reads per
 * simulated second and exits per read for a guest reading its disk (cache dropped before each
 * file) on an emulated IDE disk, an emulated AHCI disk and virtio-blk. Wall-clock time is
 * measured here, in the benchmark, and never reaches a simulation output.
 */
public final class VirtBenchmark {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/root");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double[] bare = new double[rounds];
        double[] guest = new double[rounds];
        syscalls(false, calls);
        syscalls(true, calls);
        for (int i = 0; i < rounds; i++) {
            bare[i] = syscalls(false, calls);
            guest[i] = syscalls(true, calls);
        }
        Arrays.sort(bare);
        Arrays.sort(guest);
        double b = bare[rounds / 2];
        double g = guest[rounds / 2];
        System.out.println("| what | figure |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| getpid loop, %,d calls, bare metal (the host), trace off | %,.0f syscalls/s |%n", calls, b);
        System.out.printf(Locale.ROOT, "| the same loop in a KVM guest | %,.0f syscalls/s (cost %.2f× bare metal) |%n", g, b / g);
        for (String bus : new String[] {"ide", "ahci", "virtio"}) {
            double[] r = diskReads(bus, 200);
            System.out.printf(Locale.ROOT, "| guest disk reads (4 KiB, cache dropped), %s | %,.0f reads per simulated second, %.1f exits per read, %,.0f reads/s wall |%n",
                    bus, r[0], r[1], r[2]);
        }
    }

    /** Wall-clock simulated syscalls per second of a getpid loop, on the host or in a guest. */
    static double syscalls(boolean inGuest, int calls) throws Exception {
        World world = new World(1, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine host = Machines.debian(world, "bench", 2, 4_028_860);
        Machine m = inGuest ? Virtualization.startGuest(world, host, "g1", "virtio", 1024) : host;
        if (m == null) throw new IllegalStateException("the guest did not boot");
        StringBuilder src = new StringBuilder("set n " + (calls / 100) + "\ntop:\n");
        for (int i = 0; i < 100; i++) src.append("getpid\n");
        src.append("set n $n - 1\njump top if $n > 0\nexit 0\n");
        UserPrograms.install(m, "calls", src.toString(), 0, 0);
        long start = System.nanoTime();
        CommandRun.Result r = CommandRun.run(world, m, new CommandRun.Command(List.of("/usr/local/bin/calls"), "root", "/", ENV, null),
                Long.MAX_VALUE / 4);
        long elapsed = System.nanoTime() - start;
        if (r.status() != 0) throw new IllegalStateException("calls: " + r.stderrText());
        return calls / (elapsed / 1e9);
    }

    /** {reads per simulated second, exits per read, reads per wall second} for {@code n} cold 4 KiB reads. */
    static double[] diskReads(String bus, int n) {
        World world = new World(1, new RunLimits(Long.MAX_VALUE / 4, 1 << 20, 4000, 1000));
        Machine host = Machines.debian(world, "bench", 2, 4_028_860);
        Machine g = Virtualization.startGuest(world, host, "g1", bus, 1024);
        if (g == null) throw new IllegalStateException("the guest did not boot");
        Virtualization.runInGuest(world, g, "dd if=/dev/zero of=/root/f bs=4096 count=1 status=none; sync", 5_000_000);
        VirtualMachine vm = Kvm.of(host.kernel()).vms().get(0);
        String loop = "for i in $(seq " + n + "); do echo 3 > /proc/sys/vm/drop_caches; dd if=/root/f of=/dev/null bs=4096 count=1 status=none; done";
        String baseline = "for i in $(seq " + n + "); do echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/null of=/dev/null bs=4096 count=1 status=none; done";
        // the baseline runs the same loop with dd reading nothing: dd's own binary comes from the disk in both
        long[] withRead = measure(world, g, vm, loop);
        long[] without = measure(world, g, vm, baseline);
        double simSeconds = (withRead[0] - without[0]) / 1e9;
        double exits = (double) (withRead[1] - without[1]) / n;
        return new double[] {n / simSeconds, exits, n / ((withRead[2] - without[2]) / 1e9)};
    }

    /** {simulated nanos, non-HLT exits, wall nanos} of one command in the guest. */
    static long[] measure(World world, Machine g, VirtualMachine vm, String command) {
        long exitsBefore = vm.stats().exits() - vm.stats().count(ExitReason.HLT);
        long simStart = world.timeline().now();
        long start = System.nanoTime();
        CommandRun.Result r = Virtualization.runInGuest(world, g, command, Long.MAX_VALUE / 4);
        long wall = System.nanoTime() - start;
        if (r.status() != 0) throw new IllegalStateException(command + ": " + r.stderrText());
        return new long[] {world.timeline().now() - simStart, vm.stats().exits() - vm.stats().count(ExitReason.HLT) - exitsBefore, wall};
    }
}
