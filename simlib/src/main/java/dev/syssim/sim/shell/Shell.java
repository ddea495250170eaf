package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.shell.Ast.Command;
import dev.syssim.sim.shell.Ast.Redirect;
import dev.syssim.sim.shell.Ast.Script;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A running shell: executes the syntax tree in continuation-passing style. External commands are
 * fork + execve + wait4, pipelines are pipes and one child per command, and builtins run in the
 * shell itself with their redirections applied and undone around them — all through syscalls, so
 * the trace shows what a real shell does.
 */
final class Shell {

    private final Libc c;
    private final ShellState s;
    private final Expander expander;
    private final Builtins builtins;

    Shell(Libc c, ShellState s) {
        this.c = c;
        this.s = s;
        this.expander = new Expander(this);
        this.builtins = new Builtins(this);
    }

    Libc c() {
        return c;
    }

    ShellState state() {
        return s;
    }

    Expander expander() {
        return expander;
    }

    // ---- lists ----

    Step runScript(Script script, IntFunction<Step> k) {
        return runItems(script.items(), 0, k);
    }

    private Step runItems(List<Ast.Item> items, int index, IntFunction<Step> k) {
        if (index >= items.size() || s.exitRequested || s.returning) return k.apply(s.lastStatus);
        Ast.Item item = items.get(index);
        if (item.background()) {
            return background(item, () -> runItems(items, index + 1, k));
        }
        return runAndOr(item.command(), 0, status -> {
            s.lastStatus = status;
            return runItems(items, index + 1, k);
        });
    }

    private Step runAndOr(Ast.AndOr chain, int index, IntFunction<Step> k) {
        return runPipeline(chain.pipelines().get(index), status -> {
            s.lastStatus = status;
            if (index + 1 >= chain.pipelines().size() || s.exitRequested || s.returning) return k.apply(status);
            boolean and = chain.operators().get(index).equals("&&");
            if ((status == 0) == and) return runAndOr(chain, index + 1, k);
            // skip the next pipeline; the chain's status stays the last one run
            return skip(chain, index + 1, status, k);
        });
    }

    private Step skip(Ast.AndOr chain, int index, int status, IntFunction<Step> k) {
        if (index + 1 >= chain.pipelines().size()) return k.apply(status);
        boolean and = chain.operators().get(index).equals("&&");
        if ((status == 0) == and) return runAndOr(chain, index + 1, k);
        return skip(chain, index + 1, status, k);
    }

    /** {@code cmd &}: forked into its own job; the interactive shell prints {@code [1] 1234}. */
    private Step background(Ast.Item item, Supplier<Step> next) {
        Ast.AndOr chain = item.command();
        boolean single = chain.pipelines().size() == 1 && chain.pipelines().get(0).commands().size() == 1 && !chain.pipelines().get(0).negated();
        // one simple command: the forked child execs it directly, as bash does (no second fork)
        Function<Shell, Step> body = single
                ? child -> child.runCommand(chain.pipelines().get(0).commands().get(0), true, child::exitWith)
                : child -> child.runAndOr(chain, 0, child::exitWith);
        return fork(body, true, pid -> {
            s.lastBackground = pid;
            s.lastStatus = 0;
            int number = s.nextJobNumber();
            s.jobs.put(number, new ShellState.Job(number, List.of(pid), item.text()));
            if (s.interactive) c.eprint("[" + number + "] " + pid + "\n");
            return next.get();
        });
    }

    // ---- pipelines ----

    private Step runPipeline(Ast.Pipeline pipeline, IntFunction<Step> k) {
        IntFunction<Step> done = pipeline.negated() ? status -> k.apply(status == 0 ? 1 : 0) : k;
        List<Command> commands = pipeline.commands();
        if (commands.size() == 1) return runCommand(commands.get(0), false, done);
        List<Integer> pids = new ArrayList<>();
        return pipeStage(commands, 0, -1, pids, () -> waitFor(pids, pipelineText(pipeline), done));
    }

