package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.tools.text.Echo;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The commands bash runs itself, without a new process: those that must change the shell
 * ({@code cd}, {@code export}, {@code exit}, {@code wait}) and the common ones bash keeps inside
 * for speed ({@code echo}, {@code test}, {@code kill}, {@code pwd}).
 */
final class Builtins {

    private static final Set<String> NAMES = Set.of("cd", "pwd", "echo", "printf", "export", "unset", "exit", "wait",
            "true", "false", ":", "kill", "jobs", "help", "type", "test", "[", "read", "source", ".", "umask", "shift",
            "return", "exec", "set");

    private final Shell shell;

    Builtins(Shell shell) {
        this.shell = shell;
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Set<String> names() {
        return NAMES;
    }

    Step run(List<String> argv, IntFunction<Step> k) {
        Libc c = shell.c();
        ShellState s = shell.state();
        List<String> args = argv.subList(1, argv.size());
        switch (argv.get(0)) {
            case "true", ":":
                return k.apply(0);
            case "false":
                return k.apply(1);
            case "echo":
                c.print(Echo.text(args));
                return k.apply(0);
            case "printf":
                return printf(args, k);
            case "pwd":
                return c.sys(new Syscall.Getcwd(), r -> {
                    if (r.failed()) return error("pwd", "error retrieving current directory: getcwd: cannot access parent directories: " + r.errno().message(), 1, k);
                    c.println((String) r.data());
                    return k.apply(0);
                });
            case "cd":
                return cd(args, k);
            case "export":
                for (String a : args) {
                    if (a.equals("-p") || a.equals("-n")) continue;
                    int eq = a.indexOf('=');
                    String name = eq < 0 ? a : a.substring(0, eq);
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) return error("export", "`" + a + "': not a valid identifier", 1, k);
                    if (eq >= 0) s.set(name, a.substring(eq + 1));
                    s.export(name);
                }
                if (args.isEmpty()) {
                    for (Map.Entry<String, String> e : s.environment().entrySet()) c.println("declare -x " + e.getKey() + "=\"" + e.getValue() + "\"");
                }
                return k.apply(0);
            case "unset":
                for (String a : args) if (!a.startsWith("-")) s.unset(a);
                return k.apply(0);
            case "exit":
                return exit(args, k);
            case "return":
                s.returning = true;
                s.lastStatus = args.isEmpty() ? s.lastStatus : parseStatus(args.get(0));
                return k.apply(s.lastStatus);
            case "shift":
                int n = args.isEmpty() ? 1 : parseStatus(args.get(0));
                if (n > s.positional.size()) return k.apply(1);
                s.positional = new ArrayList<>(s.positional.subList(n, s.positional.size()));
                return k.apply(0);
            case "wait":
                return waitBuiltin(args, k);
            case "kill":
                return kill(args, k);
            case "jobs":
                for (ShellState.Job job : s.jobs.values()) {
                    c.println(String.format("[%d]%s  %-24s%s", job.number, job == s.jobs.lastEntry().getValue() ? "+" : "-",
                            job.done() ? Bash.jobState(job.status) : "Running", job.text));
                }
                return k.apply(0);
            case "type":
                return type(args, 0, 0, k);
            case "help":
                c.print(HELP);
                return k.apply(0);
            case "test":
                return TestCommand.run(shell, args, "test", k);
            case "[":
                if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) return error("[", "missing `]'", 2, k);
                return TestCommand.run(shell, args.subList(0, args.size() - 1), "[", k);
            case "read":
                return read(args, k);
            case "source", ".":
                if (args.isEmpty()) return error(argv.get(0), "filename argument required", 2, k);
                return c.readFile(args.get(0), (err, bytes) -> {
                    if (err != null) return error(argv.get(0), args.get(0) + ": " + err.message(), 1, k);
                    return shell.runText(Libc.text(bytes), k);
                });
            case "umask":
                if (args.isEmpty()) {
                    return c.sys(new Syscall.Umask(022), r -> c.sys(new Syscall.Umask(r.intValue()), x -> {
                        c.println(String.format("%04o", r.intValue()));
                        return k.apply(0);
                    }));
                }
                return c.sys(new Syscall.Umask(Integer.parseInt(args.get(0), 8)), r -> k.apply(0));
            case "exec":
                if (args.isEmpty()) return k.apply(0);
                return shell.findCommand(args.get(0), path -> {
                    if (path == null) return error("exec", args.get(0) + ": not found", 127, k);
                    return shell.exec(path, args, s.environment());
                });
            case "set":
                if (!args.isEmpty() && args.get(0).equals("--")) s.positional = new ArrayList<>(args.subList(1, args.size()));
                else if (args.isEmpty()) s.variables.forEach((name, value) -> c.println(name + "=" + value));
                return k.apply(0);
            default:
                return k.apply(127);
        }
    }

    private Step error(String builtin, String message, int status, IntFunction<Step> k) {
        shell.c().eprint(shell.messagePrefix() + builtin + ": " + message + "\n");
        return k.apply(status);
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text) & 0xff;
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private Step cd(List<String> args, IntFunction<Step> k) {
        ShellState s = shell.state();
        Libc c = shell.c();
        String target;
        boolean printNew = false;
        if (args.isEmpty()) {
            target = s.get("HOME");
            if (target == null) return error("cd", "HOME not set", 1, k);
        } else if (args.size() > 1) {
            return error("cd", "too many arguments", 1, k);
        } else if (args.get(0).equals("-")) {
            target = s.get("OLDPWD");
            if (target == null) return error("cd", "OLDPWD not set", 1, k);
            printNew = true;
        } else {
            target = args.get(0);
        }
        boolean print = printNew;
        String dir = target;
        return c.sys(new Syscall.Chdir(dir), r -> {
            if (r.failed()) return error("cd", dir + ": " + r.errno().message(), 1, k);
            return c.sys(new Syscall.Getcwd(), cwd -> {
                String old = s.get("PWD");
                if (old != null) s.set("OLDPWD", old);
                if (!cwd.failed()) s.set("PWD", (String) cwd.data());
                if (print) c.println(s.get("PWD"));
                return k.apply(0);
            });
        });
    }

    private Step exit(List<String> args, IntFunction<Step> k) {
        ShellState s = shell.state();
        if (s.interactive) shell.c().eprint(s.name.startsWith("-") ? "logout\n" : "exit\n");
        int status = s.lastStatus;
        if (!args.isEmpty()) {
            try {
                status = Integer.parseInt(args.get(0)) & 0xff;
            } catch (NumberFormatException e) {
                shell.c().eprint(shell.messagePrefix() + "exit: " + args.get(0) + ": numeric argument required\n");
                status = 2;
            }
        }
        s.exitRequested = true;
        s.exitStatus = status;
        s.lastStatus = status;
        return k.apply(status);
    }

    private Step waitBuiltin(List<String> args, IntFunction<Step> k) {
        ShellState s = shell.state();
        List<Integer> pids = new ArrayList<>();
        if (args.isEmpty()) {
            for (ShellState.Job job : s.jobs.values()) if (!job.done()) pids.addAll(job.pids);
        } else {
            for (String a : args) {
                try {
                    pids.add(a.startsWith("%") ? s.jobs.get(Integer.parseInt(a.substring(1))).pids.get(0) : Integer.parseInt(a));
                } catch (RuntimeException e) {
                    return error("wait", a + ": no such job", 127, k);
                }
            }
        }
        int[] last = {0};
        return Libc.forEach(pids, (pid, next) -> shell.c().sys(new Syscall.Wait4(pid, 0), r -> {
            if (r.failed() && r.errno() == Errno.ECHILD) {
                ShellState.Job job = jobOf(pid);
                if (job == null && !args.isEmpty()) {
                    shell.c().eprint(shell.messagePrefix() + "wait: pid " + pid + " is not a child of this shell\n");
                    last[0] = 127;
                } else if (job != null && job.done()) {
                    last[0] = WaitStatus.shellStatus(job.status);
                }
                return next.get();
            }
            if (!r.failed()) {
                last[0] = WaitStatus.shellStatus(Syscall.Wait4.status(r));
                markDone(pid, Syscall.Wait4.status(r));
            }
            return next.get();
        }), () -> k.apply(last[0]));
    }

    private ShellState.Job jobOf(int pid) {
        for (ShellState.Job job : shell.state().jobs.values()) if (job.pids.contains(pid)) return job;
        return null;
    }

    void markDone(int pid, int status) {
        ShellState.Job job = jobOf(pid);
        if (job != null) job.status = status;
    }

    private Step kill(List<String> args, IntFunction<Step> k) {
        Libc c = shell.c();
        if (args.isEmpty()) return error("kill", "usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]", 2, k);
        Signal signal = Signal.SIGTERM;
        int i = 0;
        if (args.get(0).equals("-l")) {
            StringBuilder out = new StringBuilder();
            for (Signal sig : Signal.values()) out.append(String.format("%2d) %-10s", sig.number(), sig.name())).append(sig.number() % 5 == 0 ? "\n" : "\t");
            c.println(out.toString().stripTrailing());
            return k.apply(0);
        }
        if (args.get(0).equals("-s") && args.size() > 1) {
            signal = Signal.parse(args.get(1));
            i = 2;
        } else if (args.get(0).startsWith("-") && args.get(0).length() > 1) {
            signal = Signal.parse(args.get(0).substring(1));
            i = 1;
        }
        if (signal == null) return error("kill", args.get(i == 2 ? 1 : 0) + ": invalid signal specification", 1, k);
        Signal chosen = signal;
        int[] status = {0};
        return Libc.forEach(args.subList(i, args.size()), (target, next) -> {
            int pid;
            try {
                pid = target.startsWith("%") ? -shell.state().jobs.get(Integer.parseInt(target.substring(1))).pids.get(0) : Integer.parseInt(target);
            } catch (RuntimeException e) {
                c.eprint(shell.messagePrefix() + "kill: " + target + ": arguments must be process or job IDs\n");
                status[0] = 1;
                return next.get();
            }
            return c.sys(new Syscall.Kill(pid, chosen), r -> {
                if (r.failed()) {
                    c.eprint(shell.messagePrefix() + "kill: (" + Math.abs(pid) + ") - " + r.errno().message() + "\n");
                    status[0] = 1;
                }
                return next.get();
            });
        }, () -> k.apply(status[0]));
    }

    private Step type(List<String> names, int i, int status, IntFunction<Step> k) {
        if (i >= names.size()) return k.apply(status);
        String name = names.get(i);
        ShellState s = shell.state();
        if (s.functions.containsKey(name)) {
            shell.c().println(name + " is a function");
            return type(names, i + 1, status, k);
        }
        if (has(name)) {
            shell.c().println(name + " is a shell builtin");
            return type(names, i + 1, status, k);
        }
        String hashed = s.hash.get(name);
        return shell.findCommand(name, path -> {
            if (path == null) {
                shell.c().eprint(shell.messagePrefix() + "type: " + name + ": not found\n");
                return type(names, i + 1, 1, k);
            }
            shell.c().println(hashed != null ? name + " is hashed (" + path + ")" : name + " is " + path);
            return type(names, i + 1, status, k);
        });
    }

    private Step read(List<String> args, IntFunction<Step> k) {
        Libc c = shell.c();
        List<String> names = new ArrayList<>();
        String prompt = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-p") && i + 1 < args.size()) prompt = args.get(++i);
            else if (!args.get(i).startsWith("-")) names.add(args.get(i));
        }
        if (names.isEmpty()) names.add("REPLY");
        if (prompt != null) c.eprint(prompt);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        return readLine(line, eof -> {
            String text = line.toString(java.nio.charset.StandardCharsets.UTF_8);
            String[] fields = text.strip().split("[ \t]+", names.size());
            for (int i = 0; i < names.size(); i++) shell.state().set(names.get(i), i < fields.length ? fields[i] : "");
            return k.apply(eof && text.isEmpty() ? 1 : 0);
        });
    }

    /** Reads one line from stdin a byte at a time, as bash does on a pipe (so it never reads too far). */
    private Step readLine(ByteArrayOutputStream into, java.util.function.Function<Boolean, Step> k) {
        return shell.c().read(0, 1, r -> {
            if (r.failed() || r.value() == 0) return k.apply(true);
            byte b = r.bytes()[0];
            if (b == '\n') return k.apply(false);
            into.write(b);
            return readLine(into, k);
        });
    }

    private Step printf(List<String> args, IntFunction<Step> k) {
        if (args.isEmpty()) return error("printf", "usage: printf [-v var] format [arguments]", 2, k);
        String format = args.get(0);
        List<String> values = args.subList(1, args.size());
        StringBuilder out = new StringBuilder();
        int v = 0;
        do {
            for (int i = 0; i < format.length(); i++) {
                char ch = format.charAt(i);
                if (ch == '\\' && i + 1 < format.length()) {
                    char e = format.charAt(++i);
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        int limit = e == '0' ? i + 4 : i + 3;
                        while (end < format.length() && end < limit && format.charAt(end) >= '0' && format.charAt(end) <= '7') end++;
                        out.append((char) Integer.parseInt(format.substring(i, end), 8));
                        i = end - 1;
                        continue;
                    }
                    out.append(switch (e) {
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case 'r' -> "\r";
                        case 'a' -> "\007";
                        case 'e' -> "\033";
                        case '\\' -> "\\";
                        default -> "\\" + e;
                    });
                } else if (ch == '%' && i + 1 < format.length()) {
                    char conv = format.charAt(++i);
                    String value = v < values.size() ? values.get(v++) : "";
                    switch (conv) {
                        case 's' -> out.append(value);
                        case 'd', 'i' -> out.append(value.isEmpty() ? "0" : value);
                        case 'c' -> out.append(value.isEmpty() ? "" : value.substring(0, 1));
                        case '%' -> {
                            out.append('%');
                            v--;
                        }
                        default -> out.append('%').append(conv);
                    }
                } else {
                    out.append(ch);
                }
            }
        } while (v < values.size() && v > 0);
        shell.c().print(out.toString());
        return k.apply(0);
    }

    static boolean isDirectory(Stat st) {
        return st != null && st.type() == FileType.DIRECTORY;
    }

    private static final String HELP = """
            GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)
            These shell commands are defined internally.  Type `help' to see this list.

             cd [dir]                     exit [n]
             echo [-neE] [arg ...]        export [name[=value] ...]
             jobs                         kill [-s sigspec | -sigspec] pid | jobspec ...
             printf format [arguments]    pwd
             read [-p prompt] [name ...]  source filename
             test [expr]                  [ arg... ]
             type name [name ...]         umask [mode]
             unset [name ...]             wait [id ...]
             for NAME in WORDS; do COMMANDS; done
             if COMMANDS; then COMMANDS; [ elif COMMANDS; then COMMANDS; ] [ else COMMANDS; ] fi
             while COMMANDS; do COMMANDS; done
             name () { COMMANDS ; }

            Every other command is a program: `man NAME` or `NAME --help` tells what it does,
            and `ls /usr/bin` shows them all.
            """;
}
