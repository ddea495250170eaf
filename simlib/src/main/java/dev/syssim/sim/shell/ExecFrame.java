package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last act of a child that runs a program: execve, and when it fails, bash's message and
 * status — 127 when nothing is there to run, 126 when something is but cannot be run. A text file
 * without {@code #!} is run as a shell script by this same process, in a fresh shell.
 */
final class ExecFrame extends Frame {

    private final String path;
    private final List<String> argv;
    private final Map<String, String> env;

    /** {@code path} null: the command was not found. */
    ExecFrame(String path, List<String> argv, Map<String, String> env) {
        this.path = path;
        this.argv = argv;
        this.env = env;
    }

    @Override
    Step step(Shell sh) {
        String name = argv.get(0);
        if (path == null) {
            if (sh.st.functions.containsKey("command_not_found_handle")) {
                List<String> args = new ArrayList<>();
                args.add("command_not_found_handle");
                args.addAll(argv);
                sh.stack.set(sh.stack.size() - 1, new FunctionFrame(sh.st.functions.get("command_not_found_handle"), args));
                return Shell.CONTINUE;
            }
            if (sh.st.dash) sh.err(sh.prefix() + name + ": not found\n");
            else sh.error(name + ": command not found");
            return sh.exit(127);
        }
        sh.c.flushStdout();
        return sh.c.sys(new Syscall.Execve(Bytes.toJava(path), ExternalFrame.javaArgv(argv), env), r -> failed(sh, r.errno()));
    }

    private Step failed(Shell sh, Errno e) {
        String shown = shown(sh);
        if (e == Errno.ENOEXEC) return runAsScript(sh);
        if (e == Errno.ENOENT) {
            // the file is there but its interpreter (#! or the ELF loader) is not: bash 5.2 says
            // "required file not found" for both, and "bad interpreter" only when #! names something it may not run
            return sh.c.readFile(Bytes.toJava(path), (err, bytes) -> {
                if (err != null) {
                    message(sh, shown, sh.st.dash ? "not found" : "No such file or directory");
                    return sh.exit(127);
                }
                message(sh, shown, sh.st.dash ? "not found" : "cannot execute: required file not found");
                return sh.exit(127);
            });
        }
        if (e == Errno.EACCES) {
            return sh.c.statOf(Bytes.toJava(path), true, (err, st) -> {
                if (st != null && st.type() == FileType.REGULAR && (st.permissions() & 0111) != 0 && !sh.st.dash) {
                    return badInterpreter(sh, shown);
                }
                String text = st != null && st.type() == FileType.DIRECTORY ? "Is a directory" : "Permission denied";
                if (sh.st.dash) text = "Permission denied";
                message(sh, shown, text);
                return sh.exit(126);
            });
        }
        message(sh, shown, e.message());
        return sh.exit(126);
    }

    /** An executable file the kernel refused with EACCES: its #! names a program that may not run. */
    private Step badInterpreter(Shell sh, String shown) {
        return sh.c.readFile(Bytes.toJava(path), (err, bytes) -> {
            String text = "Permission denied";
            if (err == null && bytes.length > 2 && bytes[0] == '#' && bytes[1] == '!') {
                String first = Bytes.str(bytes).split("\n", 2)[0].substring(2).strip();
                text = first.split("[ \t]", 2)[0] + ": bad interpreter: Permission denied";
            }
            // bash words this one with sys_error: the shell's name, no line number
            sh.err((sh.st.interactive ? sh.st.programName : sh.currentSource()) + ": " + shown + ": " + text + "\n");
            return sh.exit(126);
        });
    }

    /**
     * bash 5.2's test before running a file as a script, on its first 80 bytes: an ELF header, or a
     * NUL in the first line (a NUL further on does not stop it).
     */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 80);
        if (n >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') return true;
        for (int i = 0; i < n && bytes[i] != '\n'; i++) {
            if (bytes[i] == 0) return true;
        }
        return false;
    }

    /** The name an exec failure is reported under: bash names the file it tried, the path a PATH search found. */
    private String shown(Shell sh) {
        return sh.st.dash ? argv.get(0) : path;
    }

    private static void message(Shell sh, String name, String text) {
        if (sh.st.dash) sh.err(sh.prefix() + name + ": " + text + "\n");
        else sh.error(name + ": " + text);
    }

    /**
     * A file without {@code #!} that the kernel would not run: bash reads it, and unless it looks
     * binary, runs it as a script in a new shell (only exported variables survive).
     */
    private Step runAsScript(Shell sh) {
        return sh.c.readFile(Bytes.toJava(path), (err, bytes) -> {
            if (err != null) {
                message(sh, shown(sh), err.message());
                return sh.exit(126);
            }
            String text = Bytes.str(bytes);
            if (looksBinary(bytes)) {
                message(sh, shown(sh), "cannot execute binary file: Exec format error");
                return sh.exit(126);
            }
            Bash.resetForScript(sh, path, argv);
            sh.stack.clear();
            sh.push(new ExitFrame());
            // bash's reader drops NUL bytes from a script it runs (one past the first line did not stop it)
            Parser parser = new Parser(text.replace("\0", ""), 1, sh.parserSettings());
            sh.push(new SourceFrame(parser, SourceFrame.Kind.SCRIPT, path));
            return sh.proceed();
        });
    }
}
