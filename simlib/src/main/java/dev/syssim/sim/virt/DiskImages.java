package dev.syssim.sim.virt;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.os.Kernel;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The disk images of one host, by their file: what {@code qemu-img} made or the machine was
 * installed with. A file that is not registered is read as a raw image of its own length, blank.
 */
public final class DiskImages {

    private final Map<Inode, DiskImage> images = new IdentityHashMap<>();

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

    /** The image a file holds; an unknown file is a blank raw disk of the file's length. */
    public DiskImage of(Inode file) {
        DiskImage known = images.get(file);
        if (known != null) return known;
        return new DiskImage(file, DiskImage.Format.RAW, file.size(), null, null, null);
    }

    /** Records that {@code file} is an image (qemu-img create, or the installer). */
    public DiskImage register(Inode file, DiskImage.Format format, long virtualSize, String backingPath, DiskImage backing, String os) {
        DiskImage image = new DiskImage(file, format, virtualSize, backingPath, backing, os);
        images.put(file, image);
        return image;
    }

    public boolean isImage(Inode file) {
        return images.containsKey(file);
    }

    /** A deep copy of a guest's file system: what an internal snapshot keeps. */
    public static FileSystem copy(FileSystem fs) {
        return FileSystemCopy.of(fs);
    }
}
