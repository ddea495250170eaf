package dev.syssim.sim.prog.tools.archives;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utimensat;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Loops;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.prog.tools.files.NamePattern;
import dev.syssim.sim.prog.tools.files.Ls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * tar (GNU tar 1.34): create ({@code c}), list ({@code t}) and extract ({@code x}) archives, with
 * {@code f} (the archive; standard input or output by default), {@code z} (gzip; a compressed archive
 * is recognised when read from a file anyway), {@code v}, {@code -C DIR}, {@code --exclude=PATTERN},
 * {@code -p}, {@code --strip-components=N}, {@code --sort=name}, {@code -O}; old-style bundles ({@code
 * tar czvf a.tgz d}) too. The archive's records are written and read by Apache Commons Compress, so
 * the real tar reads what this writes; -r appends where the old end-of-archive blocks were. Not
 * simulated: {@code u}, {@code --delete}, other compressors; directory order is the simulated file system's (creation order).
 */
public final class Tar extends Tool {

    private static final String SHORT = "cxtrf:zvC:pOkmhb:";
    private static final List<String> LONG = List.of("create>c", "extract>x", "get>x", "list>t", "append>r", "file=>f", "gzip>z", "gunzip>z",
            "ungzip>z", "verbose>v", "directory=>C", "preserve-permissions>p", "same-permissions>p", "to-stdout>O",
            "keep-old-files>k", "touch>m", "dereference>h", "exclude=", "strip-components=", "sort=", "numeric-owner",
            "no-same-owner", "same-owner", "no-same-permissions", "owner=", "group=", "help", "version", "blocking-factor=>b",
            "wildcards", "no-wildcards");
    /** GNU tar's default record: 20 blocks of 512 bytes; an archive is padded to a whole record. */
    private static final int RECORD_SIZE = 10240;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final long bootEpochSeconds;

