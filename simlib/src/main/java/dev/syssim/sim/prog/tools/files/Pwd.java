package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/**
 * pwd: print the working directory. {@code -P} (the default of /usr/bin/pwd) asks the kernel
 * (getcwd); {@code -L} prints $PWD if it is absolute, has no {@code .} or {@code ..} parts, and
 * names the same directory as {@code .} — checked with two stats, as coreutils does.
 */
public final class Pwd extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("pwd", c.args().operands(), "LP", "", Set.of("help", "logical", "physical"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (!o.operands().isEmpty()) c.error("ignoring non-option arguments");
        boolean logical = (o.has("L") || o.has("logical")) && !(o.has("P") || o.has("physical"));
        String env = c.env("PWD");
        if (logical && env != null && env.startsWith("/") && !env.matches(".*(^|/)\\.\\.?(/|$).*")) {
            return c.statOf(env, true, (e1, a) -> c.statOf(".", true, (e2, b) -> {
                if (a != null && b != null && same(a, b)) {
                    c.println(env);
                    return c.exit(0);
                }
                return physical(c);
            }));
        }
        return physical(c);
    }

    private static boolean same(Stat a, Stat b) {
        return a.device() == b.device() && a.inode() == b.inode();
    }

    private Step physical(Libc c) {
        return c.getcwd((err, path) -> {
            if (err != null) {
                c.error("couldn't find directory entry in " + Libc.quote("..") + " with matching i-node");
                return c.exit(1);
            }
            c.println(path);
            return c.exit(0);
        });
    }

    @Override
    public String whatis() {
        return "print name of current/working directory";
    }

    @Override
    public String manual() {
        return "pwd [OPTION]...\n  Print the full filename of the current working directory.\n"
                + "  -L, --logical   use PWD from environment, even if it contains symlinks\n"
                + "  -P, --physical  avoid all symlinks (the default)";
    }
}
