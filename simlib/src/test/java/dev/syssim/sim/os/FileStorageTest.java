package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.fs.FileData;
import dev.syssim.sim.fs.FsStats;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.world.RootView;
import dev.syssim.sim.world.Terminal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Files hold bytes, stored compactly (a 100 MB file of one byte or of repeated lines costs little
 * heap, a hole costs nothing), and the calls that shape them: lseek, ftruncate/truncate, statfs,
 * utimensat with times, FIFOs opened by name.
 */
class FileStorageTest {

    private static FileData dataOf(Terminal.Fixture f, String path) {
        RootView root = new RootView(f.laptop().kernel());
        return PathWalker.resolve(root, path, true).inode().data();
    }

    @Test
    void aHundredMegabytesWrittenByDdFromDevZeroCostWellUnderTheirSize() {
        Terminal.Fixture f = Terminal.laptop();
        f.run("dd if=/dev/zero of=/tmp/z bs=1M count=100 status=none");
        FileData d = dataOf(f, "/tmp/z");
        assertEquals(100L << 20, d.size());
        assertTrue(d.heapBytes() < 1 << 20, "heap " + d.heapBytes());
    }

    @Test
    void aHundredMegabytesOfYesCostWellUnderTheirSizeAndReadBackExactly() {
        Terminal.Fixture f = Terminal.laptop();
        String out = f.run("yes | head -c 100M > /tmp/y; wc -c < /tmp/y; tail -c 4 /tmp/y | od -An -c");
        assertEquals("104857600\n   y  \\n   y  \\n\n", out);
        assertTrue(dataOf(f, "/tmp/y").heapBytes() < 1 << 20);
    }

    @Test
    void truncateToAGigabyteMakesAHoleThatCostsNothingAndReadsAsZeros() {
        Terminal.Fixture f = Terminal.laptop();
        assertEquals("1073741824 0\n 000000 000000\n", f.run("truncate -s 1G /tmp/s; stat -c '%s %b' /tmp/s; od -An -j 500000000 -N 4 /tmp/s"));
        assertTrue(dataOf(f, "/tmp/s").heapBytes() < 4096);
    }

