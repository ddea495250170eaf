package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.List;

/**
 * A command the shell runs itself. It runs inside a {@link BuiltinFrame}: it ends with
 * {@code sh.finish(status)}, or pushes frames (eval, source) and is then asked to {@link #resume}.
 */
interface Builtin {

    /** Runs with {@code argv} (argv[0] is the name); returns a step, ending in {@code sh.finish(status)}. */
    Step run(Shell sh, List<String> argv);

    /** After frames the builtin pushed are done: by default the builtin's status is theirs. */
    default Step resume(Shell sh, int status) {
        return sh.finish(status);
    }
}
