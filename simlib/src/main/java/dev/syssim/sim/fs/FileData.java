package dev.syssim.sim.fs;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes of a regular file, stored as a file system stores them rather than as one array: in
 * 64 KiB chunks, with holes where nothing was ever written (a sparse file from {@code truncate -s 1G}
 * or {@code dd seek=} costs nothing), runs of whole chunks of one repeated byte kept as that byte and
 * a count ({@code dd if=/dev/zero} filling a 32 GiB disk is one entry), and a full chunk equal to one
 * of the file's recent ones shared with it ({@code yes | head -c 100M} repeats a handful of chunks).
 * Writing touches only the chunks written, so appending costs the bytes appended, not the whole file
 * again.
 *
 * <p>st_blocks is counted as ext4 counts 4 KiB blocks: a chunk allocates the blocks between the first
 * and the last byte ever written into it. Simplification: a chunk written at its start and its end
 * counts the blocks in between as allocated although ext4 would leave a hole there.
 *
 * <p>The file also counts the Java heap its chunks hold ({@link #heapBytes}), so that a world can cap
 * what all its files together keep in the kernel's memory.
 */
public final class FileData {

    /** The chunk size: large enough that a 100 MB file is 1,600 entries, small enough to share often. */
    public static final int CHUNK = 65536;
    private static final int BLOCK = 4096;
    private static final long SECTORS_PER_CHUNK = CHUNK / 512L;
    /** How many of the file's recent full chunks a new full chunk is compared with. */
    private static final int RECENT = 8;
    /** Heap an entry of the chunk map costs besides its bytes (map entry, boxed index, chunk object). */
    static final int ENTRY_HEAP = 80;

    /** One entry of the chunk map: mutable bytes, shared immutable bytes, or a run of chunks of one byte. */
    private sealed interface Chunk permits Owned, Shared, Fill {
    }

    /**
     * Bytes this file alone holds, at one chunk position. {@code bytes} may be shorter than a chunk
     * (bytes past it read as zero); {@code low}/{@code high} bound what was written, for st_blocks.
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

    /**
     * A full chunk that never changes, possibly held by several chunk positions of this file; it
     * counts how many, so its heap is given back when the last one lets go.
     */
    private static final class Shared implements Chunk {
        final byte[] bytes;
        int holders;

        Shared(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** {@code count} whole chunks from the entry's position on, each {@code value} repeated. */
    private record Fill(byte value, long count) implements Chunk {
    }

    /**
     * Told how many 512-byte sectors the file gained or lost, so its file system can say what is
     * used, and how many bytes of Java heap its chunks hold, so the world can cap what all its
     * files keep in the kernel's memory.
     */
    public interface Usage {
        void sectors(long delta);

        default void heapBytes(long delta) {
        }
    }

    private static final Usage NOBODY = delta -> { };

    private final TreeMap<Long, Chunk> chunks = new TreeMap<>();
    private final Shared[] recent = new Shared[RECENT];
    private int recentNext;
    private long size;
    private long sectors;
    private long heap;
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
        this.usage.heapBytes(-heap);
        this.usage = usage == null ? NOBODY : usage;
        this.usage.sectors(sectors);
        this.usage.heapBytes(heap);
    }

    public long size() {
        return size;
    }

    /** st_blocks: 512-byte sectors allocated, in whole 4 KiB blocks. */
    public long sectors() {
        return sectors;
    }

    /** Bytes of Java heap the chunks hold: owned arrays, each shared array once, and the map's entries. */
    public long heapBytes() {
        return heap;
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
            Chunk chunk = chunkAt(index);
            if (chunk instanceof Owned o) {
                int available = Math.max(0, Math.min(take, o.bytes.length - within));
                if (available > 0) System.arraycopy(o.bytes, within, out, done, available);
            } else if (chunk instanceof Shared s) {
                System.arraycopy(s.bytes, within, out, done, take);
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
            if (take == CHUNK && isRun(data, from + done)) {
                // a whole chunk of one byte (dd if=/dev/zero): kept as that byte, nothing copied
                putFill(index, data[from + done]);
            } else {
                Owned o = owned(index, within + take);
                System.arraycopy(data, from + done, o.bytes, within, take);
                allocate(o, within, within + take);
                if (within + take == CHUNK) seal(index, o);
            }
            done += take;
        }
        size = Math.max(size, offset + length);
    }

    public void write(long offset, byte[] data) {
        write(offset, data, 0, data.length);
    }

    /**
     * The sectors a write of {@code length} bytes at {@code offset} would add: blocks it touches that
     * are not allocated yet (a file system checks this against its free space before writing).
     */
    public long sectorsToWrite(long offset, long length) {
        long total = 0;
        long done = 0;
        while (done < length) {
            long at = offset + done;
            long index = at / CHUNK;
            int within = (int) (at % CHUNK);
            int take = (int) Math.min(length - done, CHUNK - within);
            Chunk chunk = chunkAt(index);
            if (chunk == null) {
                total += blocks(within, within + take);
            } else if (chunk instanceof Owned o) {
                int low = o.low < 0 ? within : Math.min(o.low, within);
                int high = Math.max(o.high, within + take);
                total += blocks(low, high) - blocks(o);
            }
            done += take;
        }
        return total;
    }

    /** Cuts the file to {@code newSize} or extends it with a hole, as ftruncate(2) does. */
    public void truncate(long newSize) {
        if (newSize < size) {
            long firstGone = (newSize + CHUNK - 1) / CHUNK;
            splitAt(firstGone);
            Map<Long, Chunk> tail = chunks.tailMap(firstGone, true);
            for (Chunk c : tail.values()) release(c);
            tail.clear();
            int keep = (int) (newSize % CHUNK);
            long partial = newSize / CHUNK;
            if (keep > 0 && chunkAt(partial) != null) {
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

    // ---- chunks ----

    /** The chunk covering position {@code index} (an entry there, or a run of fills reaching it), or null for a hole. */
    private Chunk chunkAt(long index) {
        Map.Entry<Long, Chunk> e = chunks.floorEntry(index);
        if (e == null) return null;
        if (e.getKey() == index) return e.getValue();
        return e.getValue() instanceof Fill f && e.getKey() + f.count() > index ? f : null;
    }

    /** Makes {@code index} the start of its own entry, splitting a run of fills that covers it. */
    private void splitAt(long index) {
        Map.Entry<Long, Chunk> e = chunks.floorEntry(index);
        if (e == null || e.getKey() == index || !(e.getValue() instanceof Fill f) || e.getKey() + f.count() <= index) return;
        long before = index - e.getKey();
        chunks.put(e.getKey(), new Fill(f.value(), before));
        chunks.put(index, new Fill(f.value(), f.count() - before));
        heap(ENTRY_HEAP);
    }

    /** Position {@code index} alone becomes {@code chunk}; what was there is released. */
    private void replace(long index, Chunk chunk) {
        splitAt(index);
        splitAt(index + 1);
        Chunk old = chunks.put(index, chunk);
        heap(ENTRY_HEAP);
        if (old != null) release(old);
    }

    /** A whole chunk of {@code value} at {@code index}: joins the run of fills just before it when it can. */
    private void putFill(long index, byte value) {
        Chunk here = chunkAt(index);
        if (here instanceof Fill f && f.value() == value) return;
        if (here != null) {
            splitAt(index);
            splitAt(index + 1);
            release(chunks.remove(index));
        }
        Map.Entry<Long, Chunk> previous = chunks.lowerEntry(index);
        if (previous != null && previous.getValue() instanceof Fill f && f.value() == value && previous.getKey() + f.count() == index) {
            chunks.put(previous.getKey(), new Fill(value, f.count() + 1));
        } else {
            chunks.put(index, new Fill(value, 1));
            heap(ENTRY_HEAP);
        }
        account(SECTORS_PER_CHUNK);
    }

    /** The chunk at {@code index} as owned bytes at least {@code needed} long (copying a shared or filled one). */
    private Owned owned(long index, int needed) {
        Chunk chunk = chunkAt(index);
        if (chunk instanceof Owned o) {
            if (o.bytes.length < needed) {
                int longer = grow(o.bytes.length, needed);
                heap(longer - o.bytes.length);
                o.bytes = Arrays.copyOf(o.bytes, longer);
            }
            return o;
        }
        Owned o;
        if (chunk instanceof Shared s) {
            o = new Owned(s.bytes.clone(), 0, CHUNK);
        } else if (chunk instanceof Fill f) {
            byte[] bytes = new byte[CHUNK];
            if (f.value() != 0) Arrays.fill(bytes, f.value());
            o = new Owned(bytes, 0, CHUNK);
        } else {
            o = new Owned(new byte[grow(0, needed)], -1, -1);
        }
        replace(index, o);
        account(blocks(o));
        heap(o.bytes.length);
        return o;
    }

    private static int grow(int length, int needed) {
        int n = Math.max(length, 64);
        while (n < needed) n *= 2;
        return Math.min(n, CHUNK);
    }

    private static boolean isRun(byte[] data, int from) {
        // equal to itself shifted by one byte: every byte is the first one (vectorised by the JDK)
        return Arrays.mismatch(data, from, from + CHUNK - 1, data, from + 1, from + CHUNK) < 0;
    }

    private void allocate(Owned o, int from, int to) {
        long before = blocks(o);
        o.low = o.low < 0 ? from : Math.min(o.low, from);
        o.high = Math.max(o.high, to);
        account(blocks(o) - before);
    }

    private static long blocks(Owned o) {
        if (o.low < 0 || o.high <= o.low) return 0;
        return blocks(o.low, o.high);
    }

    private static long blocks(int low, int high) {
        if (high <= low) return 0;
        return ((high + BLOCK - 1) / BLOCK - low / BLOCK) * (BLOCK / 512L);
    }

    /** An entry leaves the map: its blocks and heap are given back. */
    private void release(Chunk c) {
        heap(-ENTRY_HEAP);
        if (c instanceof Owned o) {
            account(-blocks(o));
            heap(-o.bytes.length);
        } else if (c instanceof Shared s) {
            account(-SECTORS_PER_CHUNK);
            if (--s.holders == 0) heap(-s.bytes.length);
        } else if (c instanceof Fill f) {
            account(-SECTORS_PER_CHUNK * f.count());
        }
    }

    private void account(long delta) {
        if (delta == 0) return;
        sectors += delta;
        usage.sectors(delta);
    }

    private void heap(long delta) {
        if (delta == 0) return;
        heap += delta;
        usage.heapBytes(delta);
    }

    /**
     * A chunk just written up to its end: if it is whole, keep it as one byte when it is a run of
     * one byte, or share an equal recent chunk's bytes.
     */
    private void seal(long index, Owned o) {
        if (o.low != 0 || o.high != CHUNK || o.bytes.length != CHUNK) return;
        byte[] b = o.bytes;
        if (isRun(b, 0)) {
            putFill(index, b[0]);
            return;
        }
        for (Shared r : recent) {
            if (r != null && Arrays.equals(r.bytes, b)) {
                share(index, r);
                return;
            }
        }
        Shared fresh = new Shared(b);
        recent[recentNext] = fresh;
        recentNext = (recentNext + 1) % RECENT;
        share(index, fresh);
    }

    private void share(long index, Shared s) {
        s.holders++;
        if (s.holders == 1) heap(s.bytes.length);
        replace(index, s);
        account(SECTORS_PER_CHUNK);
    }
}
