package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.SignalNames;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;

/**
 * pgrep and pkill (procps-ng 4.0.2): find processes by name — an extended regular expression
 * matched against the command name (at most 15 characters), or with {@code -f} the whole command
 * line — and by other criteria ({@code -u}, {@code -U}, {@code -P}, {@code -g}, {@code -s}, {@code -t});
 * pgrep prints their pids ({@code -l} with the name, {@code -a} with the command line, {@code -c}
 * the count, {@code -d} between them), pkill signals them (TERM unless {@code -SIGNAL} or
 * {@code --signal}). Neither ever matches itself. Exit status 0 if something matched, 1 if not,
 * 2 for a usage error.
 */
public final class Pgrep extends Tool {

    private final boolean kill;

    public Pgrep(boolean kill) {
        this.kill = kill;
    }

    /** The options as read. */
    private static final class Request {
        String delimiter = "\n";
        boolean listName;
        boolean listFull;
        boolean inverse;
        boolean count;
        boolean full;
        boolean ignoreCase;
        boolean newest;
        boolean oldest;
        boolean exact;
        boolean echo;
        int signal = Signal.SIGTERM.number();
        String pattern;
        List<Integer> parents;
        List<Integer> groups;
        List<Integer> sessions;
        List<String> euids;
        List<String> ruids;
        List<String> terminals;
    }

