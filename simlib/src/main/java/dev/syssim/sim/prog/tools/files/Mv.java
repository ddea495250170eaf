package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;

/**
 * mv: move (rename) files. Within one file system a move is a single rename(2): no data is copied,
 * only directory entries change. Across file systems (EXDEV) mv copies, then removes the original.
 */
public final class Mv extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("mv", c.args().operands(), "fvin", "", Set.of("help", "force", "verbose"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> operands = o.operands();
        if (operands.isEmpty()) return c.usageError("mv: missing file operand", 1);
        if (operands.size() == 1) return c.usageError("mv: missing destination file operand after " + Libc.quote(operands.get(0)), 1);
        boolean verbose = o.hasAny("v", "verbose");
        String target = operands.get(operands.size() - 1);
        List<String> sources = operands.subList(0, operands.size() - 1);
        int[] status = {0};
        return c.statOf(target, true, (err, st) -> {
            boolean intoDirectory = st != null && st.type() == FileType.DIRECTORY;
            if (sources.size() > 1 && !intoDirectory) {
                if (err == null) c.error("target " + Libc.quote(target) + " is not a directory");
                else c.error("target " + Libc.quote(target), err);
                return c.exit(1);
            }
            return Libc.forEach(sources, (source, next) -> {
                String dest = intoDirectory ? (target.endsWith("/") ? target : target + "/") + Cp.Copier.baseName(source) : target;
                return c.statOf(source, false, (serr, sst) -> {
                    if (serr != null) {
                        c.error("cannot stat " + Libc.quote(source), serr);
                        status[0] = 1;
                        return next.get();
                    }
                    return c.sys(new Syscall.Rename(source, dest), r -> {
                        if (!r.failed()) {
                            if (verbose) c.println("renamed " + Libc.quote(source) + " -> " + Libc.quote(dest));
                            return next.get();
                        }
                        if (r.errno() == Errno.EXDEV) return moveAcross(c, source, dest, sst.type() == FileType.DIRECTORY, verbose, status, next);
                        if (r.errno() == Errno.EINVAL) {
                            c.error("cannot move " + Libc.quote(source) + " to a subdirectory of itself, " + Libc.quote(dest));
                        } else {
                            c.error("cannot move " + Libc.quote(source) + " to " + Libc.quote(dest), r.errno());
                        }
                        status[0] = 1;
                        return next.get();
                    });
                });
            }, () -> c.exit(status[0]));
        });
    }

    /** Across file systems: copy everything (keeping mode, owner and times), then remove the source. */
    private static Step moveAcross(Libc c, String source, String dest, boolean directory, boolean verbose, int[] status,
                                   java.util.function.Supplier<Step> next) {
        Cp.Copier copier = new Cp.Copier(c, "mv", true, true, false);
        return copier.copyOne(source, dest, () -> {
            if (copier.status != 0) {
                status[0] = 1;
                return next.get();
            }
            if (verbose) c.println("copied " + Libc.quote(source) + " -> " + Libc.quote(dest));
            return removeTree(c, source, directory, status, next);
        });
    }

    private static Step removeTree(Libc c, String path, boolean directory, int[] status, java.util.function.Supplier<Step> next) {
        if (!directory) return c.sys(Syscall.Unlinkat.unlink(path), r -> {
            if (r.failed()) {
                c.error("cannot remove " + Libc.quote(path), r.errno());
                status[0] = 1;
            }
            return next.get();
        });
        return c.listDirectory(path, false, (err, entries) -> Libc.forEach(entries == null ? List.<dev.syssim.sim.fs.Dirent>of() : entries,
                (d, more) -> removeTree(c, path + "/" + d.name(), d.type() == FileType.DIRECTORY, status, more),
                () -> c.sys(Syscall.Unlinkat.rmdir(path), r -> next.get())));
    }

    @Override
    public String whatis() {
        return "move (rename) files";
    }

    @Override
    public String manual() {
        return "mv [OPTION]... SOURCE DEST\n  Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY (also: mv [OPTION]... SOURCE... DIRECTORY).\n"
                + "  -f, --force     do not prompt before overwriting\n"
                + "  -v, --verbose   explain what is being done";
    }
}
