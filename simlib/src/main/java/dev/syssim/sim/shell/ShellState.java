package dev.syssim.sim.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a shell remembers between commands: variables and which are exported, positional
 * parameters, {@code $?}, {@code $!}, functions, background jobs and the command hash table. A
 * forked subshell gets a copy, so its changes stay its own — as on Unix.
 */
final class ShellState {

    /** A background job: its number, its processes, the command text, and its status once done. */
    static final class Job {
        final int number;
        final List<Integer> pids;
        final String text;
        /** The wait(2) status once the job has ended, else -1. */
        int status = -1;
        boolean reported;

        Job(int number, List<Integer> pids, String text) {
            this.number = number;
            this.pids = pids;
            this.text = text;
        }

        boolean done() {
            return status >= 0;
        }
    }

    final Map<String, String> variables = new LinkedHashMap<>();
    final Set<String> exported = new LinkedHashSet<>();
    List<String> positional = new ArrayList<>();
    final Map<String, Ast.FunctionDef> functions = new HashMap<>();
    final Map<String, String> hash = new HashMap<>();
    final TreeMap<Integer, Job> jobs = new TreeMap<>();
    String name;
    int lastStatus;
    int lastBackground;
    int pid;
    int pgid;
    boolean interactive;
    boolean dash;
    boolean exitRequested;
    int exitStatus;
    /** Set by {@code return} inside a function: unwind to the function's caller. */
    boolean returning;
    int lineNumber;
    /** The status of the last command substitution of the current command ({@code x=$(false)} gives 1). */
    int substitutionStatus;

    ShellState copy() {
        ShellState c = new ShellState();
        c.variables.putAll(variables);
        c.exported.addAll(exported);
        c.positional = new ArrayList<>(positional);
        c.functions.putAll(functions);
        c.hash.putAll(hash);
        c.name = name;
        c.lastStatus = lastStatus;
        c.lastBackground = lastBackground;
        c.pid = pid;
        c.pgid = pgid;
        c.interactive = false;
        c.dash = dash;
        c.lineNumber = lineNumber;
        return c;
    }

    int lastStatusAfterAssignments() {
        return substitutionStatus;
    }

    String get(String name) {
        return variables.get(name);
    }

    void set(String name, String value) {
        variables.put(name, value);
        if (name.equals("PATH")) hash.clear();
    }

    void export(String name) {
        exported.add(name);
    }

    void unset(String name) {
        variables.remove(name);
        exported.remove(name);
        if (name.equals("PATH")) hash.clear();
    }

    /** The environment a child gets: exported variables, sorted for a deterministic envp. */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (String n : exported) {
            String v = variables.get(n);
            if (v != null) env.put(n, v);
        }
        return env;
    }

    int nextJobNumber() {
        return jobs.isEmpty() ? 1 : jobs.lastKey() + 1;
    }
}
