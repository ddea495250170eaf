package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utimensat;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * install (coreutils 9.1): copy files into place with a mode ({@code -m}, default 0755), owner
 * ({@code -o}) and group ({@code -g}); {@code -d} makes directories (with their parents), {@code -D}
 * makes the destination's leading directories, {@code -t DIR} names the target first, {@code -p}
 * keeps the times, {@code -v} says what it does. An existing destination is replaced, not written
 * into. Not simulated: {@code -s} (stripping), backups.
 */
public final class Install extends Tool {

    private static final List<String> LONG = List.of("backup=?>b", "compare>C", "directory>d", "group=>g", "mode=>m", "owner=>o",
            "preserve-timestamps>p", "strip>s", "strip-program=", "suffix=>S", "target-directory=>t", "no-target-directory>T",
            "verbose>v", "preserve-context", "context=?>Z", "help", "version");

    /** The settings of one run. */
    private static final class Run {
        int mode = 0755;
        int uid = -1;
        int gid = -1;
        boolean verbose;
        boolean preserveTimes;
        boolean leading;
        int status;
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("install", c.args().operands(), "bcCdDg:m:o:psS:t:TvZ", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        Run run = new Run();
        if (g.has("m")) {
            Integer m = Modes.apply(g.last("m"), 0, 0, false);
            if (m == null) {
                c.error("invalid mode " + Quote.locale(g.last("m"), c.utf8()));
                return c.exit(1);
            }
            run.mode = m;
        }
        run.verbose = g.has("v");
        run.preserveTimes = g.has("p");
        run.leading = g.has("D");
        List<String> ops = new ArrayList<>(g.operands());
        boolean dirs = g.has("d");
        String targetDir = g.last("t");
        return c.users(db -> {
            if (g.has("o")) {
                UserDb.User u = db.user(g.last("o"));
                if (u == null && !g.last("o").matches("\\d+")) {
                    c.error("invalid user " + Quote.locale(g.last("o"), c.utf8()));
                    return c.exit(1);
                }
                run.uid = u != null ? u.uid() : Integer.parseInt(g.last("o"));
            }
            if (g.has("g")) {
                UserDb.Group gr = db.group(g.last("g"));
                if (gr == null && !g.last("g").matches("\\d+")) {
                    c.error("invalid group " + Quote.locale(g.last("g"), c.utf8()));
                    return c.exit(1);
                }
                run.gid = gr != null ? gr.gid() : Integer.parseInt(g.last("g"));
            }
            if (dirs) {
                if (ops.isEmpty()) return c.usageError("install: missing file operand", 1);
                return Libc.forEach(ops, (d, next) -> makeDirs(c, run, d, true, () -> attributes(c, run, d, null, next), next),
                        () -> c.exit(run.status));
            }
            if (targetDir != null) {
                if (ops.isEmpty()) return c.usageError("install: missing file operand", 1);
                return intoDirectory(c, run, ops, targetDir);
            }
            if (ops.isEmpty()) return c.usageError("install: missing file operand", 1);
            if (ops.size() == 1) return c.usageError("install: missing destination file operand after " + Libc.quote(ops.get(0)), 1);
            String target = ops.get(ops.size() - 1);
            List<String> sources = ops.subList(0, ops.size() - 1);
            Supplier<Step> go = () -> c.statOf(target, true, (err, st) -> {
                if (st != null && st.type() == FileType.DIRECTORY && !g.has("T")) return intoDirectory(c, run, sources, target);
                if (sources.size() > 1) {
                    if (err != null) c.error("target " + Libc.quote(target), err);
                    else c.error("target " + Libc.quote(target) + " is not a directory");
                    return c.exit(1);
                }
                return copy(c, run, sources.get(0), target, () -> c.exit(run.status));
            });
            if (!run.leading) return go.get();
            String parent = Basename.dir(target);
            return makeDirs(c, run, parent, false, go, () -> c.exit(run.status));
        });
    }

    private Step intoDirectory(Libc c, Run run, List<String> sources, String dir) {
        Supplier<Step> go = () -> c.statOf(dir, true, (err, st) -> {
            if (err != null) {
                c.error("failed to access " + Libc.quote(dir), err);
                return c.exit(1);
            }
            if (st.type() != FileType.DIRECTORY) {
                c.error("target " + Libc.quote(dir) + " is not a directory");
                return c.exit(1);
            }
            return Libc.forEach(sources, (s, next) -> copy(c, run, s, (dir.endsWith("/") ? dir : dir + "/") + Basename.base(s, null), next),
                    () -> c.exit(run.status));
        });
        if (!run.leading) return go.get();
        return makeDirs(c, run, dir, false, go, () -> c.exit(run.status));
    }

