package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The table of builtins: bash's, and dash's smaller set for {@code sh}. The POSIX special builtins
 * are marked (in POSIX mode their errors end a script and their assignments stay).
 */
final class Builtins {

    private static final Set<String> SPECIAL = Set.of("break", ":", ".", "continue", "eval", "exec", "exit", "export", "readonly",
            "return", "set", "shift", "times", "trap", "unset");
    private static final Set<String> DASH = Set.of(":", ".", "alias", "bg", "break", "cd", "command", "continue", "echo", "eval",
            "exec", "exit", "export", "false", "fg", "getopts", "hash", "jobs", "kill", "local", "printf", "pwd", "read", "readonly",
            "return", "set", "shift", "test", "[", "times", "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "wait");

    private final Map<String, Builtin> table = new TreeMap<>();

    Builtins() {
        Builtin declare = new Declare();
        table.put(":", Flow.COLON);
        table.put("true", Flow.COLON);
        table.put("false", Flow.FALSE);
        table.put("break", Flow.BREAK);
        table.put("continue", Flow.CONTINUE);
        table.put("return", Flow.RETURN);
        table.put("exit", Flow.EXIT);
        table.put("logout", Flow.EXIT);
        table.put("shift", Flow.SHIFT);
        table.put("eval", Flow.EVAL);
        table.put("source", Flow.SOURCE);
        table.put(".", Flow.SOURCE);
        table.put("caller", Flow.CALLER);
        table.put("exec", CommandBuiltins.EXEC);
        table.put("command", CommandBuiltins.COMMAND);
        table.put("builtin", CommandBuiltins.BUILTIN);
        table.put("type", CommandBuiltins.TYPE);
        table.put("hash", CommandBuiltins.HASH);
        table.put("declare", declare);
        table.put("typeset", declare);
        table.put("local", declare);
        table.put("export", declare);
        table.put("readonly", declare);
        table.put("unset", Builtins::unset);
        table.put("echo", IoBuiltins.ECHO);
        table.put("printf", PrintfBuiltin.PRINTF);
        table.put("read", IoBuiltins.READ);
        table.put("mapfile", IoBuiltins.MAPFILE);
        table.put("readarray", IoBuiltins.MAPFILE);
        table.put("pwd", IoBuiltins.PWD);
        table.put("cd", Dirs.CD);
        table.put("pushd", Dirs.PUSHD);
        table.put("popd", Dirs.POPD);
        table.put("dirs", Dirs.DIRS);
        table.put("set", SetBuiltin.SET);
        table.put("shopt", SetBuiltin.SHOPT);
        table.put("trap", Traps.TRAP);
        table.put("wait", JobBuiltins.WAIT);
        table.put("jobs", JobBuiltins.JOBS);
        table.put("fg", JobBuiltins.FG);
        table.put("bg", JobBuiltins.FG);
        table.put("disown", JobBuiltins.DISOWN);
        table.put("kill", JobBuiltins.KILL);
        table.put("let", MiscBuiltins.LET);
        table.put("getopts", MiscBuiltins.GETOPTS);
        table.put("alias", MiscBuiltins.ALIAS);
        table.put("unalias", MiscBuiltins.UNALIAS);
        table.put("umask", MiscBuiltins.UMASK);
        table.put("times", MiscBuiltins.TIMES);
        table.put("ulimit", Limits.ULIMIT);
        table.put("help", Help.HELP);
        table.put("enable", MiscBuiltins.ENABLE);
        table.put("compgen", CompletionBuiltins.COMPGEN);
        table.put("complete", CompletionBuiltins.COMPLETE);
        table.put("compopt", CompletionBuiltins.COMPOPT);
        table.put("bind", CompletionBuiltins.BIND);
        table.put("history", CompletionBuiltins.HISTORY);
        table.put("fc", CompletionBuiltins.FC);
        table.put("suspend", CompletionBuiltins.SUSPEND);
        Builtin test = new TestBuiltin();
        table.put("test", test);
        table.put("[", test);
    }

    /** The builtin called {@code name} in this shell (dash has fewer; enable -n turns some off), or null. */
    Builtin find(String name, Shell sh) {
        if (sh.st.dash && !DASH.contains(name)) return null;
        if (sh.st.disabledBuiltins.contains(name)) return null;
        return table.get(name);
    }

    List<String> names() {
        return new ArrayList<>(table.keySet());
    }

    static boolean isSpecial(String name, Shell sh) {
        return SPECIAL.contains(name);
    }

    /** Only in POSIX mode does a special builtin win over a function of the same name (bash's find order). */
    static boolean beatsFunctions(String name, Shell sh) {
        return sh.st.options.posix && SPECIAL.contains(name);
    }

    /** {@code unset [-fvn] names}: a variable (or array element), else a function of that name. */
    private static Step unset(Shell sh, List<String> argv) {
        BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "fnv", "unset [-f] [-v] [-n] [name ...]");
        if (o == null) return sh.done(2);
        boolean functions = o.has('f');
        boolean variables = o.has('v');
        boolean reference = o.has('n');
        int i = o.operands();
        if (functions && variables) {
            sh.builtinError("unset", "cannot simultaneously unset a function and a variable");
            return sh.done(1);
        }
        int status = 0;
        ShellState st = sh.st;
        for (String name : argv.subList(i, argv.size())) {
            if (functions && !variables) {
                if (st.readonlyFunctions.contains(name)) {
                    sh.builtinError("unset", name + ": cannot unset: readonly function");
                    status = 1;
                    continue;
                }
                st.functions.remove(name);
                continue;
            }
            int bracket = name.indexOf('[');
            if (bracket > 0 && name.endsWith("]")) {
                String base = name.substring(0, bracket);
                String sub = name.substring(bracket + 1, name.length() - 1);
                Variable v = st.vars.find(base);
                if (v == null) continue;
                if (v.has(Variable.READONLY)) {
                    sh.builtinError("unset", base + ": cannot unset: readonly variable");
                    status = 1;
                    continue;
                }
                if (sub.equals("@") || sub.equals("*")) {
                    st.vars.unset(base, false);
                } else if (v.isAssoc()) {
                    v.assoc.remove(sub);
                } else if (v.isArray()) {
                    Long idx = ArrayIndex.evaluate(sh, base, sub);
                    if (idx == null) {
                        status = 1;
                        continue;
                    }
                    long k = idx < 0 ? idx + v.maxIndex() + 1 : idx;
                    if (k < 0) {
                        sh.builtinError("unset", base + "[" + sub + "]: bad array subscript");
                        status = 1;
                        continue;
                    }
                    v.indexed.remove(k);
                } else if ("0".equals(sub)) {
                    st.vars.unset(base, false);
                }
                continue;
            }
            if (!Shell.isName(name)) {
                if (st.dash) {
                    sh.builtinError("unset", name + ": bad variable name");
                    status = 2;
                } else if (variables) {
                    // plain `unset 1x' may mean a function and stays silent; unset -v insists on a variable name
                    sh.builtinError("unset", "`" + name + "': not a valid identifier");
                    status = 1;
                }
                continue;
            }
            Variable v = reference ? st.vars.findRaw(name) : st.vars.find(name);
            if (v != null && v.has(Variable.READONLY)) {
                sh.builtinError("unset", name + ": cannot unset: readonly variable");
                status = 1;
                continue;
            }
            if (v == null && !variables && st.functions.containsKey(name) && !st.vars.isDynamic(name)) {
                st.functions.remove(name);
                continue;
            }
            st.vars.unset(name, reference);
            if (name.equals("PATH")) {
                st.hash.clear();
                st.hashHits.clear();
            }
            if (name.equals("POSIXLY_CORRECT") && !st.dash) st.options.set("posix", false); // as set +o posix
            if (name.equals("GLOBIGNORE") && !st.dash) st.options.setShopt("dotglob", false); // bash's setup_glob_ignore
        }
        return sh.done(status);
    }
}
