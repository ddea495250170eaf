package dev.syssim.kernel.install;

import dev.syssim.kernel.eval.SimInterpreter;
import dev.syssim.kernel.protocol.Rehearsal;
import java.util.List;

/**
 * The training run behind the class-data archive: a rehearsed kernel session with a few typical
 * cells, so the classes a lecture's first cells need are in the archive too.
 */
public final class Training {

    static final List<String> CELLS = List.of(
            "echo hello, world",
            "echo error >&2",
            "echo 'unterminated",
            "%trace syscalls\necho hi",
            "ls /");

    private Training() {
    }

    public static void run() throws InterruptedException {
        Rehearsal.run(new SimInterpreter(), CELLS);
    }
}
