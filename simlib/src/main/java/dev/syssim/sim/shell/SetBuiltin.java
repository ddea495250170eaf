package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code set} (options and positional parameters, or the list of variables) and {@code shopt}. */
final class SetBuiltin {

    private SetBuiltin() {
    }

    static final Builtin SET = SetBuiltin::set;
    static final Builtin SHOPT = SetBuiltin::shopt;

    /** A variable as {@code set} lists it: {@code name=value}, quoted when it needs to be. */
    static String line(Variable v) {
        if (v.isArray() || v.isAssoc()) return v.name + "=(" + Declare.arrayBody(v) + ")";
        return v.name + "=" + Quote.xtrace(v.value == null ? "" : v.value);
    }

    /** dash quotes every value it lists in single quotes, a ' as '"'"'. */
    static String dashQuoted(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    private static String line(Shell sh, Variable v) {
        if (sh.st.dash) return v.name + "=" + dashQuoted(v.value == null ? "" : v.value);
        return line(v);
    }

    /** The option names dash's set -o knows (no pipefail, posix or the bash ones). */
    private static final java.util.Set<String> DASH_OPTIONS = java.util.Set.of("errexit", "noglob", "ignoreeof", "interactive",
            "monitor", "noexec", "stdin", "xtrace", "verbose", "vi", "emacs", "noclobber", "allexport", "notify", "nounset",
            "nolog", "debug");

    private static Step set(Shell sh, List<String> argv) {
        ShellState st = sh.st;
        if (argv.size() == 1) {
            for (Map.Entry<String, Variable> e : st.vars.visible().entrySet()) {
                if (e.getValue().value == null && !e.getValue().isArray() && !e.getValue().isAssoc()) continue;
                sh.out(line(sh, e.getValue()) + "\n");
            }
            for (String f : new java.util.TreeSet<>(st.functions.keySet())) sh.out(FunctionPrinter.print(st.functions.get(f)) + "\n");
            return sh.done(0);
        }
        int i = 1;
        boolean setPositional = false;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                setPositional = true;
                break;
            }
            if (a.equals("-")) {
                st.options.set("xtrace", false);
                st.options.set("verbose", false);
                i++;
                setPositional = i < argv.size();
                break;
            }
            if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+')) break;
            boolean on = a.charAt(0) == '-';
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if (f == 'o') {
                    if (i + 1 >= argv.size() || (k < a.length() - 1)) {
                        listOptions(sh, on);
                        if (k < a.length() - 1) continue;
                        continue;
                    }
                    String name = argv.get(++i);
                    if (st.dash && !DASH_OPTIONS.contains(name)) {
                        sh.builtinError("set", "Illegal option -o " + name);
                        return sh.fatal(2);
                    }
                    if (!st.options.isSetOption(name)) {
                        sh.builtinError("set", name + ": invalid option name");
                        return sh.done(2);
                    }
                    setOption(sh, name, on);
                    break;
                }
                String name = Options.byLetter(f);
                if (st.dash && "efIimnsxvVECabup".indexOf(f) < 0) {
                    sh.builtinError("set", "Illegal option -" + f); // dash says -Z for +Z too
                    return sh.fatal(2);
                }
                if (st.dash && name == null) continue; // -I, -V, -E: editing and ignoreeof flags with nothing to show here
                if (name == null || f == 'i' || f == 'c' || f == 's' && false) {
                    sh.builtinError("set", (on ? "-" : "+") + f + ": invalid option");
                    sh.err("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
                    return sh.done(2);
                }
                setOption(sh, name, on);
            }
            i++;
        }
        if (setPositional || i < argv.size()) st.positional = new ArrayList<>(argv.subList(i, argv.size()));
        return sh.done(0);
    }

    private static void setOption(Shell sh, String name, boolean on) {
        sh.st.options.set(name, on);
        if (name.equals("posix") && !sh.st.dash) {
            // bash keeps POSIXLY_CORRECT in step: y when posix mode goes on, unset when it goes off
            if (on) Assign.scalar(sh, "POSIXLY_CORRECT", "y", false);
            else sh.st.vars.unset("POSIXLY_CORRECT", false);
        }
    }

    private static void listOptions(Shell sh, boolean plain) {
        for (Map.Entry<String, Boolean> e : sh.st.options.setOptions().entrySet()) {
            if (plain) sh.out(String.format("%-15s\t%s%n", e.getKey(), e.getValue() ? "on" : "off"));
            else sh.out("set " + (e.getValue() ? "-o " : "+o ") + e.getKey() + "\n");
        }
    }

    private static Step shopt(Shell sh, List<String> argv) {
        Options options = sh.st.options;
        BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "pqsuo", "shopt [-pqsu] [-o] [optname ...]");
        if (o == null) return sh.done(2);
        boolean set = o.has('s');
        boolean unset = o.has('u');
        boolean quiet = o.has('q');
        boolean print = o.has('p');
        boolean setOptions = o.has('o');
        int i = o.operands();
        if (set && unset) {
            sh.builtinError("shopt", "cannot set and unset shell options simultaneously");
            return sh.done(1);
        }
        List<String> names = argv.subList(i, argv.size());
        Map<String, Boolean> table = setOptions ? options.setOptions() : options.shoptOptions();
        if (names.isEmpty()) {
            for (Map.Entry<String, Boolean> e : table.entrySet()) {
                if (set && !e.getValue() || unset && e.getValue()) continue;
                show(sh, e.getKey(), e.getValue(), print || set || unset, setOptions, quiet);
            }
            return sh.done(0);
        }
        int status = 0;
        for (String name : names) {
            if (!table.containsKey(name)) {
                sh.builtinError("shopt", name + ": invalid shell option name");
                status = 1;
                continue;
            }
            if (set || unset) {
                if (setOptions) setOption(sh, name, set);
                else options.setShopt(name, set);
            } else {
                boolean on = table.get(name);
                show(sh, name, on, print, setOptions, quiet);
                if (!on) status = 1;
            }
        }
        return sh.done(status);
    }

    private static void show(Shell sh, String name, boolean on, boolean asCommand, boolean setOption, boolean quiet) {
        if (quiet) return;
        if (asCommand) {
            sh.out(setOption ? "set " + (on ? "-o " : "+o ") + name + "\n" : "shopt " + (on ? "-s " : "-u ") + name + "\n");
        } else {
            sh.out(String.format("%-15s\t%s%n", name, on ? "on" : "off"));
        }
    }
}
