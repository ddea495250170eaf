package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.SignalNames;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * env (coreutils 9.1): print the environment, or run a command in a changed one — {@code -i} (or
 * {@code -}) starts empty, {@code -u NAME} removes, {@code NAME=VALUE} sets, {@code -C DIR} changes
 * directory first, {@code -0} ends printed lines with NUL, {@code -S STRING} splits one argument
 * into several (for {@code #!/usr/bin/env -S} lines), {@code -v} tells each step on standard error,
 * {@code --ignore-signal}/{@code --default-signal} set signal dispositions. Exit status 125 if env
 * itself fails, 126 if the command cannot run, 127 if it is not found.
 *
 * <p>The simulation keeps an environment as a map, so env prints it sorted by name (the real one
 * prints it in the order its parent built it, which bash does not sort). {@code --block-signal} is
 * accepted and changes nothing: the simulated kernel has no signal masks.
 */
public final class Env extends Tool {

    private static final Set<String> LONG_FLAGS = Set.of("ignore-environment", "null", "debug", "list-signal-handling", "help", "version");
    private static final Set<String> LONG_VALUED = Set.of("chdir", "unset", "split-string");
    private static final Set<String> LONG_OPTIONAL = Set.of("block-signal", "default-signal", "ignore-signal");

    /** What the options asked for, gathered before anything is done. */
    private static final class Request {
        boolean ignoreEnvironment;
        boolean nul;
        boolean debug;
        boolean help;
        String chdir;
        final List<String> unset = new ArrayList<>();
        final List<Integer> ignoreSignals = new ArrayList<>();
        final List<Integer> defaultSignals = new ArrayList<>();
    }

    @Override
    protected Step run(Libc c) {
        Request r = new Request();
        List<String> args = new ArrayList<>(c.args().operands());
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) break;
            String value = null;
            int consumed = 1;
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String full = longName(name);
                if (full == null) {
                    List<String> all = new ArrayList<>(LONG_FLAGS);
                    all.addAll(LONG_VALUED);
                    all.addAll(LONG_OPTIONAL);
                    List<String> candidates = new ArrayList<>(new java.util.TreeSet<>(all.stream().filter(n -> n.startsWith(a.substring(2).split("=", 2)[0])).toList()));
                    if (candidates.size() > 1) {
                        StringBuilder text = new StringBuilder("env: option '" + a.split("=", 2)[0] + "' is ambiguous; possibilities:");
                        for (String n : candidates) text.append(" '--").append(n).append('\'');
                        return c.usageError(text.toString(), 125);
                    }
                    return c.usageError("env: unrecognized option '" + a + "'", 125);
                }
                if (LONG_FLAGS.contains(full) && value != null) return c.usageError("env: option '--" + full + "' doesn't allow an argument", 125);
                if (LONG_VALUED.contains(full) && value == null) {
                    if (i + 1 >= args.size()) return c.usageError("env: option '--" + full + "' requires an argument", 125);
                    value = args.get(i + 1);
                    consumed = 2;
                }
                switch (full) {
                    case "ignore-environment" -> r.ignoreEnvironment = true;
                    case "null" -> r.nul = true;
                    case "debug" -> r.debug = true;
                    case "help" -> r.help = true;
                    case "version", "list-signal-handling" -> { }
                    case "chdir" -> r.chdir = value;
                    case "unset" -> r.unset.add(value);
                    case "split-string" -> {
                        List<String> split = split(c, value, r.debug);
                        if (split == null) return c.exit(125);
                        args = splice(args, i + consumed, split);
                        i = 0;
                        continue;
                    }
                    default -> {
                        String error = signals(value, full.equals("ignore-signal") ? r.ignoreSignals
                                : full.equals("default-signal") ? r.defaultSignals : new ArrayList<>());
                        if (error != null) return c.usageError("env: " + c.quoteLocale(error) + ": invalid signal", 125);
                    }
                }
                i += consumed;
                continue;
            }
            char valued = 0;
            for (int j = 1; j < a.length(); j++) {
                char option = a.charAt(j);
                if (option == 'i') {
                    r.ignoreEnvironment = true;
                } else if (option == '0') {
                    r.nul = true;
                } else if (option == 'v') {
                    r.debug = true;
                } else if (option == 'C' || option == 'S' || option == 'u') {
                    valued = option;
                    value = a.substring(j + 1);
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size()) return c.usageError("env: option requires an argument -- '" + option + "'", 125);
                        value = args.get(i + 1);
                        consumed = 2;
                    }
                    break;
                } else {
                    return c.usageError("env: invalid option -- '" + option + "'", 125);
                }
            }
            if (valued == 'C') {
                r.chdir = value;
            } else if (valued == 'u') {
                r.unset.add(value);
            } else if (valued == 'S') {
                List<String> split = split(c, value, r.debug);
                if (split == null) return c.exit(125);
                args = splice(args, i + consumed, split);
                i = 0;
                continue;
            }
            i += consumed;
        }
        if (r.help) return help(c);
        if (i < args.size() && args.get(i).equals("-")) {
            r.ignoreEnvironment = true;
            i++;
        }
        return apply(c, r, args.subList(i, args.size()));
    }

    private static String longName(String prefix) {
        List<String> all = new ArrayList<>(LONG_FLAGS);
        all.addAll(LONG_VALUED);
        all.addAll(LONG_OPTIONAL);
        if (all.contains(prefix)) return prefix;
        String found = null;
        for (String n : all) {
            if (!n.startsWith(prefix)) continue;
            if (found != null) return null;
            found = n;
        }
        return found;
    }

    private static List<String> splice(List<String> args, int from, List<String> inserted) {
        List<String> out = new ArrayList<>(inserted);
        out.addAll(args.subList(from, args.size()));
        return out;
    }

    /** A comma-separated list of signals (all when null) added to {@code into}; null, or the bad name. */
    private static String signals(String list, List<Integer> into) {
        if (list == null) {
            for (Signal s : Signal.values()) if (s != Signal.SIGKILL && s != Signal.SIGSTOP) into.add(s.number());
            return null;
        }
        for (String name : list.split(",", -1)) {
            int n = SignalNames.parse(name, false);
            if (n <= 0) return name;
            into.add(n);
        }
        return null;
    }

    /** After the options: clear, unset, set, then print or change directory and run. */
    private Step apply(Libc c, Request r, List<String> rest) {
        Map<String, String> env = new TreeMap<>(c.args().env());
        if (r.ignoreEnvironment) {
            if (r.debug) c.eprint("cleaning environ\n");
            env.clear();
        }
        for (String name : r.unset) {
            if (r.debug) c.eprint("unset:    " + name + "\n");
            if (name.isEmpty() || name.contains("=")) {
                c.error("cannot unset " + c.quoteLocale(name), Errno.EINVAL);
                return c.exit(125);
            }
            env.remove(name);
        }
        int i = 0;
        while (i < rest.size() && rest.get(i).contains("=")) {
            String a = rest.get(i++);
            if (r.debug) c.eprint("setenv:   " + a + "\n");
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        List<String> command = rest.subList(i, rest.size());
        if (command.isEmpty()) {
            if (r.chdir != null) return c.usageError("env: must specify command with --chdir (-C)", 125);
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, String> e : env.entrySet()) out.append(e.getKey()).append('=').append(e.getValue()).append(r.nul ? '\0' : '\n');
            c.print(out.toString());
            return c.exit(0);
        }
        if (r.nul) return c.usageError("env: cannot specify --null (-0) with command", 125);
        return dispositions(c, r, () -> {
            if (r.chdir == null) return run(c, r, command, env);
            if (r.debug) c.eprint("chdir:    " + Libc.quote(r.chdir) + "\n");
            return c.sys(new Syscall.Chdir(r.chdir), cd -> {
                if (cd.failed()) {
                    c.error("cannot change directory to " + Libc.quote(r.chdir), cd.errno());
                    return c.exit(125);
                }
                return run(c, r, command, env);
            });
        });
    }

    /** rt_sigaction for each signal to ignore or reset, which the command inherits across exec. */
    private static Step dispositions(Libc c, Request r, java.util.function.Supplier<Step> then) {
        List<Syscall> calls = new ArrayList<>();
        for (int n : r.defaultSignals) if (Signal.of(n) != null) calls.add(new Syscall.RtSigaction(Signal.of(n), false));
        for (int n : r.ignoreSignals) if (Signal.of(n) != null) calls.add(new Syscall.RtSigaction(Signal.of(n), true));
        return Libc.forEach(calls, (call, next) -> c.sys(call, result -> next.get()), then);
    }

    private Step run(Libc c, Request r, List<String> command, Map<String, String> env) {
        if (r.debug) {
            c.eprint("executing: " + command.get(0) + "\n");
            for (int k = 0; k < command.size(); k++) c.eprint("   arg[" + k + "]= " + c.quoteLocale(command.get(k)) + "\n");
        }
        return c.execvp(command, env, e -> {
            c.error(c.quoteLocale(command.get(0)), e);
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        });
    }

    /** execvp for the tools that run a command (taskset): {@code message} words the failure. */
    static Step execvp(Libc c, List<String> command, Map<String, String> env, java.util.function.BiFunction<String, Errno, String> message) {
        return c.execvp(command, env, e -> {
            c.eprint(message.apply(command.get(0), e) + "\n");
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        });
    }

    // ---- -S: split a string into arguments ----

    /**
     * coreutils' split of a {@code -S} string: blanks separate words; single quotes keep text as it
     * is; double quotes and bare text take the escapes {@code \" \' \\ \$ \# \_ \c \f \n \r \t \v}
     * ({@code \_} is a space inside double quotes and a separator outside, {@code \c} ends the
     * string); {@code ${NAME}} is replaced by the variable's value; a word starting with {@code #}
     * starts a comment. Null after printing the error.
     */
    private static List<String> split(Libc c, String text, boolean debug) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        int i = 0;
        boolean ended = false;
        while (i < text.length() && !ended) {
            char ch = text.charAt(i);
            if (quote == '\'') {
                if (ch == '\'') quote = 0;
                else if (ch == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '\'')) word.append(text.charAt(++i));
                else word.append(ch);
                i++;
                continue;
            }
            if (quote == 0 && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r' || ch == '\u000b')) {
                if (word != null) words.add(word.toString());
                word = null;
                i++;
                continue;
            }
            if (quote == 0 && ch == '#' && word == null) break;
            if (word == null) word = new StringBuilder();
            if (ch == '\'' && quote == 0 || ch == '"') {
                quote = quote == 0 ? ch : 0;
                i++;
                continue;
            }
            if (ch == '\\') {
                if (i + 1 >= text.length()) {
                    c.eprint("env: invalid backslash at end of string in -S\n");
                    return null;
                }
                char e = text.charAt(i + 1);
                switch (e) {
                    case '"', '\'', '\\', '$', '#' -> word.append(e);
                    case 'f' -> word.append('\f');
                    case 'n' -> word.append('\n');
                    case 'r' -> word.append('\r');
                    case 't' -> word.append('\t');
                    case 'v' -> word.append('\u000b');
                    case '_' -> {
                        if (quote == '"') {
                            word.append(' ');
                        } else {
                            words.add(word.toString());
                            word = null;
                        }
                    }
                    case 'c' -> {
                        if (quote == '"') {
                            c.eprint("env: '\\c' must not appear in double-quoted -S string\n");
                            return null;
                        }
                        ended = true;
                    }
                    default -> {
                        c.eprint("env: invalid sequence '\\" + e + "' in -S\n");
                        return null;
                    }
                }
                i += 2;
                continue;
            }
            if (ch == '$') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '{') {
                    c.eprint("env: only ${VARNAME} expansion is supported, error at: " + text.substring(i) + "\n");
                    return null;
                }
                int close = text.indexOf('}', i);
                String name = close < 0 ? "" : text.substring(i + 2, close);
                if (close < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    c.eprint("env: only ${VARNAME} expansion is supported, error at: " + text.substring(i) + "\n");
                    return null;
                }
                String value = c.env(name);
                if (value != null) word.append(value);
                i = close + 1;
                continue;
            }
            word.append(ch);
            i++;
        }
        if (quote != 0) {
            c.eprint("env: no terminating quote in -S string\n");
            return null;
        }
        if (word != null) words.add(word.toString());
        if (debug) {
            c.eprint("split -S:  " + c.quoteLocale(text) + "\n");
            for (int k = 0; k < words.size(); k++) c.eprint((k == 0 ? " into:    " : "     &    ") + c.quoteLocale(words.get(k)) + "\n");
        }
        return words;
    }

    @Override
    public String whatis() {
        return "run a program in a modified environment";
    }

    @Override
    public String manual() {
        return "env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n"
                + "  Set each NAME to VALUE in the environment and run COMMAND. With no COMMAND, print the resulting environment.\n"
                + "  -i, --ignore-environment  start with an empty environment\n"
                + "  -0, --null                end each output line with NUL, not newline\n"
                + "  -u, --unset=NAME          remove variable from the environment\n"
                + "  -C, --chdir=DIR           change working directory to DIR\n"
                + "  -S, --split-string=S      process and split S into separate arguments; used to pass multiple arguments on shebang lines\n"
                + "  --default-signal[=SIG]    reset handling of SIG signal(s) to the default\n"
                + "  --ignore-signal[=SIG]     set handling of SIG signal(s) to do nothing\n"
                + "  --block-signal[=SIG]      accepted; the simulation has no signal masks\n"
                + "  -v, --debug               print verbose information for each processing step\n"
                + "  A mere - implies -i. Exit status: 125 if env itself fails, 126 if COMMAND is found but cannot be invoked,\n"
                + "  127 if COMMAND cannot be found, else the exit status of COMMAND.";
    }
}
