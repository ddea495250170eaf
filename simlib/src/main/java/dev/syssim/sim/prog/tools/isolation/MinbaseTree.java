package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a {@code debootstrap --variant=minbase bookworm} run leaves, written straight into a
 * file tree: the merged-/usr skeleton and the files of every package the recorded run extracts.
 * Other rooms build a Debian root from it without running debootstrap (the container engine's
 * {@code debian:bookworm} image is that tree, as Docker's official image is a debootstrap minbase).
 */
public final class MinbaseTree {

    private MinbaseTree() {
    }

    /** Writes bookworm's minbase into {@code fs} (owned by root; no device nodes: a container's /dev is made at start). */
    public static void write(FileSystem fs) {
        List<Debootstrap.Entry> all = new ArrayList<>(Packages.skeleton());
        for (String pkg : extracted()) all.addAll(Packages.files(pkg, "bookworm", ExecImage.BOOKWORM_GLIBC));
        for (Debootstrap.Entry e : all) put(fs, e);
    }

    /** The packages the recorded bookworm run extracts, in its order. */
    private static Set<String> extracted() {
        Set<String> pkgs = new LinkedHashSet<>();
        try (InputStream in = Debootstrap.class.getResourceAsStream("debootstrap/bookworm-minbase.log")) {
            if (in == null) throw new IllegalStateException("no bookworm recording");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("I: Extracting ")) continue;
                String pkg = line.substring("I: Extracting ".length(), line.length() - 3);
                int colon = pkg.indexOf(':');
                pkgs.add(colon > 0 ? pkg.substring(0, colon) : pkg);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pkgs;
    }

    private static void put(FileSystem fs, Debootstrap.Entry e) {
        int slash = e.path().lastIndexOf('/');
        Inode dir = directory(fs, e.path().substring(0, slash));
        String name = e.path().substring(slash + 1);
        Inode old = dir.entries().get(name);
        if (old != null && e.kind() == Debootstrap.Kind.DIR && old.isDirectory()) return;
        if (old != null) fs.unlink(dir, name);
        switch (e.kind()) {
            case DIR -> fs.mkdir(dir, name, e.mode(), 0, 0).setPermissions(e.mode());
            case LINK -> fs.symlink(dir, name, e.target(), 0, 0);
            case FILE -> fs.createFile(dir, name, e.mode(), 0, 0, e.data()).setPermissions(e.mode());
            case CHAR -> fs.mknod(dir, name, FileType.CHAR_DEVICE, e.mode(), e.major(), e.minor(), 0, 0);
        }
    }

    /** The directory at {@code path}, following the skeleton's symlinks (bin -> usr/bin) and making what is missing. */
    private static Inode directory(FileSystem fs, String path) {
        Inode at = fs.root();
        List<Inode> parents = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            Inode next = at.entries().get(part);
            if (next == null) next = fs.mkdir(at, part, 0755, 0, 0);
            if (next.type() == FileType.SYMLINK) {
                String target = next.symlinkTarget();
                next = target.startsWith("/") ? directory(fs, target) : directory(fs, pathOf(fs, parents, at) + "/" + target);
            }
            parents.add(at);
            at = next;
        }
        return at;
    }

    /** The path of {@code dir} below the root, by walking names (the skeleton's links point only within the top levels). */
    private static String pathOf(FileSystem fs, List<Inode> parents, Inode dir) {
        StringBuilder b = new StringBuilder();
        List<Inode> chain = new ArrayList<>(parents);
        chain.add(dir);
        for (int i = 1; i < chain.size(); i++) {
            for (var en : chain.get(i - 1).entries().entrySet()) if (en.getValue() == chain.get(i)) b.append('/').append(en.getKey());
        }
        return b.toString();
    }
}
