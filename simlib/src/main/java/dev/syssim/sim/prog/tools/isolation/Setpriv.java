package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * setpriv (util-linux 2.38.1): run a program with other ids — {@code --reuid}, {@code --regid}
 * (numbers), {@code --clear-groups}, {@code --groups G,...}, {@code --keep-groups} — by setgroups,
 * setgid and setuid, then execvp. Changing uid 0 to another drops every capability, as on Linux,
 * which is how the recorded cases show an unprivileged {@code chroot} and {@code unshare}.
 */
public final class Setpriv extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("setpriv", c.args().operands(), "+hVd",
                List.of("reuid=", "regid=", "ruid=", "euid=", "rgid=", "egid=", "clear-groups", "keep-groups", "init-groups", "groups=",
                        "help>h", "version>V", "dump>d"), false);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("V")) {
            c.println("setpriv from util-linux 2.38.1");
            return c.exit(0);
        }
        if (g.has("h")) return help(c);
        int groupOptions = (g.has("clear-groups") ? 1 : 0) + (g.has("keep-groups") ? 1 : 0) + (g.has("groups") ? 1 : 0) + (g.has("init-groups") ? 1 : 0);
        if (groupOptions > 1) {
            c.eprint("setpriv: multiple supplementary group options\n");
            return c.exit(1);
        }
        Integer uid = number(g.last("reuid", "ruid", "euid"));
        Integer gid = number(g.last("regid", "rgid", "egid"));
        if ((g.last("reuid", "ruid", "euid") != null && uid == null) || (g.last("regid", "rgid", "egid") != null && gid == null)) {
            c.eprint("setpriv: failed to parse uid or gid: " + (uid == null ? g.last("reuid", "ruid", "euid") : g.last("regid", "rgid", "egid")) + "\n");
            return c.exit(1);
        }
        if (g.operands().isEmpty()) {
            c.eprint("setpriv: No program specified\n");
            c.eprint("Try 'setpriv --help' for more information.\n");
            return c.exit(1);
        }
        int[] groups = null;
        if (g.has("clear-groups")) groups = new int[0];
        if (g.has("groups")) {
            List<Integer> list = new ArrayList<>();
            for (String s : g.last("groups").split(",")) {
                Integer n = number(s);
                if (n == null) {
                    c.eprint("setpriv: failed to parse groups: " + s + "\n");
                    return c.exit(1);
                }
                list.add(n);
            }
            groups = list.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] finalGroups = groups;
        List<String> command = g.operands();
        return step(c, finalGroups == null ? null : new Syscall.Setgroups(finalGroups), "setgroups failed",
                () -> step(c, gid == null ? null : new Syscall.Setgid(gid), "setresgid failed",
                        () -> step(c, uid == null ? null : new Syscall.Setuid(uid), "setresuid failed",
                                () -> c.execvp(command, c.args().env(), e -> {
                                    c.eprint("setpriv: failed to execute " + command.get(0) + ": " + e.message() + "\n");
                                    return c.exit(e == Errno.ENOENT ? 127 : 126);
                                }))));
    }

    private static Step step(Libc c, Syscall call, String what, Supplier<Step> then) {
        if (call == null) return then.get();
        return c.sys(call, r -> {
            if (r.failed()) {
                c.eprint("setpriv: " + what + ": " + r.errno().message() + "\n");
                return c.exit(1);
            }
            return then.get();
        });
    }

    private static Integer number(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) return null;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return null;
        return Integer.parseInt(s);
    }

    @Override
    public String source() {
        return "util-linux 2.38.1";
    }

    @Override
    public String manual() {
        return "setpriv [options] <program> [<argument>...]\n"
                + "  Run a program with different Linux privilege settings.\n"
                + "  --reuid UID, --regid GID  set the real and effective user / group id (numbers)\n"
                + "  --clear-groups  no supplementary groups; --groups G,...  these; --keep-groups  keep them";
    }
}
