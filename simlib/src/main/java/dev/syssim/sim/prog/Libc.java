package dev.syssim.sim.prog;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The C library of one running program: syscall wrappers that return steps, and stdio. Standard
 * output is line-buffered on a terminal and fully buffered (4 KiB) otherwise; standard error is
 * unbuffered. Buffered output is written — as real write(2) calls — before the program's next
 * syscall and at exit, so what strace and the trace show is what glibc would do.
 */
public final class Libc {

    /** glibc's BUFSIZ for a file or pipe. */
    public static final int BUFSIZ = 4096;
    /** coreutils' I/O block size for cat and friends (128 KiB). */
    public static final int IO_BLOCK = 131072;

    private record Chunk(int fd, byte[] data) {
    }

    private final ProgramArgs args;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
    private boolean lineBuffered;
    /** The first error of a buffered write to standard output, which exit reports as close_stdout does. */
    private Errno stdoutError;

    public Libc(ProgramArgs args) {
        this.args = args;
        this.lineBuffered = args.stdoutIsTerminal();
    }

    public ProgramArgs args() {
        return args;
    }

    /** The program's name for messages ({@code cat: x: No such file or directory}). */
    public String name() {
        return args.name();
    }

    public String env(String name) {
        return args.env().get(name);
    }

    public boolean stdoutIsTerminal() {
        return args.stdoutIsTerminal();
    }

    // ---- stdio ----