    public Tar(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    /** One run: the mode, options, and what happened so far. */
    private static final class Run {
        char mode;
        String archive;
        boolean gzip;
        int verbose;
        boolean preserve;
        boolean toStdout;
        boolean keepOld;
        boolean touch;
        boolean dereference;
        boolean numericOwner;
        boolean sortByName;
        /** --wildcards: member names on the command line are patterns (--no-wildcards: silently not). */
        boolean wildcards;
        boolean noWildcards;
        /** --owner / --group: what the archive says instead of the file's owner (see {@link Owner}). */
        Owner owner;
        Owner group;
        int strip;
        final List<String> excludes = new ArrayList<>();
        int status;
        boolean warnedAbsolute;
        UserDb users;
        int umask = 022;
        boolean root;
        /** The first archived name of each file with several links ("device:inode"), for hard-link members. */
        final Map<String, String> hardLinks = new HashMap<>();
        /** The width of the user/group/size column of verbose listings, which only grows. */
        int ugsWidth = 19;
        /** Directory times are set after their contents, as tar does. */
        final List<Object[]> directoryTimes = new ArrayList<>();

        boolean excluded(String name) {
            String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            for (String pattern : excludes) {
                String p = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
                if (NamePattern.matches(p, n, false)) return true;
                for (int i = n.indexOf('/'); i >= 0; i = n.indexOf('/', i + 1)) {
                    if (NamePattern.matches(p, n.substring(i + 1), false)) return true;
                }
            }
            return false;
        }
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = oldStyle(c.args().operands());
        Getopt g = Getopt.parse("tar", args, SHORT, LONG, true);
        if (g.failed()) {
            // argp's usage errors exit with EX_USAGE
            c.eprint(g.error() + "\nTry 'tar --help' or 'tar --usage' for more information.\n");
            return c.exit(64);
        }
        if (g.has("help")) return help(c);
        if (g.has("version")) {
            c.println("tar (GNU tar) 1.34");
            return c.exit(0);
        }
        Run run = new Run();
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "c", "x", "t", "r" -> {
                    if (run.mode != 0 && run.mode != o.key().charAt(0)) {
                        return usage(c, "tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
                    }
                    run.mode = o.key().charAt(0);
                }
                case "f" -> run.archive = o.value();
                case "z" -> run.gzip = true;
                case "v" -> run.verbose++;
                case "C" -> { }
                case "p" -> run.preserve = true;
                case "O" -> run.toStdout = true;
                case "k" -> run.keepOld = true;
                case "m" -> run.touch = true;
                case "h" -> run.dereference = true;
                case "exclude" -> run.excludes.add(o.value());
                case "numeric-owner" -> run.numericOwner = true;
                case "wildcards" -> run.wildcards = true;
                case "no-wildcards" -> {
                    run.wildcards = false;
                    run.noWildcards = true;
                }
                case "owner", "group" -> {
                    Owner parsed = Owner.parse(o.value());
                    if (parsed == null) {
                        String bad = o.value().contains(":") ? o.value().substring(o.value().indexOf(':') + 1) : o.value();
                        return fatal(c, bad + ": Invalid owner or group ID");
                    }
                    if (o.key().equals("owner")) run.owner = parsed;
                    else run.group = parsed;
                }
                case "strip-components" -> {
                    if (!o.value().matches("\\d+")) {
                        c.eprint("tar: Invalid number of elements: " + Libc.quote(o.value()) + "\n");
                        return usage(c, null);
                    }
                    run.strip = Integer.parseInt(o.value());
                }
                case "sort" -> {
                    if (!List.of("none", "name", "inode").contains(o.value())) {
                        c.eprint("tar: invalid argument " + c.quoteLocale(o.value()) + " for " + c.quoteLocale("--sort") + "\n"
                                + "Valid arguments are:\n  - " + c.quoteLocale("none") + "\n  - " + c.quoteLocale("name") + "\n  - "
                                + c.quoteLocale("inode") + "\n");
                        return usage(c, null);
                    }
                    run.sortByName = o.value().equals("name");
                }
                default -> { }
            }
        }
        if (run.mode == 0) return usage(c, "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
        // -C applies to the names after it, in order
        List<Object> plan = interleave(args, new ArrayList<>(g.operands()));
        if (run.archive == null) run.archive = "-";
        return c.users(db -> {
            run.users = db;
            return c.sys(new Syscall.Umask(022), u -> c.sys(new Syscall.Umask((int) u.value()), u2 -> {
                run.umask = (int) u.value();
                return c.id("geteuid", euid -> {
                    run.root = euid == 0;
                    return switch (run.mode) {
                        case 'c' -> create(c, run, plan);
                        case 'r' -> run.gzip ? usage(c, "tar: Cannot update compressed archives") : create(c, run, plan);
                        case 't' -> readArchive(c, run, plan, false);
                        default -> readArchive(c, run, plan, true);
                    };
                });
            }));
        });
    }

    /**
     * An --owner or --group value as tar 1.34 reads it: {@code NAME:ID} gives both; a decimal number
     * gives the id (its name then comes from the user database); anything else is a name, whose id
     * comes from the database, or stays the file's when the database does not know it. An empty
     * name is kept empty (a listing then shows the number).
     */
    private record Owner(String name, Long id) {

        private static final long MAX_ID = 0xFFFF_FFFFL;

        /** Null when the id is not a number tar accepts (its fatal "Invalid owner or group ID"). */
        static Owner parse(String arg) {
            int colon = arg.indexOf(':');
            if (colon >= 0) {
                Long id = decimal(arg.substring(colon + 1));
                if (id == null) return null;
                return new Owner(colon == 0 ? null : arg.substring(0, colon), id);
            }
            if (!arg.isEmpty() && arg.charAt(0) >= '0' && arg.charAt(0) <= '9' && arg.chars().allMatch(Character::isDigit)) {
                Long id = decimal(arg);
                return id == null ? null : new Owner(null, id);
            }
            return new Owner(arg, null);
        }

        private static Long decimal(String text) {
            if (text.isEmpty() || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return null;
            try {
                long v = Long.parseLong(text);
                return v <= MAX_ID ? v : null;
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }

        /** The id written for a file whose own id is {@code fileId}. */
        int id(int fileId, ToIntFunction<String> byName) {
            if (id != null) return (int) (long) id;
            if (name == null) return fileId;
            int known = byName.applyAsInt(name);
            return known >= 0 ? known : fileId;
        }

        /** The name written, given the id written. */
        String name(int writtenId, IntFunction<String> byId) {
            return name != null ? name : byId.apply(writtenId);
        }
    }

    /** A -C option's directory, in its place among the file names. */
    private record Directory(String path) {
    }

    /** The file names and -C directories in command-line order. */
    private static List<Object> interleave(List<String> args, List<String> operands) {
        List<Object> plan = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-C") || a.equals("--directory")) {
                if (i + 1 < args.size()) plan.add(new Directory(args.get(++i)));
                continue;
            }
            if (a.startsWith("--directory=")) {
                plan.add(new Directory(a.substring("--directory=".length())));
                continue;
            }
            if (a.startsWith("-C") && a.length() > 2) {
                plan.add(new Directory(a.substring(2)));
                continue;
            }
            if (a.startsWith("-") && !a.equals("-")) {
                if (takesValue(a) && i + 1 < args.size()) i++;
                continue;
            }
            if (next < operands.size() && a.equals(operands.get(next))) plan.add(operands.get(next++));
        }
        return plan;
    }

    /** Whether a short-option cluster ends with a letter that takes the next argument ({@code -cf}). */
    private static boolean takesValue(String a) {
        if (a.startsWith("--")) {
            return !a.contains("=") && List.of("--file", "--exclude", "--strip-components", "--sort", "--owner", "--group",
                    "--blocking-factor").contains(a);
        }
        for (int j = 1; j < a.length(); j++) {
            char ch = a.charAt(j);
            if (ch == 'f' || ch == 'C' || ch == 'b') return j == a.length() - 1;
        }
        return false;
    }

    /** tar's traditional form: a first word without a dash is a bundle of letters whose values follow in order. */
    private static List<String> oldStyle(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) return args;
        List<String> out = new ArrayList<>();
        String bundle = args.get(0);
        int next = 1;
        for (char ch : bundle.toCharArray()) {
            out.add("-" + ch);
            if ((ch == 'f' || ch == 'C' || ch == 'b') && next < args.size()) out.add(args.get(next++));
        }
        out.addAll(args.subList(next, args.size()));
        return out;
    }

