package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.prog.Libc;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedList;

/**
 * awk's files and pipes, as gawk's io.c keeps them: a table of redirections named by the string
 * the program used ({@code print > "out"}, {@code "sort" | getline}), each opened on first use and
 * kept open until close() or the end; the main input walking ARGV. Nothing here blocks: a method
 * that needs the kernel returns a {@link Request}, and the instruction asking is run again once the
 * request is done.
 *
 * <p>Buffering is glibc's: standard output through the tool's stdio (fully buffered on a pipe),
 * files in 4 KiB blocks, pipes to commands unbuffered (gawk sets them so); everything is flushed
 * before a command starts (system(), a new pipe), as gawk's flush_io does.
 */
final class Io {

    static final int OUT_FILE = 0;
    static final int OUT_APPEND = 1;
    static final int OUT_PIPE = 2;
    static final int IN_FILE = 3;
    static final int IN_COMMAND = 4;
    static final int STDOUT = 5;
    static final int STDERR = 6;
    static final int STDIN = 7;
    /** A coprocess ({@code |&}): a pipe to its standard input (fd) and one from its output (readFd). */
    static final int COPROC = 8;

    private static final int FILE_BUFFER = 4096;

    /** One redirection: an open file or a command's pipe, or standard output/error/input. */
    static final class Stream {
        final String name;
        final int kind;
        int fd = -1;
        int pid = -1;
        boolean opening;
        Errno openError;
        boolean readPending;
        /** The main input's files are looked at with fstat once opened (directories are errors). */
        boolean statted;
        Errno readError;
        final InputBuffer in = new InputBuffer();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closing;
        boolean fdClosed;
        boolean waiting;
        int waitStatus = -1;
        /** For a coprocess: the descriptor its output is read from, and which ends close() closed. */
        int readFd = -1;
        boolean toClosed;
        boolean fromClosed;

        Stream(String name, int kind) {
            this.name = name;
            this.kind = kind;
        }

        boolean isOutput() {
            return kind == OUT_FILE || kind == OUT_APPEND || kind == OUT_PIPE || kind == STDOUT || kind == STDERR
                    || (kind == COPROC && !toClosed);
        }
    }

    /** A record read, or what stops reading. */
    static final Object END = new Object();
    /** An input that cannot be opened or read (getline returns -1). */
    static final Object FAILED = new Object();

    private final Libc c;
    private final LinkedList<Stream> streams = new LinkedList<>();
    private final Deque<byte[]> pendingData = new ArrayDeque<>();
    private final Deque<Integer> pendingFds = new ArrayDeque<>();
    private final Stream stdout = new Stream("/dev/stdout", STDOUT);
    private final Stream stderr = new Stream("/dev/stderr", STDERR);
    private final Stream stdin = new Stream("/dev/stdin", STDIN);
    /** A write failed (EPIPE to a command that left, ENOSPC ...): the first error, for gawk's message. */
    private Errno writeError;
    private Stream writeErrorStream;

    Io(Libc c) {
        this.c = c;
        stdout.fd = 1;
        stderr.fd = 2;
        stdin.fd = 0;
    }

    // ---- writing ----

    /** A write queued before the program may go on (files, pipes, standard error), or null. */
    Request pendingWrite() {
        if (pendingData.isEmpty()) return null;
        byte[] data = pendingData.peek();
        int fd = pendingFds.peek();
        return new Request.Write(fd, data, o -> {
            pendingData.poll();
            pendingFds.poll();
            if (o.failed() && writeError == null) {
                writeError = o.errno();
                writeErrorStream = streamOfFd(fd);
            }
        });
    }

    private Stream streamOfFd(int fd) {
        for (Stream s : streams) if (s.fd == fd) return s;
        return fd == 2 ? stderr : stdout;
    }

    Errno takeWriteError() {
        Errno e = writeError;
        writeError = null;
        return e;
    }

    Stream writeErrorStream() {
        return writeErrorStream;
    }

    private void queue(int fd, byte[] data) {
        if (data.length == 0) return;
        pendingData.add(data);
        pendingFds.add(fd);
    }

    void write(Stream s, String text) {
        byte[] bytes = Bytes.bytes(text);
        switch (s.kind) {
            case STDOUT:
                c.printBytes(bytes);
                return;
            case STDERR:
            case OUT_PIPE:
            case COPROC:
                // gawk writes to commands and coprocesses at once (strace shows one write per print)
                queue(s.fd, bytes);
                return;
            default:
                s.out.write(bytes, 0, bytes.length);
                if (s.out.size() >= FILE_BUFFER) {
                    byte[] all = s.out.toByteArray();
                    int full = all.length / FILE_BUFFER * FILE_BUFFER;
                    queue(s.fd, java.util.Arrays.copyOf(all, full));
                    s.out.reset();
                    s.out.write(all, full, all.length - full);
                }
        }
    }

