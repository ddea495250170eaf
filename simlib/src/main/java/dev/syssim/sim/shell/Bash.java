package dev.syssim.sim.shell;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.shell.arith.Arithmetic;
import dev.syssim.sim.shell.syntax.Parser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell program: {@code bash} (and {@code sh}, which behaves as Debian's dash where they
 * differ). {@code -c STRING} runs a command string, a file operand runs a script, standard input
 * is read as a script when it is not a terminal; with none of these on a terminal the shell is
 * interactive: it reads one command text at a time from its terminal — a notebook cell — runs it,
 * and reports finished jobs, as at a prompt.
 */
public final class Bash extends Tool {

    private final boolean dash;
    private final boolean ash;

    public Bash(boolean dash) {
        this(dash, false);
    }

    /** {@code ash}: busybox's ash (dash's language; its own messages, default PATH and prompt). */
    public Bash(boolean dash, boolean ash) {
        this.dash = dash || ash;
        this.ash = ash;
    }

    /** How the shell was asked to run. */
    private static final class Invocation {
        String command;
        String file;
        boolean interactive;
        boolean stdin;
        boolean login;
        boolean version;
        boolean help;
        String badOption;
        final List<String> setOn = new ArrayList<>();
        final List<String> setOff = new ArrayList<>();
        final List<String> shoptOn = new ArrayList<>();
        final List<String> shoptOff = new ArrayList<>();
        List<String> args = new ArrayList<>();
        String name;
    }

    @Override
    protected Step run(Libc c) {
        List<String> argv = c.args().argv();
        Invocation inv = parse(argv);
        // messages name the shell as it was called: "/bin/bash: line 1: ..." (bash's shell_name is argv[0])
        String program = argv.isEmpty() ? c.args().name() : argv.get(0);
        if (inv.version && !dash) {
            c.print("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\n"
                    + "License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\n"
                    + "This is free software; you are free to change and redistribute it.\n"
                    + "There is NO WARRANTY, to the extent permitted by law.\n");
            return c.exit(0);
        }
        if (inv.badOption != null) {
            boolean missingCommand = inv.badOption.equals("-c");
            if (dash) {
                c.eprint(program + ": 0: " + (missingCommand ? "-c requires an argument" : "Illegal option " + inv.badOption) + "\n");
            } else if (missingCommand) {
                c.eprint(program + ": -c: option requires an argument\n");
            } else {
                c.eprint(program + ": " + inv.badOption + ": invalid option\n" + usage(program));
            }
            return c.exitQuietly(2);
        }
        ShellState st = new ShellState();
        st.dash = dash;
        if (dash) st.options.setShopt("expand_aliases", true); // dash expands aliases in scripts too
        st.ash = ash;
        st.programName = program.startsWith("-") ? program.substring(1) : program;
        st.login = inv.login || program.startsWith("-");
        Shell sh = new Shell(c, st, new Arithmetic());
        return c.id("getpid", pid -> c.id("getppid", ppid -> c.id("getuid", uid -> c.id("geteuid", euid -> c.id("getgid", gid ->
                c.id("getegid", egid -> c.sys(new Syscall.Uname(), uname -> c.getcwd((err, cwd) -> {
                    st.pid = pid;
                    st.bashpid = pid;
                    st.ppid = ppid;
                    st.uid = uid;
                    st.euid = euid;
                    st.gid = gid;
                    st.egid = egid;
                    String host = uname.failed() ? "localhost" : nodename(uname);
                    initialize(sh, inv, host, err == null ? Bytes.fromJava(cwd) : null);
                    return start(sh, inv);
                }))))))));
    }

    private static String nodename(dev.syssim.sim.os.SysResult r) {
        Object data = r.data();
        if (data instanceof dev.syssim.sim.os.Utsname u) return u.nodename();
        return "localhost";
    }

