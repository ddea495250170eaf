package dev.syssim.sim.container;

import dev.syssim.sim.os.Limits;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;

/** A fresh laptop with Docker installed and running, the student in the docker group, a terminal logged in as {@code user}. */
final class Docked {

    final World world = new World(42, RunLimits.DEFAULT);
    final Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860, Limits.DEFAULT);
    final Terminal terminal = new Terminal();
    final Session session = new Session(world, terminal);

    Docked(String user) {
        this(user, true);
    }

    Docked(String user, boolean studentInDockerGroup) {
        this(user, studentInDockerGroup, false);
    }

    /** With {@code forwarding}, net.ipv4.ip_forward is 1 before dockerd starts (as in the namespace the iptables rules were recorded in). */
    Docked(String user, boolean studentInDockerGroup, boolean forwarding) {
        if (forwarding) dev.syssim.sim.net.stack.NetStack.of(laptop.kernel()).setForwarding(true);
        DockerInstall.install(laptop.kernel(), studentInDockerGroup);
        session.switchTo(laptop, user);
    }

    Docked() {
        this("student");
    }

    /** A laptop for {@code user} with the alpine image already pulled (what most Docker tests start from). */
    static Docked withAlpine(String user) {
        Docked d = new Docked(user);
        d.run("docker pull alpine >/dev/null");
        return d;
    }

    /** {@link #withAlpine(String)} for the student. */
    static Docked withAlpine() {
        return withAlpine("student");
    }

    /** Runs shell text; stdout and stderr merged. */
    String run(String text) {
        terminal.reset();
        session.run(text);
        return terminal.both.toString();
    }
}
