package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shell remembers between commands: variables, functions, positional parameters, options,
 * aliases, the command hash table, jobs, traps and the directory stack. A subshell gets a copy, so
 * what it changes stays its own, as after fork on Unix.
 */
final class ShellState {

    /** A background job: its number, processes, command text, and each process's wait status once it ended (-1 before). */
    static final class Job {
        final int number;
        final List<Integer> pids;
        final int[] statuses;
        final String text;
        final int pgid;
        boolean notified;
        boolean stopped;

        Job(int number, List<Integer> pids, String text, int pgid) {
            this.number = number;
            this.pids = List.copyOf(pids);
            this.statuses = new int[pids.size()];
            java.util.Arrays.fill(statuses, -1);
            this.text = text;
            this.pgid = pgid;
        }

        boolean done() {
            for (int s : statuses) if (s < 0) return false;
            return true;
        }

        /** The wait status of the job's last process (what $? of the job is made of). */
        int lastStatus() {
            return statuses[statuses.length - 1];
        }

        int leader() {
            return pids.get(0);
        }
    }

    /** A function call on the call stack: its name, where it was defined, and the line it was called from. */
    record Call(String function, String source, int callLine, List<String> args) {
    }

    Variables vars = new Variables();
    Map<String, Ast.FunctionDef> functions = new LinkedHashMap<>();
    /** Where each function was defined: the source file name, for BASH_SOURCE (bash -c says "environment"). */
    Map<String, String> functionSources = new LinkedHashMap<>();
    java.util.Set<String> readonlyFunctions = new java.util.LinkedHashSet<>();
    java.util.Set<String> exportedFunctions = new java.util.LinkedHashSet<>();
    List<String> positional = new ArrayList<>();
    Options options = new Options();
    Map<String, String> aliases = new TreeMap<>();
    /** complete's specifications: command name to the line complete -p prints. */
    Map<String, String> completions = new LinkedHashMap<>();
    /** The command hash table: name to path, and how often each was used ({@code hash} lists hits). */
    Map<String, String> hash = new LinkedHashMap<>();
    Map<String, Integer> hashHits = new LinkedHashMap<>();
    TreeMap<Integer, Job> jobs = new TreeMap<>();
    /** Job numbers in the order they became current: last is {@code %+}, the one before {@code %-}. */
    List<Integer> jobOrder = new ArrayList<>();
    /**
     * Background processes a script's shell reaped while it waited for something else, with their
     * wait statuses: gone from the job table, still there for {@code wait PID} (bash's bgpids).
     */
    Map<Integer, Integer> reapedBackground = new LinkedHashMap<>();
    /** Trap commands by signal name (EXIT, ERR, DEBUG, RETURN, INT ...); "" means ignored. */
    Map<String, String> traps = new LinkedHashMap<>();
    List<String> dirStack = new ArrayList<>();
    /** The function call stack, innermost last. */
    List<Call> calls = new ArrayList<>();
    /** The sourced-file stack for BASH_SOURCE: the script, then each file being sourced, innermost last. */
    List<String> sources = new ArrayList<>();

    /** $0. */
    String name = "bash";
    /** The shell's name for messages ("bash", "sh", or a script's name). */
    String programName = "bash";
    int lastStatus;
    int[] pipestatus = {0};
    int lastBackground;
    int pid;
    int ppid;
    int bashpid;
    /** In the child of a command substitution: bash reports no job killed by a signal there. */
    boolean commandSubstitution;
    int uid;
    int euid;
    int gid;
    int egid;
    int subshellLevel;
    /** Command substitutions deep: set -x repeats PS4's first character once more per level. */
    int traceLevel;
    String lastArgument = "";
    /** The last argument of the command now running, which becomes $_ when it is done. */
    String lastArgumentPending;
    int lineNumber;
    boolean interactive;
    boolean dash;
    /** busybox ash: dash's language with ash's own messages ({@code sh: x: not found}, no line number). */
    boolean ash;
    boolean commandString;
    boolean stdinScript;
    boolean login;
    /** The seed state of $RANDOM (bash's Park-Miller generator). */
    long randomSeed = 1;
    int lastRandom;
    /** The simulated time (ns since the epoch) when $SECONDS was last set, and the value it was set to. */
    long secondsBase;
    /** When the shell started, in epoch seconds ({@code printf '%(...)T' -2}). */
    long startSeconds;
    long secondsOffset;
    String oldpwd;
    /** How many loops enclose the running command (break and continue need one). */
    int loopDepth;
    /** Nonzero while running where set -e does not apply (conditions, && / || operands, !). */
    int errexitSuppressed;
    /** The command being run, for BASH_COMMAND. */
    private String currentCommand = "";
    /** The simple command running now, printed only when asked ($BASH_COMMAND, a job message). */
    private dev.syssim.sim.shell.syntax.Ast.Simple currentSimple;

    void setCurrentCommand(dev.syssim.sim.shell.syntax.Ast.Simple command) {
        currentSimple = command;
    }

