package dev.syssim.sim.container.tools;

import dev.syssim.sim.prog.Binaries;

/** The engine's programs, registered under the names their executables run. */
public final class ContainerTools {

    private ContainerTools() {
    }

    public static void register(Binaries binaries) {
        binaries.register("docker", new Docker());
        binaries.register("dockerd", new Dockerd());
        binaries.register("containerd", new Containerd());
        binaries.register("containerd-shim-runc-v2", new Shim());
        binaries.register("runc", new Runc());
        binaries.register("nginx", new dev.syssim.sim.prog.net.Nginx());
    }
}
