package dev.syssim.sim.world;

import dev.syssim.sim.os.Kernel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code chromeos}: a Chromebook in developer mode — ChromeOS on the Linux kernel, without Debian's
 * package tools — with a Debian 12 root in {@code /usr/local/chroots/bookworm}, made the way crouton
 * makes its chroots (debootstrap, minbase) and entered with {@code sudo enter-chroot}: /proc, /sys
 * and /dev mounted into the root, then chroot and a login shell. The lecture's "can have a chroot of
 * debian on ChromeOS".
 *
 * <p>Simplifications: the machine is the simulation's Debian image with ChromeOS's release files
 * (and without debootstrap, dpkg's files and /etc/debian_version); the user is {@code student}, where
 * ChromeOS's shell user is {@code chronos} (uid 1000 too); {@code enter-chroot} is a short script of
 * our own with crouton's name and steps, not crouton's script.
 */
final class ChromeOsScenario implements Scenario {

    static final String CHROOT = "/usr/local/chroots/bookworm";

    @Override
    public String name() {
        return "chromeos";
    }

    @Override
    public String description() {
        return "a Chromebook (ChromeOS, no apt) with a crouton-style Debian 12 chroot: sudo enter-chroot";
    }

    @Override
    public World build(long seed, RunLimits limits) {
        World world = new World(seed, limits);
        Machine m = Machines.debian(world, "localhost", 2, 3_900_000);
        String script = "set -e\n"
                + "debootstrap --variant=minbase bookworm " + CHROOT + " > /dev/null\n"
                + "rm -f /usr/sbin/debootstrap /etc/debian_version /etc/os-release\n"
                + "cat > /etc/lsb-release <<'EOF'\n"
                + "CHROMEOS_RELEASE_BOARD=octopus\nCHROMEOS_RELEASE_NAME=Chrome OS\nCHROMEOS_RELEASE_TRACK=stable-channel\n"
                + "CHROMEOS_RELEASE_VERSION=15474.84.0\nCHROMEOS_RELEASE_CHROME_MILESTONE=114\nDEVICETYPE=CHROMEBOOK\nEOF\n"
                + "cat > /etc/os-release <<'EOF'\nNAME=Chrome OS\nID=chromeos\nVERSION=114\nVERSION_ID=114\nBUILD_ID=15474.84.0\n"
                + "HOME_URL=https://www.chromium.org/chromium-os\nEOF\n"
                + "cat > /usr/local/bin/enter-chroot <<'EOF'\n" + ENTER_CHROOT + "EOF\n"
                + "chmod 755 /usr/local/bin/enter-chroot\n"
                // developer mode: the shell user may sudo without a password (ChromeOS's 95_cros_base)
                + "echo 'student ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/95_cros_base\n"
                + "chmod 440 /etc/sudoers.d/95_cros_base\n"
                + "mkdir -p " + CHROOT + "/home/student\n"
                + "grep '^student:' /etc/passwd >> " + CHROOT + "/etc/passwd\n"
                + "echo 'student:x:1000:' >> " + CHROOT + "/etc/group\n"
                + "chown 1000:1000 " + CHROOT + "/home/student\n";
        CommandRun.Result r = CommandRun.run(world, m, new CommandRun.Command(List.of("/bin/sh", "-s"), "root", "/root",
                Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root"),
                script.getBytes(StandardCharsets.UTF_8)), 50_000_000);
        if (r.status() != 0) throw new IllegalStateException("chromeos: building the chroot failed: " + r.stderrText());
        world.trace().clear();
        return world;
    }

    /** crouton's steps: the kernel's views mounted into the root, then chroot and the user's login shell (or a command). */
    static final String ENTER_CHROOT = """
            #!/bin/sh
            # enter-chroot [COMMAND...]: enter the Debian chroot (as crouton does: mount, chroot, login shell)
            CHROOT=/usr/local/chroots/bookworm
            if [ "$(id -u)" != 0 ]; then echo "enter-chroot: must be run as root (sudo enter-chroot)" >&2; exit 2; fi
            USER_NAME=${SUDO_USER:-root}
            grep -q " $CHROOT/proc " /proc/mounts || mount -t proc proc $CHROOT/proc
            grep -q " $CHROOT/sys " /proc/mounts || mount -t sysfs sysfs $CHROOT/sys
            echo "Entering $CHROOT..."
            if [ $# -eq 0 ]; then exec chroot $CHROOT su - "$USER_NAME"; fi
            exec chroot $CHROOT su "$USER_NAME" -c "$*"
            """;

    @Override
    public String startMachine() {
        return "localhost";
    }


    @Override
    public List<String> tableHeader() {
        return List.of("machine", "cores", "memory", "kernel", "chroot");
    }

    @Override
    public List<List<String>> table(World world) {
        Kernel k = world.machines().iterator().next().kernel();
        return List.of(List.of("localhost", Integer.toString(k.scheduler().coreCount()), (k.memoryKiB() / 1024) + " MiB",
                "Linux " + Kernel.RELEASE, "Debian 12 in " + CHROOT));
    }
}