    String currentCommand() {
        if (currentSimple != null) {
            currentCommand = FunctionPrinter.command(currentSimple);
            currentSimple = null;
        }
        return currentCommand;
    }
    /** The status of the last command substitution of the current command ({@code x=$(false)} gives 1). */
    int substitutionStatus;
    boolean hadSubstitution;
    /** Whether this process is a subshell of the interactive session (no job messages, no prompt). */
    boolean subshell;
    /** A stage of a pipeline (bash's SUBSHELL_PIPE): a program it execs keeps SHLVL as it is. */
    boolean pipeStage;
    /** A ( ) subshell (bash's SUBSHELL_PAREN): exec there keeps SHLVL as it is. */
    boolean parenSubshell;
    /** Whether a trap's command is running now (traps do not nest). */
    String runningTrap;
    /** set -o noexec's companion for `bash -n`: parse only. */
    int umask = -1;
    /** Builtins turned off with enable -n. */
    java.util.Set<String> disabledBuiltins = new java.util.LinkedHashSet<>();
    /** The logical directory cd last went to, and the physical one it is (for pwd -L). */
    String pwdLogical;
    String pwdPhysical;
    /** getopts' place inside a bundle of letters ({@code -abc}): 0 at the start of an argument. */
    int getoptsCharIndex;

    ShellState copy() {
        ShellState c = new ShellState();
        c.vars = vars.copy();
        c.functions = new LinkedHashMap<>(functions);
        c.functionSources = new LinkedHashMap<>(functionSources);
        c.readonlyFunctions = new java.util.LinkedHashSet<>(readonlyFunctions);
        c.exportedFunctions = new java.util.LinkedHashSet<>(exportedFunctions);
        c.positional = new ArrayList<>(positional);
        c.options = options.copy();
        c.aliases = new TreeMap<>(aliases);
        c.completions = new LinkedHashMap<>(completions);
        c.hash = new LinkedHashMap<>(hash);
        c.hashHits = new LinkedHashMap<>(hashHits);
        c.jobs = new TreeMap<>(jobs);
        c.jobOrder = new ArrayList<>(jobOrder);
        c.traps = new LinkedHashMap<>(traps);
        c.dirStack = new ArrayList<>(dirStack);
        c.calls = new ArrayList<>(calls);
        c.sources = new ArrayList<>(sources);
        c.name = name;
        c.programName = programName;
        c.lastStatus = lastStatus;
        c.pipestatus = pipestatus.clone();
        c.lastBackground = lastBackground;
        c.pid = pid;
        c.ppid = ppid;
        c.bashpid = bashpid;
        c.commandSubstitution = commandSubstitution;
        c.uid = uid;
        c.euid = euid;
        c.gid = gid;
        c.egid = egid;
        c.subshellLevel = subshellLevel;
        c.traceLevel = traceLevel;
        c.lastArgument = lastArgument;
        c.pipeStage = pipeStage;
        c.parenSubshell = parenSubshell;
        c.lineNumber = lineNumber;
        c.interactive = interactive;
        c.dash = dash;
        c.ash = ash;
        c.commandString = commandString;
        c.stdinScript = stdinScript;
        c.login = login;
        c.randomSeed = randomSeed;
        c.lastRandom = lastRandom;
        c.secondsBase = secondsBase;
        c.startSeconds = startSeconds;
        c.secondsOffset = secondsOffset;
        c.oldpwd = oldpwd;
        c.loopDepth = loopDepth;
        c.errexitSuppressed = errexitSuppressed;
        c.currentCommand = currentCommand;
        c.currentSimple = currentSimple;
        c.subshell = subshell;
        c.umask = umask;
        c.disabledBuiltins = new java.util.LinkedHashSet<>(disabledBuiltins);
        c.pwdLogical = pwdLogical;
        c.pwdPhysical = pwdPhysical;
        c.getoptsCharIndex = getoptsCharIndex;
        return c;
    }

    int nextJobNumber() {
        return jobs.isEmpty() ? 1 : jobs.lastKey() + 1;
    }

    /** The next value of $RANDOM: bash 5.2's brand() (Park-Miller, folded to 15 bits), never the same twice in a row. */
    int random() {
        int rv;
        do {
            randomSeed = intrand32(randomSeed);
            rv = (int) (((randomSeed >> 16) ^ (randomSeed & 65535)) & 32767);
        } while (rv == lastRandom);
        lastRandom = rv;
        return rv;
    }

    /** RANDOM=N: bash's sbrand. */
    void seedRandom(long seed) {
        randomSeed = seed & 0xffffffffL;
        lastRandom = 0;
    }

    private static long intrand32(long last) {
        long ret = last == 0 ? 123459876 : last;
        long h = ret / 127773;
        long l = ret - 127773 * h;
        long t = (int) (16807 * l - 2836 * h);
        return t < 0 ? t + 0x7fffffffL : t;
    }
}
