package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.tools.editors.awk.Token.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * awk, as GNU Awk 5.2 (Debian's {@code /usr/bin/awk} once gawk is installed, and {@code gawk}):
 * options as gawk parses them, the program parsed and compiled ({@link Parser}, {@link Compiler}),
 * then run by the {@link Vm} in slices — each slice a compute step — with every file, pipe and
 * command it asks for made here as system calls: open, read, write, close, pipe2, clone, execve
 * of {@code /bin/sh -c}, wait4.
 *
 * <p>Simplifications: no MPFR arbitrary precision (-M), no coprocesses ({@code |&}), no network
 * special files, no dynamic extensions, no debugger or profiler; {@code --posix}, {@code
 * --traditional} and {@code --lint} are accepted and ignored.
 */
public final class Awk extends Tool {

    /** Instructions run between two looks at the scheduler, and their simulated cost. */
    private static final int SLICE = 100_000;
    private static final long NANOS_PER_INSTRUCTION = 4;

    @Override
    protected Step run(Libc c) {
        String name = c.name();
        List<String> args = c.args().operands();
        Settings s = new Settings();
        int i = 0;
        options:
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) break;
            if (a.startsWith("--")) {
                String opt = a.substring(2);
                String value = null;
                int eq = opt.indexOf('=');
                if (eq >= 0) {
                    value = opt.substring(eq + 1);
                    opt = opt.substring(0, eq);
                }
                String full = longOption(opt);
                if (full == null) return usage(c, 1, true);
                boolean needsValue = List.of("field-separator", "file", "assign", "source", "exec", "include", "load").contains(full);
                if (needsValue && value == null) {
                    if (i + 1 >= args.size()) {
                        c.eprint(name + ": option '--" + full + "' requires an argument\n");
                        return usage(c, 1, true);
                    }
                    value = args.get(++i);
                }
                i++;
                Step stop = option(c, s, full, value);
                if (stop != null) return stop;
                if (full.equals("exec")) break;
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char o = a.charAt(j);
                if ("Ffvei".indexOf(o) >= 0 || o == 'E' || o == 'l') {
                    String value = a.substring(j + 1);
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size()) {
                            c.eprint(name + ": option requires an argument -- " + o + "\n");
                            return usage(c, 1, true);
                        }
                        value = args.get(++i);
                    }
                    i++;
                    Step stop = option(c, s, String.valueOf(o), value);
                    if (stop != null) return stop;
                    if (o == 'E') break options;
                    continue options;
                }
                if ("bcCghIMNnOPrsStVY".indexOf(o) < 0 && "dDLop".indexOf(o) < 0) return usage(c, 1, true);
                if ("dDLop".indexOf(o) >= 0) {
                    Step stop = option(c, s, String.valueOf(o), null);
                    if (stop != null) return stop;
                    break;
                }
                Step stop = option(c, s, String.valueOf(o), null);
                if (stop != null) return stop;
            }
            i++;
        }
        if (s.sources.isEmpty()) {
            if (i >= args.size()) return usage(c, 1, true);
            s.sources.add(new Source("cmd. line", Bytes.fromJava(args.get(i)), true));
            i++;
        }
        // -i FILE: as @include "FILE" before the program (it is not the program text itself)
        for (int k = s.includeOptions.size() - 1; k >= 0; k--) {
            String inc = s.includeOptions.get(k);
            String text = "@include \"" + inc.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
            s.sources.add(0, new Source("cmd. line", Bytes.fromJava(text), true));
            for (int f = 0; f < s.files.size(); f++) s.files.set(f, s.files.get(f) + 1);
        }
        List<String> operands = args.subList(i, args.size());
        return loadFiles(c, s, 0, () -> start(c, s, operands));
    }

    /** What the options asked for. */
    private static final class Settings {
        final List<Source> sources = new ArrayList<>();
        /** -f files, by index into sources, still to be read. */
        final List<Integer> files = new ArrayList<>();
        final List<String> assignments = new ArrayList<>();
        /** -i files: a missing one is fatal (a missing @include is an error). */
        final List<String> includeOptions = new ArrayList<>();
        /** The files @include named, as found (or not) in AWKPATH. */
        final Map<String, Parser.Included> included = new java.util.HashMap<>();
        String fs;
        boolean bytes;
    }

    private static final List<String> LONG = List.of("field-separator", "file", "assign", "source", "exec", "help", "version",
            "characters-as-bytes", "traditional", "copyright", "dump-variables", "debug", "gen-pot", "include", "trace", "load",
            "lint", "bignum", "use-lc-numeric", "non-decimal-data", "pretty-print", "optimize", "profile", "posix", "re-interval",
            "no-optimize", "sandbox", "lint-old", "compat");

    private static String longOption(String prefix) {
        if (LONG.contains(prefix)) return prefix;
        String found = null;
        for (String l : LONG) {
            if (l.startsWith(prefix)) {
                if (found != null) return null;
                found = l;
            }
        }
        return found;
    }

    private Step option(Libc c, Settings s, String o, String value) {
        switch (o) {
            case "F":
            case "field-separator":
                s.fs = value;
                return null;
            case "f":
            case "file":
            case "E":
            case "exec":
                s.files.add(s.sources.size());
                s.sources.add(new Source(value, null, false));
                return null;
            case "i":
            case "include":
                s.includeOptions.add(value);
                return null;
            case "e":
            case "source":
                s.sources.add(new Source("cmd. line", Bytes.fromJava(value), true));
                return null;
            case "v":
            case "assign": {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    c.eprint(c.name() + ": `" + value + "' argument to `-v' not in `var=value' form\n\n");
                    return usage(c, 1, true);
                }
                String var = value.substring(0, eq);
                if (!Vm.isIdentifier(var)) {
                    c.eprint(c.name() + ": fatal: `" + var + "' is not a legal variable name\n");
                    return c.exit(2);
                }
                s.assignments.add(value);
                return null;
            }
            case "h":
            case "help":
                return usage(c, 0, false);
            case "V":
            case "version":
                c.print(VERSION);
                return c.exit(0);
            case "b":
            case "characters-as-bytes":
                s.bytes = true;
                return null;
            default:
                return null;
        }
    }

    /** Reads the -f program files in order. */
    private Step loadFiles(Libc c, Settings s, int k, java.util.function.Supplier<Step> then) {
        if (k >= s.files.size()) return then.get();
        int index = s.files.get(k);
        String file = s.sources.get(index).name();
        return findSource(c, file, (path, bytes, err) -> {
            if (err != null) {
                c.eprint(c.name() + ": fatal: cannot open source file `" + file + "' for reading: " + err.message() + "\n");
                return c.exit(2);
            }
            s.sources.set(index, new Source(file, Bytes.of(bytes), false));
            return loadFiles(c, s, k + 1, then);
        });
    }

    /** What finding a program file came to: the path read and its bytes, or the error. */
    private interface Found {
        Step apply(String path, byte[] bytes, Errno err);
    }

    /**
     * Finds a program file as gawk's find_source does: a name with a slash as it is, else in each
     * directory of AWKPATH (default ".:/usr/share/awk"); failing that, the same with ".awk"
     * appended. (The simulated machines do not install gawk's library of awk functions.)
     */
    private Step findSource(Libc c, String name, Found then) {
        List<String> candidates = new ArrayList<>();
        String awkpath = c.args().env().getOrDefault("AWKPATH", ".:/usr/share/awk");
        for (String suffix : List.of("", ".awk")) {
            if (suffix.length() > 0 && name.endsWith(".awk")) break;
            if (name.contains("/")) {
                candidates.add(name + suffix);
                continue;
            }
            for (String dir : awkpath.split(":", -1)) {
                candidates.add((dir.isEmpty() ? "." : dir) + "/" + name + suffix);
            }
        }
        return tryCandidates(c, candidates, 0, null, then);
    }

    private Step tryCandidates(Libc c, List<String> candidates, int i, Errno first, Found then) {
        if (i >= candidates.size()) return then.apply(null, null, first == null ? Errno.ENOENT : first);
        String path = candidates.get(i);
        return c.readFile(path, (err, bytes) -> {
            if (err == null) return then.apply(path, bytes, null);
            return tryCandidates(c, candidates, i + 1, first == null || first == Errno.ENOENT ? err : first, then);
        });
    }

    private Step start(Libc c, Settings s, List<String> operands) {
        String name = c.name();
        boolean utf8 = c.utf8() && !s.bytes;
        Diagnostics diag = new Diagnostics(name);
        Code code = null;
        AwkRegex.Warned warned = new AwkRegex.Warned();
        try {
            Ast.Program program = new Parser(s.sources, diag, s.included).parse();
            code = new Compiler(diag, utf8, warned).compile(program);
        } catch (Diagnostics.SyntaxError e) {
            code = null;
        } catch (Parser.NeedsFile need) {
            // an @include names a file not read yet: read it, then parse everything again
            return findSource(c, need.name, (path, bytes, err) -> {
                if (err != null && s.includeOptions.contains(need.name)) {
                    c.eprint(name + ": fatal: cannot open source file `" + need.name + "' for reading: " + err.message() + "\n");
                    return c.exit(2);
                }
                s.included.put(need.name, err != null ? new Parser.Included(null, null, err.message())
                        : new Parser.Included(path, new Source(need.name, Bytes.of(bytes), false), null));
                return start(c, s, operands);
            });
        }
        for (String line : diag.lines()) c.eprintBytes(Bytes.bytes(line + "\n"));
        if (code == null || diag.errors() > 0) return c.exit(1);
        List<String> argv = new ArrayList<>();
        argv.add(name);
        for (String op : operands) argv.add(Bytes.fromJava(op));
        Vm vm = new Vm(code, c, name, utf8, argv, c.args().env(), warned);
        return ids(c, vm, List.of("pid", "ppid", "uid", "euid", "gid", "egid"), 0, () -> begin(c, s, vm));
    }

    /** gawk's load_procinfo: the process's ids into PROCINFO, one system call each. */
    private Step ids(Libc c, Vm vm, List<String> keys, int i, java.util.function.Supplier<Step> then) {
        if (i >= keys.size()) return then.get();
        String key = keys.get(i);
        return c.id("get" + key, v -> {
            vm.procinfo(key, Value.of(v));
            return ids(c, vm, keys, i + 1, then);
        });
    }

    private Step begin(Libc c, Settings s, Vm vm) {
        String name = c.name();
        if (s.fs != null) {
            String fs = Functions.unescape(Bytes.fromJava(s.fs), vm);
            vm.assignEarly("FS", fs);
        }
        for (String a : s.assignments) {
            int eq = a.indexOf('=');
            vm.assignEarly(a.substring(0, eq), Functions.unescape(Bytes.fromJava(a.substring(eq + 1)), vm));
        }
        return c.compute(Inputs.parseCost(s), name + ": parse and compile the program", () -> loop(c, vm));
    }

    /** Runs a slice of the program and does what it asks. */
    private Step loop(Libc c, Vm vm) {
        Request r = vm.run(SLICE);
        if (r instanceof Request.Yield y) {
            return c.compute(y.instructions() * NANOS_PER_INSTRUCTION, null, () -> loop(c, vm));
        }
        if (r instanceof Request.Read rd) {
            return c.read(rd.fd(), Libc.IO_BLOCK, res -> {
                if (res.failed()) rd.done().accept(Request.Outcome.failed(res.errno()));
                else rd.done().accept(new Request.Outcome(res.value(), res.bytes(), null));
                return loop(c, vm);
            });
        }
        if (r instanceof Request.Open op) {
            return c.sys(new Syscall.OpenAt(OpenFlags.AT_FDCWD, op.path(), op.flags(), 0666), res -> {
                op.done().accept(outcome(res));
                return loop(c, vm);
            });
        }
        if (r instanceof Request.Write w) {
            return c.writeAll(w.fd(), w.data(), err -> {
                w.done().accept(err == null ? Request.Outcome.of(w.data().length) : Request.Outcome.failed(err));
                return loop(c, vm);
            });
        }
        if (r instanceof Request.Fstat st) {
            return c.sys(Syscall.NewFstatAt.fstat(st.fd()), res -> {
                st.done().accept(res.failed() ? Request.Outcome.failed(res.errno()) : Request.Outcome.of(res.dataAs(Stat.class).mode()));
                return loop(c, vm);
            });
        }
        if (r instanceof Request.Close cl) {
            return c.close(cl.fd(), () -> {
                cl.done().accept(Request.Outcome.of(0));
                return loop(c, vm);
            });
        }
        if (r instanceof Request.Wait wt) {
            return c.sys(new Syscall.Wait4(wt.pid(), 0), res -> {
                wt.done().accept(Request.Outcome.of(res.failed() ? -1 : Syscall.Wait4.status(res)));
                return loop(c, vm);
            });
        }
        if (r instanceof Request.Spawn sp) return spawn(c, vm, sp);
        if (r instanceof Request.Time t) {
            return c.clock(0, nanos -> {
                t.done().accept(Request.Outcome.of(Math.floorDiv(nanos, 1_000_000_000L)));
                return loop(c, vm);
            });
        }
        Request.Halt h = (Request.Halt) r;
        return c.exit(h.status());
    }

    private static Request.Outcome outcome(SysResult r) {
        return r.failed() ? Request.Outcome.failed(r.errno()) : Request.Outcome.of(r.intValue());
    }

    /**
     * Starts {@code sh -c command} as popen(3) and system(3) do: fork; in the child, the pipe's end
     * becomes its standard input or output (dup2), then execve; the parent closes the child's end.
     */
    private Step spawn(Libc c, Vm vm, Request.Spawn sp) {
        Map<String, String> env = vm.environment();
        List<String> argv = List.of("sh", "-c", sp.command());
        if (sp.direction() == Request.Spawn.NONE) {
            return c.sys(Syscall.Clone.fork(() -> child(-1, -1, argv, env)), f -> {
                if (f.failed()) {
                    sp.done().accept(Request.Outcome.failed(f.errno()));
                    return loop(c, vm);
                }
                return c.sys(new Syscall.Wait4(f.intValue(), 0), w -> {
                    sp.done().accept(Request.Outcome.of(Syscall.Wait4.status(w)));
                    return loop(c, vm);
                });
            });
        }
        if (sp.direction() == Request.Spawn.BOTH) return coprocess(c, vm, sp, argv, env);
        return c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), p -> {
            if (p.failed()) {
                sp.done().accept(Request.Outcome.failed(p.errno()));
                return loop(c, vm);
            }
            int[] fds = Syscall.Pipe2.fds(p);
            boolean reading = sp.direction() == Request.Spawn.READ;
            int parentEnd = reading ? fds[0] : fds[1];
            int childEnd = reading ? fds[1] : fds[0];
            return c.sys(Syscall.Clone.fork(() -> child(childEnd, reading ? 1 : 0, argv, env)), f -> {
                if (f.failed()) {
                    return c.close(childEnd, () -> c.close(parentEnd, () -> {
                        sp.done().accept(Request.Outcome.failed(f.errno()));
                        return loop(c, vm);
                    }));
                }
                int pid = f.intValue();
                return c.close(childEnd, () -> {
                    sp.done().accept(new Request.Outcome(parentEnd, Integer.toString(pid).getBytes(StandardCharsets.US_ASCII), null));
                    return loop(c, vm);
                });
            });
        });
    }

    /** The child of popen/system: its end of the pipe on {@code target}, then the shell. */
    /**
     * Starts a coprocess as gawk's two_way_open does with pipes: one pipe to the child's standard
     * input, one from its standard output; the parent keeps the other ends.
     */
    private Step coprocess(Libc c, Vm vm, Request.Spawn sp, List<String> argv, Map<String, String> env) {
        return c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), p1 -> {
            if (p1.failed()) {
                sp.done().accept(Request.Outcome.failed(p1.errno()));
                return loop(c, vm);
            }
            int[] toChild = Syscall.Pipe2.fds(p1);
            return c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), p2 -> {
                if (p2.failed()) {
                    return c.close(toChild[0], () -> c.close(toChild[1], () -> {
                        sp.done().accept(Request.Outcome.failed(p2.errno()));
                        return loop(c, vm);
                    }));
                }
                int[] fromChild = Syscall.Pipe2.fds(p2);
                Step child = Step.call(new Syscall.Dup2(toChild[0], 0), d -> child(fromChild[1], 1, argv, env));
                return c.sys(Syscall.Clone.fork(() -> child), f -> {
                    if (f.failed()) {
                        return c.close(toChild[0], () -> c.close(toChild[1], () -> c.close(fromChild[0], () -> c.close(fromChild[1], () -> {
                            sp.done().accept(Request.Outcome.failed(f.errno()));
                            return loop(c, vm);
                        }))));
                    }
                    String ids = f.intValue() + " " + fromChild[0];
                    return c.close(toChild[0], () -> c.close(fromChild[1], () -> {
                        sp.done().accept(new Request.Outcome(toChild[1], ids.getBytes(StandardCharsets.US_ASCII), null));
                        return loop(c, vm);
                    }));
                });
            });
        });
    }

    private static Step child(int fd, int target, List<String> argv, Map<String, String> env) {
        Step exec = Step.call(new Syscall.Execve("/bin/sh", argv, env), r -> Step.exit(127));
        if (fd < 0) return exec;
        return Step.call(new Syscall.Dup2(fd, target), d -> exec);
    }

    private Step usage(Libc c, int status, boolean toStderr) {
        String text = usageText(c.name());
        if (toStderr) {
            c.eprint(text);
        } else {
            c.print(text);
        }
        return c.exit(status);
    }

    @Override
    public String usage() {
        return usageText("awk");
    }

    /** gawk's usage message, as gawk prints it for --help and after a bad option. */
    static String usageText(String name) {
        return "Usage: " + name + " [POSIX or GNU style options] -f progfile [--] file ...\n"
                + "Usage: " + name + " [POSIX or GNU style options] [--] 'program' file ...\n"
                + "POSIX options:\t\tGNU long options: (standard)\n"
                + "\t-f progfile\t\t--file=progfile\n"
                + "\t-F fs\t\t\t--field-separator=fs\n"
                + "\t-v var=val\t\t--assign=var=val\n"
                + "Short options:\t\tGNU long options: (extensions)\n"
                + "\t-b\t\t\t--characters-as-bytes\n"
                + "\t-c\t\t\t--traditional\n"
                + "\t-C\t\t\t--copyright\n"
                + "\t-d[file]\t\t--dump-variables[=file]\n"
                + "\t-D[file]\t\t--debug[=file]\n"
                + "\t-e 'program-text'\t--source='program-text'\n"
                + "\t-E file\t\t\t--exec=file\n"
                + "\t-g\t\t\t--gen-pot\n"
                + "\t-h\t\t\t--help\n"
                + "\t-i includefile\t\t--include=includefile\n"
                + "\t-I\t\t\t--trace\n"
                + "\t-l library\t\t--load=library\n"
                + "\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n"
                + "\t-M\t\t\t--bignum\n"
                + "\t-N\t\t\t--use-lc-numeric\n"
                + "\t-n\t\t\t--non-decimal-data\n"
                + "\t-o[file]\t\t--pretty-print[=file]\n"
                + "\t-O\t\t\t--optimize\n"
                + "\t-p[file]\t\t--profile[=file]\n"
                + "\t-P\t\t\t--posix\n"
                + "\t-r\t\t\t--re-interval\n"
                + "\t-s\t\t\t--no-optimize\n"
                + "\t-S\t\t\t--sandbox\n"
                + "\t-t\t\t\t--lint-old\n"
                + "\t-V\t\t\t--version\n"
                + "\nTo report bugs, use the `gawkbug' program.\n"
                + "For full instructions, see the node `Bugs' in `gawk.info'\n"
                + "which is section `Reporting Problems and Bugs' in the\n"
                + "printed version.  This same information may be found at\n"
                + "https://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\n"
                + "PLEASE do NOT try to report bugs by posting in comp.lang.awk,\n"
                + "or by using a web forum such as Stack Overflow.\n\n"
                + "gawk is a pattern scanning and processing language.\n"
                + "By default it reads standard input and writes standard output.\n\n"
                + "Examples:\n\t" + name + " '{ sum += $1 }; END { print sum }' file\n"
                + "\t" + name + " -F: '{ print $1 }' /etc/passwd\n";
    }

    private static final String VERSION = "GNU Awk 5.2.1, API 3.2, PMA Avon 8-g1, (GNU MPFR 4.2.0, GNU MP 6.2.1)\n"
            + "Copyright (C) 1989, 1991-2022 Free Software Foundation.\n\n"
            + "This program is free software; you can redistribute it and/or modify\n"
            + "it under the terms of the GNU General Public License as published by\n"
            + "the Free Software Foundation; either version 3 of the License, or\n"
            + "(at your option) any later version.\n\n"
            + "This program is distributed in the hope that it will be useful,\n"
            + "but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
            + "MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
            + "GNU General Public License for more details.\n\n"
            + "You should have received a copy of the GNU General Public License\n"
            + "along with this program. If not, see http://www.gnu.org/licenses/.\n";

    @Override
    public String whatis() {
        return "pattern scanning and text processing language";
    }

    @Override
    public String source() {
        return "Free Software Foundation";
    }

    @Override
    public String manual() {
        return "awk [POSIX or GNU style options] -f progfile [--] file ...\n"
                + "  Gawk is the GNU Project's implementation of the AWK programming language: for each input record\n"
                + "  (line) of each file (or standard input), run the rules of the program whose pattern matches.\n"
                + "  The simulation runs gawk 5.2: patterns and ranges, BEGIN and END, BEGINFILE and ENDFILE, fields\n"
                + "  ($0, $1 ..., NF; FS, FIELDWIDTHS or FPAT), the built-in variables (FS OFS RS ORS NR FNR NF FILENAME\n"
                + "  SUBSEP RSTART RLENGTH CONVFMT OFMT RT ENVIRON ARGC ARGV ARGIND ERRNO IGNORECASE PROCINFO), arrays\n"
                + "  with (i,j) subscripts and arrays of arrays (a[i][j]), in and delete, functions with recursion,\n"
                + "  indirect calls (@f()), typed regexps (@/re/), getline in all its forms, output to files and\n"
                + "  pipes, close(), system(), fflush(), printf and the string, arithmetic, bit and time functions,\n"
                + "  gensub, patsplit, asort and asorti, PROCINFO[\"sorted_in\"] with user comparison functions,\n"
                + "  @include and -i with AWKPATH, coprocesses (|&, close(cmd, \"to\")), SYMTAB and FUNCTAB (for-in\n"
                + "  over SYMTAB in another order than gawk's). Not simulated: -M (MPFR), ptys for coprocesses,\n"
                + "  /inet special files, @load and extensions, namespaces, --lint, the profiler and the debugger.\n"
                + "  -F fs, --field-separator=fs   use fs for the input field separator (the value of FS)\n"
                + "  -v var=val, --assign=var=val  assign val to var before the program starts\n"
                + "  -f progfile, --file=progfile  read the program from progfile (may be repeated)\n"
                + "  -e program-text, --source=program-text  use program-text as (part of) the program\n"
                + "  -i includefile, --include=includefile  include the awk source file (found in AWKPATH)\n"
                + "  -b, --characters-as-bytes     treat all input data as single-byte characters\n"
                + "  -h, --help                    print the usage message\n"
                + "  -V, --version                 print the version";
    }

    /** Costs of the work before the first instruction. */
    private static final class Inputs {
        static long parseCost(Settings s) {
            long chars = 0;
            for (Source src : s.sources) chars += src.text() == null ? 0 : src.text().length();
            return 20_000 + chars * 50;
        }
    }
}
