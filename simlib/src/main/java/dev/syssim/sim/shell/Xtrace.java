package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import java.util.List;

/**
 * {@code set -x}: each command as it runs, after expansion, on standard error, after PS4 (expanded,
 * its first character repeated once per level of command substitution and subshell... bash repeats
 * it for indirection levels; the simulation shows one level).
 */
final class Xtrace {

    private Xtrace() {
    }

    static void command(Shell sh, List<Object[]> assigned, List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (Object[] a : assigned) {
            Ast.Assignment assignment = (Ast.Assignment) a[0];
            if (a[1] instanceof String value) {
                if (line.length() > 0) line.append(' ');
                line.append(assignment.name()).append(assignment.append() ? "+=" : "=").append(Quote.xtrace(value));
            }
        }
        for (String w : argv) {
            if (line.length() > 0) line.append(' ');
            line.append(Quote.xtrace(w));
        }
        line(sh, line.toString());
    }

    static void line(Shell sh, String text) {
        sh.c.flushStdout();
        sh.err(ps4(sh) + text + "\n");
    }

    static String ps4(Shell sh) {
        String ps4 = sh.st.vars.get("PS4");
        if (ps4 == null) return "";
        String expanded = Prompt.expandParameters(sh, ps4);
        if (expanded.isEmpty()) return "";
        String first = expanded.substring(0, 1);
        return first.repeat(sh.st.traceLevel) + expanded;
    }
}
