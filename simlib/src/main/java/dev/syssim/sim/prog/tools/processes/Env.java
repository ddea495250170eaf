package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * env: print the environment, or run a command in a changed one ({@code NAME=VALUE}, {@code -u
 * NAME}, {@code -i} for an empty start). The command is found as execvp finds it: an execve for
 * each directory of PATH until one works. The simulation keeps an environment as a map, so env
 * prints it sorted by name (a real one prints it in the order the parent built it).
 */
public final class Env extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        Map<String, String> env = new TreeMap<>(c.args().env());
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--help")) return help(c);
            if (a.equals("-i") || a.equals("-") || a.equals("--ignore-environment")) {
                env.clear();
                i++;
            } else if (a.equals("-u") || a.equals("--unset")) {
                if (i + 1 >= args.size()) return c.usageError("env: option requires an argument -- 'u'", 125);
                env.remove(args.get(i + 1));
                i += 2;
            } else if (a.startsWith("-u") && a.length() > 2) {
                env.remove(a.substring(2));
                i++;
            } else if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("-") && a.length() > 1) {
                return c.usageError("env: invalid option -- '" + a.charAt(1) + "'", 125);
            } else {
                break;
            }
        }
        while (i < args.size() && args.get(i).contains("=") && !args.get(i).startsWith("=")) {
            String a = args.get(i++);
            env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (i >= args.size()) {
            for (Map.Entry<String, String> e : env.entrySet()) c.println(e.getKey() + "=" + e.getValue());
            return c.exit(0);
        }
        List<String> command = args.subList(i, args.size());
        return execvp(c, command, env, (name, e) -> "env: " + Libc.quote(name) + ": " + e.message());
    }

    /** execvp(3): a name with a slash is run as it is, else tried in each PATH directory. */
    static Step execvp(Libc c, List<String> command, Map<String, String> env, java.util.function.BiFunction<String, Errno, String> message) {
        String name = command.get(0);
        List<String> candidates = new ArrayList<>();
        if (name.contains("/")) {
            candidates.add(name);
        } else {
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            for (String dir : path.split(":", -1)) candidates.add((dir.isEmpty() ? "." : dir) + "/" + name);
        }
        Errno[] worst = {Errno.ENOENT};
        c.flushStdout();
        return Libc.forEach(candidates, (candidate, next) -> c.sys(new Syscall.Execve(candidate, command, env), r -> {
            if (r.errno() == Errno.EACCES) worst[0] = Errno.EACCES;
            if (r.errno() == Errno.ENOENT || r.errno() == Errno.EACCES || r.errno() == Errno.ENOTDIR) return next.get();
            worst[0] = r.errno();
            return failed(c, message, name, r.errno());
        }), () -> failed(c, message, name, worst[0]));
    }

    private static Step failed(Libc c, java.util.function.BiFunction<String, Errno, String> message, String name, Errno e) {
        c.eprint(message.apply(name, e) + "\n");
        return c.exit(e == Errno.ENOENT ? 127 : 126);
    }

    @Override
    public String whatis() {
        return "run a program in a modified environment";
    }

    @Override
    public String manual() {
        return "env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n  Set each NAME to VALUE in the environment and run COMMAND. With no COMMAND, print the resulting environment.\n"
                + "  -i, --ignore-environment  start with an empty environment\n"
                + "  -u, --unset=NAME          remove variable from the environment\n"
                + "  Exit status: 125 if env itself fails, 126 if COMMAND is found but cannot be invoked, 127 if COMMAND cannot be found.";
    }
}