    private void flushStream(Stream s) {
        if (s.kind == STDOUT) {
            c.flushStdout();
            return;
        }
        if (s.out.size() > 0) {
            queue(s.fd, s.out.toByteArray());
            s.out.reset();
        }
    }

    /** gawk's flush_io: standard output and every output redirection. */
    void flushAll() {
        c.flushStdout();
        for (Stream s : streams) if (s.isOutput() && s.fd >= 0) flushStream(s);
    }

    // ---- output redirections ----

    /** The stream {@code print > name} (or {@code >>}, {@code |}) writes to, or a request to open it. */
    Object output(String name, int kind) {
        Stream special = special(name);
        if (special != null) return special;
        Stream s = find(name, kind);
        if (s != null) {
            if (s.opening) return openRequest(s);
            if (s.kind == OUT_FILE || s.kind == OUT_APPEND) {
                // gawk moves a file written again to the head of its list (close() finds it first)
                streams.remove(s);
                streams.addFirst(s);
            }
            return s;
        }
        s = new Stream(name, kind);
        streams.addFirst(s);
        s.opening = true;
        if (kind == OUT_PIPE) flushAll();
        return openRequest(s);
    }

    private Stream special(String name) {
        switch (name) {
            case "/dev/stdout":
            case "-":
            case "/dev/fd/1":
                return stdout;
            case "/dev/stderr":
            case "/dev/fd/2":
                return stderr;
            default:
                return null;
        }
    }

    private Request openRequest(Stream s) {
        if (s.kind == COPROC) {
            Request w = pendingWrite();
            if (w != null) return w;
            return new Request.Spawn(Bytes.toJava(s.name), Request.Spawn.BOTH, o -> {
                s.opening = false;
                if (o.failed()) {
                    s.openError = o.errno();
                } else {
                    s.fd = (int) o.value();
                    String[] ids = new String(o.data(), java.nio.charset.StandardCharsets.US_ASCII).split(" ");
                    s.pid = Integer.parseInt(ids[0]);
                    s.readFd = Integer.parseInt(ids[1]);
                }
            });
        }
        if (s.kind == OUT_PIPE || s.kind == IN_COMMAND) {
            Request w = pendingWrite();
            if (w != null) return w;
            int dir = s.kind == OUT_PIPE ? Request.Spawn.WRITE : Request.Spawn.READ;
            return new Request.Spawn(Bytes.toJava(s.name), dir, o -> {
                s.opening = false;
                if (o.failed()) {
                    s.openError = o.errno();
                } else {
                    s.fd = (int) o.value();
                    s.pid = Integer.parseInt(new String(o.data(), java.nio.charset.StandardCharsets.US_ASCII));
                }
            });
        }
        int flags = s.kind == OUT_FILE ? OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC
                : s.kind == OUT_APPEND ? OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND : OpenFlags.O_RDONLY;
        return new Request.Open(Bytes.toJava(s.name), flags | OpenFlags.O_CLOEXEC, o -> {
            s.opening = false;
            if (o.failed()) s.openError = o.errno();
            else s.fd = (int) o.value();
        });
    }

    /** A stream whose opening failed: forget it, and give its errno. */
    Errno openFailure(Stream s) {
        streams.remove(s);
        return s.openError;
    }

    /**
     * The redirection of that name opened the same way: gawk keeps apart a file read and the same
     * file written, a command read from and the same command written to (> and >> are one).
     */
    private Stream find(String name, int kind) {
        for (Stream s : streams) {
            if (!s.name.equals(name)) continue;
            boolean file = kind == OUT_FILE || kind == OUT_APPEND;
            if (s.kind == kind || (file && (s.kind == OUT_FILE || s.kind == OUT_APPEND))) return s;
        }
        return null;
    }

    private Stream find(String name) {
        for (Stream s : streams) if (s.name.equals(name)) return s;
        return null;
    }

    // ---- input redirections ----

    /** The next record from {@code getline < name}: a Scan, a Request, {@link #END} or {@link #FAILED}. */
    Object fileRecord(String name, InputBuffer.Separator sep) {
        if (name.equals("-") || name.equals("/dev/stdin") || name.equals("/dev/fd/0")) return read(stdin, sep);
        return input(name, IN_FILE, sep);
    }

