package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Parser;
import java.util.List;

/**
 * {@code source FILE [ARGS]} and {@code . FILE}: the file (found on PATH when its name has no slash,
 * as bash's sourcepath does, else in the current directory) is read and run in this shell; ARGS
 * become the positional parameters for its duration; {@code return} ends it.
 */
final class SourceFileFrame extends Frame {

    private final String file;
    private final List<String> args;
    private final boolean setPositional;
    private List<String> savedPositional;
    private int phase;
    /** The file's status while its RETURN trap runs. */
    private int status;

    SourceFileFrame(String file, List<String> args, boolean setPositional) {
        this.file = file;
        this.args = args;
        this.setPositional = setPositional;
    }

    @Override
    Step step(Shell sh) {
        if (phase == 0) {
            phase = 1;
            return locate(sh, path -> sh.c.readFile(Bytes.toJava(path), (err, bytes) -> {
                if (err != null) {
                    phase = 9;
                    if (sh.st.dash) { // a special builtin's error ends dash
                        sh.builtinError(".", Dash.openError(file, false, err));
                        return sh.fatal(2);
                    }
                    sh.error(file + ": " + err.message());
                    return sh.finish(1);
                }
                if (setPositional) {
                    savedPositional = sh.st.positional;
                    sh.st.positional = new java.util.ArrayList<>(args);
                }
                sh.st.sources.add(file);
                // bash's reader drops NUL bytes from a sourced file
                Parser parser = new Parser(Bytes.str(bytes).replace("\0", ""), 1, sh.parserSettings());
                sh.push(new SourceFrame(parser, SourceFrame.Kind.SOURCE, file));
                phase = 2;
                return sh.proceed();
            }));
        }
        if (phase == 2) return leave(sh, childStatus, true);
        if (phase == 10) {
            sh.st.lastStatus = status;
            return sh.finish(status);
        }
        return sh.finish(childStatus);
    }

    private Step locate(Shell sh, java.util.function.Function<String, Step> k) {
        if (file.contains("/") || !sh.st.options.getShopt("sourcepath")) return k.apply(file);
        String path = sh.st.vars.get("PATH");
        if (path == null) return k.apply(file);
        String[] dirs = path.split(":", -1);
        return search(sh, dirs, 0, k);
    }

    private Step search(Shell sh, String[] dirs, int i, java.util.function.Function<String, Step> k) {
        if (i >= dirs.length) return k.apply(file);
        String candidate = (dirs[i].isEmpty() ? "." : dirs[i]) + "/" + file;
        return sh.c.statOf(Bytes.toJava(candidate), true, (err, st) -> {
            if (err == null && st.type() == FileType.REGULAR) return k.apply(candidate);
            return search(sh, dirs, i + 1, k);
        });
    }

    private Step leave(Shell sh, int status) {
        return leave(sh, status, false);
    }

    /**
     * The file is done. {@code returnTrap}: it ended by itself or by return, so the RETURN trap runs
     * (after the file is left: FUNCNAME no longer shows it), as bash runs it for a sourced file too.
     */
    private Step leave(Shell sh, int status, boolean returnTrap) {
        phase = 9;
        sh.st.sources.remove(sh.st.sources.size() - 1);
        if (setPositional) sh.st.positional = savedPositional;
        sh.st.lastStatus = status;
        String trap = sh.st.traps.get("RETURN");
        if (returnTrap && trap != null && !trap.isEmpty() && sh.st.runningTrap == null) {
            phase = 10;
            this.status = status;
            sh.push(new TrapFrame("RETURN", trap));
            return Shell.CONTINUE;
        }
        return sh.finish(status);
    }

    @Override
    Step unwind(Shell sh) {
        if (phase == 10) return sh.finish(childStatus);
        if (phase != 2) return sh.finish(childStatus);
        if (sh.pending instanceof Shell.Return r) {
            sh.pending = null;
            return leave(sh, r.status(), true);
        }
        Shell.Pending p = sh.pending;
        sh.pending = null;
        Step s = leave(sh, childStatus);
        sh.pending = p;
        return s;
    }
}
