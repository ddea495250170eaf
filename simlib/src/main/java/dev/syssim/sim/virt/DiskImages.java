package dev.syssim.sim.virt;

import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.os.Kernel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The disk images of one host: what an image file is, read from its bytes (a qcow2 header, or a raw
 * disk of the file's length), and what the simulation keeps beside each file — the OS installed on
 * it, the guest's contents, internal snapshots.
 */
public final class DiskImages {

    private static final int EXT_BACKING_FORMAT = 0xe2792aca;

    private final Map<Inode, DiskImage.State> states = new IdentityHashMap<>();

    private DiskImages() {
    }

    /** The host's registry (made on first use). */
    public static DiskImages of(Kernel host) {
        DiskImages d = host.room(DiskImages.class);
        if (d == null) {
            d = new DiskImages();
            host.attachRoom(DiskImages.class, d);
        }
        return d;
    }

    /** What {@code file} holds, as its header says. */
    public DiskImage of(Inode file) {
        DiskImage.State state = states.computeIfAbsent(file, f -> new DiskImage.State());
        byte[] head = file.fs().readContent(file, 0, 4096);
        if (!Qcow2.isQcow2(head) || head.length < 112) {
            return new DiskImage(file, DiskImage.Format.RAW, file.size(), null, null, state);
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        String backingFormat = null;
        int at = b.getInt(100);
        while (at + 8 <= head.length) {
            int type = b.getInt(at);
            int length = b.getInt(at + 4);
            if (type == 0 || at + 8 + length > head.length) break;
            if (type == EXT_BACKING_FORMAT) backingFormat = new String(head, at + 8, length, StandardCharsets.UTF_8);
            at += 8 + (length + 7) / 8 * 8;
        }
        return new DiskImage(file, DiskImage.Format.QCOW2, Qcow2.virtualSize(head), Qcow2.backingFile(head), backingFormat, state);
    }

    /** Records that {@code file} holds an installed {@code os} (a cloud image the machine came with). */
    public void installed(Inode file, String os) {
        states.computeIfAbsent(file, f -> new DiskImage.State()).os = os;
    }
}
