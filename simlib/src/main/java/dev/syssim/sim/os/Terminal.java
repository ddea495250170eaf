package dev.syssim.sim.os;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A pseudo-terminal ({@code /dev/pts/N}) with the user at the other end: what processes write
 * appears in the notebook; what they read is what the user types. Reads block until input comes;
 * the session notices a reader waiting and asks the front end for a line. An interactive shell
 * waiting for its next command is noted separately: the notebook's next cell is that command.
 */
public final class Terminal implements FileOps {

    private final int index;
    private TerminalSink sink;
    private final ArrayDeque<byte[]> input = new ArrayDeque<>();
    private boolean endOfInput;
    private final WaitQueue readers = new WaitQueue("tty_read");
    private final WaitQueue commandReaders = new WaitQueue("tty_read");
    private final ArrayDeque<String> commands = new ArrayDeque<>();
    private int foregroundGroup;
    private boolean echo = true;
    private boolean userPresent = true;
    /** Sees each command line before the shell does (virsh console watching for its escape key); false consumes it. */
    private java.util.function.Predicate<String> commandFilter;
    /** The user at the other end went away (a console client detached): whoever typed here types elsewhere now. */
    private boolean hungUp;

    public Terminal(int index, TerminalSink sink) {
        this.index = index;
        this.sink = sink;
    }

    public int index() {
        return index;
    }

    /** The device path, {@code /dev/pts/0}. */
    public String path() {
        return "/dev/pts/" + index;
    }

    /** The name ps prints in its TTY column, {@code pts/0}. */
    public String name() {
        return "pts/" + index;
    }

    public void setSink(TerminalSink sink) {
        this.sink = sink;
    }

    public int foregroundGroup() {
        return foregroundGroup;
    }

    public void setForegroundGroup(int pgid) {
        this.foregroundGroup = pgid;
    }

    public boolean echo() {
        return echo;
    }

    /** Turns echo off for a password prompt, as sudo does with tcsetattr. */
    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    /**
     * Whether a person sits at this terminal. A notebook run headless has nobody to type: then
     * opening {@code /dev/tty} fails with ENXIO, as for a process without a controlling terminal,
     * and tools that must ask (sudo) say so instead of waiting.
     */
    public boolean userPresent() {
        return userPresent;
    }

    public void setUserPresent(boolean present) {
        this.userPresent = present;
    }

    @Override
    public boolean isTerminal() {
        return true;
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        if (!input.isEmpty()) {
            byte[] line = input.removeFirst();
            if (line.length > count) {
                input.addFirst(Arrays.copyOfRange(line, count, line.length));
                line = Arrays.copyOf(line, count);
            }
            return Outcome.done(SysResult.ok(line.length, line), Costs.copy(line.length));
        }
        if (endOfInput) {
            endOfInput = false;
            return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
        }
        return new Outcome.Blocked(readers, "tty_read", () -> read(kernel, process, file, count));
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        sink.output(file.stream() == null ? "stdout" : file.stream(), data);
        return Outcome.done(SysResult.ok(data.length), Costs.copy(data.length));
    }

    /** True when a process sleeps reading this terminal for input (not for a command). */
    public boolean hasWaitingReader() {
        return !readers.isEmpty();
    }

    /** Delivers a typed line (with its newline) to the waiting reader. */
    public void type(Kernel kernel, String line) {
        input.addLast(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kernel.scheduler().wakeAll(readers);
    }

    /** Ctrl-D: the next read returns 0 bytes. */
    public void endInput(Kernel kernel) {
        endOfInput = true;
        kernel.scheduler().wakeAll(readers);
    }

    // ---- the command channel of an interactive shell ----

    /** Installs (or with null removes) the filter that sees typed command lines first. */
    public void setCommandFilter(java.util.function.Predicate<String> filter) {
        this.commandFilter = filter;
    }

    /** Whether the remote user detached from this terminal (its session goes back where it came from). */
    public boolean hungUp() {
        return hungUp;
    }

    public void setHungUp(boolean hungUp) {
        this.hungUp = hungUp;
    }

    /** True when an interactive shell sleeps waiting for its next command line. */
    public boolean hasWaitingShell() {
        return !commandReaders.isEmpty();
    }

    /** Hands the shell waiting on this terminal its next command text. */
    public void submitCommand(Kernel kernel, String text) {
        if (commandFilter != null && !commandFilter.test(text)) return;
        commands.addLast(text);
        kernel.scheduler().wakeAll(commandReaders);
    }

    Outcome readCommand(Kernel kernel, Process process) {
        if (!commands.isEmpty()) {
            byte[] text = commands.removeFirst().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return Outcome.done(SysResult.ok(text.length, text), 0);
        }
        return new Outcome.Blocked(commandReaders, "tty_read", () -> readCommand(kernel, process));
    }
}
