package dev.syssim.sim.world;

import dev.syssim.sim.container.DockerInstall;
import java.util.List;

/**
 * {@code %scenario docker}: the student laptop with Debian 12's docker.io installed, containerd
 * and dockerd running, the student in the docker group (Docker's post-install steps), and no
 * image pulled yet: the first {@code docker run alpine} pulls it from the offline registry.
 */
final class DockerScenario implements Scenario {

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String description() {
        return "the laptop with Docker 20.10 (dockerd, containerd, runc); student in the docker group; docker0 172.17.0.1/16; registry: alpine, busybox, debian, nginx";
    }

    @Override
    public World build(long seed, RunLimits limits) {
        World world = new World(seed, limits);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        DockerInstall.install(laptop.kernel(), true);
        return world;
    }

    @Override
    public String startMachine() {
        return "laptop";
    }


    @Override
    public List<String> tableHeader() {
        return List.of("machine", "what");
    }

    @Override
    public List<List<String>> table(World world) {
        return List.of(List.of("laptop", "host: 2 cores, 4 GiB; dockerd + containerd running; /var/run/docker.sock 0660 root:docker"));
    }
}
