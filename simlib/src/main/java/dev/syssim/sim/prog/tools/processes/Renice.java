package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Getpriority;
import dev.syssim.sim.os.Priority;
import dev.syssim.sim.os.Setpriority;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.List;

/**
 * renice (util-linux 2.38.1): set the nice value of running processes — {@code renice [-n] PRIO
 * [-p] PID...}, {@code -g PGID...}, {@code -u USER...} — and tell the old and the new value of each.
 * The value is absolute (not an increment); lowering it needs CAP_SYS_NICE (Permission denied),
 * another user's process too (Operation not permitted). Id 0 means the caller's own process,
 * group or user, as setpriority(2) reads it. See {@link Nice} for what the simulation does with it.
 */
public final class Renice extends Tool {

    private static final String[] KINDS = {"process ID", "process group ID", "user ID"};

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        int i = 0;
        if (!args.isEmpty() && (args.get(0).equals("-h") || args.get(0).equals("--help"))) return help(c);
        if (i < args.size() && (args.get(i).equals("-n") || args.get(i).equals("--priority"))) i++;
        if (args.size() - i < 2) return c.usageError("renice: not enough arguments", 1);
        String prioText = args.get(i++);
        if (!prioText.matches("[+-]?[0-9]+")) return c.usageError("renice: invalid priority '" + prioText + "'", 1);
        int prio = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(prioText.replace("+", ""))));
        List<String> targets = args.subList(i, args.size());
        Priority[] which = {Priority.PRIO_PROCESS};
        boolean[] errors = {false};
        return c.users(db -> Libc.forEach(targets, (arg, next) -> {
            switch (arg) {
                case "-p", "--pid" -> which[0] = Priority.PRIO_PROCESS;
                case "-g", "--pgrp" -> which[0] = Priority.PRIO_PGRP;
                case "-u", "--user" -> which[0] = Priority.PRIO_USER;
                default -> {
                    Integer who = id(arg, which[0], db);
                    if (who == null) {
                        c.error(which[0] == Priority.PRIO_USER ? "unknown user " + arg : "bad " + KINDS[which[0].number()] + " value: " + arg);
                        errors[0] = true;
                        return next.get();
                    }
                    return renice(c, which[0], who, prio, failed -> {
                        if (failed) errors[0] = true;
                        return next.get();
                    });
                }
            }
            return next.get();
        }, () -> c.exit(errors[0] ? 1 : 0)));
    }

    private static Integer id(String arg, Priority which, UserDb db) {
        if (which == Priority.PRIO_USER && db.user(arg) != null) return db.user(arg).uid();
        if (!arg.matches("[0-9]+") || arg.length() > 9) return null;
        return Integer.parseInt(arg);
    }

    /** getpriority, setpriority, getpriority again, and the line telling both values. */
    private static Step renice(Libc c, Priority which, int who, int prio, java.util.function.Function<Boolean, Step> then) {
        String target = who + " (" + KINDS[which.number()] + ")";
        return c.sys(new Getpriority(which, who), old -> {
            if (old.failed()) {
                c.error("failed to get priority for " + target, old.errno());
                return then.apply(true);
            }
            return c.sys(new Setpriority(which, who, prio), set -> {
                if (set.failed()) {
                    c.error("failed to set priority for " + target, set.errno());
                    return then.apply(true);
                }
                return c.sys(new Getpriority(which, who), now -> {
                    if (now.failed()) {
                        c.error("failed to get priority for " + target, now.errno());
                        return then.apply(true);
                    }
                    c.println(target + " old priority " + Getpriority.nice(old) + ", new priority " + Getpriority.nice(now));
                    return then.apply(false);
                });
            });
        });
    }

    @Override
    public String whatis() {
        return "alter priority of running processes";
    }

    @Override
    public String manual() {
        return "renice [-n] priority [-p|--pid] pid... | [-g|--pgrp] pgid... | [-u|--user] user...\n"
                + "  Alter the scheduling priority (nice value, -20 to 19) of running processes: each pid, every process of each\n"
                + "  process group, or every process of each user. Lowering the value needs root.\n"
                + "  -n, --priority priority   the new nice value (an absolute value, not an increment)\n"
                + "  -p, --pid      interpret the following arguments as process IDs (the default)\n"
                + "  -g, --pgrp     interpret the following arguments as process group IDs\n"
                + "  -u, --user     interpret the following arguments as user names or user IDs\n"
                + "  The simulated scheduler does not weigh nice values; ps, top and /proc/PID/stat show them.";
    }
}