    /** mkdir -p, saying "creating directory" with -v; {@code then} runs if it worked, {@code failed} if not. */
    private Step makeDirs(Libc c, Run run, String dir, boolean exact, Supplier<Step> then, Supplier<Step> failed) {
        List<String> steps = new ArrayList<>();
        String p = dir;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) steps.add(p.substring(0, i));
        steps.add(p);
        boolean[] ok = {true};
        return Libc.forEach(steps, (d, next) -> {
            if (!ok[0]) return next.get();
            return c.sys(new Syscall.Mkdir(d, 0755), r -> {
                if (r.failed() && r.errno() != Errno.EEXIST) {
                    c.error("cannot create directory " + Quote.locale(d, c.utf8()), r.errno());
                    run.status = 1;
                    ok[0] = false;
                } else if (!r.failed() && run.verbose) {
                    c.println("install: creating directory " + Libc.quote(d));
                } else if (r.failed()) {
                    return c.statOf(d, true, (e, st) -> {
                        if (st == null || st.type() != FileType.DIRECTORY) {
                            c.error("cannot create directory " + Quote.locale(d, c.utf8()), Errno.EEXIST);
                            run.status = 1;
                            ok[0] = false;
                        }
                        return next.get();
                    });
                }
                return next.get();
            });
        }, () -> ok[0] ? then.get() : failed.get());
    }

    private Step copy(Libc c, Run run, String source, String dest, Supplier<Step> next) {
        return c.statOf(source, true, (err, st) -> {
            if (err != null) {
                c.error("cannot stat " + Libc.quote(source), err);
                run.status = 1;
                return next.get();
            }
            if (st.type() == FileType.DIRECTORY) {
                c.error("omitting directory " + Libc.quote(source));
                run.status = 1;
                return next.get();
            }
            return c.readFile(source, (re, data) -> {
                if (re != null) {
                    c.error("cannot open " + Libc.quote(source) + " for reading", re);
                    run.status = 1;
                    return next.get();
                }
                return c.sys(Syscall.Unlinkat.unlink(dest), u -> c.create(dest, OpenFlags.O_WRONLY | OpenFlags.O_EXCL, 0600, r -> {
                    if (r.failed()) {
                        c.error("cannot create regular file " + Libc.quote(dest), r.errno());
                        run.status = 1;
                        return next.get();
                    }
                    int fd = r.intValue();
                    return c.writeAll(fd, data, we -> c.close(fd, () -> {
                        if (we != null) {
                            c.error("error writing " + Libc.quote(dest), we);
                            run.status = 1;
                            return next.get();
                        }
                        if (run.verbose) c.println(Libc.quote(source) + " -> " + Libc.quote(dest));
                        return attributes(c, run, dest, st, next);
                    }));
                }));
            });
        });
    }

    /** Owner and group first (chown clears set-id bits), then the mode, then -p's times. */
    private Step attributes(Libc c, Run run, String path, Stat source, Supplier<Step> next) {
        Supplier<Step> mode = () -> c.sys(new Syscall.Chmod(path, run.mode), m -> {
            if (m.failed()) {
                c.error("cannot change permissions of " + Libc.quote(path), m.errno());
                run.status = 1;
                return next.get();
            }
            if (!run.preserveTimes || source == null) return next.get();
            return c.sys(new Utimensat(path, true, source.atime(), source.mtime()), t -> next.get());
        });
        if (run.uid == -1 && run.gid == -1) return mode.get();
        return c.sys(new Syscall.Chown(path, run.uid, run.gid, true), o -> {
            if (o.failed()) {
                c.error("cannot change ownership of " + Libc.quote(path), o.errno());
                run.status = 1;
                return next.get();
            }
            return mode.get();
        });
    }

    @Override
    public String whatis() {
        return "copy files and set attributes";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "install [OPTION]... SOURCE DEST\n  Copy SOURCE to DEST or multiple SOURCE(s) to the existing DIRECTORY, while setting permission modes and owner/group (also: install -t DIRECTORY SOURCE..., install -d DIRECTORY...).\n"
                + "  -d, --directory            treat all arguments as directory names; create all components of the specified directories\n"
                + "  -D                         create all leading components of DEST except the last, or all components of --target-directory\n"
                + "  -g, --group=GROUP          set group ownership, instead of process' current group\n"
                + "  -m, --mode=MODE            set permission mode (as in chmod), instead of rwxr-xr-x\n"
                + "  -o, --owner=OWNER          set ownership (super-user only)\n"
                + "  -p, --preserve-timestamps  apply access/modification times of SOURCE files to corresponding destination files\n"
                + "  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n"
                + "  -T, --no-target-directory  treat DEST as a normal file\n"
                + "  -v, --verbose              print the name of each directory as it is created";
    }
}
