package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Resource;
import dev.syssim.sim.os.Rlimit;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * prlimit (util-linux 2.38.1): show or set a process's resource limits through prlimit64(2) —
 * its own (then run {@code COMMAND} with them) or another's ({@code --pid}). Each resource option
 * alone shows that limit, with {@code =SOFT:HARD} ({@code SOFT:}, {@code :HARD}, one value for
 * both, {@code unlimited}) sets it; no resource option shows them all. The table is libsmartcols'
 * (numbers right-aligned, a space between columns, the last one not padded), or {@code --raw}.
 */
public final class Prlimit extends Tool {

    /** A resource as prlimit names it: its options, column texts and unit. */
    private record Kind(Resource resource, char option, String name, String description, String unit) {
    }

    /** In util-linux's order (alphabetical), which is the order of the full table. */
    private static final List<Kind> KINDS = List.of(
            new Kind(Resource.AS, 'v', "AS", "address space limit", "bytes"),
            new Kind(Resource.CORE, 'c', "CORE", "max core file size", "bytes"),
            new Kind(Resource.CPU, 't', "CPU", "CPU time", "seconds"),
            new Kind(Resource.DATA, 'd', "DATA", "max data size", "bytes"),
            new Kind(Resource.FSIZE, 'f', "FSIZE", "max file size", "bytes"),
            new Kind(Resource.LOCKS, 'x', "LOCKS", "max number of file locks held", "locks"),
            new Kind(Resource.MEMLOCK, 'l', "MEMLOCK", "max locked-in-memory address space", "bytes"),
            new Kind(Resource.MSGQUEUE, 'q', "MSGQUEUE", "max bytes in POSIX mqueues", "bytes"),
            new Kind(Resource.NICE, 'e', "NICE", "max nice prio allowed to raise", ""),
            new Kind(Resource.NOFILE, 'n', "NOFILE", "max number of open files", "files"),
            new Kind(Resource.NPROC, 'u', "NPROC", "max number of processes", "processes"),
            new Kind(Resource.RSS, 'm', "RSS", "max resident set size", "bytes"),
            new Kind(Resource.RTPRIO, 'r', "RTPRIO", "max real-time priority", ""),
            new Kind(Resource.RTTIME, 'y', "RTTIME", "timeout for real-time tasks", "microsecs"),
            new Kind(Resource.SIGPENDING, 'i', "SIGPENDING", "max number of pending signals", "signals"),
            new Kind(Resource.STACK, 's', "STACK", "max stack size", "bytes"));

    private static final List<String> COLUMNS = List.of("RESOURCE", "DESCRIPTION", "SOFT", "HARD", "UNITS");

    private static final List<String> LONG = longOptions();

    private static List<String> longOptions() {
        List<String> longs = new ArrayList<>(List.of("output=>o", "pid=>p", "noheadings", "raw", "verbose", "help>h", "version>V"));
        for (Kind k : KINDS) longs.add(k.name().toLowerCase(Locale.ROOT) + "=?>" + k.option());
        return List.copyOf(longs);
    }

    /** One resource option: shown (no limit given) or set to {@code soft}/{@code hard} (null: keep the current one). */
    private record Request(Kind kind, boolean set, Long soft, Long hard) {
    }

