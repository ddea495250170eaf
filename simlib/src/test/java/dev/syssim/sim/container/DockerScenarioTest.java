package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Scenario;
import dev.syssim.sim.world.Scenarios;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;
import org.junit.jupiter.api.Test;

/** {@code %scenario docker}: the student on the laptop may use Docker at once. */
class DockerScenarioTest {

    @Test
    void theStudentInTheDockerGroupRunsAContainerFromTheFreshScenario() {
        Scenario s = Scenarios.named("docker").orElseThrow();
        World world = s.build(42, RunLimits.DEFAULT);
        Terminal terminal = new Terminal();
        Session session = new Session(world, terminal);
        session.switchTo(world.machine(s.startMachine()), s.startUser());
        session.run("docker run --rm alpine cat /etc/alpine-release 2>/dev/null; id -nG");
        assertEquals("3.18.4\nstudent sudo users docker\n", terminal.both.toString());
    }
}
