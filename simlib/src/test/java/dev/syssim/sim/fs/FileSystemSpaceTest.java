package dev.syssim.sim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A sized file system takes what fits, keeps ext4's 5 % for root, and counts its content against a budget. */
class FileSystemSpaceTest {

    private static Inode file(FileSystem fs) {
        return fs.createFile(fs.root(), "f", 0644, 0, 0, new byte[0]);
    }

    @Test
    void aWriteThatDoesNotFitStoresWhatFitsThenTheNextStoresNothing() {
        FileSystem tmp = new FileSystem("tmpfs", "tmpfs", 1, false, 1);
        tmp.setCapacity(1 << 20, 0, 100);
        Inode f = file(tmp);
        FileSystem.Written first = tmp.writeContent(f, 0, new byte[(1 << 20) + 5000], false);
        assertEquals(new FileSystem.Written(1 << 20, FileSystem.Shortfall.NO_SPACE), first);
        assertEquals(new FileSystem.Written(0, FileSystem.Shortfall.NO_SPACE), tmp.writeContent(f, 1 << 20, new byte[10], true));
        assertEquals(0, tmp.stats().freeBlocks());
    }

    @Test
    void overwritingBlocksAlreadyAllocatedNeedsNoFreeSpace() {
        FileSystem tmp = new FileSystem("tmpfs", "tmpfs", 1, false, 1);
        tmp.setCapacity(64 << 10, 0, 100);
        Inode f = file(tmp);
        assertEquals(64 << 10, tmp.writeContent(f, 0, new byte[64 << 10], false).bytes());
        byte[] ones = new byte[1000];
        java.util.Arrays.fill(ones, (byte) 1);
        assertEquals(new FileSystem.Written(1000, FileSystem.Shortfall.NONE), tmp.writeContent(f, 4096, ones, false));
    }

    @Test
    void ext4KeepsFivePercentOfItsBlocksForRoot() {
        FileSystem ext4 = new FileSystem("ext4", "/dev/sdb1", 2, true, 2);
        ext4.setCapacity(4096L * 1000, 0, 100);
        Inode f = file(ext4);
        FileSystem.Written user = ext4.writeContent(f, 0, new byte[4096 * 1000], false);
        assertEquals(new FileSystem.Written(4096 * 950, FileSystem.Shortfall.NO_SPACE), user);
        FileSystem.Written root = ext4.writeContent(f, 4096L * 950, new byte[4096 * 100], true);
        assertEquals(new FileSystem.Written(4096 * 50, FileSystem.Shortfall.NO_SPACE), root);
    }

    @Test
    void contentPastTheBudgetIsRefusedAndRemovingFilesGivesItBack() {
        FileSystem tmp = new FileSystem("tmpfs", "tmpfs", 1, false, 1);
        ContentBudget budget = new ContentBudget(256 << 10);
        tmp.setBudget(budget);
        Inode f = file(tmp);
        byte[] noise = new byte[128 << 10];
        new java.util.Random(1).nextBytes(noise);
        long offset = 0;
        FileSystem.Written w;
        do {
            w = tmp.writeContent(f, offset, noise, false);
            offset += w.bytes();
        } while (w.shortfall() == FileSystem.Shortfall.NONE);
        assertEquals(FileSystem.Shortfall.BUDGET, w.shortfall());
        assertFalse(budget.hasRoom());
        assertTrue(budget.used() < (256 << 10) + noise.length + 4096, "past the cap by at most one write: " + budget.used());
        tmp.unlink(tmp.root(), "f");
        assertEquals(0, budget.used());
        assertTrue(budget.hasRoom());
    }

    @Test
    void aFileSystemJoiningAWorldsBudgetBringsItsContentAlong() {
        FileSystem tmp = new FileSystem("tmpfs", "tmpfs", 1, false, 1);
        tmp.createFile(tmp.root(), "motd", 0644, 0, 0, new byte[3000]);
        ContentBudget world = new ContentBudget(1 << 20);
        tmp.setBudget(world);
        assertTrue(world.used() >= 3000, "used " + world.used());
    }
}
