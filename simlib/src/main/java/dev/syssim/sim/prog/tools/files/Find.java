package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Spawn;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.prog.tools.system.DateParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * find (GNU findutils 4.9): walk each starting point's tree (in the directory order of the file
 * system) and evaluate an expression on every file — tests ({@code -name -iname -path -ipath
 * -regex -type -xtype -perm -user -group -uid -gid -nouser -nogroup -size -empty -mtime -mmin
 * -atime -amin -ctime -cmin -newer -anewer -cnewer -links -inum -samefile -readable -writable
 * -executable -lname -true -false}), actions ({@code -print -print0 -printf -ls -exec ... ; -exec
 * ... {} + -execdir -ok -okdir -delete -prune -quit}), options ({@code -maxdepth -mindepth -depth
 * -xdev -mount -daystart -follow}, {@code -L -H -P}) and operators with their precedence. Messages
 * and exit statuses are findutils': errors about files use gnulib's quote() (curved quotes under
 * UTF-8), errors about the command line the old `x' style. {@code -ok} asks on standard error and
 * reads the answer from standard input. {@code -regex} uses Java's regular expressions on the whole
 * path (findutils' emacs syntax differs in details such as {@code \(} grouping).
 */
public final class Find extends Tool {

    /** Primaries with no argument. */
    private static final Set<String> NO_ARG = Set.of("-print", "-print0", "-ls", "-delete", "-prune", "-quit", "-true", "-false",
            "-empty", "-nouser", "-nogroup", "-readable", "-writable", "-executable", "-depth", "-d", "-xdev", "-mount", "-daystart",
            "-follow", "-noleaf", "-ignore_readdir_race", "-noignore_readdir_race", "-warn", "-nowarn", "-help", "--help", "-version", "--version");
    /** Primaries with one argument. */
    private static final Set<String> ONE_ARG = Set.of("-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex",
            "-iregex", "-type", "-xtype", "-perm", "-user", "-group", "-uid", "-gid", "-size", "-mtime", "-mmin", "-atime", "-amin",
            "-ctime", "-cmin", "-newer", "-anewer", "-cnewer", "-links", "-inum", "-samefile", "-lname", "-ilname", "-printf", "-maxdepth",
            "-mindepth", "-regextype", "-fprint", "-fprint0", "-fls", "-used", "-newermt", "-newerat", "-newerct");
    private static final Set<String> EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");
    private static final Set<String> ACTIONS = Set.of("-print", "-print0", "-printf", "-ls", "-delete", "-quit", "-exec", "-execdir",
            "-ok", "-okdir", "-fprint", "-fprint0", "-fls");
    private static final Set<String> GLOBAL = Set.of("-maxdepth", "-mindepth", "-depth", "-d", "-xdev", "-mount", "-follow", "-noleaf",
            "-ignore_readdir_race", "-noignore_readdir_race", "-regextype", "-warn", "-nowarn", "-help", "--help", "-version", "--version");
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss", Locale.ROOT);
    /** The most bytes of arguments one {@code -exec ... {} +} command gets (findutils stays well under ARG_MAX). */
    private static final int BATCH_BYTES = 128 * 1024 - 2048;

    private final long bootEpochSeconds;

    public Find(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    /** One run: options, the expression, batches of -exec +, and the exit status. */
    private final class Run {
        final Libc c;
        char follow = 'P';
        int maxDepth = Integer.MAX_VALUE;
        int minDepth;
        boolean depthFirst;
        boolean xdev;
        boolean dayStart;
        FindExpression expression;
        UserDb users;
        long now;
        int status;
        boolean quit;
        final List<Batch> batches = new ArrayList<>();
        final Map<String, Stat> references = new HashMap<>();

        Run(Libc c) {
            this.c = c;
        }
    }

    /** A {@code -exec command {} +}: the command and the names gathered for its next run. */
    private static final class Batch {
        final List<String> command;
        final boolean inDirectory;
        final List<String> names = new ArrayList<>();
        int bytes;
        String directory;

        Batch(List<String> command, boolean inDirectory) {
            this.command = command;
            this.inDirectory = inDirectory;
        }
    }

    /** One file being looked at. */
    private record Visit(String path, String start, Stat stat, int depth, String linkTarget, char targetType) {
        String name() {
            if (path.equals(start)) {
                String p = path;
                while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
                int slash = p.lastIndexOf('/');
                return slash < 0 || p.equals("/") ? p : p.substring(slash + 1);
            }
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        Run run = new Run(c);
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("-H") || a.equals("-L") || a.equals("-P")) {
                run.follow = a.charAt(1);
                i++;
            } else if (a.equals("-D") || a.startsWith("-O")) {
                i += a.equals("-D") ? 2 : 1;
            } else if (a.equals("--")) {
                i++;
                break;
            } else {
                break;
            }
        }
        List<String> starts = new ArrayList<>();
        while (i < args.size() && !isExpressionStart(args.get(i))) starts.add(args.get(i++));
        List<String> words = args.subList(i, args.size());
        if (words.contains("-help") || words.contains("--help")) return help(c);
        if (words.contains("-version") || words.contains("--version")) {
            c.println("find (GNU findutils) 4.9.0");
            return c.exit(0);
        }
        return c.users(db -> {
            run.users = db;
            return c.clock(ClockGettime.CLOCK_REALTIME, now -> {
                run.now = now;
                return prefetch(c, run, words, () -> {
                    FindExpression e;
                    try {
                        e = new FindExpression.Parser(new ArrayList<>(words), primaries(run)).parse();
                    } catch (FindExpression.Error err) {
                        c.error(err.getMessage());
                        return c.exit(1);
                    }
                    if (e == null || !hasAction(e)) {
                        FindExpression print = new FindExpression.Primary("-print", List.of(), null);
                        e = e == null ? print : new FindExpression.And(e, print);
                    }
                    if (usesDelete(e)) run.depthFirst = true;
                    run.expression = e;
                    List<String> points = starts.isEmpty() ? List.of(".") : starts;
                    return Libc.forEach(points, (start, next) -> run.quit ? next.get() : visit(run, start, start, 0, -1, next),
                            () -> flushBatches(run, 0, () -> c.exit(run.status)));
                });
            });
        });
    }

    private static boolean isExpressionStart(String a) {
        return (a.startsWith("-") && a.length() > 1) || a.equals("(") || a.equals("!") || a.equals(")") || a.equals(",");
    }

    /** Stats the reference files of -newer, -anewer, -cnewer, -samefile before the walk, as findutils does while parsing. */
    private Step prefetch(Libc c, Run run, List<String> words, Supplier<Step> then) {
        List<String> files = new ArrayList<>();
        for (int k = 0; k + 1 < words.size(); k++) {
            String w = words.get(k);
            if (w.equals("-newer") || w.equals("-anewer") || w.equals("-cnewer") || w.equals("-samefile")) files.add(words.get(k + 1));
        }
        boolean[] failed = {false};
        return Libc.forEach(files, (f, next) -> c.statOf(f, run.follow != 'P', (err, st) -> {
            if (err != null && !failed[0]) {
                c.error(c.quoteLocale(f), err);
                failed[0] = true;
            }
            if (st != null) run.references.put(f, st);
            return next.get();
        }), () -> failed[0] ? c.exit(1) : then.get());
    }

    private static boolean hasAction(FindExpression e) {
        return any(e, p -> ACTIONS.contains(p.name()));
    }

    private static boolean usesDelete(FindExpression e) {
        return any(e, p -> p.name().equals("-delete"));
    }

    /** Whether some primary of the expression satisfies {@code test} (the tree is as deep as the command line). */
    private static boolean any(FindExpression e, java.util.function.Predicate<FindExpression.Primary> test) {
        if (e instanceof FindExpression.And a) return any(a.left(), test) || any(a.right(), test);
        if (e instanceof FindExpression.Or o) return any(o.left(), test) || any(o.right(), test);
        if (e instanceof FindExpression.Comma m) return any(m.left(), test) || any(m.right(), test);
        if (e instanceof FindExpression.Not n) return any(n.operand(), test);
        return test.test((FindExpression.Primary) e);
    }

    // ---- parsing primaries ----

    private FindExpression.Primaries primaries(Run run) {
        return new FindExpression.Primaries() {
            @Override
            public int arity(String name) {
                if (NO_ARG.contains(name)) return 0;
                if (ONE_ARG.contains(name)) return 1;
                if (EXEC.contains(name)) return -2;
                if (name.equals("-newerXY") || name.matches("-newer[amcBt][amcBt]")) return 1;
                return -1;
            }

            @Override
            public Object compile(String name, List<String> args) {
                return Find.this.compile(run, name, args);
            }
        };
    }

    /** A numeric argument of -size, -mtime and friends: a comparison and the number (and a unit for -size). */
    private record Number(char compare, long value, long unit) {
    }

    private Object compile(Run run, String name, List<String> args) {
        String a = args.isEmpty() ? null : args.get(0);
        switch (name) {
            case "-maxdepth", "-mindepth" -> {
                if (!a.matches("\\d+")) {
                    throw new FindExpression.Error("Expected a positive decimal integer argument to " + name + ", but got " + run.c.quoteLocale(a));
                }
                int n = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(a));
                if (name.equals("-maxdepth")) run.maxDepth = n;
                else run.minDepth = n;
                return null;
            }
            case "-depth", "-d" -> {
                run.depthFirst = true;
                return null;
            }
            case "-xdev", "-mount" -> {
                run.xdev = true;
                return null;
            }
            case "-follow" -> {
                run.follow = 'L';
                return null;
            }
            case "-daystart" -> {
                run.dayStart = true;
                return null;
            }
            case "-regextype" -> {
                return null;
            }
            case "-type", "-xtype" -> {
                StringBuilder types = new StringBuilder();
                String[] parts = a.split(",", -1);
                for (String p : parts) {
                    if (p.length() != 1 || "bcdpflsD".indexOf(p.charAt(0)) < 0) {
                        if (p.length() > 1 && parts.length == 1) throw new FindExpression.Error("Must separate multiple arguments to " + name + " using: ','");
                        throw new FindExpression.Error("Unknown argument to " + name + ": " + p);
                    }
                    if (types.indexOf(p) >= 0) throw new FindExpression.Error("Duplicate file type '" + p + "' in the argument list to " + name + ".");
                    types.append(p);
                }
                return types.toString();
            }
            case "-perm" -> {
                char kind = a.startsWith("-") ? '-' : a.startsWith("/") ? '/' : a.startsWith("+") && a.length() > 1 && !Character.isDigit(a.charAt(1)) ? '/' : '=';
                String spec = kind == '=' ? a : a.substring(1);
                Integer mode = spec.matches("[0-7]+") ? Integer.valueOf(Integer.parseInt(spec, 8) & 07777) : Modes.apply(spec, 0, 0, false);
                if (mode == null || spec.isEmpty()) throw new FindExpression.Error("invalid mode " + run.c.quoteLocale(a));
                return new int[] {kind, mode};
            }
            case "-size" -> {
                String s = a;
                char cmp = s.startsWith("+") || s.startsWith("-") ? s.charAt(0) : '=';
                if (cmp != '=') s = s.substring(1);
                long unit = 512;
                if (!s.isEmpty() && !Character.isDigit(s.charAt(s.length() - 1))) {
                    char u = s.charAt(s.length() - 1);
                    unit = switch (u) {
                        case 'c' -> 1;
                        case 'w' -> 2;
                        case 'b' -> 512;
                        case 'k' -> 1024;
                        case 'M' -> 1024 * 1024;
                        case 'G' -> 1024L * 1024 * 1024;
                        default -> -1;
                    };
                    if (unit < 0) throw new FindExpression.Error("invalid -size type `" + u + "'");
                    s = s.substring(0, s.length() - 1);
                }
                if (!s.matches("\\d+")) throw new FindExpression.Error("invalid argument `" + a + "' to `-size'");
                return new Number(cmp, Long.parseLong(s), unit);
            }
            case "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin", "-links", "-inum", "-uid", "-gid", "-used" -> {
                String s = a;
                char cmp = s.startsWith("+") || s.startsWith("-") ? s.charAt(0) : '=';
                if (cmp != '=') s = s.substring(1);
                if (!s.matches("\\d+")) throw new FindExpression.Error("invalid argument `" + a + "' to `" + name + "'");
                return new Number(cmp, Long.parseLong(s), 1);
            }
            case "-user" -> {
                UserDb.User u = run.users.user(a);
                if (u != null) return u.uid();
                if (a.matches("\\d+")) return Integer.parseInt(a);
                throw new FindExpression.Error(run.c.quoteLocale(a) + " is not the name of a known user");
            }
            case "-group" -> {
                UserDb.Group grp = run.users.group(a);
                if (grp != null) return grp.gid();
                if (a.matches("\\d+")) return Integer.parseInt(a);
                throw new FindExpression.Error(run.c.quoteLocale(a) + " is not the name of an existing group");
            }
            case "-regex", "-iregex" -> {
                try {
                    return Pattern.compile(a, name.equals("-iregex") ? Pattern.CASE_INSENSITIVE : 0);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new FindExpression.Error("Invalid regular expression");
                }
            }
            case "-exec", "-execdir", "-ok", "-okdir" -> {
                List<String> command = args.subList(0, args.size() - 1);
                boolean plus = args.get(args.size() - 1).equals("+");
                if (plus && (name.equals("-ok") || name.equals("-okdir"))) throw new FindExpression.Error("missing argument to `" + name + "'");
                if (plus) {
                    for (int k = 0; k < command.size() - 1; k++) {
                        if (command.get(k).contains("{}")) {
                            throw new FindExpression.Error("Only one instance of {} is supported with -exec" + (name.equals("-execdir") ? "dir" : "") + " ... +");
                        }
                    }
                    Batch b = new Batch(command.subList(0, command.size() - 1), name.equals("-execdir"));
                    run.batches.add(b);
                    return b;
                }
                return command;
            }
            case "-printf" -> {
                warnFormat(run, a);
                return a;
            }
            case "-newermt", "-newerat", "-newerct" -> {
                // the reference is a date as date -d reads it, kept in the file system's clock (since boot)
                DateParser.Instant t = DateParser.parse(a, Math.floorDiv(run.now, 1_000_000_000L), (int) Math.floorMod(run.now, 1_000_000_000L));
                if (t == null) throw new FindExpression.Error("I cannot figure out how to interpret " + run.c.quoteLocale(a) + " as a date or time");
                return (t.seconds() - bootEpochSeconds) * 1_000_000_000L + t.nanos();
            }
            default -> {
                return a;
            }
        }
    }

    /** findutils checks a -printf format when it parses it: an unknown escape or directive is warned about (and printed as written). */
    private static void warnFormat(Run run, String format) {
        for (int i = 0; i + 1 < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '\\') {
                char e = format.charAt(++i);
                if ("ntabfrvc\\01234567".indexOf(e) < 0) run.c.error("warning: unrecognized escape `\\" + e + "'");
            } else if (ch == '%') {
                i++;
                while (i < format.length() && "-+ #0123456789.".indexOf(format.charAt(i)) >= 0) i++;
                if (i >= format.length()) break;
                char d = format.charAt(i);
                if ("ATCB".indexOf(d) >= 0) i++;
                else if ("%pfhPHdskbmMuUgGinlyYDFSatcZ".indexOf(d) < 0) run.c.error("warning: unrecognized format directive `%" + d + "'");
            }
        }
    }

    // ---- walking ----

    private Step visit(Run run, String path, String start, int depth, long parentDevice, Supplier<Step> next) {
        boolean followThis = run.follow == 'L' || (run.follow == 'H' && depth == 0);
        return run.c.statOf(path, followThis, (err, st0) -> {
            if (err == Errno.ENOENT && followThis) {
                // a dangling link is itself what find looks at
                return run.c.statOf(path, false, (e2, st2) -> e2 != null ? missing(run, path, e2, next) : withLink(run, path, start, depth, st2, parentDevice, next));
            }
            if (err != null) return missing(run, path, err, next);
            return withLink(run, path, start, depth, st0, parentDevice, next);
        });
    }

    private Step missing(Run run, String path, Errno err, Supplier<Step> next) {
        run.c.error(run.c.quoteLocale(path), err);
        run.status = 1;
        return next.get();
    }

    private Step withLink(Run run, String path, String start, int depth, Stat st, long parentDevice, Supplier<Step> next) {
        if (st.type() != FileType.SYMLINK) return visited(run, new Visit(path, start, st, depth, null, typeLetter(st.type())), parentDevice, next);
        // a link's target type (-xtype, %Y): N when it dangles, L when it loops
        return run.c.sys(new Syscall.Readlink(path), r -> run.c.statOf(path, true, (err, target) -> {
            char type = err == null ? typeLetter(target.type()) : err == Errno.ELOOP ? 'L' : err == Errno.ENOENT ? 'N' : '?';
            return visited(run, new Visit(path, start, st, depth, r.failed() ? null : (String) r.data(), type), parentDevice, next);
        }));
    }

    private Step visited(Run run, Visit v, long parentDevice, Supplier<Step> next) {
        boolean evaluate = v.depth() >= run.minDepth;
        boolean descend = v.stat().type() == FileType.DIRECTORY && v.depth() < run.maxDepth
                && !(run.xdev && parentDevice >= 0 && v.stat().device() != parentDevice);
        if (!run.depthFirst) {
            if (!evaluate) return children(run, v, descend, next);
            boolean[] pruned = {false};
            return eval(run, run.expression, v, pruned, b -> run.quit ? next.get() : children(run, v, descend && !pruned[0], next));
        }
        return children(run, v, descend, () -> {
            if (!evaluate || run.quit) return next.get();
            return eval(run, run.expression, v, new boolean[1], b -> next.get());
        });
    }

    private Step children(Run run, Visit v, boolean descend, Supplier<Step> next) {
        if (!descend) return next.get();
        return run.c.listDirectory(v.path(), false, (err, entries) -> {
            if (err != null) {
                run.c.error(run.c.quoteLocale(v.path()), err);
                run.status = 1;
                return next.get();
            }
            String base = v.path().endsWith("/") ? v.path() : v.path() + "/";
            List<Dirent> list = entries;
            return Libc.forEach(list, (d, more) -> run.quit ? more.get()
                    : visit(run, base + d.name(), v.start(), v.depth() + 1, v.stat().device(), more), next);
        });
    }

    // ---- evaluating ----

    private interface Outcome {
        Step apply(boolean result);
    }

    private Step eval(Run run, FindExpression e, Visit v, boolean[] pruned, Outcome then) {
        if (e instanceof FindExpression.And a) {
            return eval(run, a.left(), v, pruned, l -> l ? eval(run, a.right(), v, pruned, then) : then.apply(false));
        }
        if (e instanceof FindExpression.Or o) {
            return eval(run, o.left(), v, pruned, l -> l ? then.apply(true) : eval(run, o.right(), v, pruned, then));
        }
        if (e instanceof FindExpression.Not n) return eval(run, n.operand(), v, pruned, r -> then.apply(!r));
        if (e instanceof FindExpression.Comma m) return eval(run, m.left(), v, pruned, l -> eval(run, m.right(), v, pruned, then));
        return primary(run, (FindExpression.Primary) e, v, pruned, then);
    }

    private Step primary(Run run, FindExpression.Primary p, Visit v, boolean[] pruned, Outcome then) {
        Libc c = run.c;
        Stat st = v.stat();
        String arg = p.args().isEmpty() ? null : p.args().get(0);
        switch (p.name()) {
            case "-print" -> {
                c.print(v.path() + "\n");
                return then.apply(true);
            }
            case "-print0" -> {
                c.print(v.path() + "\0");
                return then.apply(true);
            }
            case "-printf" -> {
                c.print(printf(run, arg, v));
                return then.apply(true);
            }
            case "-ls" -> {
                c.print(ls(run, v));
                return then.apply(true);
            }
            case "-prune" -> {
                pruned[0] = true;
                return then.apply(true);
            }
            case "-quit" -> {
                run.quit = true;
                return then.apply(true);
            }
            case "-delete" -> {
                if (v.path().equals(".") || v.path().equals("./")) return then.apply(true);
                Syscall call = st.type() == FileType.DIRECTORY ? Syscall.Unlinkat.rmdir(v.path()) : Syscall.Unlinkat.unlink(v.path());
                return c.sys(call, r -> {
                    if (r.failed()) {
                        c.error("cannot delete " + c.quoteLocale(v.path()), r.errno());
                        run.status = 1;
                        return then.apply(false);
                    }
                    return then.apply(true);
                });
            }
            case "-exec", "-execdir", "-ok", "-okdir" -> {
                if (p.compiled() instanceof Batch b) return batch(run, b, v, () -> then.apply(true));
                @SuppressWarnings("unchecked")
                List<String> template = (List<String>) p.compiled();
                boolean inDir = p.name().endsWith("dir");
                String name = inDir ? "./" + v.name() : v.path();
                List<String> argv = new ArrayList<>();
                for (String t : template) argv.add(t.replace("{}", name));
                String dir = inDir ? parentOf(v.path()) : null;
                Supplier<Step> runIt = () -> Spawn.run(c, argv, c.args().env(), dir, (cmd, e) -> "find: " + c.quoteLocale(cmd) + ": " + e.message(),
                        ended -> then.apply(ended.ok()));
                if (!p.name().startsWith("-ok")) return runIt.get();
                c.eprint("< " + String.join(" ", template.subList(0, Math.min(1, template.size()))) + " ... " + name + " > ? ");
                return c.readLine(0, answer -> {
                    boolean yes = answer != null && (answer.startsWith("y") || answer.startsWith("Y"));
                    return yes ? runIt.get() : then.apply(false);
                });
            }
            case "-empty" -> {
                if (st.type() == FileType.REGULAR) return then.apply(st.size() == 0);
                if (st.type() != FileType.DIRECTORY) return then.apply(false);
                return c.listDirectory(v.path(), false, (e, entries) -> then.apply(e == null && entries.isEmpty()));
            }
            case "-readable", "-writable", "-executable" -> {
                int bit = p.name().equals("-readable") ? 4 : p.name().equals("-writable") ? 2 : 1;
                return c.sys(new Syscall.Access(v.path(), bit), r -> then.apply(!r.failed()));
            }
            default -> {
                return then.apply(test(run, p, v, st, arg));
            }
        }
    }

    private static String parentOf(String path) {
        String d = Basename.dir(path);
        return d;
    }

    private boolean test(Run run, FindExpression.Primary p, Visit v, Stat st, String arg) {
        switch (p.name()) {
            case "-true":
                return true;
            case "-false":
                return false;
            case "-name":
                return NamePattern.matches(arg, v.name(), false);
            case "-iname":
                return NamePattern.matches(arg, v.name(), true);
            case "-path", "-wholename":
                return NamePattern.matches(arg, v.path(), false);
            case "-ipath", "-iwholename":
                return NamePattern.matches(arg, v.path(), true);
            case "-lname":
                return v.linkTarget() != null && NamePattern.matches(arg, v.linkTarget(), false);
            case "-ilname":
                return v.linkTarget() != null && NamePattern.matches(arg, v.linkTarget(), true);
            case "-regex", "-iregex":
                return ((Pattern) p.compiled()).matcher(v.path()).matches();
            case "-type":
                return ((String) p.compiled()).indexOf(typeLetter(st.type())) >= 0;
            case "-xtype":
                // -xtype on a link under -P looks at what it points to; a dangling link stays 'l'
                // (simplification: under -L it should look at the link itself, as the -P -type does)
                if (v.targetType() == 'L') {
                    // a link that loops: find reports it and the test is false
                    run.c.error(run.c.quoteLocale(v.path()), Errno.ELOOP);
                    run.status = 1;
                    return false;
                }
                return ((String) p.compiled()).indexOf(v.targetType() == 'N' || v.targetType() == '?' ? 'l' : v.targetType()) >= 0;
            case "-perm": {
                int[] spec = (int[]) p.compiled();
                int mode = st.permissions();
                return switch (spec[0]) {
                    case '-' -> (mode & spec[1]) == spec[1];
                    case '/' -> spec[1] == 0 || (mode & spec[1]) != 0;
                    default -> mode == spec[1];
                };
            }
            case "-user":
                return st.uid() == (Integer) p.compiled();
            case "-group":
                return st.gid() == (Integer) p.compiled();
            case "-uid":
                return compare((Number) p.compiled(), st.uid());
            case "-gid":
                return compare((Number) p.compiled(), st.gid());
            case "-nouser":
                return run.users.user(st.uid()) == null;
            case "-nogroup":
                return run.users.group(st.gid()) == null;
            case "-links":
                return compare((Number) p.compiled(), st.links());
            case "-inum":
                return compare((Number) p.compiled(), st.inode());
            case "-samefile": {
                Stat ref = run.references.get(arg);
                return ref != null && ref.inode() == st.inode() && ref.device() == st.device();
            }
            case "-size": {
                Number n = (Number) p.compiled();
                long units = (st.size() + n.unit() - 1) / n.unit();
                return compare(n, units);
            }
            case "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin": {
                long t = switch (p.name().charAt(1)) {
                    case 'm' -> st.mtime();
                    case 'a' -> st.atime();
                    default -> st.ctime();
                };
                long epochNanos = bootEpochSeconds * 1_000_000_000L + t;
                long unit = p.name().endsWith("min") ? 60_000_000_000L : 86_400_000_000_000L;
                long reference = run.now;
                if (run.dayStart && !p.name().endsWith("min")) {
                    ZonedDateTime day = ZonedDateTime.ofInstant(Instant.ofEpochSecond(run.now / 1_000_000_000L), ZoneOffset.UTC).toLocalDate()
                            .plusDays(1).atStartOfDay(ZoneOffset.UTC);
                    reference = day.toEpochSecond() * 1_000_000_000L;
                }
                long age = Math.floorDiv(reference - epochNanos, unit);
                return compare((Number) p.compiled(), age);
            }
            case "-newer":
                return newer(st.mtime(), run.references.get(arg));
            case "-anewer":
                return run.references.get(arg) != null && st.atime() > run.references.get(arg).mtime();
            case "-cnewer":
                return run.references.get(arg) != null && st.ctime() > run.references.get(arg).mtime();
            case "-newermt":
                return st.mtime() > (Long) p.compiled();
            case "-newerat":
                return st.atime() > (Long) p.compiled();
            case "-newerct":
                return st.ctime() > (Long) p.compiled();
            default:
                // options (-maxdepth ...) are true wherever they stand
                return true;
        }
    }

    private static boolean newer(long mtime, Stat ref) {
        return ref != null && mtime > ref.mtime();
    }

    private static boolean compare(Number n, long value) {
        return switch (n.compare()) {
            case '+' -> value > n.value();
            case '-' -> value < n.value();
            default -> value == n.value();
        };
    }

    private static char typeLetter(FileType t) {
        return switch (t) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHAR_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case FIFO -> 'p';
            case SOCKET -> 's';
            default -> 'f';
        };
    }

    // ---- -exec ... {} + ----

    private Step batch(Run run, Batch b, Visit v, Supplier<Step> then) {
        String name = b.inDirectory ? "./" + v.name() : v.path();
        String dir = b.inDirectory ? parentOf(v.path()) : null;
        Supplier<Step> add = () -> {
            b.names.add(name);
            b.bytes += name.length() + 1;
            b.directory = dir;
            return then.get();
        };
        boolean full = b.bytes + name.length() + 1 > BATCH_BYTES;
        boolean otherDir = b.inDirectory && !b.names.isEmpty() && !java.util.Objects.equals(b.directory, dir);
        if (full || otherDir) return runBatch(run, b, add);
        return add.get();
    }

    private Step runBatch(Run run, Batch b, Supplier<Step> then) {
        if (b.names.isEmpty()) return then.get();
        List<String> argv = new ArrayList<>(b.command);
        argv.addAll(b.names);
        String dir = b.directory;
        b.names.clear();
        b.bytes = 0;
        Libc c = run.c;
        return Spawn.run(c, argv, c.args().env(), dir, (cmd, e) -> "find: " + c.quoteLocale(cmd) + ": " + e.message(), ended -> {
            if (!ended.ok()) run.status = 1;
            return then.get();
        });
    }

    private Step flushBatches(Run run, int index, Supplier<Step> then) {
        if (index >= run.batches.size()) return then.get();
        return runBatch(run, run.batches.get(index), () -> flushBatches(run, index + 1, then));
    }

    // ---- output ----

    private String ls(Run run, Visit v) {
        Stat st = v.stat();
        String mode = Ls.modeString(st);
        String user = run.users.userName(st.uid());
        String group = run.users.groupName(st.gid());
        String size = st.type() == FileType.CHAR_DEVICE || st.type() == FileType.BLOCK_DEVICE
                ? String.format("%3d, %3d", st.rdevMajor(), st.rdevMinor()) : Long.toString(st.size());
        StringBuilder line = new StringBuilder();
        line.append(String.format("%9d %6d %s %3d %-8s %-8s %8s ", st.inode(), (st.blocks() + 1) / 2, mode, st.links(), user, group, size));
        line.append(lsDate(run, st.mtime())).append(' ').append(v.path());
        if (v.linkTarget() != null) line.append(" -> ").append(v.linkTarget());
        return line.append('\n').toString();
    }

    /** ls -l's date: month, day and time for the last six months, else the year. */
    private String lsDate(Run run, long simNanos) {
        long epoch = bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L);
        ZonedDateTime t = Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC);
        long now = run.now / 1_000_000_000L;
        boolean recent = epoch <= now && now - epoch < 15_778_476L;
        String month = t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
        return recent ? String.format("%s %2d %02d:%02d", month, t.getDayOfMonth(), t.getHour(), t.getMinute())
                : String.format("%s %2d  %d", month, t.getDayOfMonth(), t.getYear());
    }

    private String printf(Run run, String format, Visit v) {
        StringBuilder out = new StringBuilder();
        Stat st = v.stat();
        int i = 0;
        while (i < format.length()) {
            char ch = format.charAt(i);
            if (ch == '\\' && i + 1 < format.length()) {
                char e = format.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '0' -> out.append('\0');
                    case '\\' -> out.append('\\');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'v' -> out.append('\u000b');
                    case 'c' -> {
                        return out.toString();
                    }
                    default -> out.append('\\').append(e);
                }
                continue;
            }
            if (ch != '%' || i + 1 >= format.length()) {
                out.append(ch);
                i++;
                continue;
            }
            int specStart = i;
            i++;
            StringBuilder flags = new StringBuilder();
            while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) flags.append(format.charAt(i++));
            int width = 0;
            while (i < format.length() && Character.isDigit(format.charAt(i))) width = width * 10 + format.charAt(i++) - '0';
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < format.length() && Character.isDigit(format.charAt(i))) precision = precision * 10 + format.charAt(i++) - '0';
            }
            if (i >= format.length()) {
                out.append(format, specStart, i);
                break;
            }
            char d = format.charAt(i++);
            String value;
            boolean numeric = false;
            switch (d) {
                case '%' -> value = "%";
                case 'p' -> value = v.path();
                case 'f' -> value = v.name();
                case 'h' -> {
                    String path = v.path();
                    int slash = path.lastIndexOf('/');
                    value = path.equals(v.start()) && slash < 0 ? "." : slash <= 0 ? (slash == 0 ? "" : ".") : path.substring(0, slash);
                }
                case 'P' -> value = v.path().equals(v.start()) ? "" : v.path().substring(v.start().length() + (v.start().endsWith("/") ? 0 : 1));
                case 'H' -> value = v.start();
                case 'd' -> {
                    value = Integer.toString(v.depth());
                    numeric = true;
                }
                case 's' -> {
                    value = Long.toString(st.size());
                    numeric = true;
                }
                case 'k' -> {
                    value = Long.toString((st.blocks() + 1) / 2);
                    numeric = true;
                }
                case 'b' -> {
                    value = Long.toString(st.blocks());
                    numeric = true;
                }
                case 'm' -> value = Integer.toOctalString(st.permissions());
                case 'M' -> value = Ls.modeString(st);
                case 'u' -> value = run.users.userName(st.uid());
                case 'U' -> {
                    value = Integer.toString(st.uid());
                    numeric = true;
                }
                case 'g' -> value = run.users.groupName(st.gid());
                case 'G' -> {
                    value = Integer.toString(st.gid());
                    numeric = true;
                }
                case 'i' -> {
                    value = Long.toString(st.inode());
                    numeric = true;
                }
                case 'n' -> {
                    value = Integer.toString(st.links());
                    numeric = true;
                }
                case 'l' -> value = v.linkTarget() == null ? "" : v.linkTarget();
                case 'y' -> value = String.valueOf(typeLetter(st.type()));
                case 'Y' -> value = String.valueOf(v.targetType());
                case 'D' -> value = Integer.toString(st.device());
                case 'F' -> value = "ext4";
                case 'S' -> value = st.size() == 0 ? "1" : String.valueOf(Math.min(1.0, st.blocks() * 512.0 / st.size()));
                case 'a', 't', 'c' -> value = ctime(d == 'a' ? st.atime() : d == 't' ? st.mtime() : st.ctime());
                case 'A', 'T', 'C' -> {
                    long t = d == 'A' ? st.atime() : d == 'T' ? st.mtime() : st.ctime();
                    if (i >= format.length()) {
                        value = "";
                        break;
                    }
                    value = timePart(format.charAt(i++), t);
                }
                default -> value = "%" + d;
            }
            if (precision >= 0 && !numeric && value.length() > precision) value = value.substring(0, precision);
            if (value.length() < width) {
                String pad = " ".repeat(width - value.length());
                value = flags.indexOf("-") >= 0 ? value + pad : flags.indexOf("0") >= 0 && numeric ? "0".repeat(width - value.length()) + value : pad + value;
            }
            out.append(value);
        }
        return out.toString();
    }

    /** %t: ctime(3)'s layout with the nanoseconds findutils adds: {@code Thu Jan  1 00:00:00.0000000000 1970}. */
    private String ctime(long simNanos) {
        long epoch = bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L);
        ZonedDateTime t = Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC);
        return CTIME.format(t) + String.format(".%09d0 %d", Math.floorMod(simNanos, 1_000_000_000L), t.getYear());
    }

    /** %Tk: one field of a time, as strftime's %k (and @ for seconds since the epoch). */
    private String timePart(char k, long simNanos) {
        long epoch = bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(simNanos, 1_000_000_000L);
        ZonedDateTime t = Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC);
        return switch (k) {
            case '@' -> epoch + String.format(".%09d0", nanos);
            case 'Y' -> Integer.toString(t.getYear());
            case 'y' -> String.format("%02d", t.getYear() % 100);
            case 'm' -> String.format("%02d", t.getMonthValue());
            case 'd' -> String.format("%02d", t.getDayOfMonth());
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'H' -> String.format("%02d", t.getHour());
            case 'k' -> String.format("%2d", t.getHour());
            case 'I' -> String.format("%02d", (t.getHour() + 11) % 12 + 1);
            case 'l' -> String.format("%2d", (t.getHour() + 11) % 12 + 1);
            case 'R' -> String.format("%02d:%02d", t.getHour(), t.getMinute());
            case 'C' -> String.format("%02d", Math.floorDiv(t.getYear(), 100));
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            // strftime's %U (weeks starting on Sunday) and %W (on Monday), from the 0-based day of the year
            case 'U' -> String.format("%02d", (t.getDayOfYear() - 1 + 7 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'W' -> String.format("%02d", (t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'V' -> String.format("%02d", t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'G' -> Integer.toString(t.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR));
            case 'g' -> String.format("%02d", Math.floorMod(t.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), 100));
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'M' -> String.format("%02d", t.getMinute());
            case 'S' -> String.format("%02d.%09d0", t.getSecond(), nanos);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'b', 'h' -> t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
            case 'B' -> t.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT);
            case 'a' -> t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
            case 'A' -> t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ROOT);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'T' -> String.format("%02d:%02d:%02d.%09d0", t.getHour(), t.getMinute(), t.getSecond(), nanos);
            case 'D' -> String.format("%02d/%02d/%02d", t.getMonthValue(), t.getDayOfMonth(), t.getYear() % 100);
            case 'F' -> String.format("%d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case '+' -> String.format("%d-%02d-%02d+%02d:%02d:%02d.%09d0", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond(), nanos);
            case 'r' -> String.format("%02d:%02d:%02d %s", (t.getHour() + 11) % 12 + 1, t.getMinute(), t.getSecond(), t.getHour() < 12 ? "AM" : "PM");
            case 'Z' -> "UTC";
            case 'z' -> "+0000";
            case 's' -> Long.toString(epoch);
            case 'c' -> CTIME.format(t) + " " + t.getYear();
            case 'x' -> String.format("%02d/%02d/%02d", t.getMonthValue(), t.getDayOfMonth(), t.getYear() % 100);
            case 'X' -> String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            default -> "";
        };
    }

    @Override
    public String whatis() {
        return "search for files in a directory hierarchy";
    }

    @Override
    public String source() {
        return "GNU findutils 4.9.0";
    }

    @Override
    public String manual() {
        return "find [-H] [-L] [-P] [starting-point...] [expression]\n  Search for files in a directory hierarchy: evaluate the expression on each file under each starting point (default: .); without an action, -print.\n"
                + "  Operators (by precedence): ( EXPR ), ! EXPR or -not EXPR, EXPR1 EXPR2 or EXPR1 -a EXPR2, EXPR1 -o EXPR2, EXPR1 , EXPR2\n"
                + "  Options: -depth -maxdepth LEVELS -mindepth LEVELS -xdev -mount -daystart -follow; -H -L -P (symbolic links: never, on the command line, always followed)\n"
                + "  Tests (N can be +N or -N or N): -name PATTERN -iname PATTERN -path PATTERN -ipath PATTERN -regex PATTERN -iregex PATTERN -lname PATTERN\n"
                + "  -type [bcdpflsD] (several separated by commas) -xtype -perm [-/]MODE -user NAME -group NAME -uid N -gid N -nouser -nogroup\n"
                + "  -size N[bcwkMG] -empty -links N -inum N -samefile FILE -amin N -atime N -cmin N -ctime N -mmin N -mtime N\n"
                + "  -newer FILE -anewer FILE -cnewer FILE -readable -writable -executable -true -false\n"
                + "  Actions: -delete -print -print0 -printf FORMAT -ls -prune -quit -exec COMMAND ; -exec COMMAND {} + -ok COMMAND ; -execdir COMMAND ; -execdir COMMAND {} + -okdir COMMAND ;\n"
                + "  Exit status: 0 if all files were processed successfully, greater than 0 if errors occurred.";
    }
}
