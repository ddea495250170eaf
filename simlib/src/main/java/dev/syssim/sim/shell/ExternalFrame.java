package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A program: found on PATH (remembered in the hash table), then fork, the redirections in the
 * child, and execve — or, when this process exists only for the command, execve at once. A command
 * that is not found is reported by the child, as bash does (after running
 * {@code command_not_found_handle} if there is one).
 */
final class ExternalFrame extends Frame {

    private final List<String> argv;
    private final Map<String, String> assigned;
    private final List<Ast.Redirect> redirects;
    private final Supplier<String> jobText;
    private final boolean forked;
    private boolean started;
    /** Where to look instead of PATH (command -p), or null. */
    private String searchPath;

    ExternalFrame(List<String> argv, Map<String, String> assigned, Ast.Simple command, boolean forked) {
        this(argv, assigned, command.redirects(), () -> FunctionPrinter.command(command), forked);
    }

    /** {@code jobText}: the command as a job message shows it. */
    ExternalFrame(List<String> argv, Map<String, String> assigned, List<Ast.Redirect> redirects, Supplier<String> jobText,
            boolean forked) {
        this.argv = argv;
        this.assigned = assigned;
        this.redirects = redirects;
        this.jobText = jobText;
        this.forked = forked;
    }

    /** command -p: the program is looked for in these directories, not in PATH. */
    ExternalFrame searching(String directories) {
        this.searchPath = directories;
        return this;
    }

    @Override
    Step step(Shell sh) {
        if (started) return sh.finish(childStatus);
        started = true;
        String name = argv.get(0);
        return sh.findCommand(name, searchPath, path -> {
            Map<String, String> env = environment(sh, path);
            if (forked) {
                sh.stack.set(sh.stack.size() - 1, childFrames(path, env));
                return sh.proceed();
            }
            return sh.fork(child -> childFrames(path, env), 0, pid -> {
                if (pid < 0) {
                    childStatus = 254;
                    return sh.proceed();
                }
                return sh.waitForeground(List.of(pid), () -> List.of(jobText.get()), status -> {
                    childStatus = status;
                    return sh.proceed();
                });
            });
        });
    }

    private Frame childFrames(String path, Map<String, String> env) {
        Frame exec = new ExecFrame(path, argv, env);
        if (redirects.isEmpty()) return exec;
        return new RedirectFrame(redirects, exec, RedirectFrame.Mode.KEEP);
    }

    /**
     * The child's environment, as bash builds it: the command's own assignments first (its
     * temporary environment, in bash's hash order), then the exported variables, and {@code _} set
     * to the program's path.
     */
    private Map<String, String> environment(Shell sh, String path) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!assigned.isEmpty()) {
            HashTable<String> temp = new HashTable<>(4);
            for (Map.Entry<String, String> e : assigned.entrySet()) temp.put(e.getKey(), e.getValue());
            temp.forEach(env::put);
        }
        for (Map.Entry<String, String> e : sh.st.vars.environment().entrySet()) {
            if (!env.containsKey(e.getKey()) && !e.getKey().equals("_")) env.put(e.getKey(), e.getValue());
        }
        if (!sh.st.dash) ExportedFunctions.addTo(sh, env);
        // a program this process execs in place of a fork of its own (bash's implicit exec), outside a
        // pipeline, gets SHLVL one lower, so that a bash started there shows the same level
        if (forked && !sh.st.pipeStage && !sh.st.dash) lowerShellLevel(env);
        env.put("_", path == null ? argv.get(0) : path);
        Map<String, String> java = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) java.put(Bytes.toJava(e.getKey()), Bytes.toJava(e.getValue()));
        return java;
    }

    /** bash's adjust_shell_level(-1) as the environment of an exec'd program sees it. */
    static void lowerShellLevel(Map<String, String> env) {
        String level = env.get("SHLVL");
        if (level == null) return;
        long n;
        try {
            n = Long.parseLong(level.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        env.put("SHLVL", Long.toString(Math.max(n - 1, 0)));
    }

    static List<String> javaArgv(List<String> argv) {
        List<String> out = new ArrayList<>(argv.size());
        for (String a : argv) out.add(Bytes.toJava(a));
        return out;
    }
}
