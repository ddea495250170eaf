package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Linkat;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utimensat;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * cp (coreutils 9.1): copy files — {@code -r}/{@code -R} directories too, {@code -p} keep mode,
 * owner and times ({@code --preserve=LIST}), {@code -a} archive ({@code -dR --preserve=all}),
 * {@code -d}/{@code -P} copy symbolic links as links, {@code -L} follow them, {@code -H} follow
 * those on the command line, {@code --parents} keep the source's directories under the target,
 * {@code -n} never overwrite, {@code -i} ask first, {@code -u} only when newer, {@code -l} hard
 * links, {@code -s} symbolic links, {@code -t DIR}, {@code -T}, {@code -v}. A copy is new data: open
 * the source, create the target, read and write blocks; without {@code -p} the new file gets the
 * source's mode less the umask.
 */
public final class Cp extends Tool {

    private static final List<String> LONG = List.of("archive>a", "backup=?>b", "copy-contents", "no-dereference>P", "force>f",
            "interactive>i", "link>l", "dereference>L", "no-clobber>n", "parents", "preserve=?", "no-preserve=", "recursive>R",
            "remove-destination", "reflink=?", "sparse=", "strip-trailing-slashes", "symbolic-link>s", "suffix=>S",
            "target-directory=>t", "no-target-directory>T", "update=?>u", "verbose>v", "one-file-system>x", "attributes-only",
            "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("cp", c.args().operands(), "abdfHilLnprRsS:t:TuvxP", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        Copier copier = new Copier(c, "cp", false, false, false);
        char links = 0;
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "a" -> {
                    copier.recursive = true;
                    copier.preserve = true;
                    links = 'P';
                }
                case "d" -> links = 'P';
                case "P" -> links = 'P';
                case "L" -> links = 'L';
                case "H" -> links = 'H';
                case "r", "R" -> copier.recursive = true;
                case "p" -> copier.preserve = true;
                case "preserve" -> copier.preserve = o.value() == null || o.value().contains("mode") || o.value().contains("all")
                        || o.value().contains("timestamps") || o.value().contains("ownership");
                case "no-preserve" -> copier.preserve = false;
                case "v" -> copier.verbose = true;
                case "n" -> copier.overwrite = 'n';
                case "i" -> copier.overwrite = 'i';
                case "f" -> copier.force = true;
                case "u" -> copier.updateOnly = true;
                case "l" -> copier.hardLink = true;
                case "s" -> copier.symbolic = true;
                case "remove-destination" -> copier.removeFirst = true;
                default -> { }
            }
        }
        // -R without -L or -H copies symbolic links as links, as coreutils does
        copier.links = links != 0 ? links : copier.recursive ? 'P' : 'L';
        copier.parents = g.has("parents");
        return copier.run(g.operands(), g.last("t"), g.has("T"));
    }

    /** Copying, shared with mv when a rename would cross file systems. */
    static final class Copier {
        final Libc c;
        final String tool;
        boolean recursive;
        boolean preserve;
        boolean verbose;
        /** How an existing destination is treated: 0 overwrite, 'n' keep, 'i' ask. */
        char overwrite;
        boolean force;
        boolean updateOnly;
        boolean hardLink;
        boolean symbolic;
        boolean removeFirst;
        boolean parents;
        /** Symbolic links: 'P' copied as links, 'L' followed, 'H' followed on the command line only. */
        char links = 'L';
        int status;

        Copier(Libc c, String tool, boolean recursive, boolean preserve, boolean verbose) {
            this.c = c;
            this.tool = tool;
            this.recursive = recursive;
            this.preserve = preserve;
            this.verbose = verbose;
        }

        Step run(List<String> operands, String targetDirectory, boolean noTargetDirectory) {
            List<String> sources;
            String target;
            if (targetDirectory != null) {
                if (operands.isEmpty()) return c.usageError(tool + ": missing file operand", 1);
                sources = operands;
                target = targetDirectory;
            } else {
                if (operands.isEmpty()) return c.usageError(tool + ": missing file operand", 1);
                if (operands.size() == 1) return c.usageError(tool + ": missing destination file operand after " + Libc.quote(operands.get(0)), 1);
                target = operands.get(operands.size() - 1);
                sources = operands.subList(0, operands.size() - 1);
            }
            if (noTargetDirectory && sources.size() > 1) return c.usageError(tool + ": extra operand " + Libc.quote(operands.get(2)), 1);
            return c.statOf(target, true, (err, st) -> {
                boolean intoDirectory = st != null && st.type() == FileType.DIRECTORY && !noTargetDirectory;
                if (targetDirectory != null && !intoDirectory) {
                    if (err != null) c.error("target directory " + Libc.quote(target), err);
                    else c.error("target " + Libc.quote(target) + " is not a directory");
                    return c.exit(1);
                }
                if (parents && !intoDirectory) return c.usageError(tool + ": with --parents, the destination must be a directory", 1);
                if (sources.size() > 1 && !intoDirectory) {
                    c.error("target " + Libc.quote(target), err == null ? Errno.ENOTDIR : err);
                    return c.exit(1);
                }
                String dirPrefix = target.endsWith("/") ? target : target + "/";
                return Libc.forEach(sources, (source, next) -> {
                    if (parents) return withParents(source, dirPrefix, next);
                    String dest = intoDirectory ? dirPrefix + baseName(source) : target;
                    return copyOne(source, dest, true, next);
                }, () -> c.exit(status));
            });
        }

        /** --parents: make the source's directories under the target (saying so with -v), then copy. */
        Step withParents(String source, String dirPrefix, Supplier<Step> next) {
            String clean = source.replaceAll("/+$", "");
            List<String> dirs = new ArrayList<>();
            for (int i = clean.indexOf('/', 1); i > 0; i = clean.indexOf('/', i + 1)) dirs.add(clean.substring(0, i));
            boolean[] failed = {false};
            return Libc.forEach(dirs, (d, more) -> failed[0] ? more.get() : c.statOf(d, true, (e, st) -> {
                if (e != null) {
                    c.error("cannot stat " + Libc.quote(d), e);
                    status = 1;
                    failed[0] = true;
                    return more.get();
                }
                String made = dirPrefix + d;
                return c.sys(new Syscall.Mkdir(made, st.permissions() & 0777), r -> {
                    if (r.failed() && r.errno() != Errno.EEXIST) {
                        c.error("cannot make directory " + Libc.quote(made), r.errno());
                        status = 1;
                        failed[0] = true;
                    } else if (!r.failed() && verbose) {
                        c.println(d + " -> " + made);
                    }
                    return more.get();
                });
            }), () -> failed[0] ? next.get() : copyOne(source, dirPrefix + clean, true, next));
        }

        static String baseName(String path) {
            String p = path.replaceAll("/+$", "");
            int slash = p.lastIndexOf('/');
            return slash < 0 ? p : p.substring(slash + 1);
        }

        Step copyOne(String source, String dest, boolean commandLine, Supplier<Step> next) {
            boolean follow = links == 'L' || (links == 'H' && commandLine);
            return c.statOf(source, follow, (err, st) -> {
                if (err != null) {
                    c.error("cannot stat " + Libc.quote(source), err);
                    status = 1;
                    return next.get();
                }
                if (st.type() == FileType.DIRECTORY && !hardLink && !symbolic || st.type() == FileType.DIRECTORY && recursive) {
                    if (!recursive) {
                        c.error("-r not specified; omitting directory " + Libc.quote(source));
                        status = 1;
                        return next.get();
                    }
                    return copyDirectory(source, dest, st, next);
                }
                return c.statOf(dest, true, (derr, dst) -> c.statOf(dest, false, (lerr, ldst) -> {
                    boolean exists = ldst != null;
                    if (dst != null && dst.inode() == st.inode() && dst.device() == st.device() && !symbolic) {
                        c.error(Libc.quote(source) + " and " + Libc.quote(dest) + " are the same file");
                        status = 1;
                        return next.get();
                    }
                    if (exists && dst != null && dst.type() == FileType.DIRECTORY && st.type() != FileType.DIRECTORY) {
                        c.error("cannot overwrite directory " + Libc.quote(dest) + " with non-directory");
                        status = 1;
                        return next.get();
                    }
                    Supplier<Step> copy = () -> {
                        if (symbolic) return makeLink(source, dest, exists, true, next);
                        if (hardLink) return makeLink(source, dest, exists, false, next);
                        if (st.type() == FileType.SYMLINK) return copySymlink(source, dest, exists, next);
                        if (st.type() == FileType.FIFO || st.type() == FileType.CHAR_DEVICE || st.type() == FileType.BLOCK_DEVICE) {
                            return copySpecial(source, dest, st, next);
                        }
                        return copyFile(source, dest, st, exists && dst != null, next);
                    };
                    if (!exists) return copy.get();
                    if (overwrite == 'n') return next.get();
                    if (updateOnly && dst != null && dst.mtime() >= st.mtime()) return next.get();
                    if (overwrite == 'i') return ask("overwrite " + Libc.quote(dest) + "? ", copy, next);
                    return copy.get();
                }));
            });
        }

        Step ask(String question, Supplier<Step> yes, Supplier<Step> no) {
            c.eprint(tool + ": " + question);
            return c.readLine(0, answer -> answer != null && (answer.startsWith("y") || answer.startsWith("Y")) ? yes.get() : no.get());
        }

        Step makeLink(String source, String dest, boolean exists, boolean symbolicLink, Supplier<Step> next) {
            Supplier<Step> make = () -> c.sys(symbolicLink ? new Syscall.Symlink(source, dest) : new Linkat(source, dest), r -> {
                if (r.failed()) {
                    c.error("cannot create " + (symbolicLink ? "symbolic" : "hard") + " link " + Libc.quote(dest)
                            + (symbolicLink ? " to " : " to ") + Libc.quote(source), r.errno());
                    status = 1;
                } else if (verbose) {
                    c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                }
                return next.get();
            });
            if (!exists) return make.get();
            return c.sys(Syscall.Unlinkat.unlink(dest), u -> make.get());
        }

        Step copySymlink(String source, String dest, boolean exists, Supplier<Step> next) {
            return c.sys(new Syscall.Readlink(source), r -> {
                Supplier<Step> make = () -> c.sys(new Syscall.Symlink((String) r.data(), dest), s -> {
                    if (s.failed()) {
                        c.error("cannot create symbolic link " + Libc.quote(dest), s.errno());
                        status = 1;
                    } else if (verbose) {
                        c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                    }
                    return next.get();
                });
                if (!exists) return make.get();
                return c.sys(Syscall.Unlinkat.unlink(dest), u -> make.get());
            });
        }

        Step copySpecial(String source, String dest, Stat st, Supplier<Step> next) {
            int type = st.type() == FileType.FIFO ? 0010000 : st.type() == FileType.CHAR_DEVICE ? 0020000 : 0060000;
            return c.sys(new Syscall.Mknod(dest, type | (st.permissions() & 07777), st.rdevMajor(), st.rdevMinor()), r -> {
                if (r.failed()) {
                    c.error("cannot create special file " + Libc.quote(dest), r.errno());
                    status = 1;
                    return next.get();
                }
                if (verbose) c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                return preserve(dest, st, next);
            });
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
                    if (out.failed() && exists && (force || removeFirst) && out.errno() == Errno.EACCES) {
                        // -f: an existing destination that cannot be opened is removed and created again
                        return c.sys(Syscall.Unlinkat.unlink(dest), u -> c.close(from, () -> copyFile(source, dest, st, false, next)));
                    }
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
                        return c.close(to, () -> c.close(from, () -> {
                            if (verbose) c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                            return preserve(dest, st, next);
                        }));
                    });
                });
            });
        }

        /** -p: the owner (if allowed), then the mode, then the times; ownership first, since chown clears set-id bits. */
        Step preserve(String dest, Stat st, Supplier<Step> next) {
            if (!preserve) return next.get();
            return c.sys(new Syscall.Chown(dest, st.uid(), st.gid(), true), r ->
                    c.sys(new Syscall.Chmod(dest, st.permissions()), m -> c.sys(new Utimensat(dest, true, st.atime(), st.mtime()), t -> next.get())));
        }

        Step copyDirectory(String source, String dest, Stat st, Supplier<Step> next) {
            return c.statOf(dest, true, (e, existing) -> {
                if (existing != null && existing.type() != FileType.DIRECTORY) {
                    c.error("cannot overwrite non-directory " + Libc.quote(dest) + " with directory " + Libc.quote(source));
                    status = 1;
                    return next.get();
                }
                return makeDirectory(source, dest, st, next);
            });
        }

        Step makeDirectory(String source, String dest, Stat st, Supplier<Step> next) {
            String src = source.replaceAll("/+$", "");
            if (dest.equals(src) || dest.startsWith(src + "/")) {
                c.error("cannot copy a directory, " + Libc.quote(source) + ", into itself, " + Libc.quote(dest));
                status = 1;
                return next.get();
            }
            return c.sys(new Syscall.Mkdir(dest, st.permissions() & 0777 | 0700), r -> {
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
                    String base = dest.endsWith("/") ? dest : dest + "/";
                    return Libc.forEach(entries, (d, more) -> copyOne(src + "/" + d.name(), base + d.name(), false, more), () -> {
                        if (preserve) return preserve(dest, st, next);
                        if (r.failed() || (st.permissions() & 0700) == 0700) return next.get();
                        // made with u+rwx so its entries could be written; now the source's mode less the umask
                        return c.sys(new Syscall.Umask(0), u -> c.sys(new Syscall.Umask((int) u.value()),
                                u2 -> c.sys(new Syscall.Chmod(dest, st.permissions() & 0777 & ~(int) u.value()), m -> next.get())));
                    });
                });
            });
        }
    }

    @Override
    public String whatis() {
        return "copy files and directories";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "cp [OPTION]... SOURCE DEST\n  Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY (also: cp [OPTION]... -t DIRECTORY SOURCE...).\n"
                + "  -a, --archive                same as -dR --preserve=all\n"
                + "  -d                           same as --no-dereference --preserve=links\n"
                + "  -f, --force                  if an existing destination file cannot be opened, remove it and try again\n"
                + "  -i, --interactive            prompt before overwrite\n"
                + "  -H                           follow command-line symbolic links in SOURCE\n"
                + "  -l, --link                   hard link files instead of copying\n"
                + "  -L, --dereference            always follow symbolic links in SOURCE\n"
                + "  -n, --no-clobber             do not overwrite an existing file\n"
                + "  -P, --no-dereference         never follow symbolic links in SOURCE\n"
                + "  -p                           same as --preserve=mode,ownership,timestamps\n"
                + "      --parents                use full source file name under DIRECTORY\n"
                + "  -R, -r, --recursive          copy directories recursively\n"
                + "  -s, --symbolic-link          make symbolic links instead of copying\n"
                + "  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n"
                + "  -T, --no-target-directory    treat DEST as a normal file\n"
                + "  -u, --update                 copy only when the SOURCE file is newer than the destination file or when the destination file is missing\n"
                + "  -v, --verbose                explain what is being done";
    }
}
