package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileType;
import java.util.List;

/**
 * A control group, as far as the simulation enforces one: its path and its device rules. The root
 * cgroup allows every device; a container's allows only the list runc gives by default, and the
 * kernel checks it on every open and mknod of a device node by a member process (EPERM otherwise).
 */
public final class Cgroup {

    /** One line of a device allow-list: {@code c 1:3 rwm}; -1 is the wildcard {@code *}. */
    public record DeviceRule(char type, int major, int minor) {

        boolean matches(FileType fileType, int devMajor, int devMinor) {
            char t = fileType == FileType.BLOCK_DEVICE ? 'b' : 'c';
            return (type == 'a' || type == t) && (major == -1 || major == devMajor) && (minor == -1 || minor == devMinor);
        }
    }

    /** runc's default allow-list: null, zero, full, random, urandom, tty, console, ptmx, pts/*. */
    public static final List<DeviceRule> RUNC_DEFAULT = List.of(
            new DeviceRule('c', 1, 3), new DeviceRule('c', 1, 5), new DeviceRule('c', 1, 7),
            new DeviceRule('c', 1, 8), new DeviceRule('c', 1, 9), new DeviceRule('c', 5, 0),
            new DeviceRule('c', 5, 1), new DeviceRule('c', 5, 2), new DeviceRule('c', 136, -1));

    private final String path;
    private final List<DeviceRule> allowedDevices;

    public Cgroup(String path, List<DeviceRule> allowedDevices) {
        this.path = path;
        this.allowedDevices = allowedDevices == null ? null : List.copyOf(allowedDevices);
    }

    public static Cgroup root() {
        return new Cgroup("/", null);
    }

    public String path() {
        return path;
    }

    /** Whether a member may open or create the device node. */
    public boolean allowsDevice(FileType type, int major, int minor) {
        if (allowedDevices == null) return true;
        for (DeviceRule rule : allowedDevices) if (rule.matches(type, major, minor)) return true;
        return false;
    }
}
