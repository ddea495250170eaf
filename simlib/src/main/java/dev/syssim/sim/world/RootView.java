package dev.syssim.sim.world;

import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.MountNamespace;
import dev.syssim.sim.fs.PathContext;
import dev.syssim.sim.fs.Subject;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;

/**
 * A machine's tree as root sees it from {@code /}: how set-up code outside any process (booting,
 * logging in, installing a program, a magic changing a config file) looks paths up.
 */
public record RootView(Kernel kernel) implements PathContext {

    @Override
    public Location root() {
        return kernel.rootMounts().root();
    }

    @Override
    public Location cwd() {
        return root();
    }

    @Override
    public Subject subject() {
        return Credentials.root();
    }

    @Override
    public MountNamespace mounts() {
        return kernel.rootMounts();
    }
}
