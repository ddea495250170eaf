package dev.syssim.sim.world;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import java.nio.charset.StandardCharsets;

/**
 * Changes an administrator makes to a machine's configuration from outside (a lecturer's magic):
 * real files in the machine's tree, so what a student then finds there explains the behaviour.
 */
public final class MachineAdmin {

    private MachineAdmin() {
    }

    /**
     * {@code %sudo nopasswd}: the file {@code /etc/sudoers.d/syssim-USER} with
     * {@code USER ALL=(ALL:ALL) NOPASSWD: ALL}; {@code passwd} removes it again.
     */
    public static void setSudoWithoutPassword(Machine machine, String user, boolean enabled) {
        RootView root = new RootView(machine.kernel());
        PathWalker.Result dir = PathWalker.resolve(root, "/etc/sudoers.d", true);
        if (!dir.ok()) throw new IllegalStateException("/etc/sudoers.d is missing on " + machine.name());
        FileSystem fs = dir.location().mount().fs();
        String name = "syssim-" + user;
        if (fs.lookup(root, dir.inode(), name) != null) fs.unlink(dir.inode(), name);
        if (!enabled) return;
        byte[] rule = (user + "\tALL=(ALL:ALL) NOPASSWD: ALL\n").getBytes(StandardCharsets.UTF_8);
        Inode file = fs.createFile(dir.inode(), name, 0440, 0, 0, rule);
        file.setCached(true);
        file.setMtime(machine.kernel().now());
    }
}
