package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;

/**
 * busybox ls: names one per line (as on a pipe), sorted by byte value; {@code -a} with {@code .}
 * and {@code ..}, {@code -A} without, {@code -1}, {@code -d}, {@code -l} in busybox's long format
 * ({@code %-10s %4u %-8s %-8s %9llu DATE NAME}). Files named first, then each directory under a
 * {@code DIR:} header when there are several; {@code ls: X: No such file or directory}, status 1.
 */
final class Ls extends Tool {

    private final long bootEpochSeconds;

    Ls(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    @Override
    protected Step run(Libc c) {
        boolean all = false;
        boolean almost = false;
        boolean longFormat = false;
        boolean directory = false;
        List<String> names = new ArrayList<>();
        for (String a : c.args().operands()) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char ch : a.substring(1).toCharArray()) {
                    switch (ch) {
                        case 'a' -> all = true;
                        case 'A' -> almost = true;
                        case 'l' -> longFormat = true;
                        case 'd' -> directory = true;
                        case '1' -> { }
                        default -> {
                            c.eprint("ls: invalid option -- '" + ch + "'\n" + Busybox.VERSION + " multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n");
                            return c.exitQuietly(1);
                        }
                    }
                }
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) names.add(".");
        boolean dots = all;
        boolean hidden = all || almost;
        boolean asLong = longFormat;
        boolean dirsAsFiles = directory;
        int[] status = {0};
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        return c.users(users -> Libc.forEach(names, (name, next) -> c.statOf(name, false, (e, st) -> {
            if (e != null) {
                c.eprint("ls: " + name + ": " + e.message() + "\n");
                status[0] = 1;
            } else if (st.type() == dev.syssim.sim.fs.FileType.DIRECTORY && !dirsAsFiles) {
                dirs.add(name);
            } else {
                files.add(name);
            }
            return next.get();
        }), () -> {
            files.sort(null);
            dirs.sort(null);
            return Libc.forEach(files, (f, next) -> line(c, users, f, f, asLong, next), () -> {
                boolean headers = names.size() > 1;
                boolean[] first = {files.isEmpty()};
                return Libc.forEach(dirs, (d, next) -> c.listDirectory(d, dots, (err, entries) -> {
                    if (headers) {
                        c.print((first[0] ? "" : "\n") + d + ":\n");
                        first[0] = false;
                    }
                    List<String> list = new ArrayList<>();
                    if (entries != null) for (Dirent x : entries) if (hidden || !x.name().startsWith(".")) list.add(x.name());
                    list.sort(null);
                    String base = d.endsWith("/") ? d : d + "/";
                    return Libc.forEach(list, (n, more) -> line(c, users, base + n, n, asLong, more), next);
                }), () -> c.exitQuietly(status[0]));
            });
        }));
    }

    private Step line(Libc c, UserDb users, String path, String shown, boolean longFormat, java.util.function.Supplier<Step> next) {
        if (!longFormat) {
            c.println(shown);
            return next.get();
        }
        return c.statOf(path, false, (e, st) -> {
            if (st != null) {
                c.print(String.format("%s %4d %-8s %-8s %9d %s %s%n", type(st) + dev.syssim.sim.prog.Modes.symbolic(st.permissions()), st.links(),
                        users.userName(st.uid()), users.groupName(st.gid()), st.size(), date(c, st), shown));
            }
            return next.get();
        });
    }

    private static char type(Stat st) {
        return st.type().letter();
    }

    private String date(Libc c, Stat st) {
        long seconds = Math.floorDiv(c.args().realtimeNanos(), 1_000_000_000L);
        java.time.ZonedDateTime t = java.time.Instant.ofEpochSecond(bootEpochSeconds + Math.floorDiv(st.mtime(), 1_000_000_000L)).atZone(java.time.ZoneOffset.UTC);
        java.time.ZonedDateTime now = java.time.Instant.ofEpochSecond(seconds).atZone(java.time.ZoneOffset.UTC);
        String month = t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
        boolean recent = !t.isBefore(now.minusMonths(6)) && !t.isAfter(now.plusHours(1));
        return String.format("%s %2d %s", month, t.getDayOfMonth(), recent ? String.format("%02d:%02d", t.getHour(), t.getMinute()) : String.format(" %d", t.getYear()));
    }

    @Override
    public String manual() {
        return "ls [-1AadlL] [FILE]...\n  List directory contents";
    }
}
