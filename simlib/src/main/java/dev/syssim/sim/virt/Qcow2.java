package dev.syssim.sim.virt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The qcow2 file format's metadata as QEMU 7.2 writes a fresh image (docs/interop/qcow2.txt): a
 * version 3 header with its extensions (backing format, feature table) in the first 64 KiB cluster,
 * the refcount table in the second, a refcount block in the third, and the L1 table in the fourth —
 * so a new image is 196,608 bytes plus 8 per L1 entry (one entry maps 512 MiB with 64 KiB
 * clusters), as {@code qemu-img create} leaves it. Data clusters follow as they are allocated.
 */
public final class Qcow2 {

    public static final int CLUSTER = 65536;
    /** "QFI\xfb". */
    public static final int MAGIC = 0x514649fb;
    private static final long HEADER_LENGTH = 112;
    private static final int EXT_BACKING_FORMAT = 0xe2792aca;
    private static final int EXT_FEATURE_TABLE = 0x6803f857;

    private Qcow2() {
    }

    /** L1 entries for a virtual disk of {@code size} bytes (each covers 8192 clusters of 64 KiB). */
    public static long l1Entries(long size) {
        long perEntry = (long) CLUSTER * (CLUSTER / 8);
        return (size + perEntry - 1) / perEntry;
    }

    /** The length of a freshly created image of {@code size} bytes. */
    public static long freshLength(long size) {
        return 3L * CLUSTER + 8 * l1Entries(size);
    }

    /** The first four clusters of a fresh image: header, refcount table, refcount block, L1 table. */
    public static byte[] freshImage(long size, String backingFile, String backingFormat) {
        int length = (int) freshLength(size);
        ByteBuffer b = ByteBuffer.allocate(length);
        long l1 = l1Entries(size);
        b.putInt(MAGIC).putInt(3);
        byte[] backing = backingFile == null ? new byte[0] : backingFile.getBytes(StandardCharsets.UTF_8);
        long extensionsEnd = HEADER_LENGTH;
        b.putLong(0).putInt(backing.length); // backing file offset (set below), size
        b.putInt(16); // cluster_bits
        b.putLong(size);
        b.putInt(0); // crypt_method
        b.putInt((int) l1);
        b.putLong(3L * CLUSTER); // l1_table_offset
        b.putLong(CLUSTER); // refcount_table_offset
        b.putInt(1); // refcount_table_clusters
        b.putInt(0); // nb_snapshots
        b.putLong(0); // snapshots_offset
        b.putLong(0).putLong(0).putLong(0); // incompatible, compatible, autoclear features
        b.putInt(4); // refcount_order: 16-bit refcounts
        b.putInt((int) HEADER_LENGTH);
        b.put((byte) 0); // compression type zlib
        b.put(new byte[7]); // padding to 112
        b.position((int) HEADER_LENGTH);
        if (backingFormat != null) {
            byte[] fmt = backingFormat.getBytes(StandardCharsets.UTF_8);
            b.putInt(EXT_BACKING_FORMAT).putInt(fmt.length).put(fmt);
            while (b.position() % 8 != 0) b.put((byte) 0);
        }
        String[][] features = {{"0", "0", "dirty bit"}, {"0", "1", "corrupt bit"}, {"0", "2", "external data file"},
                {"0", "3", "compression type"}, {"0", "4", "extended L2 entries"}, {"1", "0", "lazy refcounts"},
                {"2", "0", "bitmaps"}, {"2", "1", "raw external data"}};
        b.putInt(EXT_FEATURE_TABLE).putInt(features.length * 48);
        for (String[] f : features) {
            b.put((byte) Integer.parseInt(f[0])).put((byte) Integer.parseInt(f[1]));
            byte[] name = new byte[46];
            byte[] text = f[2].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, name, 0, text.length);
            b.put(name);
        }
        b.putInt(0).putInt(0); // end of extensions
        extensionsEnd = b.position();
        if (backing.length > 0) {
            b.putLong(8, extensionsEnd);
            b.put(backing);
        }
        b.putLong(CLUSTER, 2L * CLUSTER); // refcount table: one block at cluster 2
        for (int c = 0; c < 4; c++) b.putShort(2 * CLUSTER + 2 * c, (short) 1); // clusters 0..3 in use
        return b.array();
    }

    /** Whether {@code bytes} start with the qcow2 magic. */
    public static boolean isQcow2(byte[] bytes) {
        return bytes.length >= 4 && ByteBuffer.wrap(bytes).getInt() == MAGIC;
    }

    /** The virtual size a qcow2 header records. */
    public static long virtualSize(byte[] header) {
        return ByteBuffer.wrap(header).getLong(24);
    }

    /** The backing file named in a qcow2 header, or null. */
    public static String backingFile(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header);
        long offset = b.getLong(8);
        int length = b.getInt(16);
        if (offset == 0 || length == 0 || offset + length > header.length) return null;
        return new String(header, (int) offset, length, StandardCharsets.UTF_8);
    }
}
