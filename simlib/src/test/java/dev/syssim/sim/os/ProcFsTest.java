package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** /proc is the kernel's state as text, read through the same syscalls as any file. */
class ProcFsTest {

    @Test
    void statusOfTheShellNamesItAndItsCredentials() {
        var p = Probe.as("student");
        String status = p.shell("cat /proc/$$/status");
        assertTrue(status.startsWith("Name:\tbash\n"), status);
        assertTrue(status.contains("Pid:\t1100\n"), status);
        assertTrue(status.contains("Uid:\t1000\t1000\t1000\t1000\n"), status);
        assertTrue(status.contains("CapEff:\t0000000000000000\n"), status);
    }

    @Test
    void fdLinksListWithLinuxsSizeOf64() {
        // /proc's links have no stored target (it is made on reading): ls -l must still stat them
        String listing = Probe.as("root").shell("ls -l /proc/self/fd");
        assertTrue(listing.contains(" 64 ") && listing.contains(" 0 -> "), listing);
    }

    @Test
    void selfIsTheReader() {
        var p = Probe.as("student");
        assertEquals("cat\n", p.shell("cat /proc/self/comm"));
    }

    @Test
    void interruptsCountTheDiskAndTheTimerAndGrow() {
        var p = Probe.as("student");
        String before = p.shell("cat /proc/interrupts");
        assertTrue(before.startsWith("           CPU0       CPU1"), before);
        assertTrue(before.contains("ata_piix"), before);
        assertTrue(before.contains("LOC:"), before);
        p.shell("cat /etc/debian_version > /dev/null");
        String after = p.shell("cat /proc/interrupts");
        assertTrue(!before.equals(after), "the disk read raised an interrupt");
    }

    @Test
    void cpuinfoListsTwoCoresWithVmx() {
        String info = Probe.as("student").shell("cat /proc/cpuinfo");
        assertTrue(info.contains("processor\t: 0") && info.contains("processor\t: 1") && !info.contains("processor\t: 2"));
        assertTrue(info.contains(" vmx "), "the host CPU can run virtual machines");
    }

    @Test
    void mountsShowTheVirtualFileSystems() {
        String mounts = Probe.as("student").shell("cat /proc/mounts");
        assertTrue(mounts.startsWith("/dev/sda1 / ext4 rw,relatime 0 0\n"), mounts);
        assertTrue(mounts.contains("proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"), mounts);
        assertTrue(mounts.contains("udev /dev devtmpfs"), mounts);
    }

    @Test
    void dropCachesMakesTheNextReadGoToTheDisk() {
        var p = Probe.as("root");
        Kernel k = p.fixture.laptop().kernel();
        p.shell("cat /etc/motd > /dev/null");
        long reads = k.disk().reads();
        p.shell("echo 3 > /proc/sys/vm/drop_caches; cat /etc/motd > /dev/null");
        assertTrue(k.disk().reads() > reads);
    }

    @Test
    void studentCannotWriteKernelTunables() {
        assertEquals("bash: /proc/sys/kernel/dmesg_restrict: Permission denied\n",
                Probe.as("student").shell("echo 0 > /proc/sys/kernel/dmesg_restrict"));
    }
}