    @Test
    void filesHoldArbitraryBytesWhichReadBackUnchanged() {
        var r = Probe.as("student")
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/b", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644))
                .call(new Syscall.Write(3, new byte[] {0, (byte) 0xff, 0x41}))
                .call(new Lseek(3, 0, Lseek.SEEK_SET))
                .call(new Syscall.Read(3, 10))
                .run();
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x41}, r.get(3).bytes());
    }

    @Test
    void aWriteBeyondTheEndAfterLseekLeavesAHoleOfZeros() {
        var r = Probe.as("student")
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/h", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644))
                .call(new Lseek(3, 100_000, Lseek.SEEK_SET))
                .call(new Syscall.Write(3, "x".getBytes(StandardCharsets.US_ASCII)))
                .call(new Lseek(3, 99_998, Lseek.SEEK_SET))
                .call(new Syscall.Read(3, 10))
                .call(Syscall.NewFstatAt.fstat(3))
                .run();
        assertEquals(100_000, r.get(1).value());
        assertArrayEquals(new byte[] {0, 0, 'x'}, r.get(4).bytes());
        Stat st = r.get(5).dataAs(Stat.class);
        assertEquals(100_001, st.size());
        assertEquals(8, st.blocks(), "only the block written is allocated, as on ext4");
    }

    @Test
    void lseekOnAPipeIsEspipeAndANegativeOffsetIsEinval() {
        var r = Probe.as("student")
                .call(new Syscall.Pipe2(0))
                .call(previous -> new Lseek(Syscall.Pipe2.fds(previous.get(0))[0], 0, Lseek.SEEK_CUR))
                .call(new Syscall.OpenAt("/etc/passwd", OpenFlags.O_RDONLY))
                .call(previous -> new Lseek((int) previous.get(2).value(), -1, Lseek.SEEK_SET))
                .run();
        assertEquals(Errno.ESPIPE, r.get(1).errno());
        assertEquals(Errno.EINVAL, r.get(3).errno());
    }

    @Test
    void ftruncateNeedsADescriptorOpenForWriting() {
        var r = Probe.as("student")
                .call(new Syscall.OpenAt("/etc/passwd", OpenFlags.O_RDONLY))
                .call(previous -> Truncate.fd((int) previous.get(0).value(), 0))
                .call(Truncate.path("/etc/passwd", 0))
                .call(Truncate.path("/tmp", 0))
                .run();
        assertEquals(Errno.EINVAL, r.get(1).errno());
        assertEquals(Errno.EACCES, r.get(2).errno());
        assertEquals(Errno.EISDIR, r.get(3).errno());
    }

    @Test
    void statfsShowsWhatFilesUseAtOnce() {
        Terminal.Fixture f = Terminal.laptop();
        var before = Probe.as("student").call(Statfs.path("/tmp")).run().get(0).dataAs(FsStats.class);
        String df = f.run("df -k /tmp | tail -1 | tr -s ' ' | cut -d' ' -f3; dd if=/dev/zero of=/tmp/z bs=1M count=10 status=none;"
                + " df -k /tmp | tail -1 | tr -s ' ' | cut -d' ' -f3");
        String[] used = df.strip().split("\n");
        assertEquals(10240, Long.parseLong(used[1]) - Long.parseLong(used[0]));
        assertEquals(0xEF53, before.magic());
        assertTrue(before.availableBlocks() < before.freeBlocks(), "ext4 keeps blocks for root");
    }

    @Test
    void utimensatWithGivenTimesNeedsOwnership() {
        var r = Probe.as("student")
                .call(new Utimensat("/etc/passwd", true, 0, 0))
                .call(new Utimensat("/etc/hostname", true, Utimensat.UTIME_NOW, Utimensat.UTIME_NOW))
                .call(new Utimensat("/tmp", true, Utimensat.UTIME_NOW, Utimensat.UTIME_NOW))
                .run();
        assertEquals(Errno.EPERM, r.get(0).errno(), "given times: only the owner");
        assertEquals(Errno.EACCES, r.get(1).errno(), "now: the owner or a writer");
        assertEquals(0, r.get(2).value(), "/tmp is writable by everyone");
    }

    @Test
    void aFifoOpenedForWritingWithoutReaderAndNonblockIsEnxio() {
        var r = Probe.as("student")
                .call(new Syscall.Mknod("/tmp/p", 0010644, 0, 0))
                .call(new Syscall.OpenAt("/tmp/p", OpenFlags.O_WRONLY | OpenFlags.O_NONBLOCK))
                .call(new Syscall.OpenAt("/tmp/p", OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK))
                .call(new Syscall.OpenAt("/tmp/p", OpenFlags.O_WRONLY | OpenFlags.O_NONBLOCK))
                .call(previous -> new Syscall.Write((int) previous.get(3).value(), "hi".getBytes(StandardCharsets.US_ASCII)))
                .call(previous -> new Syscall.Read((int) previous.get(2).value(), 10))
                .run();
        assertEquals(Errno.ENXIO, r.get(1).errno());
        assertEquals(3, r.get(2).value(), "a reader with O_NONBLOCK does not wait for a writer");
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), r.get(5).bytes());
    }

    @Test
    void aFifoReaderSleepsUntilAWriterOpensThenReadsItsBytes() {
        Terminal.Fixture f = Terminal.laptop();
        assertEquals("through the fifo\n", f.run("cd /tmp; mkfifo p; (echo through the fifo > p &); cat p"));
    }

    @Test
    void aWriteLargerThanThePipeArrivesWholeAndOnce() {
        // xxd writes 128 KiB at a time into a 64 KiB pipe: the write sleeps until the reader makes room
        Terminal.Fixture f = Terminal.laptop();
        assertEquals("62500\n1000000\n", f.run("head -c 1000000 /dev/urandom > /tmp/r; xxd /tmp/r | wc -l; xxd -p /tmp/r | xxd -r -p | wc -c"));
    }

    @Test
    void aLongDumpDoesNotExhaustJavasStack() {
        Terminal.Fixture f = Terminal.laptop();
        assertEquals("125000\n125001\n", f.run("head -c 2000000 /dev/zero > /tmp/z; od -An -v -tx1 /tmp/z | wc -l; hexdump -v -C /tmp/z | wc -l"));
    }
}
