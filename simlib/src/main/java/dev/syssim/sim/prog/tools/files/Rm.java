package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.function.Supplier;

/**
 * rm: remove files, and with {@code -r} directories and their contents (depth first: a directory
 * is removed once it is empty). {@code -f} ignores missing files and never asks; {@code -v} says
 * what went. Without {@code -f}, a file the user may not write makes rm ask first when its input
 * is a terminal ({@code rm: remove write-protected regular file 'x'? }). Removing a name is a
 * change to the directory: write permission there is what counts, and in a sticky directory such
 * as /tmp also owning the file.
 */
public final class Rm extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("rm", c.args().operands(), "dfiIrRv", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        // -f, -i and -I override each other: the last one given counts
        boolean force = false;
        char prompt = 0;
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "f" -> {
                    force = true;
                    prompt = 0;
                }
                case "i" -> {
                    force = false;
                    prompt = 'i';
                }
                case "I" -> {
                    force = false;
                    prompt = 'I';
                }
                case "interactive" -> {
                    String when = o.value() == null ? "always" : o.value();
                    if (List.of("never", "no", "none").contains(when)) {
                        prompt = 0;
                    } else if (List.of("once").contains(when)) {
                        prompt = 'I';
                        force = false;
                    } else if (List.of("always", "yes").contains(when)) {
                        prompt = 'i';
                        force = false;
                    } else {
                        c.eprint("rm: invalid argument " + c.quoteLocale(when) + " for " + c.quoteLocale("--interactive") + "\n"
                                + "Valid arguments are:\n  - " + c.quoteLocale("never") + ", " + c.quoteLocale("no") + ", " + c.quoteLocale("none")
                                + "\n  - " + c.quoteLocale("once") + "\n  - " + c.quoteLocale("always") + ", " + c.quoteLocale("yes") + "\n");
                        return hint(c);
                    }
                }
                default -> { }
            }
        }
        boolean recursive = g.has("r", "R");
        Run run = new Run(c, recursive, force, g.has("v"), g.has("d"), prompt == 'i');
        List<String> operands = g.operands();
        if (operands.isEmpty()) {
            if (run.force) return c.exit(0);
            return c.usageError("rm: missing operand", 1);
        }
        Supplier<Step> go = () -> c.isatty(0, tty -> {
            run.interactiveInput = tty;
            return Libc.forEach(operands, run::remove, () -> c.exit(run.status));
        });
        if (prompt == 'I' && (operands.size() > 3 || recursive)) {
            int n = operands.size();
            String question = "remove " + n + (n == 1 ? " argument" : " arguments") + (recursive ? " recursively" : "") + "? ";
            return run.ask(question, go, () -> c.exit(0));
        }
        return go.get();
    }

    private static final List<String> LONG = List.of("dir>d", "force>f", "interactive=?", "one-file-system", "no-preserve-root",
            "preserve-root=?", "recursive>r", "verbose>v", "help", "version");

    private static Step hint(Libc c) {
        c.eprint("Try 'rm --help' for more information.\n");
        return c.exit(1);
    }

    private static final class Run {
        final Libc c;
        final boolean recursive;
        final boolean force;
        final boolean verbose;
        final boolean emptyDirs;
        final boolean askAlways;
        boolean interactiveInput;
        int status;

        Run(Libc c, boolean recursive, boolean force, boolean verbose, boolean emptyDirs, boolean askAlways) {
            this.c = c;
            this.recursive = recursive;
            this.force = force;
            this.verbose = verbose;
            this.emptyDirs = emptyDirs;
            this.askAlways = askAlways;
        }

        Step remove(String path, Supplier<Step> next) {
            String base = path.replaceAll("/+$", "");
            if (base.equals(".") || base.equals("..") || base.endsWith("/.") || base.endsWith("/..")) {
                c.error("refusing to remove '.' or '..' directory: skipping " + Libc.quote(path));
                status = 1;
                return next.get();
            }
            if (base.isEmpty()) {
                c.error("it is dangerous to operate recursively on " + Libc.quote("/"));
                c.error("use --no-preserve-root to override this failsafe");
                status = 1;
                return next.get();
            }
            return c.statOf(path, false, (err, st) -> {
                if (err != null) {
                    if (!(force && err == Errno.ENOENT)) {
                        c.error("cannot remove " + Libc.quote(path), err);
                        status = 1;
                    }
                    return next.get();
                }
                if (st.type() == FileType.DIRECTORY) {
                    if (recursive) return descend(path, st, next);
                    if (emptyDirs) return askAlways ? ask("remove directory " + Libc.quote(path) + "? ", () -> unlink(path, true, next), next)
                            : unlink(path, true, next);
                    c.error("cannot remove " + Libc.quote(path), Errno.EISDIR);
                    status = 1;
                    return next.get();
                }
                return confirm(path, st, () -> unlink(path, false, next), next);
            });
        }

        /** The question rm asks before removing a file the user may not write (or with -i). */
        Step confirm(String path, Stat st, Supplier<Step> yes, Supplier<Step> no) {
            if (force || st.type() == FileType.SYMLINK) return askAlways ? ask("remove " + describe(st) + " " + Libc.quote(path) + "? ", yes, no) : yes.get();
            if (askAlways) return ask("remove " + describe(st) + " " + Libc.quote(path) + "? ", yes, no);
            if (!interactiveInput) return yes.get();
            return c.sys(new Syscall.Access(path, 2), r -> {
                if (!r.failed() || r.errno() != Errno.EACCES) return yes.get();
                return ask("remove write-protected " + describe(st) + " " + Libc.quote(path) + "? ", yes, no);
            });
        }

        Step ask(String question, Supplier<Step> yes, Supplier<Step> no) {
            c.eprint(c.name() + ": " + question);
            return c.readLine(0, answer -> answer != null && (answer.startsWith("y") || answer.startsWith("Y")) ? yes.get() : no.get());
        }

        String describe(Stat st) {
            return switch (st.type()) {
                case DIRECTORY -> "directory";
                case SYMLINK -> "symbolic link";
                case FIFO -> "fifo";
                case CHAR_DEVICE -> "character special file";
                case BLOCK_DEVICE -> "block special file";
                case SOCKET -> "socket";
                default -> st.size() == 0 ? "regular empty file" : "regular file";
            };
        }

        Step unlink(String path, boolean directory, Supplier<Step> next) {
            Syscall call = directory ? Syscall.Unlinkat.rmdir(path) : Syscall.Unlinkat.unlink(path);
            return c.sys(call, r -> {
                if (r.failed()) {
                    if (!(force && r.errno() == Errno.ENOENT)) {
                        c.error("cannot remove " + Libc.quote(path), r.errno());
                        status = 1;
                    }
                    return next.get();
                }
                if (verbose) c.println((directory ? "removed directory " : "removed ") + Libc.quote(path));
                return next.get();
            });
        }

        /** -r with -i: "descend into directory" first for one with entries, "remove directory" last. */
        Step descend(String dir, Stat st, Supplier<Step> next) {
            if (!askAlways) return removeTree(dir, next);
            return c.listDirectory(dir, false, (err, entries) -> {
                if (err == null && entries.isEmpty()) {
                    return ask("remove directory " + Libc.quote(dir) + "? ", () -> unlink(dir, true, next), next);
                }
                return ask("descend into directory " + Libc.quote(dir) + "? ", () -> removeTree(dir, next), next);
            });
        }

        /** -r: the entries first (read with getdents), then the emptied directory itself. */
        Step removeTree(String dir, Supplier<Step> next) {
            return c.listDirectory(dir, false, (err, entries) -> {
                if (err != null) {
                    c.error("cannot remove " + Libc.quote(dir), err);
                    status = 1;
                    return next.get();
                }
                String prefix = dir.endsWith("/") ? dir : dir + "/";
                int before = status;
                boolean[] kept = {false};
                return Libc.forEach(entries, (d, more) -> c.statOf(prefix + d.name(), false, (e, st) -> {
                    if (e != null) return more.get();
                    if (st.type() == FileType.DIRECTORY) return descend(prefix + d.name(), st, more);
                    return confirm(prefix + d.name(), st, () -> unlink(prefix + d.name(), false, more), () -> {
                        kept[0] = true;
                        return more.get();
                    });
                }), () -> {
                    if (status != before) return next.get();
                    if (askAlways) return ask("remove directory " + Libc.quote(dir) + "? ", () -> unlink(dir, true, next), next);
                    return unlink(dir, true, next);
                });
            });
        }
    }

    @Override
    public String whatis() {
        return "remove files or directories";
    }

    @Override
    public String manual() {
        return "rm [OPTION]... [FILE]...\n  Remove (unlink) the FILE(s).\n"
                + "  -f, --force      ignore nonexistent files and arguments, never prompt\n"
                + "  -i               prompt before every removal\n"
                + "  -I               prompt once before removing more than three files, or when removing recursively\n"
                + "      --interactive[=WHEN]  prompt according to WHEN: never, once (-I), or always (-i)\n"
                + "  -r, -R, --recursive  remove directories and their contents recursively\n"
                + "  -d, --dir        remove empty directories\n"
                + "  -v, --verbose    explain what is being done\n"
                + "  By default, rm does not remove directories. Use the --recursive (-r or -R) option to remove\n"
                + "  each listed directory, too, along with all of its contents.";
    }
}
