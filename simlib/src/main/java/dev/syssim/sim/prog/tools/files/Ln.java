package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Linkat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.function.Supplier;

/**
 * ln: make links. {@code -s}: a symbolic link, a small file holding a path (the target need not
 * exist); without it, a hard link: a second directory entry for the same inode. {@code -f} removes
 * an existing destination first; {@code -v} says what was made.
 */
public final class Ln extends Tool {

    private static final List<String> LONG = List.of("backup=?>b", "directory>d", "force>f", "interactive>i", "logical>L",
            "no-dereference>n", "physical>P", "relative>r", "symbolic>s", "suffix=>S", "target-directory=>t", "no-target-directory>T",
            "verbose>v", "help", "version");

    /** The settings of one run. */
    private static final class Settings {
        boolean symbolic;
        boolean force;
        boolean interactive;
        boolean verbose;
        boolean relative;
        boolean logical;
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("ln", c.args().operands(), "bdfiLnPrsS:t:Tv", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        Settings s = new Settings();
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "s" -> s.symbolic = true;
                case "f" -> {
                    s.force = true;
                    s.interactive = false;
                }
                case "i" -> {
                    s.interactive = true;
                    s.force = false;
                }
                case "v" -> s.verbose = true;
                case "r" -> s.relative = true;
                case "L" -> s.logical = true;
                case "P" -> s.logical = false;
                default -> { }
            }
        }
        if (s.relative && !s.symbolic) {
            c.error("cannot do --relative without --symbolic");
            return c.exit(1);
        }
        List<String> operands = g.operands();
        String targetDirectory = g.last("t");
        int[] status = {0};
        if (targetDirectory != null) {
            if (operands.isEmpty()) return c.usageError("ln: missing file operand", 1);
            return c.statOf(targetDirectory, true, (err, st) -> {
                if (st == null || st.type() != FileType.DIRECTORY) {
                    if (err != null) c.error("target directory " + Libc.quote(targetDirectory), err);
                    else c.error("target " + Libc.quote(targetDirectory) + " is not a directory");
                    return c.exit(1);
                }
                String prefix = targetDirectory.endsWith("/") ? targetDirectory : targetDirectory + "/";
                return Libc.forEach(operands, (t, next) -> link(c, t, prefix + Cp.Copier.baseName(t), s, status, next), () -> c.exit(status[0]));
            });
        }
        if (operands.isEmpty()) return c.usageError("ln: missing file operand", 1);
        if (operands.size() == 1) {
            String target = operands.get(0);
            return link(c, target, Cp.Copier.baseName(target), s, status, () -> c.exit(status[0]));
        }
        String last = operands.get(operands.size() - 1);
        List<String> targets = operands.subList(0, operands.size() - 1);
        boolean noTarget = g.has("T");
        if (noTarget && targets.size() > 1) return c.usageError("ln: extra operand " + Libc.quote(operands.get(2)), 1);
        return c.statOf(last, !g.has("n"), (err, st) -> {
            boolean intoDirectory = st != null && st.type() == FileType.DIRECTORY && !noTarget;
            if (targets.size() > 1 && !intoDirectory) {
                c.error("target " + Libc.quote(last), err == null ? Errno.ENOTDIR : err);
                return c.exit(1);
            }
            return Libc.forEach(targets, (target, next) -> {
                String name = intoDirectory ? (last.endsWith("/") ? last : last + "/") + Cp.Copier.baseName(target) : last;
                return link(c, target, name, s, status, next);
            }, () -> c.exit(status[0]));
        });
    }

    private static Step link(Libc c, String target, String name, Settings s, int[] status, Supplier<Step> next) {
        java.util.function.Function<String, Step> make = value -> c.sys(s.symbolic ? new Syscall.Symlink(value, name) : new Linkat(value, name), r -> {
            if (r.failed()) {
                report(c, value, name, s.symbolic, r.errno());
                status[0] = 1;
            } else if (s.verbose) {
                c.println(Libc.quote(name) + (s.symbolic ? " -> " : " => ") + Libc.quote(value));
            }
            return next.get();
        });
        java.util.function.Function<String, Step> replacing = value -> c.statOf(name, false, (err, st) -> {
            if (st == null || st.type() == FileType.DIRECTORY) return make.apply(value);
            if (s.interactive) {
                c.eprint("ln: replace " + Libc.quote(name) + "? ");
                return c.readLine(0, answer -> answer != null && answer.startsWith("y")
                        ? c.sys(Syscall.Unlinkat.unlink(name), r -> make.apply(value)) : next.get());
            }
            if (!s.force) return make.apply(value);
            return c.sys(Syscall.Unlinkat.unlink(name), r -> make.apply(value));
        });
        if (s.symbolic) {
            if (!s.relative) return replacing.apply(target);
            // -r: the target as seen from the link's directory
            return Canonical.of(c, target, Canonical.Mode.MISSING, true, (e1, absTarget) -> Canonical.of(c, Basename.dir(name),
                    Canonical.Mode.MISSING, true, (e2, linkDir) -> replacing.apply(Realpath.relative(absTarget, linkDir, null))));
        }
        return c.statOf(target, s.logical, (err, st) -> {
            if (err != null) {
                c.error("failed to access " + Libc.quote(target), err);
                status[0] = 1;
                return next.get();
            }
            if (st.type() == FileType.DIRECTORY) {
                c.error(Quote.f(target, c.utf8()) + ": hard link not allowed for directory");
                status[0] = 1;
                return next.get();
            }
            if (!s.logical || st.type() == FileType.SYMLINK) return replacing.apply(target);
            return Canonical.of(c, target, Canonical.Mode.EXISTING, true, (e, resolved) -> replacing.apply(e == null ? resolved : target));
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
                + "  -f, --force                  remove existing destination files\n"
                + "  -i, --interactive            prompt whether to remove destinations\n"
                + "  -L, --logical                dereference TARGETs that are symbolic links\n"
                + "  -n, --no-dereference         treat LINK_NAME as a normal file if it is a symbolic link to a directory\n"
                + "  -P, --physical               make hard links directly to symbolic links\n"
                + "  -r, --relative               with -s, create links relative to link location\n"
                + "  -s, --symbolic               make symbolic links instead of hard links\n"
                + "  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create the links\n"
                + "  -T, --no-target-directory    treat LINK_NAME as a normal file always\n"
                + "  -v, --verbose                print name of each linked file";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }
}
