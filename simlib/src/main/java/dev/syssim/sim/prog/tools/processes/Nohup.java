package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * nohup (coreutils 9.1): run a command immune to hangups. It ignores SIGHUP (which the command
 * inherits across exec) and, where its streams are a terminal that may go away, moves them: input
 * from a terminal is replaced by /dev/null (opened write-only, so reads fail), output to a terminal
 * is appended to {@code nohup.out} (or {@code $HOME/nohup.out}, mode 0600), and error to a
 * terminal joins the output. Each move is told on standard error. Exit status 125 if nohup itself
 * fails, 126/127 if the command cannot be run or found, else the command's.
 */
public final class Nohup extends Tool {

    private static final int FAILED = 125;

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("nohup", c.args().operands(), "", "", Set.of("help", "version"), Set.of(), false);
        if (o.failed()) return c.usageError(o.error(), FAILED);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("nohup: missing operand", FAILED);
        List<String> command = o.operands();
        return c.isatty(0, input -> c.isatty(1, output -> c.isatty(2, error ->
                ignoreInput(c, input && !output && !error, input, () ->
                        appendOutput(c, output, input, () ->
                                joinError(c, error, output, input, () ->
                                        c.sys(new Syscall.RtSigaction(Signal.SIGHUP, true), r -> exec(c, command))))))));
    }

    private static Step ignoreInput(Libc c, boolean say, boolean terminal, Supplier<Step> then) {
        if (!terminal) return then.get();
        return c.open("/dev/null", OpenFlags.O_WRONLY, r -> {
            if (r.failed()) {
                c.error("failed to render standard input unusable", r.errno());
                return c.exit(FAILED);
            }
            if (say) c.error("ignoring input");
            return moveTo(c, r.intValue(), 0, then);
        });
    }

    private static Step appendOutput(Libc c, boolean terminal, boolean input, Supplier<Step> then) {
        if (!terminal) return then.get();
        String home = c.env("HOME");
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_APPEND;
        return c.create("nohup.out", flags, 0600, r -> {
            if (!r.failed()) return appended(c, r.intValue(), "nohup.out", input, then);
            if (home == null) return cannotOpen(c, "nohup.out", r.errno());
            String inHome = home + "/nohup.out";
            return c.create(inHome, flags, 0600, r2 -> r2.failed() ? cannotOpen(c, inHome, r2.errno())
                    : appended(c, r2.intValue(), inHome, input, then));
        });
    }

    private static Step appended(Libc c, int fd, String file, boolean input, Supplier<Step> then) {
        return moveTo(c, fd, 1, () -> {
            c.error((input ? "ignoring input and appending output to " : "appending output to ") + Libc.quote(file));
            return then.get();
        });
    }

    private static Step cannotOpen(Libc c, String file, Errno e) {
        c.error("failed to open " + Libc.quote(file), e);
        return c.exit(FAILED);
    }

    private static Step joinError(Libc c, boolean terminal, boolean output, boolean input, Supplier<Step> then) {
        if (!terminal) return then.get();
        if (!output) c.error(input ? "ignoring input and redirecting stderr to stdout" : "redirecting stderr to stdout");
        return c.sys(new Syscall.Dup2(1, 2), r -> then.get());
    }

    /** dup2 {@code fd} onto {@code target}, then close {@code fd}. */
    private static Step moveTo(Libc c, int fd, int target, Supplier<Step> then) {
        return c.sys(new Syscall.Dup2(fd, target), r -> c.close(fd, then));
    }

    private static Step exec(Libc c, List<String> command) {
        Function<Errno, Step> failed = e -> {
            c.error("failed to run command " + Libc.quote(command.get(0)), e);
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        };
        return c.execvp(command, new TreeMap<>(c.args().env()), failed);
    }

    @Override
    public String whatis() {
        return "run a command immune to hangups, with output to a non-tty";
    }

    @Override
    public String manual() {
        return "nohup COMMAND [ARG]...\n  Run COMMAND, ignoring hangup signals.\n"
                + "  If standard input is a terminal, redirect it from an unreadable file. If standard output is a terminal,\n"
                + "  append output to 'nohup.out' if possible, '$HOME/nohup.out' otherwise. If standard error is a terminal,\n"
                + "  redirect it to standard output.\n"
                + "  Exit status: 125 if nohup itself fails, 126 if COMMAND is found but cannot be invoked, 127 if COMMAND\n"
                + "  cannot be found, else the exit status of COMMAND.";
    }
}