    /** printf to stdout: buffered. */
    public void print(String text) {
        printBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** fwrite to stdout: bytes as they are (a block of a file need not end on a character). */
    public void printBytes(byte[] bytes) {
        stdout.write(bytes, 0, bytes.length);
        if (lineBuffered) {
            byte[] all = stdout.toByteArray();
            int lastNewline = -1;
            for (int i = all.length - 1; i >= 0; i--) {
                if (all[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline >= 0) moveToPending(all, lastNewline + 1);
        } else if (stdout.size() >= BUFSIZ) {
            moveToPending(stdout.toByteArray(), stdout.size() / BUFSIZ * BUFSIZ);
        }
    }

    public void println(String line) {
        print(line + "\n");
    }

    private void moveToPending(byte[] all, int upTo) {
        byte[] head = java.util.Arrays.copyOf(all, upTo);
        stdout.reset();
        stdout.write(all, upTo, all.length - upTo);
        for (int at = 0; at < head.length; at += BUFSIZ * 16) {
            pending.add(new Chunk(1, java.util.Arrays.copyOfRange(head, at, Math.min(head.length, at + BUFSIZ * 16))));
        }
    }

    /** fputs to stderr: unbuffered, so it goes out before the next syscall, in order. */
    public void eprint(String text) {
        eprintBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** fwrite to stderr: bytes as they are, unbuffered. */
    public void eprintBytes(byte[] bytes) {
        if (lineBuffered && stdout.size() > 0) moveToPending(stdout.toByteArray(), stdout.size());
        pending.add(new Chunk(2, bytes.clone()));
    }

    /**
     * glibc's error(3): {@code name: message} on stderr. Standard error is unbuffered, so each piece
     * is its own write(2), as strace shows: {@code "cat: "}, the message, {@code "\n"}.
     */
    public void error(String message) {
        eprint(name() + ": ");
        eprint(message);
        eprint("\n");
    }

    /** glibc's error(3) with an errno: {@code name: message: strerror}, four writes. */
    public void error(String message, dev.syssim.sim.os.Errno errno) {
        eprint(name() + ": ");
        eprint(message);
        eprint(": " + errno.message());
        eprint("\n");
    }

    /** Makes all buffered output pending, as fflush(stdout) does. */
    public void flushStdout() {
        if (stdout.size() > 0) moveToPending(stdout.toByteArray(), stdout.size());
    }

    /** Writes whatever output is pending, then continues with {@code next}. */
    private Step drain(Supplier<Step> next) {
        Chunk chunk = pending.poll();
        if (chunk == null) return next.get();
        return Step.call(new Syscall.Write(chunk.fd(), chunk.data()), r -> {
            if (r.failed() && chunk.fd() == 1 && stdoutError == null) stdoutError = r.errno();
            requeueRest(chunk, r);
            return drain(next);
        });
    }

    /**
     * A short write (a file reaching RLIMIT_FSIZE, a full disk) leaves the rest of the chunk to be
     * written next, as glibc's _IO_new_file_write loops until all is out or a write fails.
     */
    private void requeueRest(Chunk chunk, SysResult r) {
        if (!r.failed() && r.value() > 0 && r.value() < chunk.data().length) {
            pending.addFirst(new Chunk(chunk.fd(), java.util.Arrays.copyOfRange(chunk.data(), (int) r.value(), chunk.data().length)));
        }
    }

    /** Whether output for {@code fd} waits to be written. */
    public boolean hasPending(int fd) {
        for (Chunk chunk : pending) if (chunk.fd() == fd) return true;
        return false;
    }

    /**
     * Writes the pending output; {@code then} gets the first error a write to {@code fd} met (null:
     * none), as a caller of fflush who checks ferror would.
     */
    public Step drainReporting(int fd, Function<Errno, Step> then) {
        return drainReporting(fd, null, then);
    }

    private Step drainReporting(int fd, Errno first, Function<Errno, Step> then) {
        Chunk chunk = pending.poll();
        if (chunk == null) return then.apply(first);
        return Step.call(new Syscall.Write(chunk.fd(), chunk.data()), r -> {
            requeueRest(chunk, r);
            return drainReporting(fd, first == null && chunk.fd() == fd && r.failed() ? r.errno() : first, then);
        });
    }

    // ---- syscalls ----

    /** Makes a syscall after writing pending output; the continuation gets the raw result. */
    public Step sys(Syscall call, Function<SysResult, Step> then) {
        if (pending.isEmpty()) return Step.call(call, then);
        return drain(() -> Step.call(call, then));
    }

    public Step open(String path, int flags, Function<SysResult, Step> then) {
        return sys(new Syscall.OpenAt(path, flags), then);
    }

    public Step create(String path, int flags, int mode, Function<SysResult, Step> then) {
        return sys(new Syscall.OpenAt(OpenFlags.AT_FDCWD, path, flags | OpenFlags.O_CREAT, mode), then);
    }

    public Step read(int fd, int count, Function<SysResult, Step> then) {
        return sys(new Syscall.Read(fd, count), then);
    }

    public Step write(int fd, byte[] data, Function<SysResult, Step> then) {
        return sys(new Syscall.Write(fd, data), then);
    }

    public Step close(int fd, Supplier<Step> then) {
        return sys(new Syscall.Close(fd), r -> then.get());
    }

    public Step stat(String path, Function<SysResult, Step> then) {
        return sys(Syscall.NewFstatAt.stat(path), then);
    }

    public Step lstat(String path, Function<SysResult, Step> then) {
        return sys(Syscall.NewFstatAt.lstat(path), then);
    }

    public Step compute(long nanos, String what, Supplier<Step> then) {
        if (pending.isEmpty()) return Step.compute(nanos, what, then);
        return drain(() -> Step.compute(nanos, what, then));
    }

    /**
     * Flushes stdio and calls exit_group: what returning from main does. Like coreutils' close_stdout,
     * it closes standard output and error first, and a buffered write to standard output that failed
     * ({@code seq 3 > /dev/full}) ends the program with {@code NAME: write error: STRERROR} and status 1.
     */
    public Step exit(int status) {
        flushStdout();
        return drain(() -> {
            if (stdoutError != null) {
                error("write error", stdoutError);
                stdoutError = null;
                return drain(() -> Step.call(new Syscall.Close(1), a -> Step.call(new Syscall.Close(2), b -> Step.exit(1))));
            }
            return Step.call(new Syscall.Close(1), a -> Step.call(new Syscall.Close(2), b -> Step.exit(status)));
        });
    }

    /** exit without closing stdio: what a shell or a program that never used stdio does. */
    public Step exitQuietly(int status) {
        flushStdout();
        return drain(() -> Step.exit(status));
    }

    // ---- the helpers tools share ----

    /** Reads a whole file: open, read until end, close. {@code then} gets an errno or the bytes. */
    public Step readFile(String path, BiFunction<Errno, byte[], Step> then) {
        return open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, opened -> {
            if (opened.failed()) return then.apply(opened.errno(), null);
            int fd = opened.intValue();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            return readAll(fd, content, error -> close(fd, () -> then.apply(error, error == null ? content.toByteArray() : null)));
        });
    }

    /** Reads an open descriptor to its end into {@code into}; {@code then} gets null or the read error. */
    public Step readAll(int fd, ByteArrayOutputStream into, Function<Errno, Step> then) {
        return read(fd, IO_BLOCK, r -> {
            if (r.failed()) return then.apply(r.errno());
            if (r.value() == 0) return then.apply(null);
            into.write(r.bytes(), 0, r.bytes().length);
            return readAll(fd, into, then);
        });
    }

    /** Copies an open descriptor to another until end of input, as cat does. */
    public Step copy(int from, int to, Function<Errno, Step> then) {
        return copy(from, to, (error, writing) -> then.apply(error));
    }

    /**
     * As {@link #copy(int, int, Function)}, telling the continuation which side failed ({@code true}
     * for a write error), since tools word the two differently ({@code cat: write error: ...}). A short
     * write is retried with the rest, as coreutils' full_write does, so a disk that fills up
     * mid-block ends in the next write's ENOSPC.
     */
    public Step copy(int from, int to, BiFunction<Errno, Boolean, Step> then) {
        return read(from, IO_BLOCK, r -> {
            if (r.failed()) return then.apply(r.errno(), false);
            if (r.value() == 0) return then.apply(null, false);
            return writeAll(to, r.bytes(), e -> e != null ? then.apply(e, true) : copy(from, to, then));
        });
    }

    /** Lists a directory: open it, getdents64, close. Entries exclude {@code .} and {@code ..} unless asked. */
    public Step listDirectory(String path, boolean withDots, BiFunction<Errno, List<Dirent>, Step> then) {
        return open(path, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC, opened -> {
            if (opened.failed()) return then.apply(opened.errno(), null);
            int fd = opened.intValue();
            List<Dirent> all = new ArrayList<>();
            return getdents(fd, all, () -> close(fd, () -> {
                if (!withDots) all.removeIf(d -> d.name().equals(".") || d.name().equals(".."));
                return then.apply(null, all);
            }));
        });
    }

    private Step getdents(int fd, List<Dirent> into, Supplier<Step> then) {
        return sys(new Syscall.Getdents64(fd, 32768), r -> {
            List<Dirent> batch = Syscall.Getdents64.entries(r);
            if (r.failed() || batch.isEmpty()) return then.get();
            into.addAll(batch);
            return getdents(fd, into, then);
        });
    }

    /** The stat of a path as a value, or null with the errno passed on. */
    public Step statOf(String path, boolean follow, BiFunction<Errno, Stat, Step> then) {
        Function<SysResult, Step> k = r -> r.failed() ? then.apply(r.errno(), null) : then.apply(null, r.dataAs(Stat.class));
        return follow ? stat(path, k) : lstat(path, k);
    }

    /** Runs {@code body} for each item in order; each body calls its {@code next} to go on. */
    public static <T> Step forEach(Iterable<T> items, BiFunction<T, Supplier<Step>, Step> body, Supplier<Step> done) {
        return next(items.iterator(), body, done);
    }

    private static <T> Step next(Iterator<T> it, BiFunction<T, Supplier<Step>, Step> body, Supplier<Step> done) {
        if (!it.hasNext()) return done.get();
        T item = it.next();
        return body.apply(item, () -> next(it, body, done));
    }

    /** Reads an open descriptor a block at a time; {@code onChunk} gets each block and decides whether to read on. */
    public Step stream(int fd, BiFunction<byte[], Supplier<Step>, Step> onChunk, Function<Errno, Step> atEnd) {
        return read(fd, IO_BLOCK, r -> {
            if (r.failed()) return atEnd.apply(r.errno());
            if (r.value() == 0) return atEnd.apply(null);
            return onChunk.apply(r.bytes(), () -> stream(fd, onChunk, atEnd));
        });
    }

    /** Writes all of {@code data} (a pipe may take it in pieces); {@code then} gets null or the error. */
    public Step writeAll(int fd, byte[] data, Function<Errno, Step> then) {
        if (data.length == 0) return then.apply(null);
        return write(fd, data, w -> {
            if (w.failed()) return then.apply(w.errno());
            if (w.value() >= data.length) return then.apply(null);
            return writeAll(fd, java.util.Arrays.copyOfRange(data, (int) w.value(), data.length), then);
        });
    }

    /** getcwd(3): {@code then} gets an errno or the path. */
    public Step getcwd(BiFunction<Errno, String, Step> then) {
        return sys(new Syscall.Getcwd(), r -> r.failed() ? then.apply(r.errno(), null) : then.apply(null, (String) r.data()));
    }

    /** One of the id calls: {@code getpid}, {@code getppid}, {@code getuid}, {@code geteuid}, {@code getgid}, {@code getegid}. */
    public Step id(String call, java.util.function.IntFunction<Step> then) {
        return sys(new Syscall.GetId(call), r -> then.apply(r.intValue()));
    }

    /** clock_gettime(2) through the vDSO: nanoseconds of the clock (realtime: since the epoch). */
    public Step clock(int clock, java.util.function.LongFunction<Step> then) {
        return sys(new dev.syssim.sim.os.ClockGettime(clock), r -> then.apply(dev.syssim.sim.os.ClockGettime.nanos(r)));
    }

    /** isatty(3): ioctl(fd, TCGETS) succeeds only on a terminal. */
    public Step isatty(int fd, Function<Boolean, Step> then) {
        return sys(new Syscall.Ioctl(fd, Syscall.Ioctl.TCGETS), r -> then.apply(!r.failed()));
    }

    /** nanosleep(3): clock_nanosleep for {@code nanos}; {@code then} gets null or EINTR. */
    public Step sleep(long nanos, Function<Errno, Step> then) {
        return sys(new Syscall.ClockNanosleep(nanos), r -> then.apply(r.failed() ? r.errno() : null));
    }

    /**
     * Reads one line from a descriptor (a terminal delivers a line per read); null at end of input.
     * Like stdio's getline, what a read brought beyond the line stays buffered for the next call
     * ({@code printf 'y\nn\n' | rm -i a b} answers both questions).
     */
    public Step readLine(int fd, Function<String, Step> then) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] held = unread.remove(fd);
        if (held != null) {
            for (int i = 0; i < held.length; i++) {
                if (held[i] == '\n') {
                    if (i + 1 < held.length) unread.put(fd, java.util.Arrays.copyOfRange(held, i + 1, held.length));
                    return then.apply(text(java.util.Arrays.copyOf(held, i)));
                }
            }
            line.write(held, 0, held.length);
        }
        return readLine(fd, line, then);
    }

    private final java.util.Map<Integer, byte[]> unread = new java.util.HashMap<>();

    private Step readLine(int fd, ByteArrayOutputStream line, Function<String, Step> then) {
        return read(fd, 1024, r -> {
            if (r.failed() || r.value() == 0) return then.apply(line.size() == 0 ? null : text(line.toByteArray()));
            byte[] b = r.bytes();
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n') {
                    if (i + 1 < b.length) unread.put(fd, java.util.Arrays.copyOfRange(b, i + 1, b.length));
                    return then.apply(text(java.util.Arrays.copyOf(line.toByteArray(), line.size())) + text(java.util.Arrays.copyOf(b, i)));
                }
            }
            line.write(b, 0, b.length);
            return readLine(fd, line, then);
        });
    }

    /**
     * execvp(3): a name with a slash is executed as it is, else tried in each directory of the
     * {@code env}'s PATH (glibc's default {@code /bin:/usr/bin} when unset), going on past ENOENT,
     * ENOTDIR and EACCES and reporting EACCES if any directory gave it. A file the kernel cannot
     * execute (ENOEXEC: no ELF header, no {@code #!}) is run by {@code /bin/sh}, as glibc does.
     * Only a failure returns: {@code failed} gets the errno.
     */
    public Step execvp(List<String> command, java.util.Map<String, String> env, Function<Errno, Step> failed) {
        String name = command.isEmpty() ? "" : command.get(0);
        if (name.isEmpty()) return failed.apply(Errno.ENOENT);
        flushStdout();
        if (name.contains("/")) return exec(name, command, env, e -> failed.apply(e));
        String path = env.get("PATH") == null ? "/bin:/usr/bin" : env.get("PATH");
        List<String> candidates = new ArrayList<>();
        for (String dir : path.split(":", -1)) candidates.add((dir.isEmpty() ? "." : dir) + "/" + name);
        boolean[] denied = {false};
        return forEach(candidates, (candidate, next) -> exec(candidate, command, env, e -> {
            if (e == Errno.EACCES) denied[0] = true;
            if (e == Errno.ENOENT || e == Errno.EACCES || e == Errno.ENOTDIR) return next.get();
            return failed.apply(e);
        }), () -> failed.apply(denied[0] ? Errno.EACCES : Errno.ENOENT));
    }

    private Step exec(String path, List<String> command, java.util.Map<String, String> env, Function<Errno, Step> failed) {
        return sys(new Syscall.Execve(path, command, env), r -> {
            if (r.errno() != Errno.ENOEXEC) return failed.apply(r.errno());
            List<String> shell = new ArrayList<>(List.of("/bin/sh", path));
            shell.addAll(command.subList(1, command.size()));
            return sys(new Syscall.Execve("/bin/sh", shell, env), r2 -> failed.apply(r2.errno()));
        });
    }

    /** Reads /etc/passwd and /etc/group (missing files give an empty database, as in a bare chroot). */
    public Step users(Function<UserDb, Step> then) {
        return readFile("/etc/passwd", (e1, passwd) -> readFile("/etc/group", (e2, group) ->
                then.apply(UserDb.parse(passwd == null ? null : text(passwd), group == null ? null : text(group)))));
    }

    /**
     * gnulib's argmatch_invalid and argmatch_valid: {@code sort: invalid argument ‘x’ for ‘--sort’},
     * then the valid arguments one per line. The caller adds its hint and exits.
     */
    public void argmatchInvalid(String value, String option, String... valid) {
        StringBuilder m = new StringBuilder(name() + ": invalid argument " + quoteLocale(value) + " for " + quoteLocale(option) + "\n");
        m.append("Valid arguments are:\n");
        for (String v : valid) m.append("  - ").append(quoteLocale(v)).append('\n');
        eprint(m.toString());
    }

    /** Prints getopt's error and the GNU hint, then exits with {@code status}. */
    public Step usageError(String message, int status) {
        eprint(message + "\n");
        eprint("Try '" + name() + " --help' for more information.\n");
        return exit(status);
    }

    /**
     * Whether the program's locale uses UTF-8: the first of {@code LC_ALL}, {@code LC_CTYPE} and
     * {@code LANG} that is set and not empty names a UTF-8 locale ({@code C.UTF-8}, {@code
     * en_US.utf8}). Logins on the simulated machines get {@code LANG=C.UTF-8}, as Debian's images do.
     */
    public boolean utf8() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env(name);
            if (value == null || value.isEmpty()) continue;
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("utf-8") || lower.contains("utf8");
        }
        return false;
    }

    /**
     * gnulib's {@code quote()}, which GNU tools use for most operands in messages ({@code mkdir:
     * cannot create directory ‘x’: File exists}): curved quotes in a UTF-8 locale, {@code 'x'} in
     * the C locale. File names printed with {@code quotef}/{@code quoteaf} use {@link #quote(String)}
     * instead, which is the same in every locale.
     */
    public String quoteLocale(String text) {
        return utf8() ? "\u2018" + text + "\u2019" : "'" + text + "'";
    }

    /** GNU quoting of a file name in messages (the C locale's shell-escape style): {@code 'x'}. */
    public static String quote(String name) {
        if (name.contains("'")) return "\"" + name + "\"";
        return "'" + name + "'";
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
