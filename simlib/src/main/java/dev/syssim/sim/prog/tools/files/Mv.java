package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.function.Supplier;

/**
 * mv (coreutils 9.1): move (rename) files. Within one file system a move is a single rename(2): no
 * data is copied, only directory entries change. Across file systems (EXDEV) mv copies — links as
 * links, keeping mode, owner and times — then removes the original. {@code -n} never overwrites,
 * {@code -i} asks, {@code -f} does not, {@code -u} only replaces older files, {@code -t DIR} names
 * the target first, {@code -T} never moves into a directory, {@code -v} says what was done.
 */
public final class Mv extends Tool {

    private static final List<String> LONG = List.of("backup=?>b", "force>f", "interactive>i", "no-clobber>n", "strip-trailing-slashes",
            "suffix=>S", "target-directory=>t", "no-target-directory>T", "update=?>u", "verbose>v", "context>Z", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("mv", c.args().operands(), "bfinS:t:TuvZ", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        char overwrite = 0;
        for (Getopt.Opt o : g.options()) {
            if (o.is("f")) overwrite = 'f';
            else if (o.is("i")) overwrite = 'i';
            else if (o.is("n")) overwrite = 'n';
        }
        Run run = new Run(c, overwrite, g.has("u"), g.has("v"));
        List<String> operands = g.operands();
        String targetDirectory = g.last("t");
        List<String> sources;
        String target;
        if (targetDirectory != null) {
            if (operands.isEmpty()) return c.usageError("mv: missing file operand", 1);
            sources = operands;
            target = targetDirectory;
        } else {
            if (operands.isEmpty()) return c.usageError("mv: missing file operand", 1);
            if (operands.size() == 1) return c.usageError("mv: missing destination file operand after " + Libc.quote(operands.get(0)), 1);
            target = operands.get(operands.size() - 1);
            sources = operands.subList(0, operands.size() - 1);
        }
        boolean noTarget = g.has("T");
        if (noTarget && sources.size() > 1) return c.usageError("mv: extra operand " + Libc.quote(operands.get(2)), 1);
        return c.statOf(target, true, (err, st) -> {
            boolean intoDirectory = st != null && st.type() == FileType.DIRECTORY && !noTarget;
            if (targetDirectory != null && !intoDirectory) {
                if (err != null) c.error("target directory " + Libc.quote(target), err);
                else c.error("target " + Libc.quote(target) + " is not a directory");
                return c.exit(1);
            }
            if (sources.size() > 1 && !intoDirectory) {
                c.error("target " + Libc.quote(target), err == null ? Errno.ENOTDIR : err);
                return c.exit(1);
            }
            String prefix = target.endsWith("/") ? target : target + "/";
            return Libc.forEach(sources, (source, next) -> run.move(source, intoDirectory ? prefix + Cp.Copier.baseName(source) : target, next),
                    () -> c.exit(run.status));
        });
    }

    private static final class Run {
        final Libc c;
        final char overwrite;
        final boolean update;
        final boolean verbose;
        int status;

        Run(Libc c, char overwrite, boolean update, boolean verbose) {
            this.c = c;
            this.overwrite = overwrite;
            this.update = update;
            this.verbose = verbose;
        }

        Step move(String source, String dest, Supplier<Step> next) {
            return c.statOf(source, false, (serr, sst) -> {
                if (serr != null) {
                    c.error("cannot stat " + Libc.quote(source), serr);
                    status = 1;
                    return next.get();
                }
                return c.statOf(dest, false, (derr, dst) -> {
                    if (dst != null && dst.inode() == sst.inode() && dst.device() == sst.device()) {
                        c.error(Libc.quote(source) + " and " + Libc.quote(dest) + " are the same file");
                        status = 1;
                        return next.get();
                    }
                    Supplier<Step> go = () -> rename(source, dest, sst, next);
                    if (dst == null) return go.get();
                    if (dst.type() == FileType.DIRECTORY && sst.type() != FileType.DIRECTORY) {
                        c.error("cannot overwrite directory " + Libc.quote(dest) + " with non-directory");
                        status = 1;
                        return next.get();
                    }
                    if (dst.type() != FileType.DIRECTORY && sst.type() == FileType.DIRECTORY) {
                        c.error("cannot overwrite non-directory " + Libc.quote(dest) + " with directory " + Libc.quote(source));
                        status = 1;
                        return next.get();
                    }
                    if (overwrite == 'n') return next.get();
                    if (update && dst.mtime() >= sst.mtime()) return next.get();
                    if (overwrite == 'i') return ask("overwrite " + Libc.quote(dest) + "? ", go, next);
                    if (overwrite == 'f') return go.get();
                    return c.isatty(0, tty -> {
                        if (!tty) return go.get();
                        return c.sys(new Syscall.Access(dest, 2), w -> w.failed()
                                ? ask("replace " + Libc.quote(dest) + ", overriding mode " + String.format("%04o", dst.permissions())
                                        + " (" + Ls.modeString(dst).substring(1) + ")? ", go, next)
                                : go.get());
                    });
                });
            });
        }

        Step ask(String question, Supplier<Step> yes, Supplier<Step> no) {
            c.eprint("mv: " + question);
            return c.readLine(0, answer -> answer != null && (answer.startsWith("y") || answer.startsWith("Y")) ? yes.get() : no.get());
        }

        Step rename(String source, String dest, Stat sst, Supplier<Step> next) {
            return c.sys(new Syscall.Rename(source, dest), r -> {
                if (!r.failed()) {
                    if (verbose) c.println("renamed " + Libc.quote(source) + " -> " + Libc.quote(dest));
                    return next.get();
                }
                if (r.errno() == Errno.EXDEV) return moveAcross(source, dest, sst.type() == FileType.DIRECTORY, next);
                if (r.errno() == Errno.EINVAL) {
                    c.error("cannot move " + Libc.quote(source) + " to a subdirectory of itself, " + Libc.quote(dest));
                } else if (r.errno() == Errno.ENOTEMPTY || r.errno() == Errno.EEXIST) {
                    c.error("cannot move " + Libc.quote(source) + " to " + Libc.quote(dest), Errno.ENOTEMPTY);
                } else {
                    c.error("cannot move " + Libc.quote(source) + " to " + Libc.quote(dest), r.errno());
                }
                status = 1;
                return next.get();
            });
        }

        /** Across file systems: copy everything (links as links, mode, owner and times), then remove the source. */
        Step moveAcross(String source, String dest, boolean directory, Supplier<Step> next) {
            Cp.Copier copier = new Cp.Copier(c, "mv", true, true, false);
            copier.links = 'P';
            return copier.copyOne(source, dest, true, () -> {
                if (copier.status != 0) {
                    status = 1;
                    return next.get();
                }
                if (verbose) c.println("copied " + Libc.quote(source) + " -> " + Libc.quote(dest));
                return removeTree(source, directory, next);
            });
        }

        Step removeTree(String path, boolean directory, Supplier<Step> next) {
            if (!directory) {
                return c.sys(Syscall.Unlinkat.unlink(path), r -> {
                    if (r.failed()) {
                        c.error("cannot remove " + Libc.quote(path), r.errno());
                        status = 1;
                    }
                    return next.get();
                });
            }
            return c.listDirectory(path, false, (err, entries) -> Libc.forEach(entries == null ? List.<dev.syssim.sim.fs.Dirent>of() : entries,
                    (d, more) -> removeTree(path + "/" + d.name(), d.type() == FileType.DIRECTORY, more),
                    () -> c.sys(Syscall.Unlinkat.rmdir(path), r -> next.get())));
        }
    }

    @Override
    public String whatis() {
        return "move (rename) files";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "mv [OPTION]... SOURCE DEST\n  Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY (also: mv [OPTION]... -t DIRECTORY SOURCE...).\n"
                + "  -f, --force                  do not prompt before overwriting\n"
                + "  -i, --interactive            prompt before overwrite\n"
                + "  -n, --no-clobber             do not overwrite an existing file\n"
                + "  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY\n"
                + "  -T, --no-target-directory    treat DEST as a normal file\n"
                + "  -u, --update                 move only when the SOURCE file is newer than the destination file or when the destination file is missing\n"
                + "  -v, --verbose                explain what is being done\n"
                + "  If you specify more than one of -i, -f, -n, only the final one takes effect.";
    }
}
