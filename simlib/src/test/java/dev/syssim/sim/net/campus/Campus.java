package dev.syssim.sim.net.campus;

import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.world.CampusScenario;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;

/**
 * A test's campus: a fresh world of {@code %scenario campus}, a session on it, and the terminal it
 * writes to. {@link #on} moves the session as {@code %machine NAME [USER]} does (root by default).
 */
public final class Campus {

    public final World world;
    public final Session session;
    public final Terminal terminal = new Terminal();

    private Campus(World world) {
        this.world = world;
        this.session = new Session(world, terminal);
        session.switchTo(world.machine("laptop"), "student");
    }

    /** The campus with its real services (sshd, apache2, postfix, cupsd). */
    public static Campus withServices() {
        return new Campus(CampusScenario.build(42, RunLimits.DEFAULT, CampusScenario.Listeners.SERVICES));
    }

    /** The campus as the oracle was recorded: {@code nc -lk PORT} listeners. */
    public static Campus asRecorded() {
        return new Campus(CampusScenario.build(42, RunLimits.DEFAULT, CampusScenario.Listeners.NETCAT));
    }

    /** {@code %machine NAME} (as root). */
    public Campus on(String machine) {
        return on(machine, "root");
    }

    public Campus on(String machine, String user) {
        session.switchTo(world.machine(machine), user);
        return this;
    }

    /** Runs shell text on the current machine; returns what the terminal showed (stdout and stderr merged). */
    public String run(String text) {
        terminal.reset();
        Session.Result result = session.run(text);
        if (!result.ok() && result.limit() != null) terminal.both.append("[").append(result.limit()).append("]");
        return terminal.both.toString();
    }

    public Machine machine(String name) {
        return world.machine(name);
    }

    public Netfilter netfilter(String machine) {
        return NetStack.of(world.machine(machine).kernel()).netfilter();
    }

    public long now() {
        return world.timeline().now();
    }
}
