package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.shell.arith.Arithmetic;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A running shell, one per process: its state, its stack of frames, and the loop that runs them.
 * The loop asks the top frame for work until a frame hands out a step (a syscall, a stretch of
 * computing); the scheduler runs that step and calls back, and the loop goes on. A continuation
 * never calls the next one directly, so no user program can reach Java's stack.
 */
final class Shell {

    /** What a frame returns when it only changed the stack: the loop goes on. */
    static final Step CONTINUE = new Step.Compute(0, "", () -> null);

    /** How many frame steps may run without handing the scheduler anything: then a little computing is charged. */
    private static final int STEPS_PER_SLICE = 64;
    /** The user-mode time a builtin or a shell keyword costs (bash runs a `:` in well under a microsecond). */
    static final long BUILTIN_NANOS = 400;

    /** Control flow in flight: unwinds frames until one takes it. */
    sealed interface Pending permits Break, Continue, Return, Exit, Discard {
    }

    record Break(int levels) implements Pending {
    }

    record Continue(int levels) implements Pending {
    }

    record Return(int status) implements Pending {
    }

    /** {@code byBuiltin}: the exit builtin ran (not an error that ends the shell). */
    record Exit(int status, boolean byBuiltin) implements Pending {
        Exit(int status) {
            this(status, false);
        }
    }

    /** An expansion error: the rest of the command line is abandoned (bash's jump_to_top_level(DISCARD)). */
    record Discard(int status) implements Pending {
    }

    Libc c;
    final ShellState st;
    final Arithmetic arithmetic;
    final List<Frame> stack = new ArrayList<>();
    Pending pending;
    private boolean looping;
    /** Caught signals waiting for their trap to run, noted by the signal handler. */
    final java.util.Set<Signal> caught = java.util.EnumSet.noneOf(Signal.class);
    /** An fd opened for a process substitution, to close when the command that uses it is done. */
    final List<Integer> processSubstitutionFds = new ArrayList<>();
    final Builtins builtins;
    /** The declaration builtin assigning now (its name leads an arithmetic error of declare -i), or null. */
    String declaring;
    /** For a declaration builtin about to run: each {@code name=(...)} argument's elements, by argv index. */
    java.util.Map<Integer, List<Assign.Element>> pendingArrays = java.util.Map.of();

    Shell(Libc c, ShellState st, Arithmetic arithmetic) {
        this.c = c;
        this.st = st;
        this.arithmetic = arithmetic;
        this.builtins = new Builtins();
        st.vars.setDynamic(new DynamicVariables(this));
    }

    // ---- the loop ----

    /** Runs frames until one needs the scheduler. */
    Step run() {
        looping = true;
        try {
            int slice = 0;
            while (true) {
                if (stack.isEmpty()) return c.exitQuietly(st.lastStatus & 0xff);
                Frame top = stack.get(stack.size() - 1);
                Step s = pending != null ? top.unwind(this) : top.step(this);
                if (s != CONTINUE) return s;
                if (++slice >= STEPS_PER_SLICE) {
                    return c.compute(BUILTIN_NANOS, "", this::proceed);
                }
            }
        } finally {
            looping = false;
        }
    }

    /** How a continuation goes on: inside the loop, return to it; from the scheduler, run the loop. */
    Step proceed() {
        return looping ? CONTINUE : run();
    }

    void push(Frame f) {
        stack.add(f);
    }

    /** Pops the top frame and hands its status to the frame below. */
    Step finish(int status) {
        stack.remove(stack.size() - 1);
        if (!stack.isEmpty()) stack.get(stack.size() - 1).childStatus = status;
        return proceed();
    }

    /** Pushes a frame and goes on. */
    Step call(Frame f) {
        push(f);
        return proceed();
    }

    /** Charges a builtin's user-mode time, then goes on. */
    Step computed() {
        return c.compute(BUILTIN_NANOS, "", this::proceed);
    }

    /**
     * How a builtin ends: its output flushed (bash writes a builtin's output when it is done), its
     * frame popped with {@code status}, and a little user-mode time charged — which also lets a loop
     * of builtins be interrupted between any two of them.
     */
    Step done(int status) {
        c.flushStdout();
        if (c.hasPending(1) && stack.get(stack.size() - 1) instanceof BuiltinFrame builtin) {
            // bash checks a builtin's output got out: echo hi >&- is "echo: write error: Bad file descriptor", status 1
            return c.drainReporting(1, errno -> {
                if (errno == null) return popped(status);
                // dash words it as its flushall does: sh: 1: echo: echo: I/O error
                if (st.dash) error(builtin.name() + ": " + builtin.name() + ": I/O error");
                else builtinError(builtin.name(), "write error: " + errno.message());
                return popped(1);
            });
        }
        return popped(status);
    }

