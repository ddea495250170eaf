package dev.syssim.sim.fs;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes of a regular file, stored as a file system stores them rather than as one array: in
 * 64 KiB chunks, with holes where nothing was ever written (a sparse file from {@code truncate -s 1G}
 * or {@code dd seek=} costs nothing), a chunk of one repeated byte kept as that byte ({@code dd
 * if=/dev/zero}), and a full chunk equal to one of the file's recent ones shared with it ({@code yes
 * | head -c 100M} repeats a handful of chunks). Writing touches only the chunks written, so appending
 * costs the bytes appended, not the whole file again.
 *
 * <p>st_blocks is counted as ext4 counts 4 KiB blocks: a chunk allocates the blocks between the first
 * and the last byte ever written into it. Simplification: a chunk written at its start and its end
 * counts the blocks in between as allocated although ext4 would leave a hole there.
 */
public final class FileData {

    /** The chunk size: large enough that a 100 MB file is 1,600 entries, small enough to share often. */
    public static final int CHUNK = 65536;
    private static final int BLOCK = 4096;
    /** How many of the file's recent full chunks a new full chunk is compared with. */
    private static final int RECENT = 8;

    /** One chunk: mutable bytes, shared immutable bytes, or a run of one byte. */
    private sealed interface Chunk permits Owned, Shared, Fill {
    }

    /**
     * Bytes this file alone holds. {@code bytes} may be shorter than a chunk (bytes past it read as
     * zero); {@code low}/{@code high} bound what was written, for st_blocks.
     */
    private static final class Owned implements Chunk {
        byte[] bytes;
        int low;
        int high;

        Owned(byte[] bytes, int low, int high) {
            this.bytes = bytes;
            this.low = low;
            this.high = high;
        }
    }

    /** A full chunk that never changes, possibly held by several chunk positions. */
    private record Shared(byte[] bytes) implements Chunk {
    }

    /** A full chunk of one repeated byte. */
    private record Fill(byte value) implements Chunk {
    }

    /** Told how many 512-byte sectors the file gained or lost, so its file system can say what is used. */
    public interface Usage {
        void sectors(long delta);
    }

    private static final Usage NOBODY = delta -> { };

    private final TreeMap<Long, Chunk> chunks = new TreeMap<>();
    private final byte[][] recent = new byte[RECENT][];
    private int recentNext;
    private long size;
    private long sectors;
    private Usage usage = NOBODY;

    public FileData() {
    }

    /** A file holding {@code bytes}. */
    public static FileData of(byte[] bytes) {
        FileData d = new FileData();
        d.write(0, bytes, 0, bytes.length);
        return d;
    }

    /** Where allocation changes are reported (the file system's usage counter). */
    public void setUsage(Usage usage) {
        this.usage.sectors(-sectors);
        this.usage = usage == null ? NOBODY : usage;
        this.usage.sectors(sectors);
    }

    public long size() {
        return size;
    }

    /** st_blocks: 512-byte sectors allocated, in whole 4 KiB blocks. */
    public long sectors() {
        return sectors;
    }

