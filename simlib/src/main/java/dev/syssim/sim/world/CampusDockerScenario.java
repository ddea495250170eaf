package dev.syssim.sim.world;

import dev.syssim.sim.container.DockerInstall;
import java.util.List;

/**
 * {@code %scenario campus-docker}: the campus network of {@code %scenario campus}, with Docker 20.10
 * installed and running on {@code laptop} (the student in the docker group), so that a port the
 * laptop publishes with {@code -p} can be reached — or not — from {@code wash}: the lecture's
 * published-port surprise. A separate preset because dockerd rewrites the laptop's filter and nat
 * tables (FORWARD's policy, the DOCKER chains) and adds docker0, which the firewall lecture's
 * {@code campus} must not show.
 */
final class CampusDockerScenario implements Scenario {

    private final CampusScenario campus = new CampusScenario();

    @Override
    public String name() {
        return "campus-docker";
    }

    @Override
    public String description() {
        return "the campus network, with Docker 20.10 running on laptop (student in the docker group; docker0 172.17.0.1/16)";
    }

    @Override
    public World build(long seed, RunLimits limits) {
        World world = campus.build(seed, limits);
        DockerInstall.install(world.machine("laptop").kernel(), true);
        return world;
    }

    @Override
    public String startMachine() {
        return campus.startMachine();
    }


    @Override
    public List<String> tableHeader() {
        return campus.tableHeader();
    }

    @Override
    public List<List<String>> table(World world) {
        return campus.table(world);
    }
}