    /** A coprocess whose reading end close(cmd, "from") closed: getline from it is fatal. */
    static final Object CLOSED_READ_END = new Object();

    /** The next record from {@code command |& getline}: the coprocess is started if it is not running. */
    Object coprocessRecord(String command, InputBuffer.Separator sep) {
        Stream s = find(command, COPROC);
        if (s == null) {
            s = new Stream(command, COPROC);
            streams.addFirst(s);
            s.opening = true;
            return openRequest(s);
        }
        if (s.opening) return openRequest(s);
        if (s.openError != null) return FAILED;
        if (s.fromClosed) return CLOSED_READ_END;
        return read(s, sep);
    }

    /** The next record from {@code command | getline}. */
    Object commandRecord(String command, InputBuffer.Separator sep) {
        return input(command, IN_COMMAND, sep);
    }

    private Object input(String name, int kind, InputBuffer.Separator sep) {
        Stream s = find(name, kind);
        if (s == null) {
            s = new Stream(name, kind);
            streams.addFirst(s);
            s.opening = true;
            if (kind == IN_COMMAND) flushAll();
            return openRequest(s);
        }
        if (s.opening) return openRequest(s);
        if (s.openError != null) return FAILED;
        return read(s, sep);
    }

    Object read(Stream s, InputBuffer.Separator sep) {
        if (s.readError != null) return FAILED;
        InputBuffer.Scan scan = s.in.next(sep);
        if (scan == InputBuffer.END) return END;
        if (scan != InputBuffer.NEED_MORE) return scan;
        return new Request.Read(s.kind == COPROC ? s.readFd : s.fd, o -> {
            if (o.failed()) {
                s.readError = o.errno();
                s.in.endOfInput();
            } else if (o.data() == null || o.data().length == 0) {
                s.in.endOfInput();
            } else {
                s.in.append(o.data());
            }
        });
    }

    Errno readError(String name, int kind) {
        Stream s = find(name, kind);
        return s == null ? null : s.readError != null ? s.readError : s.openError;
    }

    // ---- close, fflush, system ----

    boolean isOpen(String name) {
        return find(name) != null;
    }

    /** close(name): the result (0, an exit status, -1 when nothing is open by that name) or a request. */
    Object close(String name) {
        Stream s = find(name);
        if (s == null) return -1;
        return finish(s);
    }

    /**
     * close(name, "to" or "from") on a coprocess: "to" flushes and closes the pipe to it (0);
     * "from" closes the pipe from it and waits for it (its status). Once both ends are closed it
     * is forgotten. On any other redirection the whole of it is closed (gawk's close_rp).
     */
    Object close(String name, boolean to) {
        Stream s = find(name);
        if (s == null) return -1;
        if (s.kind != COPROC || s.opening || s.openError != null) return finish(s);
        if (to) {
            if (!s.toClosed) {
                flushStream(s);
                Request w = pendingWrite();
                if (w != null) return w;
                if (!s.fdClosed) return new Request.Close(s.fd, o -> s.fdClosed = true);
                s.toClosed = true;
            }
            if (s.fromClosed) streams.remove(s);
            return 0;
        }
        if (!s.fromClosed) {
            if (s.readFd >= 0) {
                int fd = s.readFd;
                s.readFd = -1;
                s.in.discard();
                return new Request.Close(fd, o -> { });
            }
            if (s.pid > 0 && s.waitStatus < 0) return new Request.Wait(s.pid, o -> s.waitStatus = (int) o.value());
            s.fromClosed = true;
        }
        if (s.toClosed) streams.remove(s);
        return s.pid > 0 ? exitStatus(s.waitStatus) : 0;
    }

    /** Flushes, closes and waits for one stream; its result once done, else the next request. */
    private Object finish(Stream s) {
        s.closing = true;
        if (s.opening) {
            streams.remove(s);
            return -1;
        }
        if (s.openError != null) {
            streams.remove(s);
            return -1;
        }
        if (s.isOutput() && s.out.size() > 0) flushStream(s);
        Request w = pendingWrite();
        if (w != null) return w;
        if (s.fd >= 0 && !s.fdClosed) {
            return new Request.Close(s.fd, o -> s.fdClosed = true);
        }
        if (s.kind == COPROC && s.readFd >= 0) {
            int fd = s.readFd;
            s.readFd = -1;
            return new Request.Close(fd, o -> { });
        }
        if (s.pid > 0 && s.waitStatus < 0) {
            return new Request.Wait(s.pid, o -> s.waitStatus = (int) o.value());
        }
        streams.remove(s);
        if (s.pid > 0) return exitStatus(s.waitStatus);
        return 0;
    }

