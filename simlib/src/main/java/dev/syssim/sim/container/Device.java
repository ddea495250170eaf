package dev.syssim.sim.container;

/**
 * A host device given to a container with {@code --device HOST[:CONTAINER]}: dockerd stats the
 * host's node, runc allows it in the container's device cgroup and makes the node in its /dev
 * with the host's type, numbers and mode.
 *
 * @param path  where it appears in the container
 * @param block a block device ({@code b}), else a character device ({@code c})
 * @param major the major number
 * @param minor the minor number
 * @param mode  the host node's permission bits
 */
public record Device(String path, boolean block, int major, int minor, int mode) {

    /** The device cgroup rule that allows it: {@code b 7:0 rwm}. */
    public String rule() {
        return (block ? "b " : "c ") + major + ":" + minor + " rwm";
    }
}
