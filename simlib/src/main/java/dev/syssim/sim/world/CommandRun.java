package dev.syssim.sim.world;

import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Capture;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.UserDb;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One command run on a machine from outside it, with its standard streams as bytes: input given,
 * output and error collected apart, none of them a terminal — as a test harness or a Java program
 * runs a command on Linux with pipes. Oracle replays use it to compare the simulation with real
 * tools byte for byte.
 */
public final class CommandRun {

    /** What to run: the argument vector, as whom, where, with which environment and input. */
    public record Command(List<String> argv, String user, String cwd, Map<String, String> env, byte[] stdin) {
        public Command {
            argv = List.copyOf(argv);
            env = Map.copyOf(env);
            stdin = stdin == null ? null : stdin.clone();
        }
    }

    /**
     * How it ended: the shell's view of its status (128 + signal for a signal), its output and error,
     * and whether it ended within the step budget at all.
     */
    public record Result(int status, byte[] stdout, byte[] stderr, boolean finished) {

        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    private CommandRun() {
    }

    /**
     * Runs {@code command} on {@code machine} until it exits or {@code maxSteps} events have run.
     * A null stdin is /dev/null's end of file at once. The program is found on the environment's
     * PATH unless argv[0] names a path; an unknown user, directory or program is a Java error,
     * because it is a mistake of the caller, not of the simulated command.
     */
    public static Result run(World world, Machine machine, Command command, long maxSteps) {
        Kernel kernel = machine.kernel();
        RootView root = new RootView(kernel);
        UserDb users = UserDb.parse(text(root, "/etc/passwd"), text(root, "/etc/group"));
        UserDb.User u = users.user(command.user());
        if (u == null) throw new IllegalArgumentException("no user " + command.user() + " on " + machine.name());
        int[] groups = users.groupsOf(u).stream().mapToInt(Integer::intValue).toArray();
        Credentials creds = Credentials.user(u.uid(), u.gid(), groups);
        PathWalker.Result cwd = PathWalker.resolve(root, command.cwd(), true);
        if (!cwd.ok()) throw new IllegalArgumentException("no directory " + command.cwd() + " on " + machine.name());
        String path = findProgram(root, command.argv().get(0), command.env().get("PATH"));
        Capture in = Capture.input(command.stdin() == null ? new byte[0] : command.stdin());
        Capture out = Capture.output();
        Capture err = Capture.output();
        OpenFile[] stdio = {in.open(OpenFlags.O_RDONLY), out.open(OpenFlags.O_WRONLY), err.open(OpenFlags.O_WRONLY)};
        Process p = kernel.spawnWithStdio(kernel.init(), path, command.argv(), command.env(), creds, cwd.location(), stdio);
        world.runUntil(() -> ended(p), maxSteps);
        boolean finished = ended(p);
        int status = finished ? WaitStatus.shellStatus(p.waitStatus()) : -1;
        return new Result(status, out.bytes(), err.bytes(), finished);
    }

    private static boolean ended(Process p) {
        return p.state() == ProcessState.ZOMBIE || p.state() == ProcessState.DEAD;
    }

    private static String findProgram(RootView root, String name, String pathVariable) {
        if (name.contains("/")) return name;
        String path = pathVariable == null ? "/usr/bin:/bin" : pathVariable;
        for (String dir : path.split(":")) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            PathWalker.Result r = PathWalker.resolve(root, candidate, true);
            if (r.ok() && r.inode().type() == dev.syssim.sim.fs.FileType.REGULAR) return candidate;
        }
        throw new IllegalArgumentException("no program " + name + " on PATH " + path);
    }

    private static String text(RootView root, String path) {
        PathWalker.Result r = PathWalker.resolve(root, path, true);
        if (!r.ok()) return "";
        Inode inode = r.inode();
        return new String(inode.fs().contentOf(inode), StandardCharsets.UTF_8);
    }
}
