package dev.syssim.sim.os;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.world.RootView;
import dev.syssim.sim.world.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Makes syscalls from a real process of a fresh laptop and collects what they return: a program
 * named {@code probe} is installed, run from the session's shell as the chosen user, and each call
 * is built from the results so far (so a test can open a file, then read the descriptor it got).
 */
final class Probe {

    final Terminal.Fixture fixture;
    private final List<Function<List<SysResult>, Syscall>> calls = new ArrayList<>();
    final List<SysResult> results = new ArrayList<>();

    private Probe(String user) {
        fixture = Terminal.laptop();
        if (!user.equals("student")) fixture.session().switchTo(fixture.laptop(), user);
    }

    static Probe as(String user) {
        return new Probe(user);
    }

    Probe call(Syscall call) {
        calls.add(previous -> call);
        return this;
    }

    Probe call(Function<List<SysResult>, Syscall> call) {
        calls.add(call);
        return this;
    }

    /** Runs the calls in one new process (started by the shell with fork + execve) and returns the results. */
    List<SysResult> run() {
        Kernel kernel = fixture.laptop().kernel();
        ((Binaries) kernel.programs()).register("probe", args -> next(0));
        RootView root = new RootView(kernel);
        PathWalker.Result bin = PathWalker.resolve(root, "/usr/local/bin", true);
        FileSystem fs = bin.location().mount().fs();
        if (fs.lookup(root, bin.inode(), "probe") == null) {
            fs.createFile(bin.inode(), "probe", 0755, 0, 0, ExecImage.staticImage("probe", 100).toBytes()).setCached(true);
        }
        fixture.run("probe");
        return results;
    }

    private Step next(int i) {
        if (i >= calls.size()) return Step.exit(0);
        return Step.call(calls.get(i).apply(results), r -> {
            results.add(r);
            return next(i + 1);
        });
    }

    /** Shell text run before or after, in the same session. */
    String shell(String text) {
        return fixture.run(text);
    }
}
