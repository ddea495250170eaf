package dev.syssim.sim.os;

import java.util.Arrays;

/**
 * A process's file descriptors: small integers naming open file descriptions. New descriptors take
 * the lowest free number, as POSIX requires; close-on-exec ones are dropped by execve.
 */
public final class FdTable {

    private OpenFile[] files = new OpenFile[8];
    private boolean[] closeOnExec = new boolean[8];

    public OpenFile get(int fd) {
        return fd >= 0 && fd < files.length ? files[fd] : null;
    }

    /**
     * Installs at the lowest free descriptor below {@code limit} (the process's RLIMIT_NOFILE, as
     * Linux's fd allocation is bounded by it); -1 if there is none (EMFILE).
     */
    public int install(OpenFile file, boolean cloexec, int limit) {
        for (int fd = 0; fd < limit; fd++) {
            if (fd >= files.length) grow(fd + 1);
            if (files[fd] == null) {
                put(fd, file, cloexec);
                return fd;
            }
        }
        return -1;
    }

    /** Installs at exactly {@code fd} (dup2), returning what was there, to be released. */
    public OpenFile installAt(int fd, OpenFile file, boolean cloexec) {
        if (fd >= files.length) grow(fd + 1);
        OpenFile old = files[fd];
        put(fd, file, cloexec);
        return old;
    }

    private void put(int fd, OpenFile file, boolean cloexec) {
        file.retain();
        files[fd] = file;
        closeOnExec[fd] = cloexec;
    }

    /** Removes the descriptor, returning the description (to be released), or null if none. */
    public OpenFile remove(int fd) {
        OpenFile file = get(fd);
        if (file != null) files[fd] = null;
        return file;
    }

    public void setCloseOnExec(int fd, boolean cloexec) {
        if (get(fd) != null) closeOnExec[fd] = cloexec;
    }

    public boolean isCloseOnExec(int fd) {
        return get(fd) != null && closeOnExec[fd];
    }

    /** The highest possible descriptor + 1, for iteration. */
    public int limit() {
        return files.length;
    }

    /** A copy for a forked child: same descriptions, each gaining a reference. */
    public FdTable copy() {
        FdTable child = new FdTable();
        child.files = new OpenFile[files.length];
        child.closeOnExec = closeOnExec.clone();
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null) {
                files[fd].retain();
                child.files[fd] = files[fd];
            }
        }
        return child;
    }

    public int count() {
        int n = 0;
        for (OpenFile f : files) if (f != null) n++;
        return n;
    }

    private void grow(int min) {
        int n = Math.max(min, files.length * 2);
        files = Arrays.copyOf(files, n);
        closeOnExec = Arrays.copyOf(closeOnExec, n);
    }
}
