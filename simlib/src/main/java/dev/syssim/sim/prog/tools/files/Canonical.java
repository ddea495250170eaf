package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiFunction;

/**
 * gnulib's canonicalize_filename_mode, as {@code readlink -f/-e/-m} and {@code realpath} use it: an
 * absolute name without {@code .}, {@code ..}, repeated slashes or symbolic links, found by looking
 * at each component in turn (lstat, readlink) from the working directory. How much must exist is
 * the mode: every component ({@code -e}), all but the last ({@code -f}), or none ({@code -m}).
 * Following more than 40 links fails with ELOOP, as the kernel's path walk does.
 */
public final class Canonical {

    /** How much of the name must exist. */
    public enum Mode { EXISTING, ALL_BUT_LAST, MISSING }

    private static final int MAX_LINKS = 40;

    private Canonical() {
    }

    /** {@code then} gets an errno, or null and the canonical name. {@code resolveLinks} false: only tidy the name ({@code realpath -s}). */
    public static Step of(Libc c, String name, Mode mode, boolean resolveLinks, BiFunction<Errno, String, Step> then) {
        if (name.isEmpty()) return then.apply(Errno.ENOENT, null);
        if (!resolveLinks && mode != Mode.MISSING) {
            boolean slash = name.length() > 1 && name.endsWith("/");
            if (name.startsWith("/")) return lexical(c, "", components(name), mode, slash, then);
            return c.getcwd((e, cwd) -> e != null ? then.apply(e, null) : lexical(c, cwd.equals("/") ? "" : cwd, components(name), mode, slash, then));
        }
        if (name.startsWith("/")) return walk(c, "", components(name), mode, resolveLinks, 0, then);
        return c.getcwd((e, cwd) -> e != null ? then.apply(e, null) : walk(c, cwd.equals("/") ? "" : cwd, components(name), mode, resolveLinks, 0, then));
    }

    private static Deque<String> components(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : name.split("/")) if (!p.isEmpty()) parts.add(p);
        return parts;
    }

    /**
     * realpath -s: the name tidied without looking at links, as gnulib does under CAN_NOLINKS. A
     * component is looked at (stat, following links) only to check it: one that exists must be a
     * directory when more follows (or a slash ends the name); one that is missing is an error only
     * when "." or ".." follows it (they need a directory), or when it is the last and -e was given.
     * So {@code realpath -s missing/x} prints a name while {@code realpath -s missing/../x} fails.
     */
    private static Step lexical(Libc c, String done, Deque<String> rest, Mode mode, boolean trailingSlash,
                                BiFunction<Errno, String, Step> then) {
        while (!rest.isEmpty() && (rest.peekFirst().equals(".") || rest.peekFirst().equals(".."))) {
            String p = rest.removeFirst();
            if (p.equals("..")) done = done.contains("/") ? done.substring(0, done.lastIndexOf('/')) : "";
        }
        if (rest.isEmpty()) return then.apply(null, done.isEmpty() ? "/" : done);
        String path = done + "/" + rest.removeFirst();
        String next = rest.peekFirst();
        boolean last = next == null;
        boolean needsDirectory = ".".equals(next) || "..".equals(next) || last && trailingSlash;
        return c.statOf(path, true, (err, st) -> {
            if (err != null) {
                if (err != Errno.ENOENT || needsDirectory || last && mode == Mode.EXISTING) return then.apply(err, null);
                return lexical(c, path, rest, mode, trailingSlash, then);
            }
            if (st.type() != FileType.DIRECTORY && (!last || trailingSlash)) return then.apply(Errno.ENOTDIR, null);
            return lexical(c, path, rest, mode, trailingSlash, then);
        });
    }

    /** One component at a time; every step is a syscall, so Java's stack does not grow with the name. */
    private static Step walk(Libc c, String done, Deque<String> rest, Mode mode, boolean resolveLinks, int links,
                             BiFunction<Errno, String, Step> then) {
        while (!rest.isEmpty() && (rest.peekFirst().equals(".") || rest.peekFirst().equals(".."))) {
            String p = rest.removeFirst();
            if (p.equals("..")) done = done.contains("/") ? done.substring(0, done.lastIndexOf('/')) : "";
        }
        if (rest.isEmpty()) return then.apply(null, done.isEmpty() ? "/" : done);
        String part = rest.removeFirst();
        String path = done + "/" + part;
        String base = done;
        if (!resolveLinks && mode == Mode.MISSING) return walk(c, path, rest, mode, false, links, then);
        return c.statOf(path, false, (err, st) -> {
            if (err != null) {
                if (err != Errno.ENOENT && mode != Mode.MISSING) return then.apply(err, null);
                boolean last = rest.isEmpty();
                if (mode == Mode.MISSING || (mode == Mode.ALL_BUT_LAST && last && err == Errno.ENOENT)) {
                    return walk(c, path, rest, mode, resolveLinks, links, then);
                }
                return then.apply(err, null);
            }
            if (st.type() == FileType.SYMLINK && resolveLinks) {
                if (links >= MAX_LINKS) return then.apply(Errno.ELOOP, null);
                return c.sys(new Syscall.Readlink(path), r -> {
                    if (r.failed()) return then.apply(r.errno(), null);
                    String target = (String) r.data();
                    Deque<String> again = components(target);
                    again.addAll(rest);
                    return walk(c, target.startsWith("/") ? "" : base, again, mode, true, links + 1, then);
                });
            }
            // a file in the middle of the name: the kernel would say ENOTDIR
            if (st.type() != FileType.DIRECTORY && !rest.isEmpty() && mode != Mode.MISSING) return then.apply(Errno.ENOTDIR, null);
            return walk(c, path, rest, mode, resolveLinks, links, then);
        });
    }
}
