package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** dmesg, lscpu, mount, umount (util-linux 2.38.1). */
class SystemToolsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    private void becomeSudoer() {
        f.terminal().typed.add("student");
        f.run("sudo -v");
    }

    @Test
    void dmesgAsUserIsRestricted() {
        assertEquals("dmesg: read kernel buffer failed: Operation not permitted\n1\n", f.run("dmesg; echo $?"));
    }

    @Test
    void dmesgAsRootShowsTheBootLog() {
        becomeSudoer();
        String out = f.run("sudo dmesg | head -2");
        assertTrue(out.startsWith("[    0.000000] Linux version 6.1.0-27-amd64 "), out);
        assertTrue(out.contains("[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-27-amd64 root=/dev/sda1 ro quiet\n"), out);
    }

    @Test
    void dmesgBecomesReadableWhenTheRestrictionIsLifted() {
        becomeSudoer();
        f.run("echo 0 | sudo tee /proc/sys/kernel/dmesg_restrict");
        assertTrue(f.run("dmesg | tail -1").startsWith("["));
    }

    @Test
    void dmesgWithoutTimestamps() {
        becomeSudoer();
        assertTrue(f.run("sudo dmesg -t | head -1").startsWith("Linux version "));
    }

    @Test
    void lscpuDescribesTheTwoCores() {
        String out = f.run("lscpu");
        assertTrue(out.startsWith("Architecture:            x86_64\n  CPU op-mode(s):        32-bit, 64-bit\n"), out);
        assertTrue(out.contains("\nCPU(s):                  2\n  On-line CPU(s) list:   0,1\n"), out);
        assertTrue(out.contains("\n    Core(s) per socket:  2\n"), out);
        assertTrue(out.contains("\nVirtualization features: \n  Virtualization:        VT-x\n"), out);
    }

    @Test
    void mountListsTheMountTable() {
        String out = f.run("mount");
        assertTrue(out.startsWith("/dev/sda1 on / type ext4 (rw,relatime)\nproc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n"), out);
    }

    @Test
    void mountAsUserMustBeSuperuser() {
        assertEquals("mount: /mnt: must be superuser to use mount.\n32\n", f.run("mount -t tmpfs tmpfs /mnt; echo $?"));
    }

    @Test
    void mountAsRootMountsAndUmountDetaches() {
        becomeSudoer();
        assertEquals("tmpfs on /mnt type tmpfs (rw,nosuid,nodev,relatime)\n", f.run("sudo mount -t tmpfs tmpfs /mnt; mount | grep /mnt"));
        assertEquals("", f.run("sudo umount /mnt; mount | grep /mnt"));
    }

    @Test
    void mountBindShowsADirectoryElsewhere() {
        becomeSudoer();
        assertEquals("laptop\n", f.run("sudo mount --bind /etc /mnt; cat /mnt/hostname"));
    }

    @Test
    void mountErrorsNameTheMountPoint() {
        becomeSudoer();
        assertEquals("mount: /nope: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n32\n"
                + "mount: /mnt: unknown filesystem type 'foo'.\n       dmesg(1) may have more information after failed mount system call.\n32\n",
                f.run("sudo mount -t proc proc /nope; echo $?; sudo mount -t foo x /mnt; echo $?"));
    }

    @Test
    void umountAsUserMustBeSuperuser() {
        assertEquals("umount: /proc: must be superuser to unmount.\n32\n", f.run("umount /proc; echo $?"));
    }

    @Test
    void umountOfSomethingNotMounted() {
        becomeSudoer();
        assertEquals("umount: /mnt: not mounted.\n32\n", f.run("sudo umount /mnt; echo $?"));
    }
}
