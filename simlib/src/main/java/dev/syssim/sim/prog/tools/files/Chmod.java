package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * chmod: change file mode bits, given in octal ({@code 755}) or symbolically ({@code u+x},
 * {@code go-w}, {@code a=r}). Only the owner (or root, with CAP_FOWNER) may. {@code -R} recurses,
 * {@code -v} and {@code -c} report.
 */
public final class Chmod extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>(c.args().operands());
        // a mode such as -w or -x looks like an option: GNU chmod takes it as the mode
        String modeFromDash = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).matches("-[rwxXst]+") && modeFromDash == null) {
                modeFromDash = args.remove(i);
                break;
            }
        }
        Options o = Options.parse("chmod", args, "Rvcf", "", Set.of("help", "recursive", "verbose", "changes", "silent", "quiet"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> operands = new ArrayList<>(o.operands());
        if (modeFromDash != null) operands.add(0, modeFromDash);
        if (operands.isEmpty()) return c.usageError("chmod: missing operand", 1);
        if (operands.size() == 1) return c.usageError("chmod: missing operand after " + Libc.quote(operands.get(0)), 1);
        String spec = operands.get(0);
        if (Modes.apply(spec, 0, 0, false) == null) {
            c.error("invalid mode: " + Libc.quote(spec));
            c.eprint("Try 'chmod --help' for more information.\n");
            return c.exit(1);
        }
        Run run = new Run(c, spec, o.hasAny("R", "recursive"), o.hasAny("v", "verbose"), o.hasAny("c", "changes"), o.hasAny("f", "silent", "quiet"));
        return c.sys(new Syscall.Umask(0), u -> c.sys(new Syscall.Umask(u.intValue()), r -> {
            run.umask = u.intValue();
            return Libc.forEach(operands.subList(1, operands.size()), run::change, () -> c.exit(run.status));
        }));
    }

    private static final class Run {
        final Libc c;
        final String spec;
        final boolean recursive;
        final boolean verbose;
        final boolean changes;
        final boolean quiet;
        int umask;
        int status;

        Run(Libc c, String spec, boolean recursive, boolean verbose, boolean changes, boolean quiet) {
            this.c = c;
            this.spec = spec;
            this.recursive = recursive;
            this.verbose = verbose;
            this.changes = changes;
            this.quiet = quiet;
        }

        Step change(String file, Supplier<Step> next) {
            return c.statOf(file, true, (err, st) -> {
                if (err != null) {
                    if (!quiet) c.error("cannot access " + Libc.quote(file), err);
                    status = 1;
                    return next.get();
                }
                int mode = Modes.apply(spec, st.permissions(), umask, st.type() == FileType.DIRECTORY);
                return c.sys(new Syscall.Chmod(file, mode), r -> {
                    if (r.failed()) {
                        if (!quiet) c.error("changing permissions of " + Libc.quote(file), r.errno());
                        status = 1;
                    } else {
                        report(file, st, mode);
                    }
                    if (recursive && st.type() == FileType.DIRECTORY) return descend(file, next);
                    return next.get();
                });
            });
        }

        void report(String file, Stat st, int mode) {
            boolean changed = mode != st.permissions();
            if (!(verbose || (changes && changed))) return;
            String now = String.format("%04o (%s)", mode, Modes.symbolic(mode));
            if (changed) {
                c.println("mode of " + Libc.quote(file) + " changed from " + String.format("%04o (%s)", st.permissions(), Modes.symbolic(st.permissions())) + " to " + now);
            } else {
                c.println("mode of " + Libc.quote(file) + " retained as " + now);
            }
        }

        Step descend(String dir, Supplier<Step> next) {
            return c.listDirectory(dir, false, (err, entries) -> {
                if (err != null) {
                    if (!quiet) c.error("cannot read directory " + Libc.quote(dir), err);
                    status = 1;
                    return next.get();
                }
                String prefix = dir.endsWith("/") ? dir : dir + "/";
                return Libc.forEach(entries, (d, more) -> d.type() == FileType.SYMLINK ? more.get() : change(prefix + d.name(), more), next);
            });
        }
    }

    @Override
    public String whatis() {
        return "change file mode bits";
    }

    @Override
    public String manual() {
        return "chmod [OPTION]... MODE[,MODE]... FILE...\n  Change the mode of each FILE to MODE: octal (755) or symbolic ([ugoa]*([-+=]([rwxXst]*|[ugo]))+, e.g. u+x, go-w, a=r).\n"
                + "  -c, --changes     like verbose but report only when a change is made\n"
                + "  -f, --silent      suppress most error messages\n"
                + "  -v, --verbose     output a diagnostic for every file processed\n"
                + "  -R, --recursive   change files and directories recursively";
    }
}