    private Step popped(int status) {
        stack.remove(stack.size() - 1);
        if (!stack.isEmpty()) stack.get(stack.size() - 1).childStatus = status;
        return c.compute(BUILTIN_NANOS, "", this::proceed);
    }

    /** What the parser needs to know now: extglob, dash, the locale, and the aliases if they are expanded. */
    dev.syssim.sim.shell.syntax.Parser.Settings parserSettings() {
        java.util.function.Function<String, String> aliases = st.options.expandAliases ? st.aliases::get : null;
        return new dev.syssim.sim.shell.syntax.Parser.Settings(st.options.extglob, st.dash, utf8(), aliases);
    }

    // ---- text out ----

    void out(String byteString) {
        c.printBytes(Bytes.of(byteString));
    }

    void err(String byteString) {
        c.eprintBytes(Bytes.of(byteString));
    }

    /**
     * The prefix of the shell's messages: {@code bash: } at a prompt; {@code bash: line 3: } in a
     * {@code -c} string; {@code script.sh: line 3: } in a script, and inside a function the file the
     * function came from; dash writes {@code sh: 3: }.
     */
    String prefix() {
        if (st.interactive && !st.subshell && st.sources.isEmpty()) return st.programName + ": ";
        if (st.interactive) return st.programName + ": ";
        if (st.ash) return st.name + ": ";
        if (st.dash) return st.name + ": " + st.lineNumber + ": ";
        String source = currentSource();
        return source + ": line " + st.lineNumber + ": ";
    }

    /** Where the running code came from: the function's file (bash -c calls it "environment"), a sourced file, or $0. */
    String currentSource() {
        if (!st.calls.isEmpty()) return st.calls.get(st.calls.size() - 1).source();
        if (!st.sources.isEmpty()) return st.sources.get(st.sources.size() - 1);
        return st.name;
    }

    /** A message with the shell's prefix on standard error. */
    void error(String message) {
        err(prefix() + (st.dash ? Dash.message(message) : message) + "\n");
    }

    /**
     * A failed system call of the shell's own, as bash's sys_error writes it: the shell's name and
     * no line number ({@code bash: pipe error: Too many open files}).
     */
    void sysError(String message) {
        if (st.dash) {
            error(message);
            return;
        }
        err(st.name + ": " + message + "\n");
    }

    /** A builtin's error: {@code bash: line 1: cd: /x: No such file or directory}. */
    void builtinError(String builtin, String message) {
        err(prefix() + builtin + ": " + (st.dash ? Dash.builtinMessage(builtin, message) : message) + "\n");
    }

    // ---- exit and control flow ----

    /** Leaves the shell with {@code status}, unwinding every frame (the EXIT trap still runs). */
    Step exit(int status) {
        pending = new Exit(status);
        st.lastStatus = status;
        return proceed();
    }

    /**
     * The exit builtin: as {@link #exit}, but the functions it leaves keep their scope, since bash
     * runs the EXIT trap from inside the builtin (the trap sees the function's locals, $1, FUNCNAME).
     */
    Step exitBuiltin(int status) {
        pending = new Exit(status, true);
        st.lastStatus = status;
        return proceed();
    }

    /** Abandons the rest of the command line (an expansion error), or leaves a subshell. */
    Step discard(int status) {
        pending = new Discard(status);
        st.lastStatus = status;
        return proceed();
    }

    /** An error that ends a non-interactive shell (set -u, ${x:?}): exits, or abandons the line at a prompt. */
    Step fatal(int status) {
        if (st.dash) status = 2; // dash's every shell error
        if (st.interactive && !st.subshell) return discard(status);
        return exit(status);
    }

    // ---- processes ----

    /**
     * fork: the child runs {@code body} (made from its own copy of the shell) and exits with its
     * status; the parent gets the child's pid (-1 if fork failed, after bash's message).
     * {@code jobLeader}: in an interactive shell, the pid whose process group the child joins (0: its
     * own group, -1: no job control for it).
     */
    Step fork(Function<Shell, Frame> body, int jobLeader, IntFunction<Step> parent) {
        return fork(body, jobLeader, parent, 1);
    }