    private Invocation parse(List<String> argv) {
        Invocation inv = new Invocation();
        int i = 1;
        boolean commandFlag = false;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a.equals("--") || a.equals("-")) {
                i++;
                break;
            }
            if (a.startsWith("--") && !dash) {
                switch (a) {
                    case "--norc", "--noprofile", "--noediting", "--rcfile", "--init-file" -> {
                        if ((a.equals("--rcfile") || a.equals("--init-file")) && i + 1 < argv.size()) i++;
                    }
                    case "--login" -> inv.login = true;
                    case "--posix" -> inv.setOn.add("posix");
                    case "--version" -> inv.version = true;
                    case "--help" -> inv.help = true;
                    case "--verbose" -> inv.setOn.add("verbose");
                    case "--restricted", "--debugger", "--dump-strings", "--dump-po-strings", "--pretty-print" -> {
                    }
                    default -> {
                        inv.badOption = a;
                        return inv;
                    }
                }
                i++;
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                boolean on = a.charAt(0) == '-';
                for (int k = 1; k < a.length(); k++) {
                    char f = a.charAt(k);
                    switch (f) {
                        case 'c' -> commandFlag = on;
                        case 'i' -> inv.interactive = on;
                        case 's' -> inv.stdin = on;
                        case 'l' -> inv.login = on;
                        case 'o' -> {
                            if (i + 1 < argv.size()) (on ? inv.setOn : inv.setOff).add(argv.get(++i));
                        }
                        case 'O' -> {
                            if (i + 1 < argv.size()) (on ? inv.shoptOn : inv.shoptOff).add(argv.get(++i));
                        }
                        default -> {
                            String name = Options.byLetter(f);
                            if (name == null) {
                                inv.badOption = (on ? "-" : "+") + f;
                                return inv;
                            }
                            (on ? inv.setOn : inv.setOff).add(name);
                        }
                    }
                }
                i++;
                continue;
            }
            break;
        }
        List<String> rest = argv.subList(Math.min(i, argv.size()), argv.size());
        if (commandFlag) {
            if (rest.isEmpty()) {
                inv.badOption = "-c";
                return inv;
            }
            inv.command = rest.get(0);
            if (rest.size() > 1) inv.name = rest.get(1);
            if (rest.size() > 2) inv.args = new ArrayList<>(rest.subList(2, rest.size()));
        } else if (!rest.isEmpty() && !inv.stdin) {
            inv.file = rest.get(0);
            inv.args = new ArrayList<>(rest.subList(1, rest.size()));
        } else {
            inv.args = new ArrayList<>(rest);
        }
        return inv;
    }

    /** The variables and options a new shell starts with: the environment, then bash's own. */
    private void initialize(Shell sh, Invocation inv, String hostname, String cwd) {
        ShellState st = sh.st;
        Variables vars = st.vars;
        for (Map.Entry<String, String> e : sh.c.args().env().entrySet()) {
            String name = Bytes.fromJava(e.getKey());
            if (!dash && ExportedFunctions.importable(name, e.getValue())) {
                ExportedFunctions.define(sh, name, Bytes.fromJava(e.getValue()));
                continue;
            }
            if (!Shell.isName(name)) continue;
            Variable v = new Variable(name, Bytes.fromJava(e.getValue()));
            v.attributes |= Variable.EXPORT;
            vars.global().table.put(name, v);
        }
        st.lastArgument = sh.c.args().argv().isEmpty() ? "bash" : Bytes.fromJava(sh.c.args().argv().get(0));
        long now = Clock.now(sh);
        st.secondsBase = now;
        st.startSeconds = now / 1_000_000_000L;
        st.seedRandom((st.pid * 1103515245L + now / 1000) & 0x7fffffff);
        if (dash) {
            setDefault(vars, "PS1", st.euid == 0 ? "# " : "$ ");
            setDefault(vars, "PS2", "> ");
            setDefault(vars, "PS4", "+ ");
            setDefault(vars, "IFS", " \t\n");
            setDefault(vars, "OPTIND", "1");
            if (vars.get("PATH") == null) {
                String path = ash ? "/sbin:/usr/sbin:/bin:/usr/bin" : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
                vars.global().table.put("PATH", new Variable("PATH", path));
            }
            if (ash) setDefault(vars, "PS1", st.euid == 0 ? "\\w # " : "\\w $ ");
            Variable ppid = new Variable("PPID", Integer.toString(st.ppid));
            vars.global().table.put("PPID", ppid);
        } else {
            readonlyValue(vars, "BASH", "/usr/bin/bash", 0);
            readonlyValue(vars, "BASH_VERSION", "5.2.15(1)-release", 0);
            Variable info = new Variable("BASH_VERSINFO");
            info.makeIndexed();
            String[] parts = {"5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"};
            for (int i = 0; i < parts.length; i++) info.indexed.put((long) i, parts[i]);
            info.attributes |= Variable.READONLY;
            vars.global().table.put("BASH_VERSINFO", info);
            setDefault(vars, "HOSTNAME", hostname);
            setDefault(vars, "HOSTTYPE", "x86_64");
            setDefault(vars, "MACHTYPE", "x86_64-pc-linux-gnu");
            setDefault(vars, "OSTYPE", "linux-gnu");
            setDefault(vars, "PS4", "+ ");
            setDefault(vars, "IFS", " \t\n");
            setDefault(vars, "OPTIND", "1");
            setDefault(vars, "OPTERR", "1");
            if (inv.interactive || interactiveTerminal(sh, inv)) {
                setDefault(vars, "PS1", st.euid == 0 ? "\\s-\\v# " : "\\s-\\v\\$ ");
                setDefault(vars, "PS2", "> ");
            }
            if (vars.get("PATH") == null) {
                vars.global().table.put("PATH", new Variable("PATH", "/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:."));
            }
            readonlyValue(vars, "PPID", Integer.toString(st.ppid), Variable.INTEGER);
            readonlyValue(vars, "UID", Integer.toString(st.uid), Variable.INTEGER);
            readonlyValue(vars, "EUID", Integer.toString(st.euid), Variable.INTEGER);
            String shlvl = vars.get("SHLVL");
            long level = 0;
            try {
                level = shlvl == null ? 0 : Long.parseLong(shlvl.strip());
            } catch (NumberFormatException e) {
                level = 0;
            }
            Variable lvl = new Variable("SHLVL", Long.toString(level + 1));
            lvl.attributes |= Variable.EXPORT;
            vars.global().table.put("SHLVL", lvl);
        }
        // PWD: kept from the environment when it names the current directory, else what getcwd says
        String pwd = vars.get("PWD");
        if (cwd != null && (pwd == null || !pwd.equals(cwd))) {
            Variable p = vars.findRaw("PWD");
            if (p == null) {
                p = new Variable("PWD");
                vars.global().table.put("PWD", p);
            }
            p.value = cwd;
            p.attributes |= Variable.EXPORT;
        }
        if (!dash) {
            Variable old = vars.findRaw("OLDPWD");
            if (old == null) {
                old = new Variable("OLDPWD");
                vars.global().table.put("OLDPWD", old);
            }
            old.attributes |= Variable.EXPORT;
        }
        for (String o : inv.setOn) if (st.options.isSetOption(o)) st.options.set(o, true);
        for (String o : inv.setOff) if (st.options.isSetOption(o)) st.options.set(o, false);
        for (String o : inv.shoptOn) if (st.options.isShopt(o)) st.options.setShopt(o, true);
        for (String o : inv.shoptOff) if (st.options.isShopt(o)) st.options.setShopt(o, false);
    }

    private static boolean interactiveTerminal(Shell sh, Invocation inv) {
        return inv.command == null && inv.file == null && sh.c.stdoutIsTerminal();
    }

    private static void setDefault(Variables vars, String name, String value) {
        if (vars.get(name) == null) vars.global().table.put(name, new Variable(name, value));
    }

    private static void readonlyValue(Variables vars, String name, String value, int extra) {
        Variable v = new Variable(name, value);
        v.attributes |= Variable.READONLY | extra;
        vars.global().table.put(name, v);
    }

    private Step start(Shell sh, Invocation inv) {
        ShellState st = sh.st;
        Libc c = sh.c;
        st.name = st.programName;
        sh.push(new ExitFrame());
        if (inv.command != null) {
            st.commandString = true;
            if (inv.name != null) st.name = inv.name;
            st.positional = inv.args;
            Parser parser = new Parser(Bytes.fromJava(inv.command), 1, sh.parserSettings());
            sh.push(new SourceFrame(parser, SourceFrame.Kind.COMMAND_STRING, st.name));
            return sh.run();
        }
        if (inv.file != null) {
            String file = inv.file;
            st.name = file;
            st.positional = inv.args;
            return c.readFile(file, (err, bytes) -> {
                if (err != null) {
                    c.eprint(st.programName + ": " + file + ": " + err.message() + "\n");
                    return c.exitQuietly(err == dev.syssim.sim.os.Errno.ENOENT ? 127 : 126);
                }
                st.sources.add(Bytes.fromJava(file));
                Parser parser = new Parser(Bytes.str(bytes), 1, sh.parserSettings());
                sh.push(new SourceFrame(parser, SourceFrame.Kind.SCRIPT, Bytes.fromJava(file)));
                return sh.run();
            });
        }
        st.positional = inv.args;
        if (ash && inv.interactive) return AshPrompt.run(sh);
        if (inv.interactive || !inv.stdin && c.stdoutIsTerminal()) return interactive(sh);
        st.stdinScript = true;
        if (!st.dash) {
            sh.push(new StdinScriptFrame());
            return sh.run();
        }
        // dash reads its input in blocks of 8 KiB: a short script is read whole before it runs
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        return c.readAll(0, text, err -> {
            Parser parser = new Parser(Bytes.str(text.toByteArray()), 1, sh.parserSettings());
            sh.push(new SourceFrame(parser, SourceFrame.Kind.SCRIPT, st.name));
            return sh.run();
        });
    }

    /** bash's usage, as it prints it after a bad option. */
    private static String usage(String program) {
        StringBuilder out = new StringBuilder("Usage:\t" + program + " [GNU long option] [option] ...\n\t" + program
                + " [GNU long option] [option] script-file ...\nGNU long options:\n");
        for (String o : List.of("debug", "debugger", "dump-po-strings", "dump-strings", "help", "init-file", "login", "noediting",
                "noprofile", "norc", "posix", "pretty-print", "rcfile", "restricted", "verbose", "version")) {
            out.append("\t--").append(o).append('\n');
        }
        return out.append("Shell options:\n\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)\n")
                .append("\t-abefhkmnptuvxBCEHPT or -o option\n").toString();
    }

    /** An interactive shell ignores Ctrl-C itself (its foreground job gets it) and serves its terminal. */
    private Step interactive(Shell sh) {
        ShellState st = sh.st;
        st.interactive = true;
        st.options.set("monitor", true);
        st.options.setShopt("expand_aliases", true);
        Libc c = sh.c;
        // bash ignores TERM and QUIT at a prompt; here it catches them and does nothing, which the
        // user cannot tell apart, and the handlers reset at a child's execve with no call of their own
        Runnable nothing = () -> { };
        return c.sys(new Syscall.RtSigaction(Signal.SIGINT, true), a -> c.sys(new Syscall.Sigaction(Signal.SIGTERM, nothing),
                b -> c.sys(new Syscall.Sigaction(Signal.SIGQUIT, nothing), x -> {
                    sh.push(new PromptFrame());
                    return sh.run();
                })));
    }

    /** Between cells: a finished job's message, then the next command text from the terminal. */
    private static final class PromptFrame extends Frame {
        private boolean running;

        @Override
        Step step(Shell sh) {
            if (running) {
                running = false;
                return Jobs.reap(sh, () -> {
                    Jobs.notifyDone(sh);
                    return sh.proceed();
                });
            }
            return sh.c.sys(new Syscall.ReadCommand(0), r -> {
                if (r.failed() || r.value() == 0) {
                    sh.err(sh.st.login ? "logout\n" : "exit\n");
                    return sh.exit(sh.st.lastStatus);
                }
                running = true;
                sh.st.lineNumber = 0;
                Parser parser = new Parser(Bytes.str(r.bytes()), 1, sh.parserSettings());
                sh.push(new SourceFrame(parser, SourceFrame.Kind.INTERACTIVE, sh.st.programName));
                return sh.proceed();
            });
        }

        @Override
        Step unwind(Shell sh) {
            if (sh.pending instanceof Shell.Discard || sh.pending instanceof Shell.Return
                    || sh.pending instanceof Shell.Break || sh.pending instanceof Shell.Continue) {
                sh.pending = null;
                return Shell.CONTINUE;
            }
            return sh.finish(childStatus);
        }
    }

    /** A file run as a script by a child that could not exec it: a fresh shell, with only the exported variables. */
    static void resetForScript(Shell sh, String path, List<String> argv) {
        ShellState st = sh.st;
        Variables fresh = new Variables();
        for (Variables.Scope scope : st.vars.scopes()) {
            scope.table.forEach((name, v) -> {
                if (v.has(Variable.EXPORT) || v.has(Variable.READONLY) && name.matches("BASH.*|PPID|UID|EUID")) {
                    fresh.global().table.put(name, v.copy());
                }
            });
        }
        fresh.setDynamic(new DynamicVariables(sh));
        st.vars = fresh;
        st.functions.clear();
        st.aliases.clear();
        st.traps.clear();
        st.calls.clear();
        st.sources.clear();
        st.sources.add(path);
        st.name = path;
        st.positional = new ArrayList<>(argv.subList(1, argv.size()));
        st.interactive = false;
        st.commandString = false;
        st.loopDepth = 0;
        st.errexitSuppressed = 0;
        st.options = new Options();
    }

    @Override
    public String manual() {
        return (dash ? "sh [-c command_string [command_name [argument...]]] [file [argument...]]\n  The Debian Almquist shell (/bin/sh)."
                : "bash [options] [-c command_string [name [argument...]]] [file [argument...]]\n  The GNU Bourne-Again SHell.")
                + "\n  Runs commands: bash 5.2's language (see the README's cell-language section), its builtins\n"
                + "  (type `help'), and programs found on PATH.";
    }
}
