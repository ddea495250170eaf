package dev.syssim.sim.virt;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A disk image on the host: a file ({@code guest1.qcow2}) that is a whole disk to a guest. Its
 * format, virtual size and backing file are read from the file's own bytes (the qcow2 header, as
 * QEMU and qemu-img read them); what the guest finds on the disk is kept beside it.
 *
 * <p>The simulation's shortcut, and what a student would see differently: the guest's file system
 * is kept as the simulation's own file tree ({@link #contents}), not encoded as ext4 in the image's
 * clusters. The image's length, its header and its backing chain are real (qemu-img and
 * {@code xxd} show them); its data clusters hold placeholder bytes, so a host {@code pread64} of
 * the image returns bytes, but not the guest's files. An overlay's writes stay in its contents, not
 * in new clusters: the overlay file does not grow.
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

    /** An internal snapshot: its id and name, the guest's disk contents then, and when (simulated nanoseconds, wall clock). */
    public record Snapshot(int id, String name, FileSystem contents, long time) {
    }

    /** What the simulation keeps per image file, beside its bytes. */
    static final class State {
        /** The operating system installed on the image ({@code debian-12}), or null for a blank disk. */
        String os;
        FileSystem contents;
        final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        int nextSnapshotId = 1;
    }

    private final Inode file;
    private final Format format;
    private final long virtualSize;
    private final String backingPath;
    private final String backingFormat;
    private final State state;
    private DiskImage backing;

    DiskImage(Inode file, Format format, long virtualSize, String backingPath, String backingFormat, State state) {
        this.file = file;
        this.format = format;
        this.virtualSize = virtualSize;
        this.backingPath = backingPath;
        this.backingFormat = backingFormat;
        this.state = state;
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

    /** The backing file's format as the header's extension says, or null. */
    public String backingFormat() {
        return backingFormat;
    }

    /** The opened backing image (QEMU opens the chain), or null. */
    public DiskImage backing() {
        return backing;
    }

    /** QEMU opened the backing file this image names. */
    public void setBacking(DiskImage backing) {
        this.backing = backing;
    }

    /** The OS a guest finds on this disk: its own, else its backing file's (an overlay starts as a copy of it). */
    public String os() {
        if (state.os != null) return state.os;
        return backing == null ? null : backing.os();
    }

    /** Whether the firmware finds a boot loader on it. */
    public boolean bootable() {
        return os() != null || state.contents != null;
    }

    /**
     * The guest's file system on this disk, made at first boot from the installed OS (an overlay's
     * changes are its own: the backing file is never written).
     */
    public FileSystem contents(Guests guests, String hostname) {
        if (state.contents == null && os() != null) state.contents = guests.installedSystem(os(), hostname);
        return state.contents;
    }

    /** Internal snapshots, oldest first. */
    public Map<String, Snapshot> snapshots() {
        return state.snapshots;
    }

    /**
     * An internal snapshot {@code name} of the disk now (qemu-img snapshot -c, virsh
     * snapshot-create-as): a copy of the guest's contents. Null if the name exists.
     */
    public Snapshot takeSnapshot(String name, long time) {
        if (state.snapshots.containsKey(name)) return null;
        FileSystem copy = state.contents == null ? null : FileSystemCopy.of(state.contents);
        Snapshot s = new Snapshot(state.nextSnapshotId++, name, copy, time);
        state.snapshots.put(name, s);
        return s;
    }

    /** Back to snapshot {@code name}'s contents (a copy of it: the snapshot stays as it was); false if none. */
    public boolean revertTo(String name) {
        Snapshot s = state.snapshots.get(name);
        if (s == null) return false;
        state.contents = s.contents() == null ? null : FileSystemCopy.of(s.contents());
        return true;
    }

    public boolean deleteSnapshot(String name) {
        return state.snapshots.remove(name) != null;
    }

    @Override
    public String toString() {
        return format.word() + " image, " + virtualSize + " bytes" + (backingPath == null ? "" : ", backed by " + backingPath);
    }
}
