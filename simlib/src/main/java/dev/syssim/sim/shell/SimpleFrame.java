package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simple command, in bash's order: the words are expanded (brace, tilde, parameter, command and
 * arithmetic substitution, splitting, globbing); {@code set -x} shows them; the assignments before
 * the command are expanded; then the command is found — a function, a builtin, or a program on
 * PATH — and run with its redirections. Without a command name the assignments change the shell.
 */
final class SimpleFrame extends Frame {

    private final Ast.Simple cmd;
    private final boolean forked;
    private int phase;
    private List<String> argv;
    /** Expanded prefix assignments, in order. */
    private final List<Object[]> assigned = new ArrayList<>();
    private int assignIndex;
    private boolean declaration;
    private boolean scopePushed;
    private boolean ranTrap;
    /**
     * How many process substitutions were open when this command began. Inside a function a
     * command closes only those it opened itself, so the function's {@code /dev/fd/63} arguments
     * stay open until the call is done; outside functions every open one is closed (also those a
     * compound command's redirection or a loop's words opened), as bash does after each command
     * when no function is running (execute_cmd.c: {@code variable_context == 0}).
     */
    private int processSubstitutionsBefore = -1;

    SimpleFrame(Ast.Simple cmd, boolean forked) {
        this.cmd = cmd;
        this.forked = forked;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                if (processSubstitutionsBefore < 0) processSubstitutionsBefore = sh.processSubstitutionFds.size();
                sh.st.lineNumber = cmd.line();
                sh.st.hadSubstitution = false;
                sh.st.substitutionStatus = 0;
                if (sh.st.runningTrap == null) sh.st.setCurrentCommand(cmd);
                String debug = sh.st.traps.get("DEBUG");
                if (!ranTrap && debug != null && !debug.isEmpty() && sh.st.runningTrap == null
                        && (sh.st.calls.isEmpty() || sh.st.options.functrace)) {
                    ranTrap = true;
                    int saved = sh.st.lastStatus;
                    sh.push(new TrapFrame("DEBUG", debug));
                    sh.st.lastStatus = saved;
                    return Shell.CONTINUE;
                }
                phase = 1;
                declaration = !cmd.words().isEmpty() && Declare.isDeclaration(cmd.words().get(0).literal());
                sh.push(new ExpandWordsFrame(cmd.words(), declaration, words -> argv = words));
                return Shell.CONTINUE;
            }
            case 1 -> {
                phase = 2;
                return nextAssignment(sh);
            }
            case 2 -> {
                return nextAssignment(sh);
            }
            case 3 -> {
                // the command ran
                return done(sh, childStatus);
            }
            default -> {
                return sh.finish(childStatus);
            }
        }
    }

    /** Expands the prefix assignments one at a time (a value may need a command substitution). */
    private Step nextAssignment(Shell sh) {
        if (assignIndex < cmd.assignments().size()) {
            Ast.Assignment a = cmd.assignments().get(assignIndex++);
            if (argv.isEmpty()) {
                // no command: each assignment happens now, so b=$a sees a
                sh.push(new AssignmentFrame(a, true));
                return Shell.CONTINUE;
            }
            sh.push(new AssignmentFrame(a, false, value -> assigned.add(new Object[] {a, value})));
            return Shell.CONTINUE;
        }
        return run(sh);
    }

    private Step run(Shell sh) {
        phase = 3;
        if (argv.isEmpty()) return noCommand(sh);
        if (sh.st.options.xtrace) Xtrace.command(sh, assigned, argv);
        String name = argv.get(0);
        sh.st.lastArgumentPending = argv.get(argv.size() - 1);
        Ast.FunctionDef function = sh.st.functions.get(name);
        if (function != null && !Builtins.beatsFunctions(name, sh)) {
            pushTemporaryScope(sh, false);
            sh.push(withRedirects(new FunctionFrame(function, argv)));
            return Shell.CONTINUE;
        }
        Builtin builtin = sh.builtins.find(name, sh);
        if (builtin != null) {
            if (name.equals("exec") && argv.size() == 1) {
                sh.push(new RedirectFrame(cmd.redirects(), null, RedirectFrame.Mode.KEEP));
                return Shell.CONTINUE;
            }
            pushTemporaryScope(sh, Builtins.isSpecial(name, sh) && sh.st.options.posix);
            sh.push(withRedirects(new BuiltinFrame(builtin, argv, cmd)));
            return Shell.CONTINUE;
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Object[] a : assigned) {
            Ast.Assignment assignment = (Ast.Assignment) a[0];
            if (a[1] instanceof String value) env.put(assignment.name(), value);
        }
        sh.push(new ExternalFrame(argv, env, cmd, forked));
        return Shell.CONTINUE;
    }

    /** The frame inside its redirections; without any, the frame itself (most commands: one frame less each). */
    private Frame withRedirects(Frame body) {
        return cmd.redirects().isEmpty() ? body : new RedirectFrame(cmd.redirects(), body);
    }

    /** Assignments before a builtin or function are visible during it only (or for good: POSIX special builtins). */
    private void pushTemporaryScope(Shell sh, boolean persist) {
        if (assigned.isEmpty()) return;
        if (persist) {
            for (Object[] a : assigned) {
                Ast.Assignment assignment = (Ast.Assignment) a[0];
                if (a[1] instanceof String value) {
                    String error = Assign.scalar(sh, assignment.name(), value, assignment.append());
                    if (error != null) sh.error(error);
                }
            }
            return;
        }
        Map<String, String> bindings = new LinkedHashMap<>();
        for (Object[] a : assigned) {
            Ast.Assignment assignment = (Ast.Assignment) a[0];
            if (a[1] instanceof String value) {
                String old = assignment.append() ? sh.st.vars.get(assignment.name()) : null;
                bindings.put(assignment.name(), old == null ? value : old + value);
            }
        }
        sh.st.vars.pushTemporary(bindings, true);
        scopePushed = true;
    }

    /** Only assignments and redirections: the redirections are made and undone; the status is the last substitution's. */
    private Step noCommand(Shell sh) {
        // a command with no words (assignments, redirections, an empty expansion) leaves $_ empty
        sh.st.lastArgumentPending = "";
        if (cmd.redirects().isEmpty()) {
            childStatus = sh.st.hadSubstitution ? sh.st.substitutionStatus : 0;
            if (assignFailed) childStatus = 1;
            return Shell.CONTINUE;
        }
        sh.push(new RedirectFrame(cmd.redirects(), new Frame() {
            @Override
            Step step(Shell s) {
                return s.finish(s.st.hadSubstitution ? s.st.substitutionStatus : 0);
            }
        }));
        return Shell.CONTINUE;
    }

    boolean assignFailed;

    private Step done(Shell sh, int status) {
        phase = 4;
        if (scopePushed) {
            sh.st.vars.popScope();
            scopePushed = false;
        }
        if (sh.st.lastArgumentPending != null) {
            sh.st.lastArgument = sh.st.lastArgumentPending;
            sh.st.lastArgumentPending = null;
        }
        sh.st.lastStatus = status;
        return closeProcessSubstitutions(sh, status);
    }

    /** Closes the process substitutions this command opened (those after {@link #processSubstitutionsBefore}). */
    private Step closeProcessSubstitutions(Shell sh, int status) {
        List<Integer> open = sh.processSubstitutionFds;
        int from = sh.st.calls.isEmpty() ? 0 : Math.max(0, processSubstitutionsBefore);
        if (open.size() <= from) return sh.finish(status);
        List<Integer> fds = new ArrayList<>(open.subList(from, open.size()));
        open.subList(from, open.size()).clear();
        return dev.syssim.sim.prog.Libc.forEach(fds, (fd, more) -> sh.c.close(fd, more), () -> sh.finish(status));
    }

    @Override
    Step unwind(Shell sh) {
        if (scopePushed) {
            sh.st.vars.popScope();
            scopePushed = false;
        }
        return closeProcessSubstitutions(sh, childStatus);
    }
}