    /** Forks stage {@code i} reading from {@code inputFd} (-1: the shell's stdin). */
    private Step pipeStage(List<Command> commands, int i, int inputFd, List<Integer> pids, Supplier<Step> allStarted) {
        boolean last = i == commands.size() - 1;
        if (last) {
            return fork(child -> child.connect(inputFd, 0, () -> child.runCommand(commands.get(i), true, child::exitWith)),
                    pids.isEmpty(), pid -> {
                        pids.add(pid);
                        return closeIfOpen(inputFd, allStarted);
                    }, pids.isEmpty() ? 0 : pids.get(0));
        }
        return c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), r -> {
            if (r.failed()) {
                c.eprint(s.name + ": pipe error: " + r.errno().message() + "\n");
                return allStarted.get();
            }
            int[] fds = Syscall.Pipe2.fds(r);
            return fork(child -> child.connect(inputFd, 0, () -> child.connect(fds[1], 1,
                            () -> child.runCommand(commands.get(i), true, child::exitWith))),
                    pids.isEmpty(), pid -> {
                        pids.add(pid);
                        return closeIfOpen(inputFd, () -> c.close(fds[1], () -> pipeStage(commands, i + 1, fds[0], pids, allStarted)));
                    }, pids.isEmpty() ? 0 : pids.get(0));
        });
    }

    private Step closeIfOpen(int fd, Supplier<Step> next) {
        return fd < 0 ? next.get() : c.close(fd, next);
    }

    /** In a child: make {@code fd} its descriptor {@code target} (dup2 + close). */
    private Step connect(int fd, int target, Supplier<Step> next) {
        if (fd < 0 || fd == target) return next.get();
        return c.sys(new Syscall.Dup2(fd, target), r -> c.close(fd, next));
    }

    /** The pipeline as bash shows it in a job message: its commands' words, joined by {@code |}. */
    private static String pipelineText(Ast.Pipeline p) {
        List<String> parts = new ArrayList<>();
        for (Command c : p.commands()) {
            if (!(c instanceof Ast.Simple simple)) {
                parts.add("...");
                continue;
            }
            List<String> words = new ArrayList<>();
            for (Ast.Word w : simple.words()) words.add(w.literal() == null ? "..." : w.literal());
            parts.add(String.join(" ", words));
        }
        return String.join(" | ", parts);
    }

    // ---- commands ----

    Step runCommand(Command command, boolean forked, IntFunction<Step> k) {
        if (command instanceof Ast.Simple simple) return runSimple(simple, forked, k);
        if (command instanceof Ast.Subshell sub) {
            if (forked) return withRedirects(sub.redirects(), kk -> runScript(sub.body(), kk), k);
            return fork(child -> child.withRedirects(sub.redirects(), kk -> child.runScript(sub.body(), kk), child::exitWith),
                    true, pid -> waitFor(List.of(pid), "", k));
        }
        if (command instanceof Ast.Group group) return withRedirects(group.redirects(), kk -> runScript(group.body(), kk), k);
        if (command instanceof Ast.If ifc) return withRedirects(ifc.redirects(), kk -> runIf(ifc, 0, kk), k);
        if (command instanceof Ast.For forc) return withRedirects(forc.redirects(), kk -> runFor(forc, kk), k);
        if (command instanceof Ast.While w) return withRedirects(w.redirects(), kk -> runWhile(w, 0, kk), k);
        Ast.FunctionDef f = (Ast.FunctionDef) command;
        s.functions.put(f.name(), f);
        return k.apply(0);
    }

    private Step runIf(Ast.If ifc, int branch, IntFunction<Step> k) {
        if (branch >= ifc.conditions().size()) {
            return ifc.elseBody() == null ? k.apply(0) : runScript(ifc.elseBody(), k);
        }
        return runScript(ifc.conditions().get(branch), status -> {
            if (s.exitRequested || s.returning) return k.apply(status);
            if (status == 0) return runScript(ifc.bodies().get(branch), k);
            return runIf(ifc, branch + 1, k);
        });
    }

    private Step runFor(Ast.For forc, IntFunction<Step> k) {
        Function<List<String>, Step> loop = values -> {
            int[] status = {0};
            return Libc.forEach(values, (value, next) -> {
                if (s.exitRequested || s.returning) return next.get();
                s.set(forc.variable(), value);
                return runScript(forc.body(), st -> {
                    status[0] = st;
                    return next.get();
                });
            }, () -> k.apply(status[0]));
        };
        if (forc.values() == null) return loop.apply(new ArrayList<>(s.positional));
        return expander.words(forc.values(), loop);
    }

    private Step runWhile(Ast.While w, int lastBody, IntFunction<Step> k) {
        return runScript(w.condition(), status -> {
            if (s.exitRequested || s.returning) return k.apply(status);
            boolean go = (status == 0) != w.until();
            if (!go) return k.apply(lastBody);
            return runScript(w.body(), bodyStatus -> c.compute(200, "loop", () -> runWhile(w, bodyStatus, k)));
        });
    }

    private Step runSimple(Ast.Simple cmd, boolean forked, IntFunction<Step> k) {
        s.lineNumber = cmd.line();
        s.substitutionStatus = 0;
        return expander.words(cmd.words(), argv -> assignments(cmd.assignments(), 0, new TreeMap<>(), assigned -> {
            if (argv.isEmpty()) {
                assigned.forEach(s::set);
                return withRedirects(cmd.redirects(), kk -> kk.apply(s.lastStatusAfterAssignments()), k);
            }
            String name = argv.get(0);
            Ast.FunctionDef function = s.functions.get(name);
            if (function != null) return callFunction(function, argv, cmd.redirects(), k);
            if (Builtins.has(name)) {
                return withRedirects(cmd.redirects(), kk -> builtins.run(argv, kk), status -> {
                    c.flushStdout();
                    return k.apply(status);
                });
            }
            Map<String, String> env = s.environment();
            env.putAll(assigned);
            return external(argv, env, cmd.redirects(), forked, k);
        }));
    }

    private Step assignments(List<Ast.Assignment> list, int i, Map<String, String> into, Function<Map<String, String>, Step> k) {
        if (i >= list.size()) return k.apply(into);
        Ast.Assignment a = list.get(i);
        return expander.single(a.value(), value -> {
            into.put(a.name(), value);
            return assignments(list, i + 1, into, k);
        });
    }

    private Step callFunction(Ast.FunctionDef f, List<String> argv, List<Redirect> redirects, IntFunction<Step> k) {
        List<String> saved = s.positional;
        s.positional = new ArrayList<>(argv.subList(1, argv.size()));
        return withRedirects(redirects, kk -> runCommand(f.body(), false, kk), status -> {
            s.positional = saved;
            s.returning = false;
            return k.apply(s.lastStatus);
        });
    }

    // ---- external commands ----

    private Step external(List<String> argv, Map<String, String> env, List<Redirect> redirects, boolean forked, IntFunction<Step> k) {
        String name = argv.get(0);
        return findCommand(name, path -> {
            if (path == null) {
                c.eprint(messagePrefix() + name + ": " + (s.dash ? "not found" : "command not found") + "\n");
                return forked ? exitWith(127) : k.apply(127);
            }
            if (forked) return applyRedirects(redirects, 0, status -> status != 0 ? exitWith(status) : exec(path, argv, env));
            return fork(child -> child.applyRedirects(redirects, 0, status -> status != 0 ? child.exitWith(status) : child.exec(path, argv, env)),
                    true, pid -> waitFor(List.of(pid), String.join(" ", argv), k));
        });
    }

    /** In the child: execve, and bash's messages when it fails. */
    Step exec(String path, List<String> argv, Map<String, String> env) {
        return c.sys(new Syscall.Execve(path, argv, env), r -> {
            Errno e = r.errno();
            if (e == Errno.ENOEXEC) return runAsScript(path, argv);
            String shown = argv.get(0);
            int status = e == Errno.ENOENT ? 127 : 126;
            String message = switch (e) {
                case ENOENT -> "cannot execute: required file not found";
                case EACCES -> "Permission denied";
                default -> e.message();
            };
            if (e == Errno.EACCES) {
                return c.statOf(path, true, (err, st) -> {
                    String text = st != null && st.type() == FileType.DIRECTORY ? "Is a directory" : message;
                    c.eprint(messagePrefix() + shown + ": " + text + "\n");
                    return exitWith(status);
                });
            }
            c.eprint(messagePrefix() + shown + ": " + message + "\n");
            return exitWith(status);
        });
    }

    /** A text file without #!: the shell runs it as a script in this (forked) process. */
    private Step runAsScript(String path, List<String> argv) {
        return c.readFile(path, (err, bytes) -> {
            if (err != null) {
                c.eprint(messagePrefix() + argv.get(0) + ": " + err.message() + "\n");
                return exitWith(126);
            }
            s.name = path;
            s.positional = new ArrayList<>(argv.subList(1, argv.size()));
            s.interactive = false;
            return runText(Libc.text(bytes), this::exitWith);
        });
    }

    /** Parses and runs shell text, reporting a syntax error the way bash does for its mode. */
    Step runText(String text, IntFunction<Step> k) {
        Parser.Parsed parsed;
        try {
            parsed = Parser.parse(text);
        } catch (SyntaxError e) {
            c.eprint(syntaxErrorText(e, text));
            s.lastStatus = 2;
            return k.apply(2);
        }
        for (String warning : parsed.warnings()) c.eprint(messagePrefix() + warning + "\n");
        return runScript(parsed.script(), k);
    }

    private String syntaxErrorText(SyntaxError e, String text) {
        if (s.interactive) return s.name + ": " + e.getMessage() + "\n";
        if (s.dash) return s.name + ": " + e.line() + ": Syntax error: " + e.getMessage().replace("syntax error near unexpected token ", "") + "\n";
        String[] lines = text.split("\n", -1);
        String offending = e.line() - 1 < lines.length ? lines[e.line() - 1] : "";
        return s.name + ": -c: line " + e.line() + ": " + e.getMessage() + "\n" + s.name + ": -c: line " + e.line() + ": `" + offending + "'\n";
    }

    /** The prefix of bash's error messages: {@code bash: } interactively, {@code bash: line 3: } in scripts. */
    String messagePrefix() {
        if (s.interactive) return s.name + ": ";
        if (s.dash) return s.name + ": " + s.lineNumber + ": ";
        return s.name + ": line " + s.lineNumber + ": ";
    }

    /** PATH search (after the hash table); a name with a slash is used as it is. */
    Step findCommand(String name, Function<String, Step> k) {
        if (name.contains("/")) return k.apply(name);
        String cached = s.hash.get(name);
        if (cached != null) return k.apply(cached);
        String path = s.get("PATH");
        if (path == null) path = "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games";
        List<String> dirs = List.of(path.split(":", -1));
        return searchPath(name, dirs, 0, k);
    }

    private Step searchPath(String name, List<String> dirs, int i, Function<String, Step> k) {
        if (i >= dirs.size()) return k.apply(null);
        String dir = dirs.get(i).isEmpty() ? "." : dirs.get(i);
        String candidate = dir + "/" + name;
        return c.statOf(candidate, true, (err, st) -> {
            if (err == null && st.type() == FileType.REGULAR && (st.permissions() & 0111) != 0) {
                s.hash.put(name, candidate);
                return k.apply(candidate);
            }
            return searchPath(name, dirs, i + 1, k);
        });
    }

    // ---- processes ----

    /** fork: the child runs {@code child} on its own copy of the shell; the parent gets the pid. */
    Step fork(Function<Shell, Step> child, boolean newGroup, IntFunction<Step> parent) {
        return fork(child, newGroup, parent, 0);
    }

    private Step fork(Function<Shell, Step> child, boolean newGroup, IntFunction<Step> parent, int joinGroup) {
        c.flushStdout();
        boolean jobControl = s.interactive;
        return c.sys(Syscall.Clone.fork(() -> {
            Shell copy = new Shell(new Libc(c.args()), s.copy());
            if (!jobControl || (!newGroup && joinGroup == 0)) return child.apply(copy);
            // a job of its own (setpgid), and Ctrl-C back to its default action (bash ignores it itself)
            return copy.c.sys(new Syscall.Setpgid(0, newGroup ? 0 : joinGroup), r ->
                    copy.c.sys(new Syscall.RtSigaction(Signal.SIGINT, false), x -> child.apply(copy)));
        }), r -> {
            if (r.failed()) {
                c.eprint(s.name + ": fork: retry: " + r.errno().message() + "\n");
                c.eprint(s.name + ": fork: " + r.errno().message() + "\n");
                return parent.apply(-1);
            }
            return parent.apply(r.intValue());
        });
    }

    /** Waits for a foreground job (giving it the terminal when interactive); status is the last one's. */
    Step waitFor(List<Integer> pids, String text, IntFunction<Step> k) {
        List<Integer> live = new ArrayList<>(pids);
        live.removeIf(pid -> pid < 0);
        if (live.isEmpty()) return k.apply(pids.isEmpty() ? 0 : 254);
        Supplier<Step> waitAll = () -> waitEach(live, 0, new int[] {0}, text, status -> {
            if (!s.interactive) return k.apply(status);
            return c.sys(new Syscall.Tcsetpgrp(0, s.pgid), r -> k.apply(status));
        });
        if (!s.interactive) return waitAll.get();
        return c.sys(new Syscall.Tcsetpgrp(0, live.get(0)), r -> waitAll.get());
    }

    private Step waitEach(List<Integer> pids, int i, int[] last, String text, IntFunction<Step> k) {
        if (i >= pids.size()) return k.apply(last[0]);
        int pid = pids.get(i);
        return c.sys(new Syscall.Wait4(pid, 0), r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) return waitEach(pids, i, last, text, k);
                return waitEach(pids, i + 1, last, text, k);
            }
            int status = Syscall.Wait4.status(r);
            if (i == pids.size() - 1) {
                last[0] = WaitStatus.shellStatus(status);
                reportSignal(status, pid, text);
            }
            return waitEach(pids, i + 1, last, text, k);
        });
    }

    private void reportSignal(int status, int pid, String text) {
        if (WaitStatus.isExited(status)) return;
        Signal signal = WaitStatus.termSignal(status);
        if (signal == Signal.SIGINT) {
            if (s.interactive) c.eprint("\n");
            return;
        }
        if (signal == Signal.SIGPIPE || signal.shellMessage().isEmpty()) return;
        String message = signal.shellMessage() + (WaitStatus.coreDumped(status) ? " (core dumped)" : "");
        if (s.interactive) {
            c.eprint(message + "\n");
        } else {
            c.eprint(messagePrefix() + String.format("%5d %-24s%s", pid, message, text) + "\n");
        }
    }

    /** Ends a forked child (or the shell) with {@code status}. */
    Step exitWith(int status) {
        return c.exitQuietly(status & 0xff);
    }

    /** The output of a list run in a forked subshell, trailing newlines removed ({@code $(...)}). */
    Step commandSubstitution(Script body, Function<String, Step> k) {
        return c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), r -> {
            if (r.failed()) return k.apply("");
            int[] fds = Syscall.Pipe2.fds(r);
            return fork(child -> child.connect(fds[1], 1, () -> child.runScript(body, child::exitWith)), false,
                    pid -> c.close(fds[1], () -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        return c.readAll(fds[0], out, err -> c.close(fds[0], () -> c.sys(new Syscall.Wait4(pid, 0), w -> {
                            if (!w.failed()) s.substitutionStatus = WaitStatus.shellStatus(Syscall.Wait4.status(w));
                            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                            return k.apply(text.replaceAll("\n+$", ""));
                        })));
                    }));
        });
    }

    // ---- redirections ----

    /** For commands run in the shell itself: apply redirections, run, then restore the descriptors. */
    Step withRedirects(List<Redirect> redirects, Function<IntFunction<Step>, Step> body, IntFunction<Step> k) {
        if (redirects.isEmpty()) return body.apply(k);
        List<int[]> saved = new ArrayList<>();
        return saveFds(redirects, 0, saved, () -> applyRedirects(redirects, 0, status -> {
            if (status != 0) return restore(saved, 0, () -> k.apply(status));
            return body.apply(result -> {
                c.flushStdout();
                return restore(saved, 0, () -> k.apply(result));
            });
        }));
    }

    private Step saveFds(List<Redirect> redirects, int i, List<int[]> saved, Supplier<Step> next) {
        if (i >= redirects.size()) return next.get();
        int fd = redirects.get(i).fd();
        for (int[] pair : saved) if (pair[0] == fd) return saveFds(redirects, i + 1, saved, next);
        return c.sys(new Syscall.DupFd(fd, 10), r -> {
            saved.add(new int[] {fd, r.failed() ? -1 : r.intValue()});
            return saveFds(redirects, i + 1, saved, next);
        });
    }

    private Step restore(List<int[]> saved, int i, Supplier<Step> next) {
        if (i >= saved.size()) return next.get();
        int[] pair = saved.get(i);
        if (pair[1] < 0) return c.sys(new Syscall.Close(pair[0]), r -> restore(saved, i + 1, next));
        return c.sys(new Syscall.Dup2(pair[1], pair[0]), r -> c.close(pair[1], () -> restore(saved, i + 1, next)));
    }

    /** Applies redirections in order; on failure prints bash's message and gives status 1. */
    Step applyRedirects(List<Redirect> redirects, int i, IntFunction<Step> k) {
        if (i >= redirects.size()) return k.apply(0);
        Redirect r = redirects.get(i);
        IntFunction<Step> next = status -> status != 0 ? k.apply(status) : applyRedirects(redirects, i + 1, k);
        if (r.op().equals("<<")) return heredoc(r, next);
        return expander.single(r.target(), target -> {
            switch (r.op()) {
                case ">&", "<&" -> {
                    if (target.equals("-")) return c.sys(new Syscall.Close(r.fd()), x -> next.apply(0));
                    if (target.matches("[0-9]+")) {
                        return c.sys(new Syscall.Dup2(Integer.parseInt(target), r.fd()), x -> {
                            if (x.failed()) {
                                c.eprint(messagePrefix() + target + ": " + x.errno().message() + "\n");
                                return next.apply(1);
                            }
                            return next.apply(0);
                        });
                    }
                    // ">& file": stdout and stderr both to the file
                    return openInto(target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 1,
                            status -> status != 0 ? next.apply(status) : c.sys(new Syscall.Dup2(1, 2), x -> next.apply(0)));
                }
                case "<" -> {
                    return openInto(target, OpenFlags.O_RDONLY, r.fd(), next);
                }
                case ">>" -> {
                    return openInto(target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND, r.fd(), next);
                }
                case "<>" -> {
                    return openInto(target, OpenFlags.O_RDWR | OpenFlags.O_CREAT, r.fd(), next);
                }
                default -> {
                    return openInto(target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, r.fd(), next);
                }
            }
        });
    }

    private Step openInto(String path, int flags, int fd, IntFunction<Step> k) {
        Function<dev.syssim.sim.os.SysResult, Step> opened = r -> {
            if (r.failed()) {
                c.eprint(messagePrefix() + path + ": " + r.errno().message() + "\n");
                return k.apply(1);
            }
            int got = r.intValue();
            if (got == fd) return k.apply(0);
            return c.sys(new Syscall.Dup2(got, fd), x -> c.close(got, () -> k.apply(0)));
        };
        if ((flags & OpenFlags.O_CREAT) != 0) return c.create(path, flags & ~OpenFlags.O_CREAT, 0666, opened);
        return c.open(path, flags, opened);
    }

    /** A here-document: its (expanded) text through a pipe onto the descriptor, as bash 5.2 does for short ones. */
    private Step heredoc(Redirect r, IntFunction<Step> k) {
        Ast.Word word = Parser.heredocWord(r.body() == null ? "" : r.body(), r.bodyQuoted());
        return expander.single(word, text -> c.sys(new Syscall.Pipe2(0), p -> {
            if (p.failed()) return k.apply(1);
            int[] fds = Syscall.Pipe2.fds(p);
            return c.write(fds[1], Libc.bytes(text), w -> c.close(fds[1], () ->
                    c.sys(new Syscall.Dup2(fds[0], r.fd()), d -> c.close(fds[0], () -> k.apply(0)))));
        }));
    }

    // ---- parameters ----

    /** The value of {@code $name}, or null when unset. */
    String parameter(String name) {
        switch (name) {
            case "?":
                return Integer.toString(s.lastStatus);
            case "$":
                return Integer.toString(s.pid);
            case "!":
                return s.lastBackground == 0 ? "" : Integer.toString(s.lastBackground);
            case "#":
                return Integer.toString(s.positional.size());
            case "@":
            case "*":
                return String.join(" ", s.positional);
            case "0":
                return s.name;
            case "-":
                return s.interactive ? "himBHs" : "hB";
            default:
                break;
        }
        if (name.startsWith("((")) {
            Arithmetic.Result r = Arithmetic.evaluate(name.substring(2, name.length() - 2), s::get);
            if (r.error() != null) {
                c.eprint(messagePrefix() + r.error() + "\n");
                return "0";
            }
            return Long.toString(r.value());
        }
        if (name.matches("[0-9]+")) {
            int i = Integer.parseInt(name);
            return i >= 1 && i <= s.positional.size() ? s.positional.get(i - 1) : null;
        }
        return s.get(name);
    }
}