    @Override
    protected Step run(Libc c) {
        // options end at the command (no permuting); every resource takes an optional, attached limit
        Getopt g = Getopt.parse("prlimit", c.args().operands(), "c::d::e::f::i::l::m::n::q::r::s::t::u::v::x::y::o:p:hV", LONG, false);
        if (g.failed()) return c.usageError(g.error(), 1);
        List<Request> requests = new ArrayList<>();
        List<String> columns = null;
        boolean headings = true;
        boolean raw = false;
        boolean verbose = false;
        Integer pid = null;
        for (Getopt.Opt o : g.options()) {
            String value = o.value();
            switch (o.key()) {
                case "h" -> {
                    return help(c);
                }
                case "V" -> {
                    c.println("prlimit from util-linux 2.38.1");
                    return c.exit(0);
                }
                case "o" -> {
                    columns = new ArrayList<>();
                    for (String col : value.split(",", -1)) {
                        String upper = col.toUpperCase(Locale.ROOT);
                        if (!COLUMNS.contains(upper)) {
                            c.error("unknown column: " + col);
                            return c.exit(1);
                        }
                        columns.add(upper);
                    }
                }
                case "p" -> {
                    if (!value.matches("[0-9]+") || value.length() > 9 || Integer.parseInt(value) == 0) {
                        c.error("invalid PID argument: '" + value + "'");
                        return c.exit(1);
                    }
                    pid = Integer.parseInt(value);
                }
                case "noheadings" -> headings = false;
                case "raw" -> raw = true;
                case "verbose" -> verbose = true;
                default -> {
                    Kind kind = kindOf(o.key());
                    // prlimit drops one leading '=' of a limit, so -n=16 is -n16
                    if (value != null && value.startsWith("=")) value = value.substring(1);
                    if (value == null) {
                        requests.add(new Request(kind, false, null, null));
                    } else {
                        Request r = parse(kind, value);
                        if (r == null) {
                            c.error("failed to parse " + kind.name() + " limit");
                            return c.exit(1);
                        }
                        requests.add(r);
                    }
                }
            }
        }
        List<String> command = g.operands();
        if (pid != null && !command.isEmpty()) {
            c.error("options --pid and COMMAND are mutually exclusive");
            return c.exit(1);
        }
        if (requests.isEmpty()) for (Kind k : KINDS) requests.add(new Request(k, false, null, null));
        List<String> shown = columns != null ? columns : COLUMNS;
        Table table = new Table(shown, headings, raw);
        int target = pid == null ? 0 : pid;
        boolean tell = verbose;
        return c.sys(new Syscall.GetId("getpid"), self -> Libc.forEach(requests,
                (r, next) -> apply(c, target, tell ? (target == 0 ? (int) self.value() : target) : -1, r, table, next), () -> {
            if (table.rows() > 0) c.print(table.render());
            if (command.isEmpty()) return c.exit(0);
            return c.execvp(command, new TreeMap<>(c.args().env()), e -> {
                c.error("failed to execute " + command.get(0), e);
                return c.exit(e == Errno.ENOENT ? 127 : 126);
            });
        }));
    }

    /**
     * Reads the limit; then shows it, or fills in the half not given, checks it and sets it
     * ({@code --verbose}: saying so first, for process {@code told}; -1: quietly).
     */
    private static Step apply(Libc c, int pid, int told, Request r, Table table, Supplier<Step> next) {
        return c.sys(new Syscall.Prlimit64(pid, r.kind().resource(), null), got -> {
            if (got.failed()) return failed(c, "get", r.kind(), got.errno());
            Rlimit now = Syscall.Prlimit64.old(got);
            if (!r.set()) {
                table.add(r.kind(), now);
                return next.get();
            }
            long soft = r.soft() != null ? r.soft() : now.soft();
            long hard = r.hard() != null ? r.hard() : now.hard();
            if (soft > hard) {
                c.error("the soft limit " + r.kind().name() + " cannot exceed the hard limit");
                return c.exit(1);
            }
            if (told >= 0) c.println("New " + r.kind().name() + " limit for pid " + told + ": <" + Rlimit.text(soft) + ":" + Rlimit.text(hard) + ">");
            return c.sys(new Syscall.Prlimit64(pid, r.kind().resource(), new Rlimit(soft, hard)), set -> {
                if (set.failed()) return failed(c, "set", r.kind(), set.errno());
                return next.get();
            });
        });
    }

    private static Step failed(Libc c, String what, Kind kind, Errno errno) {
        c.error("failed to " + what + " the " + kind.name() + " resource limit", errno);
        return c.exit(1);
    }

