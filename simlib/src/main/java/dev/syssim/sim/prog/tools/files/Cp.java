package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * cp: copy files ({@code -r}: directories too, {@code -p}: keep mode, owner and times, {@code -v}:
 * say what was copied). A copy is new data: open the source, create the target, read and write
 * blocks. Without {@code -p} the new file gets the source's mode minus the umask.
 */
public final class Cp extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("cp", c.args().operands(), "rRpvfaT", "",
                Set.of("help", "recursive", "preserve", "verbose", "force", "archive"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean archive = o.hasAny("a", "archive");
        Copier copier = new Copier(c, "cp", o.hasAny("r", "R", "recursive") || archive, o.hasAny("p", "preserve") || archive,
                o.hasAny("v", "verbose"));
        return copier.run(o.operands(), false);
    }

    /** Copying, shared with mv when a rename would cross file systems. */
    static final class Copier {
        final Libc c;
        final String tool;
        final boolean recursive;
        final boolean preserve;
        final boolean verbose;
        int status;

        Copier(Libc c, String tool, boolean recursive, boolean preserve, boolean verbose) {
            this.c = c;
            this.tool = tool;
            this.recursive = recursive;
            this.preserve = preserve;
            this.verbose = verbose;
        }

        Step run(List<String> operands, boolean moving) {
            if (operands.isEmpty()) return c.usageError(tool + ": missing file operand", 1);
            if (operands.size() == 1) return c.usageError(tool + ": missing destination file operand after " + Libc.quote(operands.get(0)), 1);
            String target = operands.get(operands.size() - 1);
            List<String> sources = operands.subList(0, operands.size() - 1);
            return c.statOf(target, true, (err, st) -> {
                boolean intoDirectory = st != null && st.type() == FileType.DIRECTORY;
                if (sources.size() > 1 && !intoDirectory) {
                    if (err == null) c.error("target " + Libc.quote(target) + " is not a directory");
                    else c.error("target " + Libc.quote(target), err);
                    return c.exit(1);
                }
                return Libc.forEach(sources, (source, next) -> {
                    String dest = intoDirectory ? (target.endsWith("/") ? target : target + "/") + baseName(source) : target;
                    return copyOne(source, dest, next);
                }, () -> c.exit(status));
            });
        }

        static String baseName(String path) {
            String p = path.replaceAll("/+$", "");
            int slash = p.lastIndexOf('/');
            return slash < 0 ? p : p.substring(slash + 1);
        }

        Step copyOne(String source, String dest, Supplier<Step> next) {
            return c.statOf(source, !recursive, (err, st) -> {
                if (err != null) {
                    c.error("cannot stat " + Libc.quote(source), err);
                    status = 1;
                    return next.get();
                }
                if (st.type() == FileType.DIRECTORY) {
                    if (!recursive) {
                        c.error("-r not specified; omitting directory " + Libc.quote(source));
                        status = 1;
                        return next.get();
                    }
                    return copyDirectory(source, dest, st, next);
                }
                return c.statOf(dest, true, (derr, dst) -> {
                    if (dst != null && dst.inode() == st.inode() && dst.device() == st.device()) {
                        c.error(Libc.quote(source) + " and " + Libc.quote(dest) + " are the same file");
                        status = 1;
                        return next.get();
                    }
                    if (st.type() == FileType.SYMLINK) return copySymlink(source, dest, next);
                    return copyFile(source, dest, st, dst != null, next);
                });
            });
        }

        Step copySymlink(String source, String dest, Supplier<Step> next) {
            return c.sys(new Syscall.Readlink(source), r -> c.sys(new Syscall.Symlink((String) r.data(), dest), s -> {
                if (s.failed()) {
                    c.error("cannot create symbolic link " + Libc.quote(dest), s.errno());
                    status = 1;
                } else if (verbose) {
                    c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                }
                return next.get();
            }));
        }

        Step copyFile(String source, String dest, Stat st, boolean exists, Supplier<Step> next) {
            return c.open(source, OpenFlags.O_RDONLY, in -> {
                if (in.failed()) {
                    c.error("cannot open " + Libc.quote(source) + " for reading", in.errno());
                    status = 1;
                    return next.get();
                }
                int from = in.intValue();
                int flags = OpenFlags.O_WRONLY | (exists ? OpenFlags.O_TRUNC : OpenFlags.O_EXCL);
                return c.create(dest, flags, st.permissions() & 0777, out -> {
                    if (out.failed()) {
                        c.error("cannot create regular file " + Libc.quote(dest), out.errno());
                        status = 1;
                        return c.close(from, next);
                    }
                    int to = out.intValue();
                    return c.copy(from, to, e -> {
                        if (e != null) {
                            c.error("error writing " + Libc.quote(dest), e);
                            status = 1;
                        }
                        return c.close(to, () -> c.close(from, () -> preserve(dest, st, () -> {
                            if (verbose) c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                            return next.get();
                        })));
                    });
                });
            });
        }

        /** -p: the owner (if allowed), then the mode; ownership first, since chown clears set-id bits. */
        Step preserve(String dest, Stat st, Supplier<Step> next) {
            if (!preserve) return next.get();
            return c.sys(new Syscall.Chown(dest, st.uid(), st.gid(), true), r ->
                    c.sys(new Syscall.Chmod(dest, st.permissions()), m -> c.sys(new dev.syssim.sim.os.Utimensat(dest, true), t -> next.get())));
        }

        Step copyDirectory(String source, String dest, Stat st, Supplier<Step> next) {
            String src = source.replaceAll("/+$", "");
            if (dest.equals(src) || dest.startsWith(src + "/")) {
                c.error("cannot copy a directory, " + Libc.quote(source) + ", into itself, " + Libc.quote(dest));
                status = 1;
                return next.get();
            }
            return c.sys(new Syscall.Mkdir(dest, st.permissions() & 0777), r -> {
                if (r.failed() && r.errno() != Errno.EEXIST) {
                    c.error("cannot create directory " + Libc.quote(dest), r.errno());
                    status = 1;
                    return next.get();
                }
                if (verbose && !r.failed()) c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                return c.listDirectory(source, false, (err, entries) -> {
                    if (err != null) {
                        c.error("cannot access " + Libc.quote(source), err);
                        status = 1;
                        return next.get();
                    }
                    return Libc.forEach(entries, (d, more) -> copyOne(src + "/" + d.name(), dest + "/" + d.name(), more),
                            () -> preserve(dest, st, next));
                });
            });
        }
    }

    @Override
    public String whatis() {
        return "copy files and directories";
    }

    @Override
    public String manual() {
        return "cp [OPTION]... SOURCE DEST\n  Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY (also: cp [OPTION]... SOURCE... DIRECTORY).\n"
                + "  -a, --archive        same as -pR\n"
                + "  -f, --force          if an existing destination file cannot be opened, remove it and try again\n"
                + "  -p, --preserve       preserve mode, ownership and timestamps\n"
                + "  -R, -r, --recursive  copy directories recursively\n"
                + "  -v, --verbose        explain what is being done";
    }
}
