package dev.syssim.sim.shell;

import dev.syssim.sim.os.Resource;
import dev.syssim.sim.os.Rlimit;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ulimit [-SHa] [-Rcdefilmnpqrstuvx [limit]]}, as bash 5.2's ulimit.c does it on Linux: the
 * limits are the process's own (prlimit64), so a subshell or a program started afterwards inherits
 * them and the kernel enforces them ({@code -f}: SIGXFSZ, {@code -u}: fork fails). Each option
 * takes an optional argument ({@code -nf} sets -n to "f"); setting changes both soft and hard
 * limits unless {@code -S} or {@code -H} says which; printing shows the soft one; {@code hard},
 * {@code soft} and {@code unlimited} are values too.
 */
final class Limits {

    /** One row of bash's table: option, resource (null: the pipe size, fixed), bytes per unit, description, units. */
    private record Limit(char option, Resource resource, int factor, String description, String units) {

        /** bash's printone with a description: {@code %-20s %20s} then the value. */
        String label() {
            String unit = units == null ? "(-" + option + ") " : "(" + units + ", -" + option + ") ";
            return String.format("%-20s %20s", description, unit);
        }
    }

    private static final List<Limit> TABLE = List.of(
            new Limit('R', Resource.RTTIME, 1, "real-time non-blocking time", "microseconds"),
            new Limit('c', Resource.CORE, 1024, "core file size", "blocks"),
            new Limit('d', Resource.DATA, 1024, "data seg size", "kbytes"),
            new Limit('e', Resource.NICE, 1, "scheduling priority", null),
            new Limit('f', Resource.FSIZE, 1024, "file size", "blocks"),
            new Limit('i', Resource.SIGPENDING, 1, "pending signals", null),
            new Limit('l', Resource.MEMLOCK, 1024, "max locked memory", "kbytes"),
            new Limit('m', Resource.RSS, 1024, "max memory size", "kbytes"),
            new Limit('n', Resource.NOFILE, 1, "open files", null),
            new Limit('p', null, 512, "pipe size", "512 bytes"),
            new Limit('q', Resource.MSGQUEUE, 1, "POSIX message queues", "bytes"),
            new Limit('r', Resource.RTPRIO, 1, "real-time priority", null),
            new Limit('s', Resource.STACK, 1024, "stack size", "kbytes"),
            new Limit('t', Resource.CPU, 1, "cpu time", "seconds"),
            new Limit('u', Resource.NPROC, 1, "max user processes", null),
            new Limit('v', Resource.AS, 1024, "virtual memory", "kbytes"),
            new Limit('x', Resource.LOCKS, 1, "file locks", null));

    /** PIPE_BUF: what bash reports as the pipe size (8 blocks of 512 bytes); it cannot be set. */
    private static final Rlimit PIPE_SIZE = new Rlimit(4096, 4096);

    private static final int SOFT = 1;
    private static final int HARD = 2;

    /** One {@code -x [value]} of the command line. */
    private record Request(Limit limit, String value) {
    }

    private Limits() {
    }

    private static Limit find(char option) {
        for (Limit l : TABLE) if (l.option() == option) return l;
        return null;
    }

