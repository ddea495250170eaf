package dev.syssim.kernel.eval;

import dev.syssim.kernel.homework.Place;
import dev.syssim.kernel.homework.Probe;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.EventWords;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.RootView;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check looks at: the notebook's world, read without running anything, until a line needs
 * to run something — then a {@link StateCopy} is made, and that line and every later one of the
 * check use the copy. So a check never changes the student's world, and pays for a copy only when
 * it runs commands.
 */
final class CheckProbe implements Probe {

    private final Workspace live;
    private StateCopy copy;
    private boolean interrupted;

    CheckProbe(Workspace live) {
        this.live = live;
    }

    /** The check is over: interrupts no longer go to the copy. */
    void close() {
        live.setChecking(null);
    }

    private StateCopy copy() {
        if (copy == null) {
            copy = StateCopy.replay(live);
            if (copy.interrupted()) interrupted = true;
            else {
                // a check starts where a fresh notebook starts, not wherever the last cell moved the session
                Session s = copy.workspace().session();
                World w = copy.workspace().world();
                s.switchTo(w.machine(copy.workspace().scenario().startMachine()), copy.workspace().scenario().startUser());
            }
        }
        return copy;
    }

    private World world() {
        return copy != null ? copy.workspace().world() : live.world();
    }

    @Override
    public boolean interrupted() {
        return interrupted || live.interruptPending() || copy != null && copy.interrupted();
    }

    @Override
    public Place here() {
        if (copy != null && !interrupted) {
            Session s = copy.workspace().session();
            return new Place(s.machine().name(), s.user());
        }
        return new Place(live.scenario().startMachine(), live.scenario().startUser());
    }

    private Place resolve(Place place) {
        return place.here() ? here() : new Place(place.machine(), place.user() == null ? "root" : place.user());
    }

    @Override
    public Optional<String> problemWith(Place place) {
        Place p = resolve(place);
        Machine m = world().machine(p.machine());
        if (m == null) return Optional.of("no machine '" + p.machine() + "' in this world");
        if (users(m).user(p.user()) == null) return Optional.of("no user '" + p.user() + "' on " + p.machine());
        return Optional.empty();
    }

    // ---- running, on the copy ----

    @Override
    public Ran run(Place place, String command, boolean traced) {
        try {
            Parser.check(command);
        } catch (SyntaxError e) {
            return new Ran(2, "", "", List.of(), "", "the command is not valid shell: bash: " + e.getMessage());
        }
        StateCopy c = copy();
        if (interrupted()) return new Ran(130, "", "", List.of(), "interrupted", "");
        Session session = c.workspace().session();
        Machine back = session.machine();
        String backUser = session.user();
        Place p = resolve(place);
        World world = c.workspace().world();
        Capture capture = new Capture();
        c.frontend().bind(capture);
        TraceLevel level = world.trace().level();
        try {
            if (!place.here()) session.switchTo(world.machine(p.machine()), p.user());
            if (traced) {
                world.trace().setLevel(TraceLevel.FULL);
                world.trace().clear();
            }
            Session.Result result = session.run(command + "\n");
            List<String> trace = traced ? traceLines(world) : List.of();
            world.trace().clear();
            if (result.interrupted()) interrupted = true;
            String cutShort = result.limit() != null ? result.limit() : "";
            int status = session.lastStatus();
            return new Ran(status, capture.stdout.toString(), capture.stderr.toString(), trace, cutShort, "");
        } finally {
            world.trace().setLevel(level);
            c.frontend().bind(null);
            if (!place.here()) session.switchTo(back, backUser);
        }
    }

    private static List<String> traceLines(World world) {
        List<String> lines = new ArrayList<>();
        for (TraceEvent e : world.trace().snapshot().keptEvents()) {
            String line = EventWords.lane(e.lane()) + " " + EventWords.kind(e.kind()) + " " + e.label();
            lines.add(e.detail().isEmpty() ? line : line + "  [" + e.detail() + "]");
        }
        return lines;
    }

    @Override
    public Ran shell(String script, int firstLine) {
        StateCopy c = copy();
        if (interrupted()) return new Ran(130, "", "", List.of(), "interrupted", "");
        Capture capture = new Capture();
        c.frontend().bind(capture);
        try {
            CellRunner.Run run = c.runner().runBody(script, firstLine, capture);
            ExecuteOutcome outcome = run.outcome();
            if (outcome.ok()) return new Ran(run.lastStatus(), capture.stdout.toString(), capture.stderr.toString(), List.of(), "", "");
            return switch (outcome.ename()) {
                case "KeyboardInterrupt" -> {
                    interrupted = true;
                    yield new Ran(130, "", "", List.of(), "interrupted", "");
                }
                case "SyntaxError", "UsageError", "InternalError", "ProgramError" ->
                        new Ran(2, "", "", List.of(), "", outcome.ename() + ": " + outcome.evalue());
                default -> new Ran(1, capture.stdout.toString(), capture.stderr.toString(), List.of(), outcome.ename() + ": " + outcome.evalue(), "");
            };
        } finally {
            c.frontend().bind(null);
        }
    }

    // ---- reading, without running anything ----

    @Override
    public Optional<FileFacts> file(Place place, String path) {
        Place p = resolve(place);
        Machine m = world().machine(p.machine());
        UserDb users = users(m);
        String absolute = path;
        if (path.equals("~") || path.startsWith("~/")) absolute = users.user(p.user()).home() + path.substring(1);
        PathWalker.Result r = PathWalker.resolve(new RootView(m.kernel()), absolute, true);
        if (!r.ok()) return Optional.empty();
        Inode inode = r.inode();
        boolean regular = inode.type() == FileType.REGULAR;
        String content = regular ? new String(inode.fs().contentOf(inode), StandardCharsets.UTF_8) : "";
        String owner = users.userName(inode.uid());
        String group = users.groupName(inode.gid());
        return Optional.of(new FileFacts(inode.isDirectory(), regular, inode.permissions(), owner, group, content));
    }

    @Override
    public List<String> processes(Place place) {
        Machine m = world().machine(resolve(place).machine());
        List<String> names = new ArrayList<>();
        for (Process p : m.kernel().allProcesses()) {
            if (p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD) names.add(p.comm());
        }
        return names;
    }

    private static UserDb users(Machine m) {
        RootView root = new RootView(m.kernel());
        return UserDb.parse(text(root, "/etc/passwd"), text(root, "/etc/group"));
    }

    private static String text(RootView root, String path) {
        PathWalker.Result r = PathWalker.resolve(root, path, true);
        if (!r.ok()) return "";
        return new String(r.inode().fs().contentOf(r.inode()), StandardCharsets.UTF_8);
    }

    /** Collects what a check's command wrote; it cannot be asked for input. */
    private static final class Capture implements CellIO {
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();

        @Override
        public void stream(String name, String text) {
            (name.equals("stderr") ? stderr : stdout).append(text);
        }

        @Override
        public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
        }

        @Override
        public void page(String text) {
            stdout.append(text);
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            return Optional.empty();
        }

        @Override
        public boolean stdinAllowed() {
            return false;
        }
    }
}
