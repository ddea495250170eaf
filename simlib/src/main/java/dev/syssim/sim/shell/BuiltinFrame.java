package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.List;

/** Runs a builtin in the shell's process; its output is flushed when it is done, as bash's are. */
final class BuiltinFrame extends Frame {

    private final Builtin builtin;
    private final List<String> argv;
    final Ast.Simple command;
    private boolean started;

    BuiltinFrame(Builtin builtin, List<String> argv, Ast.Simple command) {
        this.builtin = builtin;
        this.argv = argv;
        this.command = command;
    }

    /** The builtin's name as it was called (argv[0]). */
    String name() {
        return argv.get(0);
    }

    @Override
    Step step(Shell sh) {
        if (!started) {
            started = true;
            return builtin.run(sh, argv);
        }
        return builtin.resume(sh, childStatus);
    }
}
