package dev.syssim.sim.api;

import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Scenario;
import dev.syssim.sim.world.Scenarios;
import dev.syssim.sim.world.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simulated world of machines: the entry point of syssim's library. Make one from a scenario
 * preset ({@code laptop}, {@code campus}) or one of your own ({@link ScenarioBuilder}) and a seed,
 * then get its machines by name and run command lines on them. The same seed and the same calls
 * give the same outputs, byte for byte.
 *
 * <p>A world is not thread-safe: drive it from one thread, or give it a {@link RunGate} that
 * lets one thread in at a time.
 */
public final class World {

    /** The seed a notebook's world starts from, unless {@code %seed} says otherwise. */
    public static final long DEFAULT_SEED = 42;

    private final dev.syssim.sim.world.World world;
    private final RunGate gate;

    private World(dev.syssim.sim.world.World world, RunGate gate) {
        this.world = world;
        this.gate = gate;
    }

    /**
     * A fresh world of the default scenario.
     *
     * @return a {@code laptop} world (one Debian machine) from {@link #DEFAULT_SEED}
     */
    public static World create() {
        return create("laptop", DEFAULT_SEED);
    }

    /**
     * A fresh world from a scenario preset.
     *
     * @param scenario the preset's name (see {@link #scenarios()})
     * @param seed     where its randomness starts: the same seed gives the same world
     * @return the world
     * @throws IllegalArgumentException if there is no such preset
     */
    public static World create(String scenario, long seed) {
        Optional<Scenario> preset = Scenarios.named(scenario);
        if (preset.isEmpty()) {
            throw new IllegalArgumentException("no scenario '" + scenario + "' (scenarios: " + String.join(", ", scenarios()) + ")");
        }
        return create(preset.get(), seed);
    }

    /**
     * A fresh world from a scenario.
     *
     * @param scenario a preset, or one a {@link ScenarioBuilder} made
     * @param seed     where its randomness starts: the same seed gives the same world
     * @return the world
     */
    public static World create(Scenario scenario, long seed) {
        return new World(scenario.build(seed, RunLimits.DEFAULT), RunGate.OPEN);
    }

    /**
     * The scenario presets.
     *
     * @return their names, {@code laptop} first
     */
    public static List<String> scenarios() {
        List<String> names = new ArrayList<>();
        Scenarios.all().forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * The API over a world built elsewhere (a notebook kernel's). Both see the same machines:
     * what one changes the other finds.
     *
     * @param world the world
     * @param gate  what every run of the simulation through this API passes
     * @return the API's view of {@code world}
     */
    public static World of(dev.syssim.sim.world.World world, RunGate gate) {
        return new World(world, gate);
    }

    /**
     * The API over a world built elsewhere, which one thread drives.
     *
     * @param world the world
     * @return the API's view of {@code world}, with the {@link RunGate#OPEN} gate
     */
    public static World of(dev.syssim.sim.world.World world) {
        return of(world, RunGate.OPEN);
    }

    /**
     * The seed the world was built from.
     *
     * @return the seed
     */
    public long seed() {
        return world.seed();
    }

    /**
     * The simulated time.
     *
     * @return nanoseconds since the world began
     */
    public long time() {
        return world.timeline().now();
    }

    /**
     * The machines.
     *
     * @return every machine, in the order the scenario made them
     */
    public List<Machine> machines() {
        List<Machine> out = new ArrayList<>();
        for (dev.syssim.sim.world.Machine m : world.machines()) out.add(new Machine(this, m));
        return out;
    }

    /**
     * One machine by its name.
     *
     * @param name the machine's name (its hostname)
     * @return the machine
     * @throws IllegalArgumentException if the world has none of that name
     */
    public Machine machine(String name) {
        dev.syssim.sim.world.Machine m = world.machine(name);
        if (m == null) {
            List<String> names = new ArrayList<>();
            world.machines().forEach(each -> names.add(each.name()));
            throw new IllegalArgumentException("no machine '" + name + "' in this world (machines: " + String.join(", ", names) + ")");
        }
        return new Machine(this, m);
    }

    /**
     * Logs a user in: a new terminal with an interactive bash, whose state ({@code cd}, variables,
     * functions) lasts from one {@link Shell#run} to the next.
     *
     * @param machine the machine's name
     * @param user    a user of its {@code /etc/passwd}
     * @return the login's shell
     * @throws IllegalArgumentException if there is no such machine or user
     */
    public Shell login(String machine, String user) {
        Machine m = machine(machine);
        Logins.user(m.internal().kernel(), user);
        Session session = new Session(world, Shell.HEADLESS);
        enter();
        try {
            session.switchTo(m.internal(), user);
        } finally {
            exit();
        }
        return new Shell(this, session);
    }

    /**
     * The world underneath, for code that needs more than this API (renderers, the kernel).
     *
     * @return the simulation's own world object
     */
    public dev.syssim.sim.world.World internal() {
        return world;
    }

    void enter() {
        gate.enter();
    }

    void exit() {
        gate.exit();
    }

    /**
     * Names the world.
     *
     * @return its seed and machines
     */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        world.machines().forEach(m -> names.add(m.name()));
        return "World(seed " + world.seed() + ", machines " + String.join(", ", names) + ")";
    }
}
