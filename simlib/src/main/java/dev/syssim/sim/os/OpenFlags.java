package dev.syssim.sim.os;

import java.util.ArrayList;
import java.util.List;

/** open(2) flags with their x86-64 values, and strace's way of printing them. */
public final class OpenFlags {

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int ACCMODE = 03;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NOCTTY = 0400;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    /** Reads and writes bypass the page cache (how QEMU opens a disk image with cache=none). */
    public static final int O_DIRECT = 040000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;

    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    public static final int AT_REMOVEDIR = 0x200;
    public static final int AT_EMPTY_PATH = 0x1000;

    private OpenFlags() {
    }

    /** {@code O_WRONLY|O_CREAT|O_TRUNC}, as strace prints them. */
    public static String describe(int flags) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (flags & ACCMODE) {
            case O_WRONLY -> "O_WRONLY";
            case O_RDWR -> "O_RDWR";
            default -> "O_RDONLY";
        });
        if ((flags & O_CREAT) != 0) parts.add("O_CREAT");
        if ((flags & O_EXCL) != 0) parts.add("O_EXCL");
        if ((flags & O_NOCTTY) != 0) parts.add("O_NOCTTY");
        if ((flags & O_TRUNC) != 0) parts.add("O_TRUNC");
        if ((flags & O_APPEND) != 0) parts.add("O_APPEND");
        if ((flags & O_NONBLOCK) != 0) parts.add("O_NONBLOCK");
        if ((flags & O_DIRECT) != 0) parts.add("O_DIRECT");
        if ((flags & O_DIRECTORY) != 0) parts.add("O_DIRECTORY");
        if ((flags & O_NOFOLLOW) != 0) parts.add("O_NOFOLLOW");
        if ((flags & O_CLOEXEC) != 0) parts.add("O_CLOEXEC");
        return String.join("|", parts);
    }

    public static String dirfd(int fd) {
        return fd == AT_FDCWD ? "AT_FDCWD" : Integer.toString(fd);
    }
}
