import dev.syssim.sim.container.DockerInstall;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a container costs the simulator: {@code docker run --rm busybox true} — client, dockerd,
 * the overlay root (a copy of the image's tree), a shim, runc's cgroup, clone with five new
 * namespaces, a veth pair on docker0, chroot, execve, and the teardown — run in a loop of a cell,
 * trace off. Containers per wall-clock second, median of the rounds after warm-up. And a 10-layer
 * build ({@code docker build} of ten RUN steps with the legacy builder): milliseconds per build with
 * {@code --no-cache} and with every step cached. Wall-clock time is measured here and never reaches
 * a simulation output ({@code -Dnetwork=none} runs the containers without the bridge, to compare). Targets: 200 containers per second on one core of the course's machine; a
 * 10-layer build in 50 ms, a cached one in 10 ms.
 */
public final class ContainerBenchmark {

    private static final StringBuilder OUT = new StringBuilder();
    private static final Session.Frontend QUIET = new Session.Frontend() {
        public void stdout(String text) { OUT.append(text); }
        public void stderr(String text) { OUT.append(text); }
        public void clear() { }
        public Optional<String> input(String prompt, boolean password) { return Optional.empty(); }
    };

    static final int RUNS = 200;
    static final String NETWORK = System.getProperty("network", "").isEmpty() ? "" : "--network " + System.getProperty("network") + " ";

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        for (int w = 0; w < 3; w++) perSecond();
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) r[i] = perSecond();
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "docker run --rm busybox true: %.0f containers/s (median of %d rounds of %d; min %.0f, max %.0f)%n",
                r[rounds / 2], rounds, RUNS, r[0], r[rounds - 1]);
        for (boolean cached : new boolean[] {false, true}) {
            for (int w = 0; w < 2; w++) buildMillis(cached);
            double[] b = new double[rounds];
            for (int i = 0; i < rounds; i++) b[i] = buildMillis(cached);
            Arrays.sort(b);
            System.out.printf(Locale.ROOT, "docker build, 10 RUN layers%s: %.1f ms per build (median of %d rounds of %d; min %.1f, max %.1f)%n",
                    cached ? ", all cached" : ", --no-cache", b[rounds / 2], rounds, BUILDS, b[0], b[rounds - 1]);
        }
    }

    static final int BUILDS = 20;

    /** Milliseconds per build of a ten-RUN Dockerfile: without the cache, or after one build that filled it. */
    private static double buildMillis(boolean cached) {
        World world = new World(42, RunLimits.DEFAULT);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        DockerInstall.install(laptop.kernel(), true);
        Session session = new Session(world, QUIET);
        session.switchTo(laptop, "student");
        StringBuilder dockerfile = new StringBuilder("FROM busybox\\n");
        for (int i = 1; i <= 10; i++) dockerfile.append("RUN echo ").append(i).append(" > /layer").append(i).append("\\n");
        session.run("docker pull busybox >/dev/null; mkdir app; printf '" + dockerfile + "' > app/Dockerfile; docker build -t ten app >/dev/null");
        OUT.setLength(0);
        long start = System.nanoTime();
        session.run("for i in $(seq " + BUILDS + "); do docker build " + (cached ? "" : "--no-cache ") + "-t ten app >/dev/null || echo failed; done");
        long nanos = System.nanoTime() - start;
        if (OUT.length() > 0) throw new IllegalStateException("unexpected output: " + OUT);
        return nanos / 1e6 / BUILDS;
    }

    private static double perSecond() {
        World world = new World(42, RunLimits.DEFAULT);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        DockerInstall.install(laptop.kernel(), true);
        Session session = new Session(world, QUIET);
        session.switchTo(laptop, "student");
        session.run("docker pull busybox >/dev/null");
        OUT.setLength(0);
        long start = System.nanoTime();
        session.run("for i in $(seq " + RUNS + "); do docker run --rm " + NETWORK + "busybox true || echo failed; done");
        long nanos = System.nanoTime() - start;
        if (OUT.length() > 0) throw new IllegalStateException("unexpected output: " + OUT);
        return RUNS * 1e9 / nanos;
    }
}