    /** {@code SOFT:HARD}, {@code SOFT:}, {@code :HARD} or one value for both; numbers or "unlimited"/"infinity". */
    private static Request parse(Kind kind, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            Long both = number(text);
            return both == null ? null : new Request(kind, true, both, both);
        }
        String softText = text.substring(0, colon);
        String hardText = text.substring(colon + 1);
        if (softText.isEmpty() && hardText.isEmpty()) return null;
        Long soft = softText.isEmpty() ? null : number(softText);
        Long hard = hardText.isEmpty() ? null : number(hardText);
        if (!softText.isEmpty() && soft == null || !hardText.isEmpty() && hard == null) return null;
        return new Request(kind, true, soft, hard);
    }

    private static Long number(String text) {
        if (text.equals("unlimited") || text.equals("infinity")) return Rlimit.INFINITY;
        if (!text.matches("[0-9]{1,18}")) return null;
        return Long.parseLong(text);
    }

    private static Kind kindOf(String option) {
        for (Kind k : KINDS) if (String.valueOf(k.option()).equals(option)) return k;
        throw new IllegalArgumentException(option);
    }

    /** libsmartcols' table as prlimit prints it. */
    private static final class Table {
        private final List<String> columns;
        private final boolean headings;
        private final boolean raw;
        private final List<List<String>> cells = new ArrayList<>();

        Table(List<String> columns, boolean headings, boolean raw) {
            this.columns = columns;
            this.headings = headings;
            this.raw = raw;
        }

        int rows() {
            return cells.size();
        }

        void add(Kind kind, Rlimit limit) {
            List<String> row = new ArrayList<>();
            for (String col : columns) {
                row.add(switch (col) {
                    case "RESOURCE" -> kind.name();
                    case "DESCRIPTION" -> kind.description();
                    case "SOFT" -> Rlimit.text(limit.soft());
                    case "HARD" -> Rlimit.text(limit.hard());
                    default -> kind.unit();
                });
            }
            cells.add(row);
        }

        String render() {
            List<List<String>> lines = new ArrayList<>();
            if (headings) lines.add(columns);
            lines.addAll(cells);
            StringBuilder out = new StringBuilder();
            if (raw) {
                for (List<String> line : lines) {
                    List<String> fields = line.stream().map(f -> f.replace("\\", "\\x5c").replace(" ", "\\x20")).toList();
                    out.append(String.join(" ", fields)).append('\n');
                }
                return out.toString();
            }
            // the headings count for the widths even when they are not printed, as in libsmartcols
            int[] widths = new int[columns.size()];
            for (int k = 0; k < widths.length; k++) widths[k] = columns.get(k).length();
            for (List<String> line : cells) for (int k = 0; k < widths.length; k++) widths[k] = Math.max(widths[k], line.get(k).length());
            for (List<String> line : lines) {
                StringBuilder row = new StringBuilder();
                for (int k = 0; k < widths.length; k++) {
                    if (k > 0) row.append(' ');
                    String cell = line.get(k);
                    boolean right = columns.get(k).equals("SOFT") || columns.get(k).equals("HARD");
                    boolean last = k == widths.length - 1;
                    if (right) row.append(" ".repeat(widths[k] - cell.length())).append(cell);
                    else row.append(cell).append(last ? "" : " ".repeat(widths[k] - cell.length()));
                }
                out.append(row).append('\n');
            }
            return out.toString();
        }
    }

    @Override
    public String whatis() {
        return "get and set process resource limits";
    }

    @Override
    public String manual() {
        return "prlimit [options] [--RESOURCE[=limits]] [--pid PID]\n"
                + "prlimit [options] [--RESOURCE[=limits]] COMMAND\n"
                + "  Show or change the resource limits of a process (prlimit64(2)): with --pid another process's, else its own,\n"
                + "  which COMMAND then runs with. Limits are SOFT:HARD, SOFT:, :HARD or one value for both; \"unlimited\" for none.\n"
                + "  -p, --pid PID         process id\n"
                + "  -o, --output LIST     columns: DESCRIPTION, RESOURCE, SOFT, HARD, UNITS\n"
                + "      --noheadings      do not print headings\n"
                + "      --raw             use the raw output format\n"
                + "  -c, --core  -d, --data  -e, --nice  -f, --fsize  -i, --sigpending  -l, --memlock  -m, --rss  -n, --nofile\n"
                + "  -q, --msgqueue  -r, --rtprio  -s, --stack  -t, --cpu  -u, --nproc  -v, --as  -x, --locks  -y, --rttime\n"
                + "  Another user's process needs root (CAP_SYS_RESOURCE), and so does raising a hard limit.";
    }
}
