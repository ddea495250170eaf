package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builtins about finding and running commands: {@code exec}, {@code command}, {@code builtin},
 * {@code type} and {@code hash}.
 */
final class CommandBuiltins {

    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while",
            "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc");

    private CommandBuiltins() {
    }

    /** {@code exec [-cl] [-a name] command args}: this process becomes the program (fds as redirected). */
    static final Builtin EXEC = (sh, argv) -> {
        int i = 1;
        boolean clear = false;
        boolean login = false;
        String argv0 = null;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) break;
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if (f == 'c') clear = true;
                else if (f == 'l') login = true;
                else if (f == 'a' && i + 1 < argv.size()) argv0 = argv.get(++i);
                else {
                    sh.builtinError("exec", "-" + f + ": invalid option");
                    sh.err("exec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n");
                    return sh.done(2);
                }
            }
        }
        if (i >= argv.size()) return sh.done(0);
        List<String> args = new ArrayList<>(argv.subList(i, argv.size()));
        String name = args.get(0);
        if (argv0 != null) args.set(0, argv0);
        if (login) args.set(0, "-" + args.get(0));
        boolean clearEnv = clear;
        return sh.findCommand(name, path -> {
            if (path == null) {
                sh.builtinError("exec", name + ": not found");
                return sh.exit(127);
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (!clearEnv) {
                Map<String, String> exported = new LinkedHashMap<>(sh.st.vars.environment());
                if (!sh.st.dash) ExportedFunctions.addTo(sh, exported);
                // exec lowers SHLVL (outside a ( ) subshell), so that `exec bash' shows the same level
                if (!sh.st.dash && !sh.st.parenSubshell) ExternalFrame.lowerShellLevel(exported);
                for (Map.Entry<String, String> e : exported.entrySet()) env.put(Bytes.toJava(e.getKey()), Bytes.toJava(e.getValue()));
                env.put("_", Bytes.toJava(path));
            }
            sh.stack.set(sh.stack.size() - 1, new ExecFrame(path, args, env));
            return sh.proceed();
        });
    };

    /** {@code builtin name args}: the builtin even if a function has its name. */
    static final Builtin BUILTIN = new Builtin() {
        @Override
        public Step run(Shell sh, List<String> argv) {
            if (argv.size() < 2) return sh.done(0);
            String name = argv.get(1);
            Builtin b = sh.builtins.find(name, sh);
            if (b == null) {
                sh.builtinError("builtin", name + ": not a shell builtin");
                return sh.done(1);
            }
            sh.stack.set(sh.stack.size() - 1, new BuiltinFrame(b, new ArrayList<>(argv.subList(1, argv.size())), null));
            return Shell.CONTINUE;
        }
    };

    /** {@code command [-pVv] name args}: run without looking at functions, or say what name is. */
    static final Builtin COMMAND = new Builtin() {
        @Override
        public Step run(Shell sh, List<String> argv) {
            BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "pvV", "command [-pVv] command [arg ...]");
            if (o == null) return sh.done(2);
            boolean describe = o.has('v');
            boolean verbose = o.has('V');
            boolean defaultPath = o.has('p');
            int i = o.operands();
            List<String> rest = argv.subList(i, argv.size());
            if (rest.isEmpty()) return sh.done(0);
            if ((describe || verbose) && sh.st.dash) return dashDescribe(sh, rest.subList(0, 1), verbose ? Style.VERBOSE : Style.SHORT);
            // -p with -v/-V looks in the standard path too (bash's CDESC_STDPATH), after aliases, functions, builtins and the hash table
            if (describe || verbose) {
                return describe(sh, rest, verbose ? Style.VERBOSE : Style.SHORT, "command", false, false, defaultPath ? STANDARD_PATH : null);
            }
            String name = rest.get(0);
            Builtin b = sh.builtins.find(name, sh);
            if (b != null) {
                sh.stack.set(sh.stack.size() - 1, new BuiltinFrame(b, new ArrayList<>(rest), null));
                return Shell.CONTINUE;
            }
            ExternalFrame program = new ExternalFrame(new ArrayList<>(rest), Map.of(), List.of(), sh.st::currentCommand, false);
            // -p: the system's standard PATH (confstr _CS_PATH), whatever PATH says
            sh.stack.set(sh.stack.size() - 1, defaultPath ? program.searching(STANDARD_PATH) : program);
            return Shell.CONTINUE;
        }
    };

    /** glibc's confstr(_CS_PATH) on Linux. */
    static final String STANDARD_PATH = "/bin:/usr/bin";

    enum Style { SHORT, VERBOSE, TYPE }

    /** {@code type [-afptP] names}. */
    static final Builtin TYPE = (sh, argv) -> {
        BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "afptP", "type [-afptP] name [name ...]");
        if (o == null) return sh.done(2);
        boolean all = o.has('a');
        boolean typeOnly = o.has('t');
        boolean pathOnly = o.has('p');
        boolean forcePath = o.has('P');
        boolean noFunctions = o.has('f');
        int i = o.operands();
        List<String> names = argv.subList(i, argv.size());
        if (typeOnly) return describeTypes(sh, names, all, noFunctions);
        if (pathOnly || forcePath) return paths(sh, names, all, forcePath);
        if (sh.st.dash) return dashDescribe(sh, names, Style.TYPE);
        return describe(sh, names, Style.TYPE, "type", all, noFunctions);
    };

    /**
     * dash's type and command -v/-V: its own words ("a shell function", "a tracked alias for"),
     * "not found" on standard output, status 127 when a name is not found; command looks at its
     * first name only.
     */
    private static Step dashDescribe(Shell sh, List<String> names, Style style) {
        int[] status = {0};
        return dev.syssim.sim.prog.Libc.forEach(names, (name, more) -> {
            ShellState st = sh.st;
            boolean brief = style == Style.SHORT;
            if (st.aliases.containsKey(name)) {
                String value = st.aliases.get(name);
                sh.out(brief ? "alias " + name + "=" + Quote.single(value) + "\n" : name + " is an alias for " + value + "\n");
                return more.get();
            }
            if (KEYWORDS.contains(name)) {
                sh.out(brief ? name + "\n" : name + " is a shell keyword\n");
                return more.get();
            }
            if (st.functions.containsKey(name)) {
                sh.out(brief ? name + "\n" : name + " is a shell function\n");
                return more.get();
            }
            if (sh.builtins.find(name, sh) != null) {
                sh.out(brief ? name + "\n" : name + (Builtins.isSpecial(name, sh) ? " is a special shell builtin\n" : " is a shell builtin\n"));
                return more.get();
            }
            boolean tracked = !name.contains("/") && st.hash.containsKey(name);
            return files(sh, name, false, files -> {
                if (files.isEmpty()) {
                    status[0] = 127;
                    if (!brief) sh.out(name + ": not found\n");
                } else if (brief) {
                    sh.out(files.get(0) + "\n");
                } else {
                    sh.out(name + (tracked ? " is a tracked alias for " : " is ") + files.get(0) + "\n");
                }
                return more.get();
            });
        }, () -> sh.done(status[0]));
    }

    private static Step describe(Shell sh, List<String> names, Style style, String builtin, boolean all, boolean noFunctions) {
        return describe(sh, names, style, builtin, all, noFunctions, null);
    }

    /**
     * What a name is: alias, keyword, function, builtin or file — in that order, as bash looks;
     * files are searched in {@code searchPath}, or in PATH when it is null.
     */
    private static Step describe(Shell sh, List<String> names, Style style, String builtin, boolean all, boolean noFunctions,
            String searchPath) {
        int[] failures = {0};
        return dev.syssim.sim.prog.Libc.forEach(names, (name, more) -> {
            ShellState st = sh.st;
            boolean found = false;
            if (st.aliases.containsKey(name) && st.options.expandAliases) {
                String value = st.aliases.get(name);
                if (style == Style.SHORT) sh.out("alias " + name + "=" + Quote.single(value) + "\n");
                else sh.out(name + " is aliased to `" + value + "'\n");
                found = true;
                if (!all) return more.get();
            }
            if (KEYWORDS.contains(name)) {
                sh.out(style == Style.SHORT ? name + "\n" : name + " is a shell keyword\n");
                found = true;
                if (!all) return more.get();
            }
            if (!noFunctions && st.functions.containsKey(name)) {
                if (style == Style.SHORT) sh.out(name + "\n");
                else sh.out(name + " is a function\n" + FunctionPrinter.print(st.functions.get(name)) + "\n");
                found = true;
                if (!all) return more.get();
            }
            if (sh.builtins.find(name, sh) != null) {
                sh.out(style == Style.SHORT ? name + "\n" : name + " is a shell builtin\n");
                found = true;
                if (!all) return more.get();
            }
            boolean foundBefore = found;
            return files(sh, name, all, searchPath, files -> {
                String hashed = st.hash.get(name);
                for (String f : files) {
                    if (style == Style.SHORT) sh.out(f + "\n");
                    else if (hashed != null && hashed.equals(f) && !all) sh.out(name + " is hashed (" + f + ")\n");
                    else sh.out(name + " is " + f + "\n");
                    if (!all) break;
                }
                if (files.isEmpty() && !foundBefore) {
                    failures[0]++;
                    if (style != Style.SHORT) sh.builtinError(builtin, name + ": not found");
                }
                return more.get();
            });
        // type fails if any name is not found; command -v/-V only if none is
        }, () -> sh.done(builtin.equals("type") ? (failures[0] > 0 ? 1 : 0) : failures[0] == names.size() && !names.isEmpty() ? 1 : 0));
    }

    private static Step describeTypes(Shell sh, List<String> names, boolean all, boolean noFunctions) {
        int[] failures = {0};
        return dev.syssim.sim.prog.Libc.forEach(names, (name, more) -> {
            ShellState st = sh.st;
            List<String> kinds = new ArrayList<>();
            if (st.aliases.containsKey(name) && st.options.expandAliases) kinds.add("alias");
            if (KEYWORDS.contains(name)) kinds.add("keyword");
            if (!noFunctions && st.functions.containsKey(name)) kinds.add("function");
            if (sh.builtins.find(name, sh) != null) kinds.add("builtin");
            if (!kinds.isEmpty() && !all) {
                sh.out(kinds.get(0) + "\n");
                return more.get();
            }
            return files(sh, name, all, files -> {
                for (String k : kinds) sh.out(k + "\n");
                for (int i = 0; i < files.size() && (all || kinds.isEmpty() && i == 0); i++) sh.out("file\n");
                if (kinds.isEmpty() && files.isEmpty()) failures[0]++;
                return more.get();
            });
        }, () -> sh.done(failures[0] > 0 ? 1 : 0));
    }

    private static Step paths(Shell sh, List<String> names, boolean all, boolean force) {
        int[] failures = {0};
        return dev.syssim.sim.prog.Libc.forEach(names, (name, more) -> {
            ShellState st = sh.st;
            if (!force && (st.aliases.containsKey(name) || KEYWORDS.contains(name) || st.functions.containsKey(name)
                    || sh.builtins.find(name, sh) != null)) {
                return more.get();
            }
            return files(sh, name, all, files -> {
                if (files.isEmpty()) failures[0]++;
                for (String f : files) {
                    sh.out(f + "\n");
                    if (!all) break;
                }
                return more.get();
            });
        }, () -> sh.done(failures[0] > 0 ? 1 : 0));
    }

    private static Step files(Shell sh, String name, boolean all, java.util.function.Function<List<String>, Step> k) {
        return files(sh, name, all, null, k);
    }

    /**
     * The executable files a name finds on {@code searchPath} (PATH when null; all of them with
     * {@code all}), or the name itself if it has a slash.
     */
    private static Step files(Shell sh, String name, boolean all, String searchPath, java.util.function.Function<List<String>, Step> k) {
        List<String> found = new ArrayList<>();
        if (name.contains("/")) {
            return sh.c.statOf(Bytes.toJava(name), true, (err, st) -> {
                if (err == null && st.type() == FileType.REGULAR && (st.permissions() & 0111) != 0) found.add(name);
                return k.apply(found);
            });
        }
        if (!all && sh.st.hash.containsKey(name)) {
            found.add(sh.st.hash.get(name));
            return k.apply(found);
        }
        String path = searchPath != null ? searchPath : sh.st.vars.get("PATH");
        if (path == null) path = "";
        List<String> dirs = List.of(path.split(":", -1));
        return dev.syssim.sim.prog.Libc.forEach(dirs, (dir, more) -> {
            if (!all && !found.isEmpty()) return more.get();
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            return sh.c.statOf(Bytes.toJava(candidate), true, (err, st) -> {
                if (err == null && st.type() == FileType.REGULAR && (st.permissions() & 0111) != 0) found.add(candidate);
                return more.get();
            });
        }, () -> k.apply(found));
    }

    /** {@code hash [-lrt] [-p path] [-d] [names]}: the table of commands already found on PATH. */
    static final Builtin HASH = (sh, argv) -> {
        ShellState st = sh.st;
        BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "dlp:rt", "hash [-lr] [-p pathname] [-dt] [name ...]");
        if (o == null) return sh.done(2);
        boolean list = o.has('l');
        boolean reset = o.has('r');
        boolean show = o.has('t');
        boolean delete = o.has('d');
        String pathname = o.argument('p');
        int i = o.operands();
        List<String> names = argv.subList(i, argv.size());
        if (show && names.isEmpty()) {
            // -t shows where names are: it needs some (bash checks this before -r empties the table)
            sh.builtinError("hash", "-t: option requires an argument");
            return sh.done(1);
        }
        if (reset) {
            st.hash.clear();
            st.hashHits.clear();
        }
        if (names.isEmpty()) {
            if (reset) return sh.done(0);
            if (st.hash.isEmpty()) {
                sh.out("hash: hash table empty\n");
                return sh.done(0);
            }
            if (list) {
                for (Map.Entry<String, String> e : st.hash.entrySet()) sh.out("builtin hash -p " + e.getValue() + " " + e.getKey() + "\n");
            } else {
                sh.out("hits\tcommand\n");
                for (Map.Entry<String, String> e : st.hash.entrySet()) {
                    sh.out(String.format("%4d\t%s%n", st.hashHits.getOrDefault(e.getKey(), 1), e.getValue()));
                }
            }
            return sh.done(0);
        }
        int status = 0;
        for (String name : names) {
            if (pathname != null) {
                st.hash.put(name, pathname);
                st.hashHits.put(name, 0);
            } else if (delete) {
                if (st.hash.remove(name) == null) {
                    sh.builtinError("hash", name + ": not found");
                    status = 1;
                }
            } else if (show) {
                String p = st.hash.get(name);
                if (p == null) {
                    sh.builtinError("hash", name + ": not found");
                    status = 1;
                } else {
                    sh.out(names.size() > 1 ? name + "\t" + p + "\n" : p + "\n");
                }
            } else if (sh.builtins.find(name, sh) == null && !name.contains("/")) {
                st.hash.remove(name);
                final String n = name;
                int[] s = {status};
                return lookupAll(sh, names, i2 -> sh.done(i2));
            }
        }
        return sh.done(status);
    };

    private static Step lookupAll(Shell sh, List<String> names, java.util.function.IntFunction<Step> k) {
        int[] status = {0};
        return dev.syssim.sim.prog.Libc.forEach(names, (name, more) -> {
            if (sh.builtins.find(name, sh) != null) return more.get();
            sh.st.hash.remove(name);
            return sh.findCommand(name, path -> {
                if (path == null) {
                    sh.builtinError("hash", name + ": not found");
                    status[0] = 1;
                } else {
                    sh.st.hashHits.put(name, 0);
                }
                return more.get();
            });
        }, () -> k.apply(status[0]));
    }
}
