package dev.syssim.sim.virt;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A disk image on the host: a file ({@code guest1.qcow2}) that is a whole disk to a guest. The host
 * sees its bytes — the qcow2 header and metadata QEMU writes, and data clusters; the guest sees a
 * disk of {@link #virtualSize()} bytes holding a file system.
 *
 * <p>The simulation's shortcut, and what a student would see differently: the guest's file system
 * is kept as the simulation's own file tree beside the image ({@link #contents}), not encoded as
 * ext4 in the image's clusters. The image's length, its header and its backing chain are real
 * (qemu-img and {@code xxd} show them); its data clusters hold placeholder bytes, so a host
 * {@code pread64} of the image returns bytes, but not the guest's files.
 */
public final class DiskImage {

    /** The image formats the simulation knows. */
    public enum Format {
        QCOW2("qcow2"), RAW("raw");

        private final String word;

        Format(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Format named(String word) {
            for (Format f : values()) if (f.word.equals(word)) return f;
            return null;
        }
    }

    /** An internal snapshot: its name, the guest's disk contents then, and when (simulated time). */
    public record Snapshot(String name, FileSystem contents, long time) {
    }

    private final Inode file;
    private final Format format;
    private final long virtualSize;
    private final String backingPath;
    private final DiskImage backing;
    /** The operating system installed on the image ({@code debian-12}), or null for a blank disk. */
    private final String os;
    private FileSystem contents;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    DiskImage(Inode file, Format format, long virtualSize, String backingPath, DiskImage backing, String os) {
        this.file = file;
        this.format = format;
        this.virtualSize = virtualSize;
        this.backingPath = backingPath;
        this.backing = backing;
        this.os = os;
    }

    public Inode file() {
        return file;
    }

    public Format format() {
        return format;
    }

    public long virtualSize() {
        return virtualSize;
    }

    /** The backing file as the header names it, or null. */
    public String backingPath() {
        return backingPath;
    }

    public DiskImage backing() {
        return backing;
    }

    /** The OS a guest finds on this disk: its own, else its backing file's (an overlay starts as a copy of it). */
    public String os() {
        if (os != null) return os;
        return backing == null ? null : backing.os();
    }

    /** Whether the firmware finds a boot loader on it. */
    public boolean bootable() {
        return os() != null;
    }

    /**
     * The guest's file system on this disk, made at first boot from the installed OS (an overlay's
     * changes are its own: the backing file is never written).
     */
    public FileSystem contents(Guests guests, String hostname) {
        if (contents == null && bootable()) contents = guests.installedSystem(os(), hostname);
        return contents;
    }

    /** Replaces the disk's contents (a snapshot revert). */
    void setContents(FileSystem fs) {
        this.contents = fs;
    }

    FileSystem currentContents() {
        return contents;
    }

    public Map<String, Snapshot> snapshots() {
        return snapshots;
    }

    @Override
    public String toString() {
        return format.word() + " image, " + virtualSize + " bytes" + (backingPath == null ? "" : ", backed by " + backingPath);
    }
}
