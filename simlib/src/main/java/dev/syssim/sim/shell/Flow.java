package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * The builtins that steer the shell: {@code : true false break continue return exit logout shift
 * eval source . exec command builtin caller}.
 */
final class Flow {

    private Flow() {
    }

    static final Builtin COLON = (sh, argv) -> sh.done(0);
    static final Builtin FALSE = (sh, argv) -> sh.done(1);

    /** A numeric argument as bash reads it (optional sign, digits, blanks around); null if it is not one. */
    static Long number(String s) {
        String t = s.strip();
        if (t.isEmpty() || !t.matches("[-+]?[0-9]+")) return null;
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static final Builtin BREAK = (sh, argv) -> loopControl(sh, argv, true);
    static final Builtin CONTINUE = (sh, argv) -> loopControl(sh, argv, false);

    private static Step loopControl(Shell sh, List<String> argv, boolean isBreak) {
        String name = argv.get(0);
        long n = 1;
        int status = 0;
        if (argv.size() > 1) {
            Long v = number(argv.get(1));
            if (v == null) {
                sh.builtinError(name, argv.get(1) + ": numeric argument required");
                // bash leaves the shell: 128 plus the status
                return sh.exit(128 + sh.st.lastStatus & 0xff);
            }
            if (v < 1) {
                sh.builtinError(name, v + ": loop count out of range");
                // bash then leaves every enclosing loop, for break and continue alike, with a failure
                n = Integer.MAX_VALUE;
                isBreak = true;
                status = 1;
            } else {
                n = v;
            }
        }
        if (sh.st.loopDepth == 0) {
            sh.builtinError(name, "only meaningful in a `for', `while', or `until' loop");
            return sh.done(0);
        }
        int levels = (int) Math.min(n, sh.st.loopDepth);
        sh.c.flushStdout();
        sh.pending = isBreak ? new Shell.Break(levels) : new Shell.Continue(levels);
        sh.st.lastStatus = status;
        return sh.finish(status);
    }

    static final Builtin RETURN = (sh, argv) -> {
        int status = sh.st.lastStatus;
        if (argv.size() > 2) {
            sh.builtinError("return", "too many arguments");
            return sh.done(2);
        }
        if (argv.size() == 2) {
            Long v = number(argv.get(1));
            if (v == null) {
                sh.builtinError("return", argv.get(1) + ": numeric argument required");
                status = 2;
            } else {
                status = (int) (v & 0xff);
            }
        }
        if (sh.st.calls.isEmpty() && !inSource(sh)) {
            sh.builtinError("return", "can only `return' from a function or sourced script");
            return sh.done(2);
        }
        sh.c.flushStdout();
        sh.pending = new Shell.Return(status);
        sh.st.lastStatus = status;
        return sh.finish(status);
    };

    private static boolean inSource(Shell sh) {
        for (Frame f : sh.stack) if (f instanceof SourceFileFrame) return true;
        return false;
    }

    static final Builtin EXIT = (sh, argv) -> {
        String name = argv.get(0);
        if (name.equals("logout") && !sh.st.login) {
            sh.builtinError("logout", "not login shell: use `exit'");
            return sh.done(1);
        }
        int status = sh.st.lastStatus;
        if (argv.size() > 2) {
            sh.builtinError(name, "too many arguments");
            return sh.exit(1);
        }
        if (argv.size() == 2) {
            Long v = number(argv.get(1));
            if (v == null) {
                sh.builtinError(name, argv.get(1) + ": numeric argument required");
                status = 2;
            } else {
                status = (int) (v & 0xff);
            }
        }
        if (sh.st.interactive && !sh.st.subshell) sh.err(sh.st.login ? "logout\n" : "exit\n");
        sh.c.flushStdout();
        return sh.exitBuiltin(status);
    };

    static final Builtin SHIFT = (sh, argv) -> {
        long n = 1;
        if (argv.size() > 1) {
            Long v = number(argv.get(1));
            if (v == null) {
                sh.builtinError("shift", argv.get(1) + ": numeric argument required");
                return sh.done(1);
            }
            if (v < 0) {
                sh.builtinError("shift", argv.get(1) + ": shift count out of range");
                return sh.done(1);
            }
            n = v;
        }
        if (n > sh.st.positional.size()) {
            if (sh.st.dash) {
                // dash: an error of a special builtin, which ends the shell
                sh.err(sh.prefix() + "shift: can't shift that many\n");
                return sh.fatal(2);
            }
            if (sh.st.options.getShopt("shift_verbose")) sh.builtinError("shift", n + ": shift count out of range");
            return sh.done(1);
        }
        sh.st.positional = new ArrayList<>(sh.st.positional.subList((int) n, sh.st.positional.size()));
        return sh.done(0);
    };

    static final Builtin EVAL = new Builtin() {
        @Override
        public Step run(Shell sh, List<String> argv) {
            List<String> args = argv.subList(1, argv.size());
            if (!args.isEmpty() && args.get(0).equals("--")) args = args.subList(1, args.size());
            String text = String.join(" ", args);
            if (text.isBlank()) return sh.done(0);
            Parser p = new Parser(text, sh.st.lineNumber, sh.parserSettings());
            sh.push(new SourceFrame(p, SourceFrame.Kind.EVAL, "eval"));
            return Shell.CONTINUE;
        }
    };

    static final Builtin SOURCE = (sh, argv) -> {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (!args.isEmpty() && args.get(0).equals("--")) args = args.subList(1, args.size());
        if (args.isEmpty()) {
            sh.builtinError(name, "filename argument required");
            sh.err(name + ": usage: " + name + " filename [arguments]\n");
            return sh.done(2);
        }
        String file = args.get(0);
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        sh.push(new SourceFileFrame(file, rest, args.size() > 1));
        return Shell.CONTINUE;
    };

    static final Builtin CALLER = (sh, argv) -> {
        ShellState st = sh.st;
        if (argv.size() > 1) {
            Long n = number(argv.get(1));
            if (n == null) {
                sh.builtinError("caller", argv.get(1) + ": invalid number");
                return sh.done(2);
            }
            int i = st.calls.size() - 1 - n.intValue();
            if (i < 0) return sh.done(1);
            // under -c, FUNCNAME and BASH_SOURCE have no element for the top level: the frame that
            // names `main' is missing, and bash's caller fails without a word
            if (i == 0 && st.commandString) return sh.done(1);
            ShellState.Call c = st.calls.get(i);
            String caller = i > 0 ? st.calls.get(i - 1).function() : "main";
            String source = i > 0 ? st.calls.get(i - 1).source() : st.commandString ? "NULL" : st.name;
            sh.out(c.callLine() + " " + caller + " " + source + "\n");
            return sh.done(0);
        }
        if (st.calls.isEmpty()) {
            if (st.commandString) return sh.done(1);
            sh.out("0 NULL\n");
            return sh.done(0);
        }
        ShellState.Call c = st.calls.get(st.calls.size() - 1);
        String source = st.calls.size() > 1 ? st.calls.get(st.calls.size() - 2).source() : st.commandString ? "NULL" : st.name;
        sh.out(c.callLine() + " " + source + "\n");
        return sh.done(0);
    };
}
