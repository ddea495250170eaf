package dev.syssim.sim.world;

import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Terminal;
import dev.syssim.sim.os.TerminalSink;
import dev.syssim.sim.prog.UserDb;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user at a terminal: what a notebook drives. Each machine the user works on has a terminal with
 * an interactive bash; a cell's shell text is typed into the current one, and the world runs until
 * that shell waits for its next command. Output reaches the front end as it is written; a program
 * reading the terminal makes the session ask the front end for a line.
 */
public final class Session {

    /** Where a session's terminal output and input requests go (the Jupyter kernel implements it). */
    public interface Frontend {
        void stdout(String text);

        void stderr(String text);

        /** The terminal was cleared ({@code clear}). */
        void clear();

        /**
         * What a program showed on the alternate screen ({@code less}): a pager's page. The default
         * prints it.
         */
        default void page(String text) {
            stdout(text);
        }

        /** A line typed by the user, or empty when input is not possible (then the program sees end of file). */
        Optional<String> input(String prompt, boolean password);

        /** Whether anyone can type at all (false when a notebook runs headless, e.g. in nbconvert). */
        default boolean inputAllowed() {
            return true;
        }
    }

    /** How a run of shell text ended. */
    /**
     * How a run of shell text ended: interrupted, stopped by a limit, or fine; and whether a program
     * wanted to read the terminal while nobody could type (it got end of file).
     */
    public record Result(boolean interrupted, String limit, long steps, boolean inputUnavailable) {

        public boolean ok() {
            return !interrupted && limit == null && !inputUnavailable;
        }
    }

    /** A login on one machine: its terminal and its interactive shell. */
    private record Login(Machine machine, String user, Terminal terminal, Process shell) {
    }

    private static final String CLEAR = "\033[H\033[2J";
    /** xterm's alternate screen, which full-screen programs such as less switch to and back from. */
    private static final String ALT_SCREEN_ON = "\033[?1049h";
    private static final String ALT_SCREEN_OFF = "\033[?1049l";
    /** Steps a job gets to die after a signal sent by a limit or an interrupt. */
    private static final long RESCUE_STEPS = 100_000;

    private final World world;
    private final Map<String, Login> logins = new LinkedHashMap<>();
    /** The logins ssh left behind, innermost last: where {@code exit} of a remote shell returns to. */
    private final java.util.ArrayDeque<Login> outer = new java.util.ArrayDeque<>();
    private final Map<String, CharsetDecoder> decoders = new HashMap<>();
    private Frontend frontend;
    private Login current;
    private long outputBytes;
    /** Set when the cell's output passes the limit; the run loop reacts once. */
    private boolean outputLimitHit;
    /** After the limit: further output of this cell is dropped. */
    private boolean outputSuppressed;
    /** Set when a program read the terminal while the front end could not ask anyone. */
    private boolean inputUnavailable;
    private final StringBuilder lastLine = new StringBuilder();
    /** The alternate screen's text while a program has it; null on the normal screen. */
    private StringBuilder altScreen;

    public Session(World world, Frontend frontend) {
        this.world = world;
        this.frontend = frontend;
    }

    public void setFrontend(Frontend frontend) {
        this.frontend = frontend;
    }

    public World world() {
        return world;
    }

    public Machine machine() {
        return current.machine();
    }

    public String user() {
        return current.user();
    }

    /** The interactive shell serving the current terminal. */
    public Process shell() {
        return current.shell();
    }

    /** Makes {@code user} on {@code machine} the current login, logging in first if needed. */
    public void switchTo(Machine machine, String user) {
        outer.clear();
        String key = machine.name() + "/" + user;
        Login login = logins.get(key);
        if (login == null || login.shell().state() == ProcessState.DEAD || login.shell().state() == ProcessState.ZOMBIE) {
            login = login(machine, user);
            logins.put(key, login);
        }
        current = login;
    }

