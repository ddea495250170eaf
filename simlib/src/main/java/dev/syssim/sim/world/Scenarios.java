package dev.syssim.sim.world;

import dev.syssim.sim.os.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenario presets by name. The default is {@code laptop}: one Debian machine. */
public final class Scenarios {

    private static final Map<String, Scenario> PRESETS = new LinkedHashMap<>();

    static {
        register(new Laptop());
        register(new CampusScenario());
        register(new ChromeOsScenario());
        register(new VirtScenario());
        register(new DockerScenario());
        register(new CampusDockerScenario());
        register(DockerDesktopScenario.mac());
        register(DockerDesktopScenario.windows());
    }

    private Scenarios() {
    }

    /** Adds a preset (rooms such as the network register theirs). */
    public static synchronized void register(Scenario scenario) {
        PRESETS.put(scenario.name(), scenario);
    }

    public static synchronized Optional<Scenario> named(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static synchronized List<Scenario> all() {
        return List.copyOf(PRESETS.values());
    }

    public static Scenario defaultScenario() {
        return PRESETS.get("laptop");
    }

    /** One student laptop: 2 cores, 4 GiB, Debian 12; the session is student's. */
    static final class Laptop implements Scenario {
        @Override
        public String name() {
            return "laptop";
        }

        @Override
        public String description() {
            return "one Debian 12 laptop (2 cores, 4 GiB); you are student, with sudo";
        }

        @Override
        public World build(long seed, RunLimits limits) {
            World world = new World(seed, limits);
            Machines.debian(world, "laptop", 2, 4_028_860);
            return world;
        }

        @Override
        public String startMachine() {
            return "laptop";
        }

        @Override
        public List<String> tableHeader() {
            return List.of("machine", "cores", "memory", "kernel", "users");
        }

        @Override
        public List<List<String>> table(World world) {
            List<List<String>> rows = new ArrayList<>();
            for (Machine m : world.machines()) {
                Kernel k = m.kernel();
                rows.add(List.of(m.name(), Integer.toString(k.scheduler().coreCount()), (k.memoryKiB() / 1024) + " MiB",
                        "Linux " + Kernel.RELEASE, "root, student"));
            }
            return rows;
        }
    }
}