    static final Builtin ULIMIT = (sh, argv) -> {
        if (sh.st.dash) return dash(sh, argv);
        StringBuilder spec = new StringBuilder("aSH");
        for (Limit l : TABLE) spec.append(l.option()).append(';'); // each takes an optional argument, as in bash
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, spec.toString(), "ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]");
        if (parsed == null) return sh.done(2);
        int mode = 0;
        boolean all = false;
        List<Request> requests = new ArrayList<>();
        for (BuiltinOptions.Option o : parsed.options()) {
            switch (o.letter()) {
                case 'a' -> all = true;
                case 'S' -> mode |= SOFT;
                case 'H' -> mode |= HARD;
                default -> requests.add(new Request(find(o.letter()), o.argument()));
            }
        }
        int i = parsed.operands();
        List<String> operands = argv.subList(i, argv.size());
        int chosen = mode;
        if (all) return printAll(sh, chosen == 0 ? SOFT : chosen);
        if (requests.isEmpty()) {
            // `ulimit something' is `ulimit -f something'
            requests.add(new Request(find('f'), operands.isEmpty() ? null : operands.get(0)));
        } else if (!operands.isEmpty() && requests.get(requests.size() - 1).value() == null) {
            // POSIX: an operand is the value of the last option when it has none
            Request last = requests.remove(requests.size() - 1);
            requests.add(new Request(last.limit(), operands.get(0)));
        }
        boolean multiple = requests.size() > 1;
        int[] failed = {0};
        return dev.syssim.sim.prog.Libc.forEach(requests, (r, more) -> failed[0] != 0 ? more.get()
                : one(sh, r, chosen, multiple, status -> {
                    failed[0] = status;
                    return more.get();
                }), () -> sh.done(failed[0]));
    };

    /** bash's ulimit_internal: prints or sets one limit; {@code k} gets 0 or 1 (after the message). */
    private static Step one(Shell sh, Request r, int mode, boolean multiple, java.util.function.IntFunction<Step> k) {
        Limit l = r.limit();
        boolean setting = r.value() != null;
        int m = mode != 0 ? mode : setting ? SOFT | HARD : SOFT;
        return get(sh, l, current -> {
            if (current == null) return k.apply(1);
            if (!setting) {
                print(sh, l, (m & SOFT) != 0 ? current.soft() : current.hard(), multiple);
                return k.apply(0);
            }
            String v = r.value();
            long wanted;
            if (v.equals("hard")) {
                wanted = current.hard();
            } else if (v.equals("soft")) {
                wanted = current.soft();
            } else if (v.equals("unlimited")) {
                wanted = Rlimit.INFINITY;
            } else if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
                java.math.BigInteger n = new java.math.BigInteger(v).multiply(java.math.BigInteger.valueOf(l.factor()));
                // rlim_t is 64 bits unsigned; simplification: values from 2^63 on are all RLIM_INFINITY here
                if (n.bitLength() > 64) {
                    sh.builtinError("ulimit", v + ": limit out of range");
                    return k.apply(1);
                }
                wanted = n.bitLength() > 63 ? Rlimit.INFINITY : n.longValue();
            } else {
                sh.builtinError("ulimit", v + ": invalid number");
                return k.apply(1);
            }
            if (l.resource() == null) return cannotModify(sh, l, "Invalid argument", k);
            // bash: a user's `unlimited' soft limit is the hard limit (it could not go higher)
            long value = sh.st.euid != 0 && wanted == Rlimit.INFINITY && (m & HARD) == 0 && current.soft() <= current.hard()
                    ? current.hard() : wanted;
            Rlimit set = new Rlimit((m & SOFT) != 0 ? value : current.soft(), (m & HARD) != 0 ? value : current.hard());
            return sh.c.sys(new Syscall.Prlimit64(0, l.resource(), set), res -> {
                if (res.failed()) return cannotModify(sh, l, res.errno().message(), k);
                return k.apply(0);
            });
        });
    }

    private static Step cannotModify(Shell sh, Limit l, String why, java.util.function.IntFunction<Step> k) {
        sh.builtinError("ulimit", l.description() + ": cannot modify limit: " + why);
        return k.apply(1);
    }

    /** The limit now (null after bash's "cannot get limit" message). */
    private static Step get(Shell sh, Limit l, java.util.function.Function<Rlimit, Step> k) {
        if (l.resource() == null) return k.apply(PIPE_SIZE);
        return sh.c.sys(new Syscall.Prlimit64(0, l.resource(), null), res -> {
            if (res.failed()) {
                sh.builtinError("ulimit", l.description() + ": cannot get limit: " + res.errno().message());
                return k.apply(null);
            }
            return k.apply(Syscall.Prlimit64.old(res));
        });
    }

    private static void print(Shell sh, Limit l, long value, boolean described) {
        String shown = value == Rlimit.INFINITY ? "unlimited" : Long.toString(value / l.factor());
        sh.out((described ? l.label() : "") + shown + "\n");
    }

    private static Step printAll(Shell sh, int mode) {
        return dev.syssim.sim.prog.Libc.forEach(TABLE, (l, more) -> get(sh, l, current -> {
            if (current != null) print(sh, l, (mode & SOFT) != 0 ? current.soft() : current.hard(), true);
            return more.get();
        }), () -> sh.done(0));
    }

    // ---- dash 0.5.12 (miscbltin.c ulimitcmd) ----

    /** dash's table: its own names, 512-byte blocks, {@code -p} for processes and {@code -w} for locks. */
    private static final List<Limit> DASH_TABLE = List.of(
            new Limit('t', Resource.CPU, 1, "time(seconds)", null),
            new Limit('f', Resource.FSIZE, 512, "file(blocks)", null),
            new Limit('d', Resource.DATA, 1024, "data(kbytes)", null),
            new Limit('s', Resource.STACK, 1024, "stack(kbytes)", null),
            new Limit('c', Resource.CORE, 512, "coredump(blocks)", null),
            new Limit('m', Resource.RSS, 1024, "memory(kbytes)", null),
            new Limit('l', Resource.MEMLOCK, 1024, "locked memory(kbytes)", null),
            new Limit('p', Resource.NPROC, 1, "process", null),
            new Limit('n', Resource.NOFILE, 1, "nofiles", null),
            new Limit('v', Resource.AS, 1024, "vmemory(kbytes)", null),
            new Limit('w', Resource.LOCKS, 1, "locks", null),
            new Limit('r', Resource.RTPRIO, 1, "rtprio", null));

    /**
     * dash's ulimit: the last limit letter wins ({@code -nf} is {@code -f}), one value at most,
     * soft and hard both unless {@code -H} or {@code -S} (the last of them) says which; errors
     * end the command with status 2.
     */
    private static Step dash(Shell sh, List<String> argv) {
        int how = SOFT | HARD;
        boolean all = false;
        char what = 'f';
        int i = 1;
        words:
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') break;
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c == 'H') how = HARD;
                else if (c == 'S') how = SOFT;
                else if (c == 'a') all = true;
                else if (dashFind(c) != null) what = c;
                else {
                    sh.builtinError("ulimit", "Illegal option -" + c);
                    return sh.done(2);
                }
                if (k == a.length() - 1) continue words;
            }
        }
        List<String> operands = argv.subList(i, argv.size());
        Limit l = dashFind(what);
        long value = 0;
        boolean set = !operands.isEmpty();
        if (set) {
            if (all || operands.size() > 1) {
                sh.builtinError("ulimit", "too many arguments");
                return sh.done(2);
            }
            String v = operands.get(0);
            if (v.equals("unlimited")) {
                value = Rlimit.INFINITY;
            } else {
                // digits up to the first other character, which is an error (an empty value is 0)
                java.math.BigInteger n = java.math.BigInteger.ZERO;
                for (char c : v.toCharArray()) {
                    if (c < '0' || c > '9') {
                        sh.builtinError("ulimit", "bad number");
                        return sh.done(2);
                    }
                    n = n.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(c - '0'));
                }
                n = n.multiply(java.math.BigInteger.valueOf(l.factor()));
                // simplification: beyond 2^63 is RLIM_INFINITY here (dash's unsigned arithmetic wraps)
                value = n.bitLength() > 63 ? Rlimit.INFINITY : n.longValue();
            }
        }
        int chosen = how;
        if (all) {
            return dev.syssim.sim.prog.Libc.forEach(DASH_TABLE, (row, more) -> get(sh, row, current -> {
                String label = String.format("%-20s ", row.description());
                sh.out(label + dashValue(row, current == null ? Rlimit.UNLIMITED : current, chosen));
                return more.get();
            }), () -> sh.done(0));
        }
        long wanted = value;
        return get(sh, l, current -> {
            if (current == null) return sh.done(2);
            if (!set) {
                sh.out(dashValue(l, current, chosen));
                return sh.done(0);
            }
            Rlimit limit = new Rlimit((chosen & SOFT) != 0 ? wanted : current.soft(), (chosen & HARD) != 0 ? wanted : current.hard());
            return sh.c.sys(new Syscall.Prlimit64(0, l.resource(), limit), res -> {
                if (res.failed()) {
                    sh.builtinError("ulimit", "error setting limit (" + res.errno().message() + ")");
                    return sh.done(2);
                }
                return sh.done(0);
            });
        });
    }

    private static Limit dashFind(char option) {
        for (Limit l : DASH_TABLE) if (l.option() == option) return l;
        return null;
    }

    /** printlim: the soft limit unless only -H was given. */
    private static String dashValue(Limit l, Rlimit limit, int how) {
        long v = (how & SOFT) != 0 ? limit.soft() : limit.hard();
        return (v == Rlimit.INFINITY ? "unlimited" : Long.toString(v / l.factor())) + "\n";
    }
}
