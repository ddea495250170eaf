package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * printenv (coreutils 9.1): the values of the variables named, or the whole environment as
 * {@code NAME=VALUE} lines. Exit status 1 if a variable is not set, 2 for a usage error. {@code -0}
 * ends each line with NUL. The whole environment comes out sorted by name (see {@link Env}).
 */
public final class Printenv extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("printenv", c.args().operands(), "0", "", Set.of("help", "null", "version"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 2);
        if (o.has("help")) return help(c);
        char end = o.hasAny("0", "null") ? '\0' : '\n';
        Map<String, String> env = new TreeMap<>(c.args().env());
        StringBuilder out = new StringBuilder();
        if (o.operands().isEmpty()) {
            for (Map.Entry<String, String> e : env.entrySet()) out.append(e.getKey()).append('=').append(e.getValue()).append(end);
            c.print(out.toString());
            return c.exit(0);
        }
        int found = 0;
        for (String name : o.operands()) {
            String value = name.contains("=") ? null : env.get(name);
            if (value == null) continue;
            out.append(value).append(end);
            found++;
        }
        c.print(out.toString());
        return c.exit(found == o.operands().size() ? 0 : 1);
    }

    @Override
    public String whatis() {
        return "print all or part of environment";
    }

    @Override
    public String manual() {
        return "printenv [OPTION]... [VARIABLE]...\n  Print the values of the specified environment VARIABLE(s). If no VARIABLE is specified, print name and value pairs for them all.\n"
                + "  -0, --null  end each output line with NUL, not newline\n"
                + "  Exit status: 0 if all variables were found, 1 if one was not, 2 for a usage error.";
    }
}