    private Login login(Machine machine, String user) {
        Kernel kernel = machine.kernel();
        UserDb users = UserDb.parse(fileText(kernel, "/etc/passwd"), fileText(kernel, "/etc/group"));
        UserDb.User u = users.user(user);
        if (u == null) throw new IllegalArgumentException("no user " + user + " on " + machine.name());
        List<Integer> groups = users.groupsOf(u);
        Credentials creds = Credentials.user(u.uid(), u.gid(), groups.stream().mapToInt(Integer::intValue).toArray());
        Terminal terminal = kernel.openTerminal(sink(), u.uid());
        String path = u.uid() == 0 ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                : "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", u.home());
        env.put("LANG", "C.UTF-8");
        env.put("LOGNAME", u.name());
        env.put("PATH", path);
        env.put("PWD", u.home());
        env.put("SHELL", u.shell());
        env.put("TERM", "xterm-256color");
        env.put("USER", u.name());
        PathWalker.Result home = PathWalker.resolve(new RootView(kernel), u.home(), true);
        Process shell = kernel.spawn(kernel.init(), "/bin/bash", List.of("bash"), env, creds,
                home.ok() ? home.location() : null, terminal);
        world.runUntil(terminal::hasWaitingShell, 100_000);
        return new Login(machine, user, terminal, shell);
    }

    private static String fileText(Kernel kernel, String path) {
        PathWalker.Result r = PathWalker.resolve(new RootView(kernel), path, true);
        if (!r.ok()) return "";
        Inode inode = r.inode();
        return new String(inode.fs().contentOf(inode), StandardCharsets.UTF_8);
    }

    // ---- running a cell's shell text ----

    /** Types {@code text} into the current shell and runs the world until it is ready for more. */
    public Result run(String text) {
        while (!outer.isEmpty() && !alive(current.shell())) current = outer.pop();
        if (!alive(current.shell())) relogin();
        outputBytes = 0;
        outputLimitHit = false;
        outputSuppressed = false;
        RunLimits limits = world.limits();
        long startSteps = world.steps();
        long firstStep = startSteps;
        long extraSteps = 0;
        current.terminal().setUserPresent(frontend.inputAllowed());
        current.terminal().submitCommand(current.machine().kernel(), text);
        boolean interrupted = false;
        String limit = null;
        inputUnavailable = false;
        int rescues = 0;
        while (true) {
            Terminal terminal = current.terminal();
            Kernel kernel = current.machine().kernel();
            long budget = Math.max(1, limits.stepsPerCell() + extraSteps - (world.steps() - startSteps));
            World.Stop stop = world.runUntil(() -> terminal.hasWaitingShell() || terminal.hasWaitingReader() || outputLimitHit
                    || !alive(current.shell()) || remoteLogin(kernel, terminal) != null, budget);
            if (stop == World.Stop.DONE) {
                if (outputLimitHit && limit == null) {
                    limit = "output limit: the cell wrote more than " + limits.outputBytesPerCell() + " bytes; its jobs were killed";
                    killJobs(kernel, terminal);
                    outputLimitHit = false;
                    continue;
                }
                if (remoteLoginEnded()) {
                    current = outer.pop();
                    continue;
                }
                Login remote = remoteLogin(kernel, terminal);
                if (remote != null) {
                    NetStack.of(kernel).endRemoteLogin(terminal);
                    outer.push(current);
                    current = remote;
                    current.terminal().setUserPresent(frontend.inputAllowed());
                    break;
                }
                if (terminal.hasWaitingShell()) break;
                if (!alive(current.shell())) {
                    relogin();
                    break;
                }
                answerInput(kernel, terminal);
                continue;
            }
            boolean shellItself = terminal.foregroundGroup() == current.shell().pgid();
            if (stop == World.Stop.INTERRUPTED) {
                world.clearInterrupt();
                interrupted = true;
                emit("stdout", "^C");
                kill(kernel, terminal, Signal.SIGINT);
            } else if (stop == World.Stop.STEP_LIMIT) {
                if (limit == null) limit = "step limit: the cell ran " + limits.stepsPerCell() + " simulated steps; its jobs were killed";
                killJobs(kernel, terminal);
            } else if (stop == World.Stop.TIME_LIMIT) {
                world.clearTimeLimit();
                if (limit == null) limit = TIME_LIMIT;
                killJobs(kernel, terminal);
            } else {
                if (limit == null && !interrupted) limit = "nothing can happen any more: every process of the job is asleep and nothing will wake it; the job was interrupted";
                kill(kernel, terminal, rescues == 0 ? Signal.SIGINT : Signal.SIGKILL);
            }
            if (shellItself && stop != World.Stop.STUCK) {
                // The interactive shell itself runs the loop (while true; do :; done): no job holds the
                // terminal, so signals to jobs cannot stop it, and this shell ignores SIGINT as an
                // interactive bash does at its prompt. Simplification: real bash abandons the line and
                // keeps its variables; here the shell is replaced by a fresh login, so the session
                // always comes back. Its jobs go with it (as the message says): an interrupt also lands
                // here in the moment between a job's fork and its taking the terminal, and that job
                // would run on, orphaned.
                killJobs(kernel, terminal);
                restartShell(kernel);
                break;
            }
            if (++rescues > 4) {
                limit = limit == null ? "the job did not stop" : limit;
                break;
            }
            extraSteps = world.steps() - startSteps - limits.stepsPerCell() + RESCUE_STEPS;
        }
        leaveAltScreen();
        return new Result(interrupted, limit, world.steps() - firstStep, inputUnavailable);
    }

    /** How {@link Result#limit()} begins when the front end's watchdog stopped the cell ({@link World#requestTimeLimit}). */
    public static final String TIME_LIMIT = "time limit: the cell ran out of time; its jobs were killed";

    /** What the session says when it had to replace the shell of the terminal. */
    static final String SHELL_RESTARTED = "syssim: the shell itself was running the loop, so it was stopped and a new login"
            + " shell started: its variables, functions and jobs are gone; files and processes are as they were\n";

    /** Kills the current login's shell and logs in again on the same terminal's machine, saying so. */
    private void restartShell(Kernel kernel) {
        Process shell = current.shell();
        kernel.signals().send(shell, Signal.SIGKILL, null);
        world.runUntil(() -> !alive(shell) || shell.state() == ProcessState.ZOMBIE || shell.state() == ProcessState.DEAD, RESCUE_STEPS);
        emit("stderr", (lastLine.length() > 0 ? "\n" : "") + SHELL_RESTARTED);
        relogin();
    }

    /**
     * Brings the session back after a run that ended in a Java error in the middle of a step: the
     * cell's jobs are killed, and if the shell does not come back to its prompt, it is replaced by a
     * new login. The world itself (files, other processes) stays as it was.
     */
    public void recover() {
        while (!outer.isEmpty() && !alive(current.shell())) current = outer.pop();
        Kernel kernel = current.machine().kernel();
        Terminal terminal = current.terminal();
        killJobs(kernel, terminal);
        world.runUntil(() -> terminal.hasWaitingShell() || !alive(current.shell()), RESCUE_STEPS);
        if (!terminal.hasWaitingShell()) {
            if (alive(current.shell())) restartShell(kernel);
            else relogin();
        }
        leaveAltScreen();
    }

    // ---- ssh: logins on other machines ----

    /**
     * The login ssh opened on another machine from {@code terminal}, once its shell waits for a
     * command: from then on the cells go there. Null if there is none (yet).
     */
    private Login remoteLogin(Kernel kernel, Terminal terminal) {
        NetStack stack = NetStack.of(kernel);
        NetStack.RemoteLogin remote = stack == null ? null : stack.remoteLogin(terminal);
        if (remote == null || !alive(remote.shell()) || !remote.terminal().hasWaitingShell()) {
            return null;
        }
        for (Machine m : world.machines()) {
            if (m.kernel() == remote.kernel()) return new Login(m, remote.user(), remote.terminal(), remote.shell());
        }
        return null;
    }

    /** The shell of an ssh login ended ({@code exit}): the session goes back to the machine ssh ran on. */
    private boolean remoteLoginEnded() {
        return !outer.isEmpty() && (!alive(current.shell()) || current.terminal().hungUp());
    }

    /** The shell's {@code $?} now, asked quietly: nothing reaches the front end or the trace. */
    public int lastStatus() {
        Frontend saved = frontend;
        StringBuilder answer = new StringBuilder();
        frontend = new Frontend() {
            public void stdout(String text) {
                answer.append(text);
            }

            public void stderr(String text) {
            }

            public void clear() {
            }

            public Optional<String> input(String prompt, boolean password) {
                return Optional.empty();
            }
        };
        dev.syssim.sim.trace.TraceLevel level = world.trace().level();
        world.trace().setLevel(dev.syssim.sim.trace.TraceLevel.OFF);
        try {
            run("echo $?");
        } finally {
            frontend = saved;
            world.trace().setLevel(level);
        }
        try {
            return Integer.parseInt(answer.toString().strip());
        } catch (NumberFormatException e) {
            return 255;
        }
    }

    private static boolean alive(Process p) {
        return p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD && (p.pendingSignalsMask() & (1L << Signal.SIGKILL.number())) == 0;
    }

    /** The user's shell on this terminal is gone (exit, killed): a new login, as a terminal window would reopen. */
    private void relogin() {
        Login old = current;
        Login fresh = login(old.machine(), old.user());
        logins.put(old.machine().name() + "/" + old.user(), fresh);
        current = fresh;
    }

    /** Ctrl-C or a limit: a signal to the terminal's foreground process group (never the shell itself). */
    private void kill(Kernel kernel, Terminal terminal, Signal signal) {
        int group = terminal.foregroundGroup();
        for (Process p : kernel.allProcesses()) {
            if (p.pgid() == group && p.terminal() == terminal && p != current.shell()) kernel.signals().send(p, signal, null);
        }
    }

    /**
     * A limit is syssim's safety net, not Linux: every job started from this terminal (background
     * ones too, such as a fork bomb's) is killed with SIGKILL; the interactive shells stay.
     */
    private void killJobs(Kernel kernel, Terminal terminal) {
        for (Process p : kernel.allProcesses()) {
            if (p.terminal() == terminal && !isInteractiveShell(p)) kernel.signals().send(p, Signal.SIGKILL, null);
        }
    }

    private boolean isInteractiveShell(Process p) {
        for (Login login : logins.values()) if (login.shell() == p) return true;
        return p == current.shell();
    }

    private void answerInput(Kernel kernel, Terminal terminal) {
        if (!frontend.inputAllowed()) inputUnavailable = true;
        String prompt = lastLine.toString();
        Optional<String> line = frontend.input(prompt, !terminal.echo());
        lastLine.setLength(0);
        if (line.isEmpty()) {
            terminal.endInput(kernel);
            return;
        }
        if (terminal.echo()) emit("stdout", line.get() + "\n");
        terminal.type(kernel, line.get() + "\n");
    }

    // ---- output ----

    private TerminalSink sink() {
        return (stream, data) -> {
            if (outputSuppressed) return;
            outputBytes += data.length;
            if (outputBytes > world.limits().outputBytesPerCell()) {
                outputLimitHit = true;
                outputSuppressed = true;
                return;
            }
            emit(stream, decode(stream, data));
        };
    }

    private String decode(String stream, byte[] data) {
        CharsetDecoder decoder = decoders.computeIfAbsent(stream, s -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        CharBuffer out = CharBuffer.allocate(data.length + 4);
        decoder.decode(ByteBuffer.wrap(data), out, false);
        out.flip();
        return out.toString();
    }

    /**
     * Output on the alternate screen is a page for the front end's pager when someone is there to
     * read it; a headless run (nbconvert) has no pager, so the page is printed like any output.
     */
    private void emit(String stream, String text) {
        while (!text.isEmpty()) {
            if (altScreen == null) {
                int on = text.indexOf(ALT_SCREEN_ON);
                if (on < 0) {
                    emitOnScreen(stream, text);
                    return;
                }
                emitOnScreen(stream, text.substring(0, on));
                altScreen = new StringBuilder();
                text = text.substring(on + ALT_SCREEN_ON.length());
            } else {
                int off = text.indexOf(ALT_SCREEN_OFF);
                if (off < 0) {
                    altScreen.append(text);
                    return;
                }
                altScreen.append(text, 0, off);
                String page = altScreen.toString();
                altScreen = null;
                if (frontend.inputAllowed()) frontend.page(page);
                else emitOnScreen("stdout", page);
                text = text.substring(off + ALT_SCREEN_OFF.length());
            }
        }
    }

    /** A program that died on the alternate screen (^C, a limit) leaves it to the shell: show what it had. */
    private void leaveAltScreen() {
        if (altScreen != null) emit("stdout", ALT_SCREEN_OFF);
    }

    private void emitOnScreen(String stream, String text) {
        int clear = text.lastIndexOf(CLEAR);
        if (clear >= 0) {
            frontend.clear();
            text = text.substring(clear + CLEAR.length()).replace("\033[3J", "");
        }
        if (text.isEmpty()) return;
        int nl = text.lastIndexOf('\n');
        if (nl >= 0) lastLine.setLength(0);
        lastLine.append(nl >= 0 ? text.substring(nl + 1) : text);
        if (stream.equals("stderr")) frontend.stderr(text);
        else frontend.stdout(text);
    }
}