    /** gawk's sanitize_exit_status: the exit status, or 256 + the signal (512 + it with a core dump). */
    static int exitStatus(int waitStatus) {
        int sig = waitStatus & 0x7f;
        if (sig == 0) return (waitStatus >> 8) & 0xff;
        return ((waitStatus & 0x80) != 0 ? 512 : 256) + sig;
    }

    /** Closes everything at the end of the program, most recent first (gawk's close_io). */
    Request closeAll() {
        Iterator<Stream> it = streams.iterator();
        if (!it.hasNext()) {
            c.flushStdout();
            return pendingWrite();
        }
        Stream s = it.next();
        Object r = finish(s);
        if (r instanceof Request req) return req;
        return closeAll();
    }

    /** What a fatal error's exit does (C's exit): buffers are written, nothing is waited for. */
    Request flushForExit() {
        for (Stream s : streams) if (s.isOutput() && s.fd >= 0 && s.kind != OUT_PIPE) flushStream(s);
        c.flushStdout();
        return pendingWrite();
    }

    /** fflush(name) of something open for reading, or of a coprocess whose writing end is closed: -1 with a warning. */
    static final int FFLUSH_INPUT_PIPE = -2;
    static final int FFLUSH_INPUT_FILE = -3;
    static final int FFLUSH_CLOSED_WRITE_END = -4;

    /** fflush(name): 0, -1 when nothing is open by that name (or see FFLUSH_*), or a request. Null name: everything. */
    Object fflush(String name) {
        if (name == null) {
            flushAll();
            Request w = pendingWrite();
            return w != null ? w : (Object) 0;
        }
        Stream s = special(name);
        if (s == null) s = find(name);
        if (s == null) return -1;
        if (s.kind == IN_COMMAND) return FFLUSH_INPUT_PIPE;
        if (s.kind == IN_FILE) return FFLUSH_INPUT_FILE;
        if (s.kind == COPROC && s.toClosed) return FFLUSH_CLOSED_WRITE_END;
        flushStream(s);
        Request w = pendingWrite();
        return w != null ? w : (Object) 0;
    }

    /** The state of a system() call in progress. */
    private Integer systemStatus;
    private boolean systemStarted;

    /** system(command): flush everything, run {@code sh -c command}, wait; the status or a request. */
    Object system(String command) {
        if (systemStatus != null) {
            int status = systemStatus;
            systemStatus = null;
            systemStarted = false;
            return exitStatus(status);
        }
        if (!systemStarted) flushAll();
        Request w = pendingWrite();
        if (w != null) return w;
        if (command.isEmpty()) return 0;
        systemStarted = true;
        return new Request.Spawn(Bytes.toJava(command), Request.Spawn.NONE, o -> systemStatus = o.failed() ? 127 << 8 : (int) o.value());
    }

    // ---- the main input ----

    /** Where the main input reads now (null between files). */
    private Stream current;
    private boolean anyFile;
    private boolean mainDone;

    /** A new file of the main input: FILENAME, FNR and ERRNO are set; the BEGINFILE rules run now. */
    static final Object BEGIN_FILE = new Object();
    /** A file of the main input is done: the ENDFILE rules run now. */
    static final Object END_FILE = new Object();

    /** Set when the program has BEGINFILE or ENDFILE rules: {@link #mainRecord} reports file changes. */
    boolean fileEvents;
    /** With ENDFILE rules a read error is not fatal: ERRNO tells it. */
    boolean hasEndfile;
    /** The file whose BEGINFILE rules run (opened or not). */
    private Stream beginning;
    /** A file ended (or was skipped): report {@link #END_FILE} before going on. */
    private boolean endPending;

    /** What the main input needs from the program: ARGV, ARGC, command-line assignments. */
    interface Arguments {
        int argc();

        /** ARGV[i], or null when there is no such element. */
        String argv(int i);

        /** ARGV[i] is looked at as an operand: ARGIND. */
        void argumentIndex(int i);

        /** Performs {@code var=value} if {@code arg} is one; whether it was. */
        boolean assign(String arg);

        /** A new input file starts: FILENAME, FNR and ERRNO (the open's error, or none). */
        void startFile(String name, Errno error);