    /** Up to {@code count} bytes from {@code offset}; fewer at the end of the file, none past it. Holes read as zeros. */
    public byte[] read(long offset, int count) {
        if (offset >= size || count <= 0) return new byte[0];
        int n = (int) Math.min(count, size - offset);
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            long at = offset + done;
            long index = at / CHUNK;
            int within = (int) (at % CHUNK);
            int take = Math.min(n - done, CHUNK - within);
            Chunk chunk = chunks.get(index);
            if (chunk instanceof Owned o) {
                int available = Math.max(0, Math.min(take, o.bytes.length - within));
                if (available > 0) System.arraycopy(o.bytes, within, out, done, available);
            } else if (chunk instanceof Shared s) {
                System.arraycopy(s.bytes(), within, out, done, take);
            } else if (chunk instanceof Fill f && f.value() != 0) {
                Arrays.fill(out, done, done + take, f.value());
            }
            done += take;
        }
        return out;
    }

    /** The whole content (for small files: executables, configuration). */
    public byte[] toBytes() {
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("file too large for one array: " + size);
        return read(0, (int) size);
    }

    /** Writes {@code length} bytes of {@code data} from {@code from} at {@code offset}, growing the file as needed. */
    public void write(long offset, byte[] data, int from, int length) {
        int done = 0;
        while (done < length) {
            long at = offset + done;
            long index = at / CHUNK;
            int within = (int) (at % CHUNK);
            int take = Math.min(length - done, CHUNK - within);
            Owned o = owned(index, within + take);
            System.arraycopy(data, from + done, o.bytes, within, take);
            allocate(o, within, within + take);
            if (within + take == CHUNK) seal(index, o);
            done += take;
        }
        size = Math.max(size, offset + length);
    }

    public void write(long offset, byte[] data) {
        write(offset, data, 0, data.length);
    }

    /** Cuts the file to {@code newSize} or extends it with a hole, as ftruncate(2) does. */
    public void truncate(long newSize) {
        if (newSize < size) {
            long firstGone = (newSize + CHUNK - 1) / CHUNK;
            Map<Long, Chunk> tail = chunks.tailMap(firstGone, true);
            for (Chunk c : tail.values()) release(c);
            tail.clear();
            int keep = (int) (newSize % CHUNK);
            long partial = newSize / CHUNK;
            if (keep > 0 && chunks.containsKey(partial)) {
                Owned o = owned(partial, keep);
                if (o.bytes.length > keep) Arrays.fill(o.bytes, keep, o.bytes.length, (byte) 0);
                if (o.low >= keep) {
                    release(chunks.remove(partial));
                } else if (o.high > keep) {
                    long before = blocks(o);
                    o.high = keep;
                    account(blocks(o) - before);
                }
            }
            Arrays.fill(recent, null);
        }
        size = newSize;
    }

    /** Heap held by the chunks (for the storage benchmark): shared chunks count once. */
    public long heapBytes() {
        java.util.Set<byte[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long total = 0;
        for (Chunk c : chunks.values()) {
            total += 48;
            if (c instanceof Owned o) total += o.bytes.length;
            else if (c instanceof Shared s && seen.add(s.bytes())) total += s.bytes().length;
        }
        return total;
    }

    // ---- chunks ----

    /** The chunk at {@code index} as owned bytes at least {@code needed} long (copying a shared or filled one). */
    private Owned owned(long index, int needed) {
        Chunk chunk = chunks.get(index);
        if (chunk instanceof Owned o) {
            if (o.bytes.length < needed) o.bytes = Arrays.copyOf(o.bytes, grow(o.bytes.length, needed));
            return o;
        }
        Owned o;
        if (chunk instanceof Shared s) {
            o = new Owned(s.bytes().clone(), 0, CHUNK);
        } else if (chunk instanceof Fill f) {
            byte[] bytes = new byte[CHUNK];
            if (f.value() != 0) Arrays.fill(bytes, f.value());
            o = new Owned(bytes, 0, CHUNK);
        } else {
            o = new Owned(new byte[grow(0, needed)], -1, -1);
        }
        chunks.put(index, o);
        return o;
    }

    private static int grow(int length, int needed) {
        int n = Math.max(length, 64);
        while (n < needed) n *= 2;
        return Math.min(n, CHUNK);
    }

    private void allocate(Owned o, int from, int to) {
        long before = o.low < 0 ? 0 : blocks(o);
        o.low = o.low < 0 ? from : Math.min(o.low, from);
        o.high = Math.max(o.high, to);
        account(blocks(o) - before);
    }

    private static long blocks(Owned o) {
        if (o.low < 0 || o.high <= o.low) return 0;
        return ((o.high + BLOCK - 1) / BLOCK - o.low / BLOCK) * (BLOCK / 512L);
    }

    private void release(Chunk c) {
        account(-(c instanceof Owned o ? blocks(o) : CHUNK / 512L));
    }

    private void account(long delta) {
        if (delta == 0) return;
        sectors += delta;
        usage.sectors(delta);
    }

    /**
     * A chunk just written up to its end: if it is whole, keep it as one byte when it is a run of
     * one byte, or share an equal recent chunk's bytes.
     */
    private void seal(long index, Owned o) {
        if (o.low != 0 || o.high != CHUNK || o.bytes.length != CHUNK) return;
        byte[] b = o.bytes;
        byte first = b[0];
        boolean run = true;
        for (int i = 1; i < CHUNK && run; i++) run = b[i] == first;
        account(CHUNK / 512L - blocks(o));
        if (run) {
            chunks.put(index, new Fill(first));
            return;
        }
        for (byte[] r : recent) {
            if (r != null && Arrays.equals(r, b)) {
                chunks.put(index, new Shared(r));
                return;
            }
        }
        recent[recentNext] = b;
        recentNext = (recentNext + 1) % RECENT;
        chunks.put(index, new Shared(b));
    }
}
