package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.Stdio;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RootView;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.World;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one program on a fresh simulated laptop exactly as {@code testdata/oracle/bash/record.py}
 * runs the real one: as {@code student}, in a new empty scratch directory {@code /tmp/bashcase}
 * (mode 0755, the student's), with the recorder's environment and umask 022, in its own session
 * with no controlling terminal, stdin {@code /dev/null} or a pipe holding the given bytes, stdout
 * and stderr two pipes read to their end. All of it is set up from Java through the kernel
 * ({@link Kernel#spawnWithStdio} with {@link Stdio}'s descriptors) — the shell under test parses
 * nothing but its own arguments. The run ends, like the recorder's
 * {@code communicate()}, when the program has exited and no process holds the output pipes.
 */
final class ScratchRun {

    static final String SCRATCH = "/tmp/bashcase";
    static final String USER = "student";
    /** The recorder's environment, in its order. */
    static final Map<String, String> ENVIRONMENT = environment();
    /** Simulated steps a case may take (a notebook cell's budget). */
    static final long STEPS = RunLimits.DEFAULT.stepsPerCell();
    /** More output than this, by default, is a runaway case; the run stops. */
    static final int OUTPUT_LIMIT = 1 << 20;

    /** What the simulation printed and returned; {@code problem} says why a run did not end normally. */
    record Observed(byte[] stdout, byte[] stderr, int rc, String problem) {

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    private ScratchRun() {
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/home/student");
        env.put("LANG", "C.UTF-8");
        env.put("LOGNAME", "student");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games");
        env.put("PWD", SCRATCH);
        env.put("SHELL", "/bin/bash");
        env.put("TERM", "dumb");
        env.put("USER", "student");
        return java.util.Collections.unmodifiableMap(env);
    }

    /** Runs a case; more than {@code outputLimit} bytes of stdout and stderr together stop it. */
    static Observed run(BashCase c, int outputLimit) {
        return run(c.executable(), c.argv(), c.scratchFiles(), c.standardInput(), outputLimit);
    }

    /** Runs {@code executable} with {@code argv}; {@code stdin} null means /dev/null. */
    static Observed run(String executable, List<String> argv, Map<String, byte[]> scratchFiles, byte[] stdin) {
        return run(executable, argv, scratchFiles, stdin, OUTPUT_LIMIT);
    }

    private static Observed run(String executable, List<String> argv, Map<String, byte[]> scratchFiles, byte[] stdin,
                                int outputLimit) {
        World world = new World(42, RunLimits.DEFAULT);
        world.trace().setLevel(TraceLevel.OFF);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        Kernel kernel = laptop.kernel();
        RootView root = new RootView(kernel);
        UserDb users = UserDb.parse(text(root, "/etc/passwd"), text(root, "/etc/group"));
        UserDb.User student = users.user(USER);
        Location scratch = scratchDirectory(root, student, scratchFiles, kernel.now());
        Credentials credentials = Credentials.user(student.uid(), student.gid(),
                users.groupsOf(student).stream().mapToInt(Integer::intValue).toArray());
        Stdio.Reader out = Stdio.pipeTo(kernel);
        Stdio.Reader err = Stdio.pipeTo(kernel);
        OpenFile in = stdin == null ? Stdio.devNull(kernel) : Stdio.pipeFrom(kernel, stdin);
        // A new process's umask is 022, as the recorder sets it; its session has no terminal.
        Process p = kernel.spawnWithStdio(kernel.init(), executable, argv, ENVIRONMENT, credentials, scratch,
                new OpenFile[] {in, out.writeEnd(), err.writeEnd()});
        World.Stop stop = world.runUntil(() -> {
            out.drain();
            err.drain();
            return out.size() + err.size() > outputLimit || (ended(p) && out.endOfFile() && err.endOfFile());
        }, STEPS);
        String problem = null;
        if (out.size() + err.size() > outputLimit) problem = "more than " + outputLimit + " bytes of output (a runaway)";
        else if (stop != World.Stop.DONE && ended(p)) problem = "the shell exited but its output pipes stayed open (" + stop + ")";
        else if (stop == World.Stop.STEP_LIMIT) problem = "still running after " + STEPS + " simulated steps";
        else if (stop == World.Stop.STUCK) problem = "asleep for ever: nothing left could wake it";
        else if (stop != World.Stop.DONE) problem = "stopped: " + stop;
        List<String> bugs = kernel.takeBugs();
        if (!bugs.isEmpty()) problem = (problem == null ? "" : problem + "; ") + bugs.get(0).lines().findFirst().orElse("");
        int rc = ended(p) ? WaitStatus.shellStatus(p.waitStatus()) : -1;
        return new Observed(out.bytes(), err.bytes(), rc, problem);
    }

    private static boolean ended(Process p) {
        return p.state() == ProcessState.ZOMBIE || p.state() == ProcessState.DEAD;
    }

    /** A new, empty /tmp/bashcase owned by the student, with the given files (mode 0644, the student's). */
    private static Location scratchDirectory(RootView root, UserDb.User owner, Map<String, byte[]> files, long now) {
        PathWalker.Result tmp = PathWalker.resolve(root, "/tmp", true);
        if (!tmp.ok()) throw new IllegalStateException("the laptop has no /tmp: " + tmp.error());
        FileSystem fs = tmp.location().mount().fs();
        Inode dir = fs.mkdir(tmp.inode(), SCRATCH.substring(SCRATCH.lastIndexOf('/') + 1), 0755, owner.uid(), owner.gid());
        dir.setMtime(now);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Inode inode = fs.createFile(dir, file.getKey(), 0644, owner.uid(), owner.gid(), file.getValue());
            inode.setCached(true);
            inode.setMtime(now);
        }
        dir.setCached(true);
        return new Location(tmp.location().mount(), dir);
    }

    private static String text(RootView root, String path) {
        PathWalker.Result r = PathWalker.resolve(root, path, true);
        if (!r.ok()) throw new IllegalStateException("the laptop has no " + path);
        Inode inode = r.inode();
        return new String(inode.fs().contentOf(inode), StandardCharsets.UTF_8);
    }
}