    private static Step usage(Libc c, String message) {
        if (message != null) c.eprint(message + "\n");
        c.eprint("Try 'tar --help' or 'tar --usage' for more information.\n");
        return c.exit(2);
    }

    private static Step fatal(Libc c, String message) {
        c.eprint("tar: " + message + "\ntar: Error is not recoverable: exiting now\n");
        return c.exit(2);
    }

    private static Step finish(Libc c, Run run) {
        if (run.status == 2) c.eprint("tar: Exiting with failure status due to previous errors\n");
        return c.exit(run.status);
    }

    // ---- create ----

    /** One member to write: its name in the archive, its path on disk, and its stat. */
    private record Member(String name, String path, Stat stat, String link, byte[] data) {
    }

    private Step create(Libc c, Run run, List<Object> plan) {
        boolean anyName = plan.stream().anyMatch(p -> p instanceof String);
        if (!anyName) return usage(c, "tar: Cowardly refusing to create an empty archive");
        List<Member> members = new ArrayList<>();
        String[] cwd = {null};
        return Libc.forEach(plan, (item, next) -> {
            if (item instanceof Directory d) {
                cwd[0] = cwd[0] == null || d.path().startsWith("/") ? d.path() : cwd[0] + "/" + d.path();
                return next.get();
            }
            String name = (String) item;
            String path = cwd[0] == null || name.startsWith("/") ? name : cwd[0] + "/" + name;
            return add(c, run, memberName(c, run, name), path, members, true, next);
        }, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, RECORD_SIZE)) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
                for (Member m : members) {
                    out.putArchiveEntry(entry(run, m));
                    if (m.data() != null) out.write(m.data());
                    out.closeArchiveEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] archive = gnuHeaders(bytes.toByteArray());
            if (run.mode == 'r') {
                // -r: a member that could not be read leaves the archive as it was
                if (run.status == 2) return finish(c, run);
                byte[] fresh = archive;
                return c.readFile(run.archive, (err, old) -> {
                    if (err != null && err != Errno.ENOENT) return fatal(c, run.archive + ": Cannot read: " + err.message());
                    return write(c, run, appended(err == null ? old : new byte[0], fresh));
                });
            }
            return write(c, run, run.gzip ? GzipFormat.compress(archive, 6, null, 0) : archive);
        });
    }

    /**
     * tar -r: the new members' headers and data written where the old archive's end-of-archive
     * blocks were, then two zero blocks, padded to a whole record again.
     */
    private static byte[] appended(byte[] old, byte[] fresh) {
        int oldEnd = end(old);
        int freshEnd = end(fresh);
        int length = oldEnd + freshEnd + 1024;
        int padded = (length + RECORD_SIZE - 1) / RECORD_SIZE * RECORD_SIZE;
        byte[] out = new byte[padded];
        System.arraycopy(old, 0, out, 0, oldEnd);
        System.arraycopy(fresh, 0, out, oldEnd, freshEnd);
        return out;
    }

    /** Where an archive's members end: the first all-zero block where a header would start. */
    private static int end(byte[] archive) {
        int at = 0;
        while (at + 512 <= archive.length) {
            boolean zero = true;
            for (int i = at; i < at + 512 && zero; i++) zero = archive[i] == 0;
            if (zero) return at;
            at += 512 + (int) ((dataSize(archive, at) + 511) / 512 * 512);
        }
        return Math.min(at, archive.length);
    }

    private static Step write(Libc c, Run run, byte[] result) {
        if (run.archive.equals("-")) {
            c.printBytes(result);
            return finish(c, run);
        }
        return c.create(run.archive, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
            if (r.failed()) return fatal(c, run.archive + ": Cannot open: " + r.errno().message());
            int fd = r.intValue();
            return c.writeAll(fd, result, e -> c.close(fd, () -> {
                if (e != null) return fatal(c, run.archive + ": Cannot write: " + e.message());
                return finish(c, run);
            }));
        });
    }

    /**
     * GNU tar writes its own header format ("ustar  \0" where POSIX has "ustar\0" "00"); Commons
     * Compress writes POSIX ustar, which tar reads just as well. Marking each header GNU (and
     * summing it again) makes the archive what GNU tar would write, so {@code file} says "POSIX tar
     * archive (GNU)" of it too.
     */
    static byte[] gnuHeaders(byte[] archive) {
        int at = 0;
        while (at + 512 <= archive.length) {
            boolean zero = true;
            for (int i = at; i < at + 512 && zero; i++) zero = archive[i] == 0;
            if (zero) break;
            if (archive[at + 257] == 'u' && archive[at + 262] == 0) {
                byte[] magic = "ustar  \0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(magic, 0, archive, at + 257, 8);
                for (int i = 148; i < 156; i++) archive[at + i] = ' ';
                long sum = 0;
                for (int i = 0; i < 512; i++) sum += archive[at + i] & 0xff;
                byte[] check = String.format("%06o", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(check, 0, archive, at + 148, 6);
                archive[at + 154] = 0;
                archive[at + 155] = ' ';
            }
            at += 512 + (int) ((dataSize(archive, at) + 511) / 512 * 512);
        }
        return archive;
    }

    /** The bytes of data that follow the header at {@code at} (none for links, directories, devices). */
    private static long dataSize(byte[] archive, int at) {
        long size = 0;
        if ((archive[at + 124] & 0x80) != 0) {
            for (int i = 125; i < 136; i++) size = size << 8 | (archive[at + i] & 0xff);
        } else {
            for (int i = 124; i < 136; i++) {
                int b = archive[at + i];
                if (b >= '0' && b <= '7') size = size * 8 + (b - '0');
            }
        }
        byte type = archive[at + 156];
        boolean hasData = type == '0' || type == 0 || type == '7' || type == 'L' || type == 'K';
        return hasData ? size : 0;
    }

    private static String memberName(Libc c, Run run, String name) {
        String n = name;
        if (n.startsWith("/")) {
            while (n.startsWith("/")) n = n.substring(1);
            if (!run.warnedAbsolute) c.eprint("tar: Removing leading `/' from member names\n");
            run.warnedAbsolute = true;
            if (n.isEmpty()) n = ".";
        }
        return n;
    }

    /** Adds a file (a directory with everything under it) to {@code members}. */
    private Step add(Libc c, Run run, String name, String path, List<Member> members, boolean top, Supplier<Step> next) {
        if (run.excluded(name)) return next.get();
        return c.statOf(path, run.dereference, (err, st) -> {
            if (err != null) {
                c.eprint("tar: " + name + ": Cannot stat: " + err.message() + "\n");
                run.status = 2;
                return next.get();
            }
            String listed = st.type() == FileType.DIRECTORY && !name.endsWith("/") ? name + "/" : name;
            if (run.verbose > 0) verbose(c, run, listed, st, null);
            switch (st.type()) {
                case DIRECTORY -> {
                    members.add(new Member(listed, path, st, null, null));
                    return c.listDirectory(path, false, (e, entries) -> {
                        if (e != null) {
                            c.eprint("tar: " + name + ": Cannot open: " + e.message() + "\n");
                            run.status = 2;
                            return next.get();
                        }
                        List<Dirent> list = new ArrayList<>(entries);
                        if (run.sortByName) list.sort(Comparator.comparing(Dirent::name));
                        String base = listed;
                        return Libc.forEach(list, (d, more) -> add(c, run, base + d.name(), path + "/" + d.name(), members, false, more), next);
                    });
                }
                case SYMLINK -> {
                    return c.sys(new Syscall.Readlink(path), r -> {
                        members.add(new Member(name, path, st, r.failed() ? "" : (String) r.data(), null));
                        return next.get();
                    });
                }
                case REGULAR -> {
                    // a file with other names already archived is stored as a hard link to the first
                    if (st.links() > 1) {
                        String first = run.hardLinks.putIfAbsent(st.device() + ":" + st.inode(), name);
                        if (first != null) {
                            members.add(new Member(name, path, st, first, null));
                            return next.get();
                        }
                    }
                    return c.readFile(path, (e, data) -> {
                        if (e != null) {
                            c.eprint("tar: " + name + ": Cannot open: " + e.message() + "\n");
                            run.status = 2;
                            return next.get();
                        }
                        members.add(new Member(name, path, st, null, data));
                        return next.get();
                    });
                }
                default -> {
                    members.add(new Member(name, path, st, null, null));
                    return next.get();
                }
            }
        });
    }

    private TarArchiveEntry entry(Run run, Member m) {
        Stat st = m.stat();
        TarArchiveEntry e;
        switch (st.type()) {
            case DIRECTORY -> e = new TarArchiveEntry(m.name(), TarConstants.LF_DIR);
            case SYMLINK -> {
                e = new TarArchiveEntry(m.name(), TarConstants.LF_SYMLINK);
                e.setLinkName(m.link());
            }
            case FIFO -> e = new TarArchiveEntry(m.name(), TarConstants.LF_FIFO);
            case CHAR_DEVICE -> e = new TarArchiveEntry(m.name(), TarConstants.LF_CHR);
            case BLOCK_DEVICE -> e = new TarArchiveEntry(m.name(), TarConstants.LF_BLK);
            default -> {
                if (m.data() == null && m.link() != null) {
                    e = new TarArchiveEntry(m.name(), TarConstants.LF_LINK);
                    e.setLinkName(m.link());
                } else {
                    e = new TarArchiveEntry(m.name(), TarConstants.LF_NORMAL);
                    e.setSize(m.data().length);
                }
            }
        }
        e.setMode(st.mode());
        int uid = uid(run, st);
        int gid = gid(run, st);
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setUserName(userName(run, uid));
        e.setGroupName(groupName(run, gid));
        e.setLastModifiedTime(FileTime.from(epochSeconds(st.mtime()), TimeUnit.SECONDS));
        return e;
    }

    private static int uid(Run run, Stat st) {
        if (run.owner == null) return st.uid();
        return run.owner.id(st.uid(), n -> run.users.user(n) == null ? -1 : run.users.user(n).uid());
    }

    private static int gid(Run run, Stat st) {
        if (run.group == null) return st.gid();
        return run.group.id(st.gid(), n -> run.users.group(n) == null ? -1 : run.users.group(n).gid());
    }

    private static String userName(Run run, int uid) {
        return run.owner == null ? run.users.userName(uid) : run.owner.name(uid, run.users::userName);
    }

    private static String groupName(Run run, int gid) {
        return run.group == null ? run.users.groupName(gid) : run.group.name(gid, run.users::groupName);
    }

    private long epochSeconds(long simNanos) {
        return bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L);
    }

    private void verbose(Libc c, Run run, String name, Stat st, String link) {
        String line = run.verbose > 1 ? longLine(run, Ls.modeString(st), userName(run, uid(run, st)), groupName(run, gid(run, st)),
                st.type() == FileType.REGULAR ? st.size() : 0, epochSeconds(st.mtime()), name, link) : name;
        if (run.archive != null && run.archive.equals("-")) c.eprint(line + "\n");
        else c.println(line);
    }

    /** tar's verbose listing: mode, user/group and size in a column that only grows, date, name. */
    private static String longLine(Run run, String mode, String user, String group, long size, long mtime, String name, String link) {
        String sizeText = Long.toString(size);
        int pad = user.length() + 1 + group.length() + 1 + sizeText.length();
        if (pad > run.ugsWidth) run.ugsWidth = pad;
        String date = DATE.format(Instant.ofEpochSecond(mtime).atZone(ZoneOffset.UTC));
        int width = run.ugsWidth - pad + sizeText.length();
        StringBuilder line = new StringBuilder(mode).append(' ').append(user).append('/').append(group).append(' ')
                .append(" ".repeat(Math.max(0, width - sizeText.length()))).append(sizeText).append(' ').append(date).append(' ').append(name);
        if (link != null) line.append(link);
        return line.toString();
    }

    // ---- list and extract ----

    private Step readArchive(Libc c, Run run, List<Object> plan, boolean extract) {
        List<String> names = new ArrayList<>();
        String[] cwd = {null};
        for (Object item : plan) {
            if (item instanceof String s) names.add(s);
            else if (item instanceof Directory d) cwd[0] = cwd[0] == null || d.path().startsWith("/") ? d.path() : cwd[0] + "/" + d.path();
        }
        java.util.function.Function<byte[], Step> withBytes = raw -> {
            byte[] bytes = raw;
            if (GzipFormat.isGzip(bytes)) {
                GzipFormat.Unpacked u = GzipFormat.decompress(bytes);
                if (u.problem() != null && u.problem().fatal) {
                    c.eprint("\ngzip: stdin: " + u.problem().message + "\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n");
                    return c.exit(2);
                }
                bytes = u.data();
            } else if (run.gzip) {
                c.eprint("\ngzip: stdin: not in gzip format\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n");
                return c.exit(2);
            }
            List<TarArchiveEntry> entries = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            boolean garbage = false;
            try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(bytes))) {
                TarArchiveEntry e;
                while ((e = in.getNextEntry()) != null) {
                    entries.add(e);
                    contents.add(e.isFile() || e.isLink() ? in.readAllBytes() : null);
                }
            } catch (IOException | RuntimeException ex) {
                garbage = true;
            }
            if (garbage && entries.isEmpty() || (entries.isEmpty() && bytes.length > 0 && !allZero(bytes))) {
                c.eprint("tar: This does not look like a tar archive\n");
                run.status = 2;
                return finish(c, run);
            }
            String dir = cwd[0];
            Set<String> unmatched = new LinkedHashSet<>(names);
            return dir == null || !extract ? members(c, run, entries, contents, names, unmatched, dir, extract)
                    : c.statOf(dir, true, (err, st) -> {
                        if (err != null) return fatal(c, dir + ": Cannot open: " + err.message());
                        return members(c, run, entries, contents, names, unmatched, dir, true);
                    });
        };
        if (run.archive.equals("-")) return new ByteInput(c, List.of("-")).readAll(withBytes);
        return c.readFile(run.archive, (err, data) -> {
            if (err != null) return fatal(c, run.archive + ": Cannot open: " + err.message());
            return withBytes.apply(data);
        });
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    /**
     * Whether a member is one the command line names: the name itself or a directory above it;
     * with --wildcards the names are fnmatch patterns ('*' crosses '/', anchored at the start), which
     * also select what is under a directory they match (FNM_LEADING_DIR).
     */
    private static boolean selected(String name, List<String> names, Set<String> unmatched, boolean wildcards) {
        if (names.isEmpty()) return true;
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String want : names) {
            String w = want.endsWith("/") ? want.substring(0, want.length() - 1) : want;
            boolean match = n.equals(w) || n.startsWith(w + "/");
            if (!match && wildcards) {
                match = NamePattern.matches(w, n, false);
                for (int slash = n.indexOf('/'); !match && slash > 0; slash = n.indexOf('/', slash + 1)) {
                    match = NamePattern.matches(w, n.substring(0, slash), false);
                }
            }
            if (match) {
                unmatched.remove(want);
                return true;
            }
        }
        return false;
    }

    private Step members(Libc c, Run run, List<TarArchiveEntry> entries, List<byte[]> contents, List<String> names, Set<String> unmatched,
                         String dir, boolean extract) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) order.add(i);
        return Loops.forEach(c, order, (i, next) -> {
            TarArchiveEntry e = entries.get(i);
            String name = e.getName();
            if (!selected(name, names, unmatched, run.wildcards) || run.excluded(name)) return next.get();
            if (!extract) {
                c.println(run.verbose > 0 ? listLine(run, e) : name);
                return next.get();
            }
            if (run.verbose > 0) c.println(run.verbose > 1 ? listLine(run, e) : name);
            String stripped = strip(name, run.strip);
            if (stripped == null) return next.get();
            String path = dir == null ? stripped : dir + "/" + stripped;
            if (run.toStdout) {
                if (contents.get(i) != null && e.isFile()) c.printBytes(contents.get(i));
                return next.get();
            }
            return extractOne(c, run, e, contents.get(i), path, dir, next);
        }, () -> {
            boolean warned = false;
            for (String missing : unmatched) {
                if (!run.wildcards && !run.noWildcards && !warned && missing.matches(".*[*?\\[].*")) {
                    // names are not patterns unless --wildcards; tar says so once
                    c.eprint("tar: Pattern matching characters used in file names\n"
                            + "tar: Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning\n");
                    warned = true;
                }
                c.eprint("tar: " + missing + ": Not found in archive\n");
                run.status = 2;
            }
            return setDirectoryTimes(c, run, 0, () -> finish(c, run));
        });
    }

    private static String strip(String name, int components) {
        String n = name;
        for (int k = 0; k < components; k++) {
            int slash = n.indexOf('/');
            if (slash < 0) return null;
            n = n.substring(slash + 1);
        }
        if (n.isEmpty()) return null;
        return n;
    }

    private String listLine(Run run, TarArchiveEntry e) {
        char type = e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : e.isCharacterDevice() ? 'c' : e.isBlockDevice() ? 'b'
                : e.isFIFO() ? 'p' : e.isLink() ? 'h' : '-';
        int mode = e.getMode();
        Stat fake = new Stat(0, 0, type == 'd' ? FileType.DIRECTORY : type == 'l' ? FileType.SYMLINK : type == 'c' ? FileType.CHAR_DEVICE
                : type == 'b' ? FileType.BLOCK_DEVICE : type == 'p' ? FileType.FIFO : FileType.REGULAR, mode & 07777, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        String modes = Ls.modeString(fake);
        if (type == 'h') modes = "h" + modes.substring(1);
        String user = run.numericOwner || e.getUserName().isEmpty() ? Long.toString(e.getLongUserId()) : e.getUserName();
        String group = run.numericOwner || e.getGroupName().isEmpty() ? Long.toString(e.getLongGroupId()) : e.getGroupName();
        String link = e.isSymbolicLink() ? " -> " + e.getLinkName() : e.isLink() ? " link to " + e.getLinkName() : null;
        long size = e.isFile() && !e.isLink() ? e.getSize() : 0;
        if (e.isCharacterDevice() || e.isBlockDevice()) {
            String dev = e.getDevMajor() + "," + e.getDevMinor();
            return longLine(run, modes, user, group, 0, e.getLastModifiedTime().to(TimeUnit.SECONDS), e.getName(), link).replaceFirst(" 0 ", " " + dev + " ");
        }
        return longLine(run, modes, user, group, size, e.getLastModifiedTime().to(TimeUnit.SECONDS), e.getName(), link);
    }

    private Step extractOne(Libc c, Run run, TarArchiveEntry e, byte[] data, String path, String dir, Supplier<Step> next) {
        int mode = e.getMode() & 07777;
        int applied = run.preserve || run.root ? mode : mode & ~run.umask;
        long mtime = (e.getLastModifiedTime().to(TimeUnit.SECONDS) - bootEpochSeconds) * 1_000_000_000L;
        String shown = e.getName();
        String relative = dir == null ? path : path.substring(dir.length() + 1);
        return parents(c, run, dir, relative, () -> {
            if (e.isDirectory()) {
                String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                return c.sys(new Syscall.Mkdir(p, 0700), r -> {
                    if (r.failed() && r.errno() != Errno.EEXIST) {
                        c.eprint("tar: " + shown + ": Cannot mkdir: " + r.errno().message() + "\n");
                        run.status = 2;
                        return next.get();
                    }
                    run.directoryTimes.add(new Object[] {p, applied, mtime});
                    return next.get();
                });
            }
            if (e.isSymbolicLink()) {
                return replace(c, run, path, shown, () -> c.sys(new Syscall.Symlink(e.getLinkName(), path), r -> {
                    if (r.failed()) {
                        c.eprint("tar: " + shown + ": Cannot create symlink to " + Libc.quote(e.getLinkName()) + ": " + r.errno().message() + "\n");
                        run.status = 2;
                        return next.get();
                    }
                    if (run.touch) return next.get();
                    return c.sys(new Utimensat(path, false, Utimensat.UTIME_NOW, mtime), t -> next.get());
                }), next);
            }
            if (e.isLink()) {
                String target = strip(e.getLinkName(), run.strip);
                String targetPath = dir == null ? target : dir + "/" + target;
                return replace(c, run, path, shown, () -> c.sys(new dev.syssim.sim.os.Linkat(targetPath, path), r -> {
                    if (r.failed()) {
                        c.eprint("tar: " + shown + ": Cannot hard link to " + Libc.quote(e.getLinkName()) + ": " + r.errno().message() + "\n");
                        run.status = 2;
                    }
                    return next.get();
                }), next);
            }
            if (!e.isFile()) {
                int type = e.isFIFO() ? 0010000 : e.isCharacterDevice() ? 0020000 : 0060000;
                return replace(c, run, path, shown, () -> c.sys(new Syscall.Mknod(path, type | applied, e.getDevMajor(), e.getDevMinor()), r -> {
                    if (r.failed()) {
                        c.eprint("tar: " + shown + ": Cannot mknod: " + r.errno().message() + "\n");
                        run.status = 2;
                    }
                    return next.get();
                }), next);
            }
            return replace(c, run, path, shown, () -> c.create(path, OpenFlags.O_WRONLY | OpenFlags.O_EXCL, 0600, r -> {
                if (r.failed()) {
                    c.eprint("tar: " + shown + ": Cannot open: " + r.errno().message() + "\n");
                    run.status = 2;
                    return next.get();
                }
                int fd = r.intValue();
                return c.writeAll(fd, data == null ? new byte[0] : data, w -> c.close(fd, () ->
                        c.sys(new Syscall.Chmod(path, applied), m -> {
                            if (run.touch) return next.get();
                            return c.sys(new Utimensat(path, false, Utimensat.UTIME_NOW, mtime), t -> next.get());
                        })));
            }), next);
        });
    }

    /** Removes what is in the way of a new member (tar unlinks and recreates), unless -k keeps it. */
    private static Step replace(Libc c, Run run, String path, String shown, Supplier<Step> create, Supplier<Step> skip) {
        return c.statOf(path, false, (e, st) -> {
            if (st == null) return create.get();
            if (run.keepOld) {
                c.eprint("tar: " + shown + ": Cannot open: File exists\n");
                run.status = 2;
                return skip.get();
            }
            if (st.type() == FileType.DIRECTORY) return create.get();
            return c.sys(Syscall.Unlinkat.unlink(path), u -> create.get());
        });
    }

    /** Makes the missing directories above {@code path} (tar creates them as it needs them). */
    private static Step parents(Libc c, Run run, String dir, String member, Supplier<Step> then) {
        List<String> dirs = new ArrayList<>();
        String p = member.endsWith("/") ? member.substring(0, member.length() - 1) : member;
        for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) dirs.add(p.substring(0, i));
        return Libc.forEach(dirs, (d, next) -> c.sys(new Syscall.Mkdir(dir == null ? d : dir + "/" + d, 0777), r -> {
            if (!r.failed() && run.verbose > 1) {
                Stat fake = new Stat(0, 0, FileType.DIRECTORY, 0777 & ~run.umask, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                c.println(Ls.modeString(fake) + " " + String.format("%" + (run.ugsWidth + 1 + 16) + "s", "Creating directory:") + " " + d);
            }
            return next.get();
        }), then);
    }

    private Step setDirectoryTimes(Libc c, Run run, int index, Supplier<Step> then) {
        if (index >= run.directoryTimes.size()) return then.get();
        Object[] d = run.directoryTimes.get(run.directoryTimes.size() - 1 - index);
        String path = (String) d[0];
        return c.sys(new Syscall.Chmod(path, (Integer) d[1]), m -> {
            if (run.touch) return setDirectoryTimes(c, run, index + 1, then);
            return c.sys(new Utimensat(path, false, Utimensat.UTIME_NOW, (Long) d[2]), t -> setDirectoryTimes(c, run, index + 1, then));
        });
    }

    @Override
    public String whatis() {
        return "an archiving utility";
    }

    @Override
    public String source() {
        return "tar 1.34";
    }

    @Override
    public String manual() {
        return "tar {c|t|x}[vzf...] [ARCHIVE] [FILE]...\n  Save many files together into a single tape or disk archive, and restore individual files from the archive.\n"
                + "  -c, --create               create a new archive\n  -t, --list                 list the contents of an archive\n"
                + "  -x, --extract, --get       extract files from an archive\n  -f, --file=ARCHIVE         use archive file ARCHIVE (- for standard input or output)\n"
                + "  -z, --gzip                 filter the archive through gzip\n  -v, --verbose              verbosely list files processed (twice: long listing)\n"
                + "  -C, --directory=DIR        change to directory DIR\n  --exclude=PATTERN          exclude files matching PATTERN, a wildcard\n"
                + "  -p, --preserve-permissions extract permissions exactly as archived\n  --strip-components=NUMBER  strip NUMBER leading components from file names on extraction\n"
                + "  --sort=ORDER               directory entry order when creating: none, name\n  -O, --to-stdout            extract files to standard output\n"
                + "  -k, --keep-old-files       don't replace existing files when extracting\n  -m, --touch                don't extract file modified time";
    }
}