    @Override
    protected Step run(Libc c) {
        String me = c.name();
        List<String> args = new ArrayList<>(c.args().operands());
        Request r = new Request();
        if (kill && !args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            int n = SignalNames.parse(args.get(0).substring(1), true);
            if (n >= 0) {
                r.signal = n;
                args.remove(0);
            }
        }
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                String option = longOption(name);
                if (option == null) return usage(c, me + ": unrecognized option '" + a + "'");
                if (option.equals("help")) return help(c);
                if (needsValue(option.charAt(0)) || option.equals("signal")) {
                    if (value == null) {
                        if (i + 1 >= args.size()) return usage(c, me + ": option '--" + name + "' requires an argument");
                        value = args.get(++i);
                    }
                }
                String error = apply(c, r, option.equals("signal") ? 'S' : option.charAt(0), value, me);
                if (error != null) return error.isEmpty() ? c.exit(2) : usage(c, error);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                String value = null;
                if (needsValue(ch)) {
                    value = a.substring(j + 1);
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size()) return usage(c, me + ": option requires an argument -- '" + ch + "'");
                        value = args.get(++i);
                    }
                    j = a.length();
                } else if (!allowed(ch)) {
                    return usage(c, me + ": invalid option -- '" + ch + "'");
                }
                String error = apply(c, r, ch, value, me);
                if (error != null) return error.isEmpty() ? c.exit(2) : usage(c, error);
            }
        }
        if (operands.size() > 1) return tryHelp(c, me, "only one pattern can be provided");
        if (!operands.isEmpty()) r.pattern = operands.get(0);
        boolean criteria = r.pattern != null || r.parents != null || r.groups != null || r.sessions != null || r.euids != null
                || r.ruids != null || r.terminals != null;
        if (!criteria) return tryHelp(c, me, "no matching criteria specified");
        Regex regex = null;
        if (r.pattern != null) {
            String text = r.exact ? "^(" + r.pattern + ")$" : r.pattern;
            int flags = (r.ignoreCase ? Regex.ICASE : 0) | (c.utf8() ? Regex.UTF8 : 0);
            Regex.Result compiled = Regex.compile(text, Regex.Dialect.POSIX_EXTENDED, flags);
            if (compiled instanceof Regex.Invalid bad) {
                c.eprint(me + ": regex error: " + bad.message() + "\n");
                return c.exit(2);
            }
            regex = ((Regex.Valid) compiled).regex();
            if (!r.full && r.pattern.length() > 15) {
                c.eprint(me + ": pattern that searches for process name longer than 15 characters will result in zero matches\n"
                        + "Try `" + me + " -f' option to match against the complete command line.\n");
            }
        }
        Regex matcher = regex;
        return c.users(db -> {
            String bad = users(r.euids, db);
            if (bad == null) bad = users(r.ruids, db);
            if (bad != null) {
                c.eprint(me + ": invalid user name: " + bad + "\n");
                return c.exit(2);
            }
            return c.id("getpid", self -> ProcTable.read(c, r.full || r.listFull, all -> {
                List<ProcEntry> found = new ArrayList<>();
                for (ProcEntry p : all) if (p.pid() != self && matches(r, matcher, p, db) != r.inverse) found.add(p);
                List<ProcEntry> chosen = choose(r, found);
                return kill ? signal(c, r, chosen, me) : print(c, r, chosen);
            }));
        });
    }

    private static boolean needsValue(char ch) {
        return "dgGPstuUFrOqS".indexOf(ch) >= 0;
    }

    private boolean allowed(char ch) {
        return (kill ? "ecfinovxLAwh" : "lavwcfinoxLAh").indexOf(ch) >= 0;
    }

    private String longOption(String name) {
        String[][] names = {
            {"delimiter", "d"}, {"list-name", "l"}, {"list-full", "a"}, {"inverse", "v"}, {"lightweight", "w"}, {"count", "c"},
            {"full", "f"}, {"pgroup", "g"}, {"group", "G"}, {"ignore-case", "i"}, {"newest", "n"}, {"oldest", "o"},
            {"older", "O"}, {"parent", "P"}, {"session", "s"}, {"terminal", "t"}, {"euid", "u"}, {"uid", "U"}, {"exact", "x"},
            {"pidfile", "F"}, {"logpidfile", "L"}, {"runstates", "r"}, {"ignore-ancestors", "A"}, {"help", "help"},
            {"echo", "e"}, {"signal", "signal"}, {"queue", "q"}};
        String found = null;
        for (String[] n : names) {
            if (!kill && (n[1].equals("e") || n[1].equals("signal") || n[1].equals("q"))) continue;
            if (kill && (n[1].equals("d") || n[1].equals("l") || n[1].equals("a") || n[1].equals("v") || n[1].equals("w"))) continue;
            if (n[0].equals(name)) return n[1];
            if (n[0].startsWith(name)) {
                if (found != null) return null;
                found = n[1];
            }
        }
        return found;
    }

    /** One option; null, or an error message ("" when already printed). */
    private static String apply(Libc c, Request r, char ch, String value, String me) {
        switch (ch) {
            case 'd' -> r.delimiter = value;
            case 'l' -> r.listName = true;
            case 'a' -> r.listFull = true;
            case 'v' -> r.inverse = true;
            case 'c' -> r.count = true;
            case 'f' -> r.full = true;
            case 'i' -> r.ignoreCase = true;
            case 'n' -> r.newest = true;
            case 'o' -> r.oldest = true;
            case 'x' -> r.exact = true;
            case 'e' -> r.echo = true;
            case 'S' -> {
                int n = SignalNames.parse(value, true);
                if (n < 0) {
                    c.eprint(me + ": Unknown signal \"" + value + "\".\n");
                    return "";
                }
                r.signal = n;
            }
            case 'P', 'g', 's' -> {
                List<Integer> numbers = new ArrayList<>();
                for (String part : value.split(",")) {
                    if (!part.matches("[0-9]+") || part.length() > 9) {
                        c.eprint(me + ": not a number: " + part + "\n");
                        return "";
                    }
                    numbers.add(Integer.parseInt(part));
                }
                if (ch == 'P') r.parents = numbers;
                else if (ch == 'g') r.groups = numbers;
                else r.sessions = numbers;
            }
            case 'u' -> r.euids = List.of(value.split(","));
            case 'U' -> r.ruids = List.of(value.split(","));
            case 't' -> r.terminals = List.of(value.split(","));
            default -> { }
        }
        return null;
    }

    /** The first name of {@code names} that is neither a user nor a number, or null. */
    private static String users(List<String> names, UserDb db) {
        if (names == null) return null;
        for (String n : names) if (db.user(n) == null && !n.matches("[0-9]+")) return n;
        return null;
    }

    private static boolean matches(Request r, Regex regex, ProcEntry p, UserDb db) {
        if (r.parents != null && !r.parents.contains(p.ppid())) return false;
        if (r.groups != null && !r.groups.contains(p.pgrp() == 0 ? -1 : p.pgrp())) return false;
        if (r.sessions != null && !r.sessions.contains(p.session())) return false;
        if (r.euids != null && !isUser(r.euids, p.euid(), db)) return false;
        if (r.ruids != null && !isUser(r.ruids, p.ruid(), db)) return false;
        if (r.terminals != null && !r.terminals.contains(p.tty()) && !r.terminals.contains("/dev/" + p.tty())) return false;
        if (regex == null) return true;
        String subject = r.full && !p.cmdline().isEmpty() ? String.join(" ", p.cmdline()) : p.comm();
        return regex.find(Libc.bytes(subject));
    }

    private static boolean isUser(List<String> names, int uid, UserDb db) {
        for (String n : names) {
            UserDb.User u = db.user(n);
            if ((u != null ? u.uid() : Integer.parseInt(n)) == uid) return true;
        }
        return false;
    }

    /** -n: the most recently started (the last of equals); -o: the least recently started. */
    private static List<ProcEntry> choose(Request r, List<ProcEntry> found) {
        if (found.isEmpty() || !r.newest && !r.oldest) return found;
        ProcEntry best = found.get(0);
        for (ProcEntry p : found) {
            if (r.newest ? p.startTicks() >= best.startTicks() : p.startTicks() < best.startTicks()) best = p;
        }
        return List.of(best);
    }

    private static Step print(Libc c, Request r, List<ProcEntry> found) {
        if (r.count) {
            c.println(Integer.toString(found.size()));
            return c.exit(found.isEmpty() ? 1 : 0);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < found.size(); i++) {
            ProcEntry p = found.get(i);
            if (i > 0) out.append(r.delimiter);
            out.append(p.pid());
            if (r.listFull) out.append(' ').append(p.cmdline().isEmpty() ? p.comm() : String.join(" ", p.cmdline()));
            else if (r.listName) out.append(' ').append(p.comm());
        }
        if (!found.isEmpty()) out.append('\n');
        c.print(out.toString());
        return c.exit(found.isEmpty() ? 1 : 0);
    }

    private static Step signal(Libc c, Request r, List<ProcEntry> found, String me) {
        int[] killed = {0};
        Signal sig = r.signal == 0 ? null : Signal.of(r.signal);
        return Libc.forEach(found, (p, next) -> c.sys(new Syscall.Kill(p.pid(), sig), k -> {
            if (k.failed()) {
                c.eprint(me + ": killing pid " + p.pid() + " failed: " + k.errno().message() + "\n");
            } else {
                killed[0]++;
                if (r.echo) c.println(p.comm() + " killed (pid " + p.pid() + ")");
            }
            return next.get();
        }), () -> {
            if (r.count) c.println(Integer.toString(killed[0]));
            return c.exit(killed[0] > 0 ? 0 : 1);
        });
    }

    private Step tryHelp(Libc c, String me, String message) {
        c.eprint(me + ": " + message + "\nTry `" + me + " --help' for more information.\n");
        return c.exit(2);
    }

    private Step usage(Libc c, String message) {
        c.eprint(message + "\n" + usageText(c.name()));
        return c.exit(2);
    }

    @Override
    public String usage() {
        return usageText(kill ? "pkill" : "pgrep");
    }

    /** procps's usage text, printed after an option error and by --help. */
    private String usageText(String me) {
        StringBuilder out = new StringBuilder("\nUsage:\n " + me + " [options] <pattern>\n\nOptions:\n");
        if (kill) {
            out.append(" -<sig>, --signal <sig>    signal to send (either number or name)\n")
                    .append(" -q, --queue <value>       integer value to be sent with the signal\n")
                    .append(" -e, --echo                display what is killed\n");
        } else {
            out.append(" -d, --delimiter <string>  specify output delimiter\n")
                    .append(" -l, --list-name           list PID and process name\n")
                    .append(" -a, --list-full           list PID and full command line\n")
                    .append(" -v, --inverse             negates the matching\n")
                    .append(" -w, --lightweight         list all TID\n");
        }
        out.append(" -c, --count               count of matching processes\n")
                .append(" -f, --full                use full process name to match\n")
                .append(" -g, --pgroup <PGID,...>   match listed process group IDs\n")
                .append(" -G, --group <GID,...>     match real group IDs\n")
                .append(" -i, --ignore-case         match case insensitively\n")
                .append(" -n, --newest              select most recently started\n")
                .append(" -o, --oldest              select least recently started\n")
                .append(" -O, --older <seconds>     select where older than seconds\n")
                .append(" -P, --parent <PPID,...>   match only child processes of the given parent\n")
                .append(" -s, --session <SID,...>   match session IDs\n")
                .append(" -t, --terminal <tty,...>  match by controlling terminal\n")
                .append(" -u, --euid <ID,...>       match by effective IDs\n")
                .append(" -U, --uid <ID,...>        match by real IDs\n")
                .append(" -x, --exact               match exactly with the command name\n")
                .append(" -F, --pidfile <file>      read PIDs from file\n")
                .append(" -L, --logpidfile          fail if PID file is not locked\n")
                .append(" -r, --runstates <state>   match runstates [D,S,Z,...]\n")
                .append(" -A, --ignore-ancestors    exclude our ancestors from results\n")
                .append(" --cgroup <grp,...>        match by cgroup v2 names\n")
                .append(" --ns <PID>                match the processes that belong to the same\n")
                .append("                           namespace as <pid>\n")
                .append(" --nslist <ns,...>         list which namespaces will be considered for\n")
                .append("                           the --ns option.\n")
                .append("                           Available namespaces: ipc, mnt, net, pid, user, uts\n\n")
                .append(" -h, --help     display this help and exit\n")
                .append(" -V, --version  output version information and exit\n\n")
                .append("For more details see pgrep(1).\n");
        return out.toString();
    }

    @Override
    public String whatis() {
        return kill ? "look up, signal, or wait for processes based on name and other attributes"
                : "look up, signal, or wait for processes based on name and other attributes";
    }

    @Override
    public String manual() {
        String name = kill ? "pkill" : "pgrep";
        String common = "  -f, --full            match the pattern against the whole command line, not the name\n"
                + "  -x, --exact           the pattern must match the whole name (or command line with -f)\n"
                + "  -i, --ignore-case     match case insensitively\n"
                + "  -n, --newest / -o, --oldest   only the most / least recently started\n"
                + "  -u, --euid ID,...     only processes of these effective users; -U, --uid: real users\n"
                + "  -P, --parent PPID,... only children of these processes; -g, --pgroup; -s, --session; -t, --terminal\n"
                + "  -c, --count           print the number of matching processes\n"
                + "  The pattern is an extended regular expression. Exit status 0 if a process matched, 1 if none, 2 for a usage error.";
        if (kill) {
            return "pkill [options] pattern\n  Send a signal (TERM by default) to the processes whose name matches the pattern.\n"
                    + "  -signal, --signal signal   the signal to send, by name or number\n"
                    + "  -e, --echo            display what is killed\n" + common;
        }
        return "pgrep [options] pattern\n  Print the process IDs of the processes whose name matches the pattern.\n"
                + "  -d, --delimiter string   print this between the pids (default: a newline)\n"
                + "  -l, --list-name       list the process name as well as the process ID\n"
                + "  -a, --list-full       list the full command line as well as the process ID\n"
                + "  -v, --inverse         negate the matching\n" + common;
    }
}
