package dev.syssim.sim.prog.tools.users;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * getent (glibc 2.36): entries of the name-service databases, which on the simulated machines are
 * the files of /etc ({@code nsswitch.conf} says {@code files} for each): {@code passwd} and
 * {@code group} by name or number, {@code hosts} by name (IPv6 entries first, as getent asks for
 * them first) or address, {@code services} by name or port, {@code shadow} (readable by root only).
 * Without a key every entry is listed. Exit status 1 for a usage error or an unknown database, 2 if
 * a key is not found.
 */
public final class Getent extends Tool {

    private static final String TRY = "Try `getent --help' or `getent --usage' for more information.\n";

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-?")) return help(c);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                c.eprint("getent: unrecognized option '" + a + "'\n" + TRY);
                return c.exit(64);
            }
            if (a.startsWith("-") && a.length() > 1) {
                for (char ch : a.substring(1).toCharArray()) {
                    if (ch != 'i') {
                        c.eprint("getent: invalid option -- '" + ch + "'\n" + TRY);
                        return c.exit(64);
                    }
                }
                continue;
            }
            operands.add(a);
        }
        if (operands.isEmpty()) {
            c.eprint("getent: wrong number of arguments\n");
            c.print(TRY);
            return c.exit(1);
        }
        String database = operands.get(0);
        List<String> keys = operands.subList(1, operands.size());
        return switch (database) {
            case "passwd" -> colonFile(c, "/etc/passwd", keys, 2);
            case "group" -> colonFile(c, "/etc/group", keys, 2);
            case "shadow" -> colonFile(c, "/etc/shadow", keys, -1);
            case "hosts" -> lines(c, "/etc/hosts", keys, Getent::hosts);
            case "services" -> lines(c, "/etc/services", keys, Getent::services);
            default -> {
                c.eprint("Unknown database: " + database + "\n");
                c.print(TRY);
                yield c.exit(1);
            }
        };
    }

    /** passwd, group, shadow: a line whose first field is the key, or (idField >= 0) whose number is. */
    private static Step colonFile(Libc c, String path, List<String> keys, int idField) {
        return c.readFile(path, (err, bytes) -> {
            List<String[]> entries = new ArrayList<>();
            if (bytes != null) {
                for (String line : Libc.text(bytes).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) entries.add(new String[] {line, line.split(":", -1)[0],
                            idField >= 0 && line.split(":", -1).length > idField ? line.split(":", -1)[idField] : ""});
                }
            }
            StringBuilder out = new StringBuilder();
            int status = bytes == null && !keys.isEmpty() ? 2 : 0;
            if (keys.isEmpty()) {
                for (String[] e : entries) out.append(e[0]).append('\n');
            }
            for (String key : keys) {
                String found = null;
                boolean numeric = key.matches("[0-9]+");
                for (String[] e : entries) {
                    if (numeric ? e[2].equals(key) : e[1].equals(key)) {
                        found = e[0];
                        break;
                    }
                }
                if (found == null && numeric) {
                    for (String[] e : entries) if (e[1].equals(key)) found = e[0];
                }
                if (found == null) status = 2;
                else out.append(found).append('\n');
            }
            c.print(out.toString());
            return c.exit(status);
        });
    }

    /** Files of the form {@code KEY rest... # comment}: each database says how to match and print. */
    private static Step lines(Libc c, String path, List<String> keys, Function<Query, String> lookup) {
        return c.readFile(path, (err, bytes) -> {
            List<String[]> entries = new ArrayList<>();
            if (bytes != null) {
                for (String line : Libc.text(bytes).split("\n")) {
                    String[] f = line.replaceAll("#.*", "").strip().split("\\s+");
                    if (f.length >= 2) entries.add(f);
                }
            }
            StringBuilder out = new StringBuilder();
            int status = 0;
            if (keys.isEmpty()) out.append(lookup.apply(new Query(entries, null)));
            for (String key : keys) {
                String found = lookup.apply(new Query(entries, key));
                if (found.isEmpty()) status = 2;
                out.append(found);
            }
            c.print(out.toString());
            return c.exit(status);
        });
    }

    /** The parsed lines of a file and the key looked for (null: every entry). */
    private record Query(List<String[]> entries, String key) {
    }

    private static String hosts(Query q) {
        StringBuilder out = new StringBuilder();
        if (q.key() == null) {
            for (String[] f : q.entries()) out.append(hostLine(f));
            return out.toString();
        }
        boolean address = q.key().matches("[0-9.]+") || q.key().contains(":");
        for (boolean ipv6 : new boolean[] {true, false}) {
            for (String[] f : q.entries()) {
                if (f[0].contains(":") != ipv6 && !address) continue;
                boolean match = address ? f[0].equals(q.key()) : java.util.Arrays.asList(f).subList(1, f.length).contains(q.key());
                if (match) return hostLine(f);
            }
            if (address) break;
        }
        return "";
    }

    private static String hostLine(String[] f) {
        return String.format("%-15s %s%n", f[0], String.join(" ", java.util.Arrays.asList(f).subList(1, f.length)));
    }

    private static String services(Query q) {
        StringBuilder out = new StringBuilder();
        for (String[] f : q.entries()) {
            String line = String.format("%-21s %s%s%n", f[0], f[1], f.length > 2 ? " " + String.join(" ", java.util.Arrays.asList(f).subList(2, f.length)) : "");
            if (q.key() == null) {
                out.append(line);
                continue;
            }
            String key = q.key();
            String port = f[1].substring(0, f[1].indexOf('/'));
            boolean match = key.contains("/") ? (key.equals(f[1]) || (f[0] + "/" + f[1].substring(f[1].indexOf('/') + 1)).equals(key))
                    : key.equals(f[0]) || key.equals(port) || java.util.Arrays.asList(f).subList(2, f.length).contains(key);
            if (match) return line;
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "get entries from Name Service Switch libraries";
    }

    @Override
    public String manual() {
        return "getent [-i] database [key ...]\n"
                + "  Display entries from the databases the name service switch reads: passwd, group, shadow, hosts, services\n"
                + "  (on the simulated machines, the files of /etc). Without a key, every entry is listed.\n"
                + "  Exit status: 0 on success, 1 for missing arguments or an unknown database, 2 if a key could not be found.";
    }
}