    /** bash retries a fork that failed with EAGAIN after 1, 2, 4 and 8 seconds (jobs.c, FORKSLEEP_MAX 16). */
    private static final int FORKSLEEP_MAX = 16;

    private Step fork(Function<Shell, Frame> body, int jobLeader, IntFunction<Step> parent, int forksleep) {
        c.flushStdout();
        boolean interactiveParent = st.interactive && !st.subshell;
        boolean jobControl = interactiveParent && jobLeader >= 0;
        return c.sys(Syscall.Clone.forkKnowingPid(pid -> {
            Shell child = subshell();
            child.st.bashpid = pid;
            Frame frame = body.apply(child);
            child.push(new ExitFrame());
            child.push(frame);
            Supplier<Step> start = () -> child.resetTraps(child::run);
            if (!interactiveParent) return start.get();
            // Ctrl-C, which the interactive shell ignores, goes back to the default (an ignored signal
            // stays ignored across exec); the QUIT and TERM it catches reset at exec by themselves, so
            // only a child that goes on as a shell resets them
            Supplier<Step> restore = () -> child.c.sys(new Syscall.RtSigaction(Signal.SIGINT, false), x -> {
                if (execsAtOnce(frame)) return start.get();
                return child.c.sys(new Syscall.Sigaction(Signal.SIGQUIT, null), y ->
                        child.c.sys(new Syscall.Sigaction(Signal.SIGTERM, null), z -> start.get()));
            });
            if (!jobControl) return restore.get();
            return child.c.sys(new Syscall.Setpgid(0, jobLeader), r -> restore.get());
        }), r -> {
            if (r.failed()) return forkFailed(body, jobLeader, parent, forksleep, r.errno());
            return parent.apply(r.intValue());
        });
    }

    /**
     * A failed fork, as each shell reports it: bash says {@code fork: retry: ...} and tries again
     * after a pause (EAGAIN only), then {@code fork: ...} and gives up — a script ends with status
     * 254 (126 with the top bit bash's throw_to_top_level adds); dash says {@code Cannot fork},
     * busybox ash {@code can't fork: ...}, and both end a script with status 2.
     */
    private Step forkFailed(Function<Shell, Frame> body, int jobLeader, IntFunction<Step> parent, int forksleep, dev.syssim.sim.os.Errno e) {
        boolean script = !st.interactive || st.subshell;
        if (st.ash) {
            err(st.name + ": can't fork: " + e.message() + "\n");
            return script ? exit(2) : parent.apply(-1);
        }
        if (st.dash) {
            err(st.name + ": " + st.lineNumber + ": Cannot fork\n");
            return script ? exit(2) : parent.apply(-1);
        }
        if (e == dev.syssim.sim.os.Errno.EAGAIN && forksleep < FORKSLEEP_MAX) {
            err(st.programName + ": fork: retry: " + e.message() + "\n");
            return c.sys(new Syscall.ClockNanosleep(forksleep * 1_000_000_000L), slept -> fork(body, jobLeader, parent, forksleep * 2));
        }
        err(st.programName + ": fork: " + e.message() + "\n");
        return script ? exit(254) : parent.apply(-1);
    }

    /** Whether a child's first frame is the execve of a program (after its redirections). */
    private static boolean execsAtOnce(Frame frame) {
        if (frame instanceof ExecFrame) return true;
        return frame instanceof RedirectFrame r && r.body() instanceof ExecFrame;
    }

    /** A copy of this shell for a child process: a subshell environment, in bash's words. */
    Shell subshell() {
        ShellState copy = st.copy();
        copy.subshell = true;
        copy.subshellLevel = st.subshellLevel + 1;
        copy.jobs.clear();
        copy.jobOrder.clear();
        Shell child = new Shell(new Libc(c.args()), copy, arithmetic);
        return child;
    }

    /** In a subshell, traps the parent caught go back to their defaults (ignored ones stay ignored). */
    Step resetTraps(Supplier<Step> next) {
        List<String> reset = new ArrayList<>();
        for (Map.Entry<String, String> e : st.traps.entrySet()) {
            if (!e.getValue().isEmpty()) reset.add(e.getKey());
        }
        if (reset.isEmpty()) return next.get();
        for (String name : reset) st.traps.remove(name);
        return Libc.forEach(reset, (name, more) -> {
            Signal s = Traps.signal(name);
            if (s == null) return more.get();
            return c.sys(new Syscall.Sigaction(s, null), r -> more.get());
        }, next);
    }

