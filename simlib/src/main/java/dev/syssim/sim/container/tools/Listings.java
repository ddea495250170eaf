package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.ContainerState;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.Image;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables {@code docker ps} and {@code docker images} print: Go's tabwriter with Docker's
 * settings (minimum cell width 10, padding 3, the last column unpadded), go-units' human
 * durations ({@code Less than a second}, {@code About a minute}, {@code 3 weeks}) and decimal
 * sizes with three significant digits ({@code 7.33MB}).
 */
final class Listings {

    private Listings() {
    }

    static String ps(Engine e, boolean all, long now) {
        return ps(e, all, now, null);
    }

    /** {@code docker ps [-a] [--format TEMPLATE]}: the table, or the template per container over its fields (ID, Image, Command, ...). */
    static String ps(Engine e, boolean all, long now, String format) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
        StringBuilder formatted = new StringBuilder();
        for (Container c : e.containers()) {
            if (!all && c.state() != ContainerState.RUNNING) continue;
            List<String> row = List.of(c.shortId(), c.spec().image(), "\"" + ellipsis(commandLine(c.command()), 20) + "\"",
                    humanDuration(now - c.created()) + " ago", status(c, now), c.state() == ContainerState.RUNNING ? ports(c) : "", c.name());
            rows.add(row);
            if (format != null) {
                java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
                String[] names = {"ID", "Image", "Command", "RunningFor", "Status", "Ports", "Names"};
                for (int i = 0; i < names.length; i++) fields.put(names[i], row.get(i));
                formatted.append(Inspect.template(format, fields)).append('\n');
            }
        }
        return format != null ? formatted.toString() : table(rows);
    }

    /**
     * The PORTS column: each published port as {@code HOSTIP:PORT->PORT/PROTO}, by container port;
     * a port published on all addresses shows its IPv4 and its IPv6 binding ({@code 0.0.0.0} and {@code ::}).
     */
    static String ports(Container c) {
        List<String> out = new ArrayList<>();
        for (dev.syssim.sim.container.PublishedPort p : published(c)) {
            for (String ip : bindings(p)) out.add(ip + ":" + p.hostPort() + "->" + p.containerPort() + "/" + p.protocol());
        }
        return String.join(", ", out);
    }

    private static List<dev.syssim.sim.container.PublishedPort> published(Container c) {
        List<dev.syssim.sim.container.PublishedPort> all = new ArrayList<>();
        for (String text : c.spec().ports()) {
            dev.syssim.sim.container.PublishedPort p = dev.syssim.sim.container.PublishedPort.parse(text);
            if (p != null) all.add(p);
        }
        all.sort(java.util.Comparator.comparingInt(dev.syssim.sim.container.PublishedPort::containerPort));
        return all;
    }

    /** The host addresses a port is bound on: the one given, or all IPv4 and all IPv6 ones. */
    private static List<String> bindings(dev.syssim.sim.container.PublishedPort p) {
        return p.hostIp() == null ? List.of("0.0.0.0", "::") : List.of(p.hostIp());
    }

    /**
     * {@code docker port NAME [PORT[/PROTO]]}: each binding as {@code 80/tcp -> 0.0.0.0:8080}, or for one
     * port its host addresses. Simplification: Docker lists a container's ports in Go's map order
     * (random); here by container port.
     */
    static Engine.Reply port(Engine e, List<String> args) {
        Container c = e.container(args.get(0));
        if (c == null) return new Engine.Reply("", "Error: No such container: " + args.get(0), 1);
        String want = args.size() > 1 ? (args.get(1).contains("/") ? args.get(1) : args.get(1) + "/tcp") : null;
        StringBuilder out = new StringBuilder();
        for (dev.syssim.sim.container.PublishedPort p : c.state() == ContainerState.RUNNING ? published(c) : List.<dev.syssim.sim.container.PublishedPort>of()) {
            String key = p.containerPort() + "/" + p.protocol();
            if (want != null && !want.equals(key)) continue;
            for (String ip : bindings(p)) {
                String host = (ip.equals("::") ? ":::" : ip + ":") + p.hostPort();
                out.append(want == null ? key + " -> " + host : host).append('\n');
            }
        }
        if (want != null && out.isEmpty()) return new Engine.Reply("", "Error: No public port '" + want + "' published for " + args.get(0), 1);
        return Engine.Reply.ok(out.toString());
    }

    /** The command as the API's Command field has it: arguments with blanks or quotes single-quoted. */
    static String commandLine(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String w : command) words.add(w.isEmpty() || w.matches(".*[\\s'\"$`\\\\].*") ? "'" + w.replace("'", "'\"'\"'") + "'" : w);
        return String.join(" ", words);
    }

    static String status(Container c, long now) {
        return switch (c.state()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + humanDuration(now - c.created());
            case EXITED -> "Exited (" + c.exitCode() + ") " + humanDuration(now - c.finished()) + " ago";
        };
    }

    static String images(Engine e, long now) {
        long nowSeconds = e.host().bootEpochSeconds() + now / 1_000_000_000L;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
        for (Image i : e.images()) {
            for (String tag : i.tags()) {
                rows.add(List.of(i.repository(), tag, i.shortId(), humanDuration((nowSeconds - i.createdEpochSeconds()) * 1_000_000_000L) + " ago",
                        size(i.sizeBytes())));
            }
        }
        return table(rows);
    }

    /** Go's text/tabwriter as Docker sets it up: each cell max(width + 3, 10) wide, the last one as it is. */
    static String table(List<List<String>> rows) {
        return table(rows, 10, 3);
    }

    /** Go's text/tabwriter: each cell at least {@code minWidth} wide and {@code padding} wider than its longest text, the last one as it is. */
    static String table(List<List<String>> rows, int minWidth, int padding) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                width[i] = Math.max(width[i], Math.max(minWidth, row.get(i).codePointCount(0, row.get(i).length()) + padding));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < columns - 1) line.append(" ".repeat(width[i] - cell.codePointCount(0, cell.length())));
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** {@code docker volume ls}: the local driver's volumes by name. */
    static String volumes(Engine e) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("DRIVER", "VOLUME NAME"));
        for (String v : e.volumes()) rows.add(List.of("local", v));
        return table(rows);
    }

    /** {@code docker network ls}: the three networks dockerd makes, by name. */
    static String networks(Engine e) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NETWORK ID", "NAME", "DRIVER", "SCOPE"));
        for (String[] n : e.networks()) rows.add(List.of(n[0].substring(0, 12), n[1], n[2], n[3]));
        return table(rows);
    }

    /**
     * {@code docker top NAME}: dockerd runs {@code ps -ef} and keeps the processes of the container
     * (those visible in its pid namespace), with their host pids; Docker prints them through a
     * tabwriter with minimum width 20 and padding 1 (so short cells are 20 wide).
     */
    static Engine.Reply top(Engine e, String key) {
        Container ct = e.container(key);
        if (ct == null) return new Engine.Reply("", "Error response from daemon: No such container: " + key, 1);
        if (ct.state() != ContainerState.RUNNING) return new Engine.Reply("", "Error response from daemon: Container " + ct.id() + " is not running", 1);
        dev.syssim.sim.os.Kernel k = e.host();
        dev.syssim.sim.os.Process init = k.process(ct.hostPid());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"));
        for (dev.syssim.sim.os.Process p : k.allProcesses()) {
            if (init == null || p.pidIn(init.pidNamespace()) == 0 || p.state() == dev.syssim.sim.os.ProcessState.ZOMBIE) continue;
            long start = k.bootEpochSeconds() + p.startTime() / 1_000_000_000L;
            java.time.LocalTime t = java.time.LocalTime.ofSecondOfDay(Math.floorMod(start, 86_400L));
            int uid = p.credentials().euid();
            rows.add(List.of(uid == 0 ? "root" : Integer.toString(uid), Integer.toString(p.pid()), Integer.toString(p.parent() == null ? 0 : p.parent().pid()),
                    "0", String.format("%02d:%02d", t.getHour(), t.getMinute()), "?", "00:00:00", String.join(" ", p.cmdline())));
        }
        return Engine.Reply.ok(table(rows, 20, 1));
    }

    /**
     * {@code docker stats --no-stream NAME...}: one sample of each container's cgroup — memory.current
     * against memory.max (or the host's RAM), pids.current. Simplification: the simulated cgroups
     * count no CPU time, network or block I/O here, so those columns read 0.
     */
    static Engine.Reply stats(Engine e, List<String> args) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"));
        List<String> names = new ArrayList<>();
        for (String a : args) if (!a.startsWith("-")) names.add(a);
        List<Container> which = new ArrayList<>();
        for (String n : names) {
            Container ct = e.container(n);
            if (ct == null) return new Engine.Reply("", "Error response from daemon: No such container: " + n, 1);
            which.add(ct);
        }
        if (names.isEmpty()) for (Container ct : e.containers()) if (ct.state() == ContainerState.RUNNING) which.add(ct);
        for (Container ct : which) {
            dev.syssim.sim.os.Process init = ct.state() == ContainerState.RUNNING ? e.host().process(ct.hostPid()) : null;
            long used = init == null ? 0 : init.cgroup().memoryCurrent();
            long limit = init == null ? 0 : ct.spec().memory() > 0 ? ct.spec().memory() : e.host().memoryKiB() * 1024;
            long pids = init == null ? 0 : init.cgroup().pidsCurrent();
            String percent = limit == 0 ? "0.00%" : String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * used / limit);
            rows.add(List.of(ct.shortId(), ct.name(), "0.00%", binary(used) + " / " + binary(limit), percent, "0B / 0B", "0B / 0B", Long.toString(pids)));
        }
        return Engine.Reply.ok(table(rows));
    }

    /** go-units' BytesSize: binary units, four significant digits ({@code 23.54GiB}, {@code 736KiB}). */
    static String binary(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** A simulated instant (ticks since boot) as Go's RFC3339Nano: trailing zeros of the fraction dropped. */
    static String rfc3339(Engine e, long ticks) {
        long seconds = e.host().bootEpochSeconds() + ticks / 1_000_000_000L;
        long nanos = ticks % 1_000_000_000L;
        String base = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC).toString();
        if (base.length() == 16) base += ":00";
        String fraction = nanos == 0 ? "" : ("." + String.format("%09d", nanos)).replaceAll("0+$", "");
        return base + fraction + "Z";
    }

    static String rfc3339Seconds(long epochSeconds) {
        String base = java.time.LocalDateTime.ofEpochSecond(epochSeconds, 0, java.time.ZoneOffset.UTC).toString();
        return (base.length() == 16 ? base + ":00" : base) + "Z";
    }

    /** go-units' HumanDuration. */
    static String humanDuration(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return seconds + " seconds";
        long minutes = seconds / 60;
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return minutes + " minutes";
        long hours = (long) (nanos / 3.6e12 + 0.5);
        if (hours == 1) return "About an hour";
        if (hours < 48) return hours + " hours";
        if (hours < 24 * 7 * 2) return hours / 24 + " days";
        if (hours < 24 * 30 * 2) return hours / 24 / 7 + " weeks";
        if (hours < 24 * 365 * 2) return hours / 24 / 30 + " months";
        return (long) (nanos / 3.6e12) / 24 / 365 + " years";
    }

    /** go-units' HumanSizeWithPrecision(size, 3), as {@code docker images} prints sizes. */
    static String size(long bytes) {
        return size(bytes, 3);
    }

    /** go-units' HumanSizeWithPrecision: decimal units, {@code digits} significant digits. */
    static String size(long bytes, int digits) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** Docker's Ellipsis: at most {@code max} characters, the last one … when cut. */
    static String ellipsis(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
