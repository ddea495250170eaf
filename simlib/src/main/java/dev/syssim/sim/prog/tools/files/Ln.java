package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Linkat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ln: make links. {@code -s}: a symbolic link, a small file holding a path (the target need not
 * exist); without it, a hard link: a second directory entry for the same inode. {@code -f} removes
 * an existing destination first; {@code -v} says what was made.
 */
public final class Ln extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("ln", c.args().operands(), "sfvnT", "", Set.of("help", "symbolic", "force", "verbose", "no-dereference"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> operands = o.operands();
        if (operands.isEmpty()) return c.usageError("ln: missing file operand", 1);
        boolean symbolic = o.hasAny("s", "symbolic");
        boolean force = o.hasAny("f", "force");
        boolean verbose = o.hasAny("v", "verbose");
        int[] status = {0};
        if (operands.size() == 1) {
            String target = operands.get(0);
            return link(c, target, Cp.Copier.baseName(target), symbolic, force, verbose, status, () -> c.exit(status[0]));
        }
        String last = operands.get(operands.size() - 1);
        List<String> targets = operands.subList(0, operands.size() - 1);
        return c.statOf(last, !o.hasAny("n", "no-dereference"), (err, st) -> {
            boolean intoDirectory = st != null && st.type() == FileType.DIRECTORY && !o.has("T");
            if (targets.size() > 1 && !intoDirectory) {
                if (err == null) c.error("target " + Libc.quote(last) + " is not a directory");
                else c.error("target " + Libc.quote(last), err);
                return c.exit(1);
            }
            return Libc.forEach(targets, (target, next) -> {
                String name = intoDirectory ? (last.endsWith("/") ? last : last + "/") + Cp.Copier.baseName(target) : last;
                return link(c, target, name, symbolic, force, verbose, status, next);
            }, () -> c.exit(status[0]));
        });
    }

    private static Step link(Libc c, String target, String name, boolean symbolic, boolean force, boolean verbose, int[] status, Supplier<Step> next) {
        Supplier<Step> make = () -> c.sys(symbolic ? new Syscall.Symlink(target, name) : new Linkat(target, name), r -> {
            if (r.failed()) {
                report(c, target, name, symbolic, r.errno());
                status[0] = 1;
            } else if (verbose) {
                c.println(Libc.quote(name) + (symbolic ? " -> " : " => ") + Libc.quote(target));
            }
            return next.get();
        });
        Supplier<Step> afterRemoval = !force ? make : () -> c.statOf(name, false, (err, st) -> {
            if (st == null || st.type() == FileType.DIRECTORY) return make.get();
            return c.sys(Syscall.Unlinkat.unlink(name), r -> make.get());
        });
        if (symbolic) return afterRemoval.get();
        return c.statOf(target, true, (err, st) -> {
            if (err != null) {
                c.error("failed to access " + Libc.quote(target), err);
                status[0] = 1;
                return next.get();
            }
            if (st.type() == FileType.DIRECTORY) {
                c.error(Libc.quote(target) + ": hard link not allowed for directory");
                status[0] = 1;
                return next.get();
            }
            return afterRemoval.get();
        });
    }

    /** coreutils' wording: the short form when the destination is the problem, else both names. */
    private static void report(Libc c, String target, String name, boolean symbolic, Errno e) {
        boolean destinationProblem = e == Errno.EEXIST || e == Errno.ENOSPC || e == Errno.EROFS;
        if (symbolic) {
            c.error("failed to create symbolic link " + Libc.quote(name) + (destinationProblem ? "" : " -> " + Libc.quote(target)), e);
        } else {
            c.error("failed to create hard link " + Libc.quote(name) + (destinationProblem ? "" : " => " + Libc.quote(target)), e);
        }
    }

    @Override
    public String whatis() {
        return "make links between files";
    }

    @Override
    public String manual() {
        return "ln [OPTION]... TARGET LINK_NAME\n  Create a link to TARGET with the name LINK_NAME (also: ln TARGET, ln TARGET... DIRECTORY).\n"
                + "  Hard links by default, symbolic links with --symbolic.\n"
                + "  -f, --force     remove existing destination files\n"
                + "  -s, --symbolic  make symbolic links instead of hard links\n"
                + "  -v, --verbose   print name of each linked file";
    }
}