    /** Waits for the processes of a foreground job; the status is the last one's, PIPESTATUS all of them. */
    Step waitForeground(List<Integer> pids, Supplier<List<String>> texts, IntFunction<Step> k) {
        List<Integer> live = new ArrayList<>();
        List<Integer> liveIndexes = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            if (pids.get(i) <= 0) continue;
            live.add(pids.get(i));
            liveIndexes.add(i);
        }
        // the commands' texts are printed only for a job message
        Supplier<List<String>> liveTexts = () -> {
            List<String> all = texts.get();
            List<String> out = new ArrayList<>();
            for (int i : liveIndexes) out.add(i < all.size() ? all.get(i) : "");
            return out;
        };
        if (live.isEmpty()) return k.apply(pids.isEmpty() ? 0 : 254);
        int[] statuses = new int[live.size()];
        boolean jobControl = st.interactive && !st.subshell;
        Supplier<Step> waitAll = () -> waitEach(live, 0, statuses, () -> {
            reportSignal(statuses, live, liveTexts);
            int[] shell = new int[statuses.length];
            for (int i = 0; i < statuses.length; i++) shell[i] = WaitStatus.shellStatus(statuses[i]);
            st.pipestatus = shell;
            int last = shell[shell.length - 1];
            if (!jobControl && !st.dash && !st.jobs.isEmpty()) return Jobs.reapQuietly(this, () -> k.apply(last));
            if (!jobControl) return k.apply(last);
            return c.sys(new Syscall.Tcsetpgrp(0, st.pid), r -> k.apply(last));
        });
        if (!jobControl) return waitAll.get();
        return c.sys(new Syscall.Tcsetpgrp(0, live.get(0)), r -> waitAll.get());
    }

    private Step waitEach(List<Integer> pids, int i, int[] statuses, Supplier<Step> k) {
        if (i >= pids.size()) return k.get();
        int pid = pids.get(i);
        return c.sys(new Syscall.Wait4(pid, 0), r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) {
                    return runCaughtTraps(() -> waitEach(pids, i, statuses, k));
                }
                statuses[i] = WaitStatus.exited(127);
                return waitEach(pids, i + 1, statuses, k);
            }
            statuses[i] = Syscall.Wait4.status(r);
            return waitEach(pids, i + 1, statuses, k);
        });
    }

    /**
     * bash's report of a foreground job a signal ended (jobs.c, notify_of_job_status): a
     * non-interactive shell lists the job's processes after its {@code line N:} prefix, unless the
     * signal was SIGINT, SIGTERM or SIGPIPE (Debian's bash is built not to report those two) or is
     * trapped; otherwise the signal's name alone ({@code Terminated}), except for SIGINT and SIGPIPE;
     * nothing inside a command substitution. The job's status is its last process's (pipefail: the
     * last that failed).
     */
    void reportSignal(int[] statuses, List<Integer> pids, Supplier<List<String>> lazyTexts) {
        int decisive = statuses[statuses.length - 1];
        if (st.options.pipefail) {
            for (int s : statuses) if (WaitStatus.shellStatus(s) != 0) decisive = s;
        }
        if (WaitStatus.isExited(decisive) || st.commandSubstitution) return;
        Signal signal = WaitStatus.termSignal(decisive);
        boolean interactive = st.interactive && !st.subshell;
        if (signal == Signal.SIGINT) {
            if (interactive) err("\n");
            return;
        }
        String trap = st.traps.get(signal.shortName());
        if (st.dash && !interactive) {
            // dash (and busybox ash) name only the signal: "Killed" (jobs.c, sprint_status with sigonly)
            if (signal != Signal.SIGPIPE && !signal.shellMessage().isEmpty()) {
                err(signal.shellMessage() + (WaitStatus.coreDumped(decisive) ? " (core dumped)" : "") + "\n");
            }
            return;
        }
        if (!interactive && signal != Signal.SIGTERM && signal != Signal.SIGPIPE && trap == null) {
            StringBuilder out = new StringBuilder(prefix().replace(": line 0: ", ": line 1: ")); // bash never says line 0 here
            List<String> texts = lazyTexts.get();
            for (int i = 0; i < statuses.length; i++) {
                boolean first = i == 0;
                String state = processState(statuses[i]);
                if (!first && WaitStatus.shellStatus(statuses[i]) == WaitStatus.shellStatus(statuses[0])
                        && WaitStatus.isExited(statuses[i]) == WaitStatus.isExited(statuses[0])) {
                    state = "";
                }
                out.append(first ? "" : "     ").append(String.format("%5d ", pids.get(i))).append(state);
                out.append(" ".repeat(Math.max(0, 24 - (state.isEmpty() ? 2 : state.length()))));
                if (!WaitStatus.isExited(statuses[i]) && WaitStatus.coreDumped(statuses[i]) && !state.isEmpty()) out.append("(core dumped) ");
                out.append(first ? "" : "| ").append(texts.get(i)).append('\n');
            }
            err(out.toString());
            return;
        }
        if (signal == Signal.SIGPIPE || signal.shellMessage().isEmpty()) return;
        err(signal.shellMessage() + (WaitStatus.coreDumped(decisive) ? " (core dumped)" : "") + "\n");
    }

    /** A process's state in a job listing: Done, Exit N, or the signal's description. */
    private static String processState(int status) {
        if (WaitStatus.isExited(status)) {
            int code = WaitStatus.exitCode(status);
            return code == 0 ? "Done" : "Exit " + code;
        }
        Signal signal = WaitStatus.termSignal(status);
        return signal.shellMessage().isEmpty() ? signal.name() : signal.shellMessage();
    }

    // ---- traps ----

    /** Runs the traps of caught signals that arrived (bash runs them between commands), then {@code next}. */
    Step runCaughtTraps(Supplier<Step> next) {
        if (caught.isEmpty()) return next.get();
        List<Signal> arrived = new ArrayList<>(caught);
        caught.clear();
        for (int i = arrived.size() - 1; i >= 0; i--) {
            String action = st.traps.get(arrived.get(i).shortName());
            if (action != null && !action.isEmpty()) push(new TrapFrame(arrived.get(i).shortName(), action));
        }
        return next.get();
    }

    // ---- finding commands ----

    /** PATH search (after the hash table): {@code k} gets the path, or null when not found. */
    Step findCommand(String name, Function<String, Step> k) {
        return findCommand(name, null, k);
    }

    /** As above; {@code searchPath} non-null searches those directories instead of PATH (command -p). */
    Step findCommand(String name, String searchPath, Function<String, Step> k) {
        if (name.contains("/")) return k.apply(name);
        if (searchPath != null) return searchPath(name, searchPath.split(":", -1), 0, null, k);
        String cached = st.hash.get(name);
        if (cached != null) {
            st.hashHits.merge(name, 1, Integer::sum);
            return k.apply(cached);
        }
        String path = st.vars.get("PATH");
        if (path == null) path = "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games";
        String[] dirs = path.split(":", -1);
        return searchPath(name, dirs, 0, null, k);
    }

    private Step searchPath(String name, String[] dirs, int i, String firstFound, Function<String, Step> k) {
        if (i >= dirs.length) return k.apply(firstFound);
        String dir = dirs[i].isEmpty() ? "." : dirs[i];
        String candidate = dir.endsWith("/") ? dir + name : dir + "/" + name;
        return c.statOf(Bytes.toJava(candidate), true, (err, st2) -> {
            if (err == null && st2.type() != FileType.DIRECTORY) {
                boolean executable = (st2.permissions() & 0111) != 0;
                if (executable) {
                    if (st.options.hashall && !dirs[i].isEmpty() && dirs[i].startsWith("/")) {
                        st.hash.put(name, candidate);
                        st.hashHits.put(name, 1);
                    }
                    return k.apply(candidate);
                }
                // a file that is not executable is remembered: bash reports it as the command if nothing else is found
                return searchPath(name, dirs, i + 1, firstFound == null ? candidate : firstFound, k);
            }
            return searchPath(name, dirs, i + 1, firstFound, k);
        });
    }

    // ---- small helpers ----

    /** The syscall result of a path operation as bash's error text. */
    static String errnoText(SysResult r) {
        return r.errno().message();
    }

    /** Whether a name is a valid shell identifier. */
    static boolean isName(String s) {
        return dev.syssim.sim.shell.syntax.Lexical.isName(s);
    }

    /** The shell's word for a command in a job message: its source text. */
    static String jobText(Ast.Item item) {
        return item.text();
    }

    /** The locale's charset is UTF-8 (LC_ALL, LC_CTYPE or LANG of the shell's variables). */
    boolean utf8() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = st.vars.get(name);
            if (v == null || v.isEmpty()) continue;
            // without lowercasing a copy: this runs for every command line the parser reads
            for (int i = 0; i + 4 <= v.length(); i++) {
                if (v.regionMatches(true, i, "utf-8", 0, 5) || v.regionMatches(true, i, "utf8", 0, 4)) return true;
            }
            return false;
        }
        return false;
    }
}
