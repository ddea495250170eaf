package dev.syssim.sim.api;

import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.InterfaceAddress;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.RuleEntry;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Terminal;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.UserDb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine of a world: run command lines on it as any of its users, read its files, and look at
 * its processes, network interfaces and firewall counters. Reading changes nothing and takes no
 * simulated time; running takes the time the simulation says.
 */
public final class Machine {

    private final World world;
    private final dev.syssim.sim.world.Machine machine;

    Machine(World world, dev.syssim.sim.world.Machine machine) {
        this.world = world;
        this.machine = machine;
    }

    /**
     * The machine's name.
     *
     * @return its name, which is also its hostname
     */
    public String name() {
        return machine.name();
    }

    /**
     * The world the machine is in.
     *
     * @return its world
     */
    public World world() {
        return world;
    }

    /**
     * Runs a command line as a user, stdout and stderr into pipes, untraced (see {@link #run(Command)}).
     *
     * @param user        a user of the machine's {@code /etc/passwd}
     * @param commandLine the line, in bash's language
     * @return how it ended, and what it wrote
     * @throws IllegalArgumentException if the machine has no such user
     */
    public CommandResult run(String user, String commandLine) {
        return run(Command.of(commandLine).as(user));
    }

    /**
     * Runs a command as {@code bash -c LINE} in a new login of its user (environment and home
     * directory from {@code /etc/passwd}, as {@code su - USER -c LINE} would), a child of init,
     * and runs the world until it exits. Its background jobs live on.
     *
     * @param command what to run, as whom, and how
     * @return how it ended, what it wrote, and its trace
     * @throws IllegalArgumentException if the machine has no such user
     */
    public CommandResult run(Command command) {
        Objects.requireNonNull(command, "command");
        world.enter();
        try {
            return runInside(command);
        } finally {
            world.exit();
        }
    }

    private CommandResult runInside(Command command) {
        Kernel kernel = machine.kernel();
        dev.syssim.sim.world.World w = world.internal();
        UserDb.User user = Logins.user(kernel, command.user());
        Capture.Budget budget = new Capture.Budget(w.limits().outputBytesPerCell());
        Capture out = new Capture(budget);
        Capture err = new Capture(budget);
        byte[] input = command.input().getBytes(StandardCharsets.UTF_8);
        Terminal terminal = command.terminal() ? terminal(kernel, user, out, err, input) : null;
        Runs.Recording recording = new Runs.Recording(w, command.trace());
        Process p;
        Trace trace;
        boolean interrupted = false;
        String limit = null;
        try {
            p = kernel.spawn(kernel.init(), "/bin/bash", List.of("bash", "-c", command.line()),
                    Logins.environment(user, command.terminal()), Logins.credentials(kernel, user),
                    Logins.location(kernel, user.home()), terminal);
            if (terminal == null) {
                p.fds().installAt(0, new Input(input).open(Logins.location(kernel, "/dev/null"), Runs.pipeName(p, 0)), false);
                p.fds().installAt(1, out.open(Runs.pipeName(p, 1)), false);
                p.fds().installAt(2, err.open(Runs.pipeName(p, 2)), false);
            }
            dev.syssim.sim.world.World.Stop stop = w.runUntil(() -> Runs.done(p), w.limits().stepsPerCell());
            if (stop == dev.syssim.sim.world.World.Stop.INTERRUPTED) {
                w.clearInterrupt();
                interrupted = true;
                stopGroup(p, Signal.SIGINT);
            } else if (stop == dev.syssim.sim.world.World.Stop.STEP_LIMIT) {
                limit = "step limit: the command ran " + w.limits().stepsPerCell() + " simulated steps; it was killed";
                stopGroup(p, Signal.SIGKILL);
            } else if (stop == dev.syssim.sim.world.World.Stop.STUCK) {
                limit = "nothing can happen any more: the command waits for something that never comes; it was killed";
                stopGroup(p, Signal.SIGKILL);
            }
        } finally {
            trace = recording.finish();
        }
        if (limit == null && budget.exceeded()) {
            limit = "output limit: the command wrote more than " + w.limits().outputBytesPerCell()
                    + " bytes; later writes failed with EPIPE (SIGPIPE)";
        }
        return new CommandResult(WaitStatus.shellStatus(p.waitStatus()), out.bytes(), err.bytes(), trace, interrupted, limit);
    }

    /** A new pseudo-terminal for one command: what it shows goes to the captures, its input is {@code input} then end of file. */
    private static Terminal terminal(Kernel kernel, UserDb.User user, Capture out, Capture err, byte[] input) {
        Terminal terminal = kernel.openTerminal((stream, data) -> (stream.equals("stderr") ? err : out).take(data), user.uid());
        // Nobody sits at it: /dev/tty cannot be opened, and tools that must ask a person (sudo) say so.
        terminal.setUserPresent(false);
        if (input.length > 0) terminal.type(kernel, new String(input, StandardCharsets.UTF_8));
        terminal.endInput(kernel);
        return terminal;
    }

    /** Signals the command's process group, gives it time to die, and kills what is left. */
    private void stopGroup(Process p, Signal signal) {
        dev.syssim.sim.world.World w = world.internal();
        Runs.signalGroup(p, signal);
        w.runUntil(() -> Runs.done(p), Runs.RESCUE_STEPS);
        if (!Runs.done(p)) {
            Runs.signalGroup(p, Signal.SIGKILL);
            w.runUntil(() -> Runs.done(p), Runs.RESCUE_STEPS);
        }
        w.clearInterrupt();
    }

