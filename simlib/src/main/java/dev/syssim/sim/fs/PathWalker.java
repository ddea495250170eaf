package dev.syssim.sim.fs;

import dev.syssim.sim.os.Errno;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Path resolution (Linux's namei): from the caller's root for an absolute path or its working
 * directory for a relative one, one component at a time, checking search permission on every
 * directory, crossing mounts, following symlinks (at most 40), and never letting {@code ..} climb
 * above the caller's root — which is all that chroot changes.
 */
public final class PathWalker {

    /** Linux's MAXSYMLINKS. */
    public static final int MAX_SYMLINKS = 40;
    public static final int PATH_MAX = 4096;
    public static final int NAME_MAX = 255;

    /** The result of a lookup: a location, or the errno the syscall returns. */
    public record Result(Location location, Errno error) {

        static Result found(Location location) {
            return new Result(location, null);
        }

        static Result failed(Errno error) {
            return new Result(null, error);
        }

        public boolean ok() {
            return error == null;
        }

        public Inode inode() {
            return location.inode();
        }
    }

    /** The directory a new name goes into, and the name; for create, unlink, rename, mkdir. */
    public record ParentResult(Location directory, String name, Errno error) {

        public boolean ok() {
            return error == null;
        }
    }

    private PathWalker() {
    }

    public static Result resolve(PathContext ctx, String path, boolean followLast) {
        return resolveFrom(ctx, path.startsWith("/") ? ctx.root() : ctx.cwd(), path, followLast);
    }

    /** Resolves relative to {@code start} (a directory fd's location, for the *at() calls). */
    public static Result resolveFrom(PathContext ctx, Location start, String path, boolean followLast) {
        if (path.isEmpty()) return Result.failed(Errno.ENOENT);
        if (path.length() >= PATH_MAX) return Result.failed(Errno.ENAMETOOLONG);
        Location current = path.startsWith("/") ? ctx.root() : start;
        Deque<String> rest = split(path);
        boolean mustBeDirectory = path.endsWith("/");
        int symlinks = 0;
        while (!rest.isEmpty()) {
            String name = rest.removeFirst();
            boolean last = rest.isEmpty();
            Inode dir = current.inode();
            if (!dir.isDirectory()) return Result.failed(Errno.ENOTDIR);
            if (!Access.EXECUTE.allowed(dir, ctx.subject())) return Result.failed(Errno.EACCES);
            if (name.length() > NAME_MAX) return Result.failed(Errno.ENAMETOOLONG);
            if (name.equals(".")) continue;
            if (name.equals("..")) {
                current = up(ctx, current);
                continue;
            }
            Inode child = current.mount().fs().lookup(ctx, dir, name);
            if (child == null) return Result.failed(Errno.ENOENT);
            Location next = ctx.mounts().crossMounts(new Location(current.mount(), child));
            boolean follow = !last || followLast || mustBeDirectory;
            if (next.inode().type() == FileType.SYMLINK && follow) {
                if (++symlinks > MAX_SYMLINKS) return Result.failed(Errno.ELOOP);
                String target = next.mount().fs().readlink(ctx, next.inode());
                Deque<String> spliced = split(target);
                spliced.addAll(rest);
                rest = spliced;
                if (target.startsWith("/")) current = ctx.root();
                continue;
            }
            current = next;
        }
        if (mustBeDirectory && !current.inode().isDirectory()) return Result.failed(Errno.ENOTDIR);
        return Result.found(current);
    }

    /** Resolves all but the last component; the last is returned as a name (trailing slashes dropped). */
    public static ParentResult resolveParent(PathContext ctx, String path) {
        if (path.isEmpty()) return new ParentResult(null, null, Errno.ENOENT);
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        if (trimmed.equals("/")) return new ParentResult(ctx.root(), ".", null);
        int slash = trimmed.lastIndexOf('/');
        String dirPath = slash < 0 ? "." : slash == 0 ? "/" : trimmed.substring(0, slash);
        String name = trimmed.substring(slash + 1);
        Result dir = resolve(ctx, dirPath, true);
        if (!dir.ok()) return new ParentResult(null, null, dir.error());
        if (!dir.inode().isDirectory()) return new ParentResult(null, null, Errno.ENOTDIR);
        if (name.length() > NAME_MAX) return new ParentResult(null, null, Errno.ENAMETOOLONG);
        return new ParentResult(dir.location(), name, null);
    }

    /** {@code ..} of a location: stays put at the caller's root, climbs out of a mount at its top. */
    public static Location up(PathContext ctx, Location at) {
        Location current = at;
        while (true) {
            if (sameLocation(current, ctx.root())) return current;
            Mount mount = current.mount();
            if (current.inode() == mount.root() && !mount.isNamespaceRoot()) {
                current = new Location(mount.parent(), mount.mountpoint());
                continue;
            }
            if (current.inode() == mount.root()) return current; // the namespace's top: ".." of "/" is "/"
            return ctx.mounts().crossMounts(new Location(mount, current.inode().parentDirectory()));
        }
    }

    public static boolean sameLocation(Location a, Location b) {
        return a.mount() == b.mount() && a.inode() == b.inode();
    }

    /**
     * The path of {@code target} as the caller sees it (getcwd): walked up to the caller's root. A
     * directory outside the caller's root (after chroot without chdir) is reported, as Linux does,
     * with the prefix {@code (unreachable)}.
     */
    public static String pathOf(PathContext ctx, Location target) {
        Deque<String> names = new ArrayDeque<>();
        Location current = target;
        while (!sameLocation(current, ctx.root())) {
            Mount mount = current.mount();
            if (current.inode() == mount.root()) {
                if (mount.isNamespaceRoot()) return "(unreachable)" + join(names);
                current = new Location(mount.parent(), mount.mountpoint()); // same directory, seen from below
                continue;
            }
            Inode parent = current.inode().parentDirectory();
            if (parent == null) return "(unreachable)" + join(names);
            names.addFirst(nameIn(mount.fs(), parent, current.inode()));
            current = new Location(mount, parent);
        }
        return join(names);
    }

    /**
     * The absolute path, as the caller sees it, of what {@code path} names: its directory resolved
     * (symlinks included) plus its last name — what /proc/PID/fd and /proc/PID/exe show.
     */
    public static String absolute(PathContext ctx, String path, Location resolved) {
        if (resolved.inode().isDirectory()) return pathOf(ctx, resolved);
        ParentResult parent = resolveParent(ctx, path);
        if (!parent.ok()) return path;
        String dir = pathOf(ctx, parent.directory());
        return dir.equals("/") ? "/" + parent.name() : dir + "/" + parent.name();
    }

    private static String join(Deque<String> names) {
        return names.isEmpty() ? "/" : "/" + String.join("/", names);
    }

    private static String nameIn(FileSystem fs, Inode dir, Inode child) {
        for (Dirent entry : fs.list(dir)) {
            if (entry.inode() == child.number()) return entry.name();
        }
        return "?";
    }

    private static Deque<String> split(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) parts.addLast(part);
        }
        return parts;
    }
}
