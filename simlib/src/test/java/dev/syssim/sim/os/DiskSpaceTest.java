package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.fs.ContentBudget;
import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/**
 * The laptop's disk and its tmpfs mounts have sizes: filling one ends in ENOSPC with each tool's
 * message (the replayed cases are in SpaceOracleTest; ext4's 5 % for root in FileSystemSpaceTest), and whatever the
 * simulated disks hold, the world keeps at most its content budget of bytes in the kernel's memory.
 */
class DiskSpaceTest {

    @Test
    void catFromDevZeroAsRootFillsTheWholeDiskEndsInEnospcAndCostsAlmostNoHeap() {
        Terminal.Fixture f = Terminal.laptop();
        f.session().switchTo(f.laptop(), "root");
        String out = f.run("cat /dev/zero > /big; echo rc=$?; df -h / | tail -1");
        assertEquals("cat: write error: No space left on device\nrc=1\n/dev/sda1        32G   32G     0 100% /\n", out);
        assertTrue(f.world().contentBudget().used() < 4 << 20, "heap held by files: " + f.world().contentBudget().used());
        assertEquals("/dev/sda1        32G  2.2G   29G   8% /\n", f.run("rm /big; df -h / | tail -1"));
    }

    @Test
    void devShmIsATmpfsOfHalfTheMemoryWritableByEveryone() {
        Terminal.Fixture f = Terminal.laptop();
        assertEquals("tmpfs           393M     0  393M   0% /run\ntmpfs           2.0G     0  2.0G   0% /dev/shm\n1777\ntmpfs\n",
                f.run("df -h | grep ^tmpfs; stat -c %a /dev/shm; stat -f -c %T /dev/shm"));
    }

    @Test
    void bytesThatCannotBeStoredSmallerStopAtTheWorldsContentBudgetWithEdquot() {
        Terminal.Fixture f = Terminal.laptop();
        long cap = f.world().contentBudget().cap();
        assertEquals(ContentBudget.DEFAULT_CAP, cap);
        String out = f.run("head -c 100M /dev/urandom > /tmp/r; echo rc=$?; stat -c %s /tmp/r");
        String[] lines = out.split("\n");
        assertEquals("head: error writing 'standard output': Disk quota exceeded", lines[0]);
        assertEquals("rc=1", lines[1]);
        long stored = Long.parseLong(lines[2]);
        assertTrue(stored >= cap - (8 << 20) && stored <= cap + (1 << 20), "stored " + stored);
        assertTrue(f.world().contentBudget().used() <= cap + (1 << 20), "held " + f.world().contentBudget().used());
        f.session().switchTo(f.laptop(), "root");
        assertTrue(f.run("dmesg | tail -1").contains("writes beyond fail with EDQUOT (Disk quota exceeded)"));
        assertTrue(f.laptop().kernel().takeContentBudgetReached(), "the front end learns the budget was reached");
        assertEquals("rc=0\n", f.run("rm /tmp/r; head -c 1M /dev/urandom > /tmp/r2; echo rc=$?"), "removing the file gives the budget back");
    }
}