        /** The file cannot be read: a directory warning, or a fatal error for a missing one. */
        Object unreadable(String name, Errno e);

        /** A read of the main input failed while ENDFILE rules exist: ERRNO says why. */
        void readFailed(Errno e);
    }

    private int argIndex = 1;
    private Stream opening;

    /**
     * The next record of the main input: a Scan, a Request, {@link #END}, or (with
     * {@link #fileEvents}) {@link #BEGIN_FILE} or {@link #END_FILE}. A file is opened and looked at
     * with fstat before its BEGINFILE rules run (a directory is an error then, as in gawk's
     * iop_finish); after them a file that failed to open is skipped or fatal (after_beginfile).
     */
    Object mainRecord(InputBuffer.Separator sep, Arguments args) {
        for (;;) {
            if (endPending) {
                endPending = false;
                return END_FILE;
            }
            if (mainDone) return END;
            if (beginning != null) {
                Stream s = beginning;
                beginning = null;
                if (s.openError != null) {
                    Object r = args.unreadable(s.name, s.openError);
                    if (r != null) return r;
                    continue;
                }
                current = s;
            }
            if (opening != null) {
                Stream s = opening;
                if (s.opening) return openRequest(s);
                if (s.openError == null && !s.statted) return statRequest(s);
                if (s.openError == Errno.EISDIR && s.fd >= 0 && !s.fdClosed) {
                    s.fdClosed = true;
                    return new Request.Close(s.fd, o -> { });
                }
                opening = null;
                if (fileEvents) {
                    args.startFile(s.name, s.openError);
                    beginning = s;
                    return BEGIN_FILE;
                }
                if (s.openError != null) {
                    Object r = args.unreadable(s.name, s.openError);
                    if (r != null) return r;
                    continue;
                }
                current = s;
                args.startFile(s.name, null);
            }
            if (current == null) {
                String file = null;
                while (argIndex < args.argc()) {
                    int i = argIndex++;
                    String arg = args.argv(i);
                    if (arg == null || arg.isEmpty()) continue;
                    args.argumentIndex(i);
                    if (args.assign(arg)) continue;
                    file = arg;
                    break;
                }
                if (file == null) {
                    if (anyFile) {
                        mainDone = true;
                        return END;
                    }
                    file = "-";
                }
                anyFile = true;
                if (file.equals("-") || file.equals("/dev/stdin")) {
                    args.startFile(file, null);
                    if (fileEvents) {
                        beginning = stdin;
                        return BEGIN_FILE;
                    }
                    current = stdin;
                } else {
                    Stream s = new Stream(file, IN_FILE);
                    s.opening = true;
                    opening = s;
                    return openRequest(s);
                }
            }
            Object r = read(current, sep);
            if (r == END || r == FAILED) {
                Stream done = current;
                current = null;
                done.in.discard();
                if (r == FAILED) {
                    if (hasEndfile) {
                        args.readFailed(done.readError);
                    } else {
                        Object u = args.unreadable(done.name, done.readError);
                        if (u != null) return u;
                    }
                }
                if (fileEvents) endPending = true;
                if (done.kind == IN_FILE && done.fd >= 0 && !done.fdClosed) {
                    done.fdClosed = true;
                    return new Request.Close(done.fd, o -> { });
                }
                continue;
            }
            return r;
        }
    }

    private Request statRequest(Stream s) {
        return new Request.Fstat(s.fd, o -> {
            s.statted = true;
            if (!o.failed() && (o.value() & 0170000) == 0040000) s.openError = Errno.EISDIR;
        });
    }

    /** nextfile: the rest of the current input file is skipped (its ENDFILE rules run next). */
    Request skipFile() {
        Stream done = current;
        current = null;
        if (done == null) return null;
        done.in.discard();
        if (fileEvents) endPending = true;
        if (done.kind == IN_FILE && done.fd >= 0 && !done.fdClosed) {
            done.fdClosed = true;
            return new Request.Close(done.fd, o -> { });
        }
        return null;
    }

    /**
     * nextfile in BEGINFILE: the file is not read. Whether it had opened — then it is closed and
     * its ENDFILE rules run, as gawk's nextfile(…, skipping) tells.
     */
    boolean skipBeginning() {
        Stream s = beginning;
        beginning = null;
        if (s == null || s.openError != null) return false;
        current = s;
        return true;
    }

    /** Whether the main input has been opened at all (getline in BEGIN starts it). */
    boolean started() {
        return anyFile;
    }
}
