package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * lsns (util-linux 2.38.1): list namespaces, as it finds them — by reading every
 * {@code /proc/PID/ns/*} link it may read and grouping processes by the inode the link names. For
 * each namespace: its inode, type, how many processes are in it, the lowest pid, that process's
 * user and command line. {@code -t TYPE} one type, {@code -p PID} the namespaces of one process,
 * {@code -n} no header. Columns are as wide as their widest cell (libsmartcols), NS and numbers
 * right-aligned.
 */
public final class Lsns extends Tool {

    private static final List<String> TYPES = List.of("mnt", "net", "pid", "uts", "ipc", "user", "cgroup", "time");

    private record Ns(long inode, String type, List<Integer> pids) {
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("lsns", c.args().operands(), "hVt:p:nlru", List.of("help>h", "version>V", "type=>t", "task=>p",
                "noheadings>n", "list>l", "raw>r", "notruncate>u"), true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("h")) return help(c);
        if (g.has("V")) {
            c.println("lsns from util-linux 2.38.1");
            return c.exit(0);
        }
        String type = g.last("t");
        if (type != null && !TYPES.contains(type)) {
            c.eprint("lsns: unknown namespace type: " + type + "\n");
            return c.exit(1);
        }
        String only = g.last("p");
        return c.listDirectory("/proc", false, (err, entries) -> {
            List<Integer> pids = new ArrayList<>();
            if (entries != null) for (Dirent d : entries) if (d.name().matches("[0-9]+")) pids.add(Integer.parseInt(d.name()));
            pids.sort(null);
            Map<String, Ns> found = new TreeMap<>();
            return Libc.forEach(pids, (pid, next) -> links(c, pid, 0, found, next), () -> c.users(users -> {
                List<Ns> shown = new ArrayList<>(found.values());
                shown.sort((a, b) -> Long.compare(a.inode(), b.inode()));
                if (type != null) shown.removeIf(n -> !n.type().equals(type));
                if (only != null) {
                    int want = Integer.parseInt(only);
                    shown.removeIf(n -> !n.pids().contains(want));
                }
                return owners(c, shown, 0, new ArrayList<>(), rows -> print(c, rows, users, !g.has("n")));
            }));
        });
    }

    private Step links(Libc c, int pid, int i, Map<String, Ns> found, java.util.function.Supplier<Step> next) {
        if (i >= TYPES.size()) return next.get();
        String kind = TYPES.get(i);
        return c.sys(new Syscall.Readlink("/proc/" + pid + "/ns/" + kind), r -> {
            if (!r.failed() && r.data() instanceof String text && text.contains("[")) {
                long inode = Long.parseLong(text.substring(text.indexOf('[') + 1, text.length() - 1));
                found.computeIfAbsent(kind + inode, k -> new Ns(inode, kind, new ArrayList<>())).pids().add(pid);
            }
            return links(c, pid, i + 1, found, next);
        });
    }

    private record Row(Ns ns, int uid, String command) {
    }

    private Step owners(Libc c, List<Ns> shown, int i, List<Row> rows, java.util.function.Function<List<Row>, Step> then) {
        if (i >= shown.size()) return then.apply(rows);
        Ns ns = shown.get(i);
        int pid = ns.pids().get(0);
        return c.readFile("/proc/" + pid + "/status", (e1, status) -> c.readFile("/proc/" + pid + "/cmdline", (e2, cmdline) -> {
            int uid = 0;
            if (status != null) {
                for (String line : Libc.text(status).split("\n")) {
                    if (line.startsWith("Uid:")) uid = Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                }
            }
            String command = cmdline == null ? "" : Libc.text(cmdline).replace('\0', ' ').strip();
            if (command.isEmpty()) command = "[kthreadd]";
            rows.add(new Row(ns, uid, command));
            return owners(c, shown, i + 1, rows, then);
        }));
    }

    private Step print(Libc c, List<Row> rows, UserDb users, boolean header) {
        List<String[]> cells = new ArrayList<>();
        if (header) cells.add(new String[] {"NS", "TYPE", "NPROCS", "PID", "USER", "COMMAND"});
        for (Row r : rows) {
            cells.add(new String[] {Long.toString(r.ns().inode()), r.ns().type(), Integer.toString(r.ns().pids().size()),
                Integer.toString(r.ns().pids().get(0)), users.userName(r.uid()), r.command()});
        }
        int[] width = new int[6];
        for (String[] row : cells) for (int k = 0; k < 6; k++) width[k] = Math.max(width[k], row[k].length());
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            out.append(pad(row[0], width[0], true)).append(' ').append(pad(row[1], width[1], false)).append(' ')
                    .append(pad(row[2], width[2], true)).append(' ').append(pad(row[3], width[3], true)).append(' ')
                    .append(pad(row[4], width[4], false)).append(' ').append(row[5]).append('\n');
        }
        c.print(out.toString());
        return c.exit(0);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "util-linux 2.38.1";
    }

    @Override
    public String manual() {
        return "lsns [options] [<namespace>]\n"
                + "  List system namespaces: inode, type, number of processes, the lowest pid, its user and command.\n"
                + "  -t, --type TYPE  mnt, net, ipc, user, pid, uts, cgroup, time; -p, --task PID  the namespaces of that process; -n  no header";
    }
}
