package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.List;

/** The values of parameters: special ones ({@code $? $$ $# $@} ...), positional ones, and variables. */
final class Parameters {

    /**
     * A parameter's value: one string, or several ({@code $@}, {@code $*}, an array's {@code [@]});
     * {@code star} when they are to be joined with IFS's first character inside double quotes.
     */
    record Value(String single, List<String> elements, boolean multiple, boolean star) {
        static Value of(String s) {
            return new Value(s, null, false, false);
        }

        static Value of(List<String> elements, boolean star) {
            return new Value(null, elements, true, star);
        }

        /** All of it as one string (elements joined by a space). */
        String joined() {
            return multiple ? String.join(" ", elements) : single;
        }
    }

    private Parameters() {
    }

    /** {@code $name} and the special parameters; null when unset. */
    static Value simple(Shell sh, String name) {
        ShellState st = sh.st;
        if (name.length() == 1) {
            switch (name.charAt(0)) {
                case '@':
                    return Value.of(st.positional, false);
                case '*':
                    return Value.of(st.positional, true);
                case '#':
                    return Value.of(Integer.toString(st.positional.size()));
                case '?':
                    return Value.of(Integer.toString(st.lastStatus));
                case '$':
                    return Value.of(Integer.toString(st.pid));
                case '!':
                    return st.lastBackground == 0 ? null : Value.of(Integer.toString(st.lastBackground));
                case '-':
                    if (st.dash) return Value.of(st.options.dashFlags(st.interactive && !st.subshell, st.stdinScript));
                    return Value.of(st.options.flags(st.interactive && !st.subshell, st.commandString, st.stdinScript));
                case '0':
                    return Value.of(st.name);
                default:
                    break;
            }
        }
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            int i;
            try {
                i = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
            if (i == 0) return Value.of(st.name);
            return i <= st.positional.size() ? Value.of(st.positional.get(i - 1)) : null;
        }
        String v = st.vars.get(name);
        return v == null ? null : Value.of(v);
    }

    /** An unset parameter: with {@code set -u} bash's message and the shell's end; else nothing (null). */
    static Step unbound(Shell sh, String name) {
        if (!sh.st.options.nounset || name.equals("@") || name.equals("*")) return null;
        sh.error((Character.isDigit(name.charAt(0)) ? "$" : "") + name + ": unbound variable");
        return sh.fatal(sh.st.commandString ? 127 : 1);
    }

    /** IFS as splitting uses it: space, tab and newline when unset. */
    static String ifs(Shell sh) {
        String ifs = sh.st.vars.get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }

    /** What joins {@code "$*"}: IFS's first character, a space when IFS is unset, nothing when it is empty. */
    static String ifsFirst(Shell sh) {
        String ifs = sh.st.vars.get("IFS");
        if (ifs == null) return " ";
        return ifs.isEmpty() ? "" : ifs.substring(0, 1);
    }
}