    /**
     * Reads a file as root, taking no simulated time.
     *
     * @param path an absolute path
     * @return its bytes, or empty if there is no such file (or it is a directory)
     */
    public Optional<byte[]> readBytes(String path) {
        return read(() -> Logins.bytes(machine.kernel(), path));
    }

    /**
     * Reads a text file as root, taking no simulated time.
     *
     * @param path an absolute path
     * @return its content as UTF-8, or empty if there is no such file (or it is a directory)
     */
    public Optional<String> readFile(String path) {
        return read(() -> Logins.text(machine.kernel(), path));
    }

    /**
     * Whether a path exists, as root sees it, following symbolic links.
     *
     * @param path an absolute path
     * @return true if it resolves
     */
    public boolean exists(String path) {
        return read(() -> Logins.location(machine.kernel(), path) != null);
    }

    /**
     * The processes, as the machine's own {@code ps -e} lists them.
     *
     * @return every process and zombie, by pid
     */
    public List<ProcessInfo> processes() {
        return read(this::readProcesses);
    }

    private List<ProcessInfo> readProcesses() {
        Kernel kernel = machine.kernel();
        UserDb users = Logins.users(kernel);
        List<ProcessInfo> out = new ArrayList<>();
        for (Process p : kernel.allProcesses()) {
            if (Runs.done(p) && p.state() != dev.syssim.sim.os.ProcessState.ZOMBIE) continue;
            int uid = p.credentials().uid();
            String command = p.isKernelThread() || p.cmdline().isEmpty() ? "[" + p.comm() + "]" : String.join(" ", p.cmdline());
            int ppid = p.parent() == null ? 0 : p.parent().pidIn(kernel.rootPidNamespace());
            out.add(new ProcessInfo(p.pidIn(kernel.rootPidNamespace()), ppid, uid, users.userName(uid), p.state().letter(), command,
                    p.terminal() == null ? "?" : p.terminal().name()));
        }
        return out;
    }

    /**
     * The network interfaces.
     *
     * @return every interface with its addresses and counters, {@code lo} first
     */
    public List<NetInterface> interfaces() {
        return read(this::readInterfaces);
    }

    private List<NetInterface> readInterfaces() {
        List<NetInterface> out = new ArrayList<>();
        NetStack stack = NetStack.of(machine.kernel());
        if (stack == null) return out;
        for (Interface i : stack.interfaces()) {
            List<String> addresses = new ArrayList<>();
            for (InterfaceAddress a : i.addresses()) addresses.add(a.toString());
            out.add(new NetInterface(i.name(), i.mac(), i.isUp(), addresses, i.rxPackets(), i.rxBytes(), i.txPackets(), i.txBytes()));
        }
        return out;
    }

    /**
     * The firewall's filter table.
     *
     * @return the filter table's chains, rules and counters as they are now
     */
    public Firewall firewall() {
        return firewall("filter");
    }

    /**
     * One table of the firewall.
     *
     * @param table {@code filter}, {@code nat}, {@code mangle}, {@code raw} or {@code security}
     * @return the table's chains, rules and counters as they are now
     * @throws IllegalArgumentException if there is no such table
     */
    public Firewall firewall(String table) {
        world.enter();
        try {
            List<FirewallChain> chains = new ArrayList<>();
            NetStack stack = NetStack.of(machine.kernel());
            if (stack == null) return new Firewall(chains);
            Table t = stack.netfilter().table(table);
            if (t == null) throw new IllegalArgumentException("no table '" + table + "' (tables: filter, nat, mangle, raw, security)");
            for (Chain chain : t.chains()) {
                List<FirewallRule> rules = new ArrayList<>();
                List<RuleEntry> entries = chain.entries();
                for (int i = 0; i < entries.size(); i++) {
                    RuleEntry e = entries.get(i);
                    rules.add(new FirewallRule(i + 1, e.rule().target().name(), e.counters().packets(), e.counters().bytes()));
                }
                chains.add(new FirewallChain(chain.name(), chain.policy() == null ? "" : chain.policy().name(),
                        chain.policyCounters().packets(), chain.policyCounters().bytes(), rules));
            }
            return new Firewall(chains);
        } finally {
            world.exit();
        }
    }

    /** Reads the world through its gate, as runs do: a world may change under a read from another thread. */
    private <T> T read(java.util.function.Supplier<T> reading) {
        world.enter();
        try {
            return reading.get();
        } finally {
            world.exit();
        }
    }

    /**
     * Logs a user in on this machine (see {@link World#login}).
     *
     * @param user a user of the machine's {@code /etc/passwd}
     * @return the login's shell
     */
    public Shell login(String user) {
        return world.login(name(), user);
    }

    /**
     * The machine underneath, for code that needs more than this API (the kernel, tests).
     *
     * @return the simulation's own machine object
     */
    public dev.syssim.sim.world.Machine internal() {
        return machine;
    }

    /**
     * Names the machine.
     *
     * @return {@code Machine(NAME)}
     */
    @Override
    public String toString() {
        return "Machine(" + machine.name() + ")";
    }
}
