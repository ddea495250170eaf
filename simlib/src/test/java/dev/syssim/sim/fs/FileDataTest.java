package dev.syssim.sim.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A file's bytes in chunks: what is read is what was written, holes read as zeros, storage stays small. */
class FileDataTest {

    @Test
    void bytesWrittenAreReadBackExactlyIncludingInvalidUtf8() {
        FileData d = FileData.of(new byte[] {0, (byte) 0xff, 0x41});
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x41}, d.toBytes());
        assertEquals(3, d.size());
    }

    @Test
    void randomWritesAgreeWithAPlainArray() {
        Random random = new Random(7);
        byte[] model = new byte[0];
        FileData d = new FileData();
        for (int i = 0; i < 400; i++) {
            int offset = random.nextInt(300_000);
            byte[] data = new byte[random.nextInt(90_000)];
            if (random.nextBoolean()) random.nextBytes(data);
            else Arrays.fill(data, (byte) random.nextInt(3));
            d.write(offset, data);
            if (model.length < offset + data.length) model = Arrays.copyOf(model, offset + data.length);
            System.arraycopy(data, 0, model, offset, data.length);
            if (i % 50 == 49) {
                int cut = random.nextInt(model.length + 1);
                d.truncate(cut);
                model = Arrays.copyOf(model, cut);
            }
        }
        assertArrayEquals(model, d.toBytes());
        assertArrayEquals(Arrays.copyOfRange(model, 1000, 70_000), d.read(1000, 69_000));
    }

    @Test
    void truncateExtendsWithAHoleThatReadsAsZerosAndAllocatesNothing() {
        FileData d = new FileData();
        d.truncate(1L << 30);
        assertEquals(1L << 30, d.size());
        assertEquals(0, d.sectors());
        assertArrayEquals(new byte[10], d.read(500_000_000L, 10));
        assertTrue(d.heapBytes() < 1024);
    }

    @Test
    void truncateShorterThenLongerReadsZerosWhereBytesWereCut() {
        FileData d = FileData.of("hello world".getBytes());
        d.truncate(5);
        d.truncate(11);
        assertArrayEquals("hello\0\0\0\0\0\0".getBytes(), d.toBytes());
    }

    @Test
    void aByteWrittenFarOutAllocatesOneBlockAsExt4Does() {
        FileData d = new FileData();
        d.write(1 << 20, new byte[] {1});
        assertEquals((1 << 20) + 1, d.size());
        assertEquals(8, d.sectors());
    }

    @Test
    void aSmallFileAllocatesOneBlock() {
        assertEquals(8, FileData.of(new byte[100]).sectors());
        assertEquals(0, new FileData().sectors());
        assertEquals(136, FileData.of(new byte[65537]).sectors());
    }

    @Test
    void hundredMegabytesOfOneByteCostAlmostNoHeap() {
        FileData d = new FileData();
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < 100; i++) d.write((long) i << 20, block);
        assertEquals(100L << 20, d.size());
        assertEquals((100L << 20) / 512, d.sectors());
        assertTrue(d.heapBytes() < 200_000, "heap " + d.heapBytes());
    }

    @Test
    void repeatedLinesAsYesWritesThemShareChunks() {
        FileData d = new FileData();
        byte[] block = "hello\n".repeat(1365).getBytes();
        long at = 0;
        while (at < 50L << 20) {
            d.write(at, block);
            at += block.length;
        }
        assertTrue(d.heapBytes() < 1_000_000, "heap " + d.heapBytes());
        byte[] expected = "hello\n".repeat(20_000).getBytes();
        assertArrayEquals(Arrays.copyOfRange(expected, 2, 100_002), d.read(6L * 3_000_000 + 2, 100_000));
    }

    @Test
    void writingIntoASharedChunkDoesNotChangeTheChunksSharingIt() {
        FileData d = new FileData();
        byte[] chunk = new byte[FileData.CHUNK];
        for (int i = 0; i < chunk.length; i++) chunk[i] = (byte) (i % 7);
        d.write(0, chunk);
        d.write(FileData.CHUNK, chunk);
        d.write(FileData.CHUNK + 3, new byte[] {42});
        assertEquals(3, d.read(3, 1)[0]);
        assertEquals(42, d.read(FileData.CHUNK + 3, 1)[0]);
    }
}
