package dev.syssim.sim.shell;

import dev.syssim.sim.os.Lseek;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.syntax.Parser;

/**
 * bash reading its script from standard input ({@code bash < file}, {@code echo ... | bash}): it
 * takes one command line at a time and runs it before reading on, so what the script runs shares
 * the input — {@code read} gets the script's next line, {@code cat} the rest of it. From a pipe
 * bash reads a byte at a time (it cannot give back what it read too far); from a file it reads a
 * block and seeks back to the end of the command line before running it (input.c's
 * sync_buffered_stream). Each whole command line (see {@link Parser#holdsWholeLine}) runs as a
 * script of its own with its line numbers.
 */
final class StdinScriptFrame extends Frame {

    private static final int BLOCK = 4096;

    /** The command line read so far (bytes as chars). */
    private final StringBuilder pending = new StringBuilder();
    /** Bytes read beyond {@link #pending}'s last newline (file input only), to seek back over. */
    private String ahead = "";
    private int nextLine = 1;
    private Boolean seekable;
    private boolean eof;
    private boolean running;
    private boolean ranAny;

    @Override
    Step step(Shell sh) {
        if (running) {
            running = false;
            ranAny = true;
        }
        if (eof && pending.isEmpty()) return sh.finish(ranAny ? sh.st.lastStatus : 0);
        if (seekable == null) {
            return sh.c.sys(new Lseek(0, 0, Lseek.SEEK_CUR), r -> {
                seekable = !r.failed();
                return sh.proceed();
            });
        }
        if (eof) return run(sh);
        return seekable ? readBlock(sh) : readByte(sh);
    }

    /** From a pipe: one byte at a time up to a newline. */
    private Step readByte(Shell sh) {
        return sh.c.sys(new Syscall.Read(0, 1), r -> {
            if (r.failed() || r.value() == 0) {
                eof = true;
                return sh.proceed();
            }
            char c = (char) (r.bytes()[0] & 0xff);
            pending.append(c);
            if (c != '\n') return readByte(sh);
            return lineRead(sh);
        });
    }

    /** From a file: a block, keeping what follows the first newline to seek back over. */
    private Step readBlock(Shell sh) {
        int newline = ahead.indexOf('\n');
        if (newline >= 0) {
            pending.append(ahead, 0, newline + 1);
            ahead = ahead.substring(newline + 1);
            return lineRead(sh);
        }
        return sh.c.sys(new Syscall.Read(0, BLOCK), r -> {
            if (r.failed() || r.value() == 0) {
                pending.append(ahead);
                ahead = "";
                eof = true;
                return sh.proceed();
            }
            ahead += Bytes.str(r.bytes());
            return readBlock(sh);
        });
    }

    private Step lineRead(Shell sh) {
        if (!Parser.holdsWholeLine(pending.toString(), sh.parserSettings())) return sh.proceed();
        if (ahead.isEmpty()) return run(sh);
        int back = ahead.length();
        ahead = "";
        return sh.c.sys(new Lseek(0, -back, Lseek.SEEK_CUR), r -> run(sh));
    }

    /** Runs the command line read (all that is left at end of input) as a script of its own. */
    private Step run(Shell sh) {
        String text = pending.toString();
        pending.setLength(0);
        Parser parser = new Parser(text, nextLine, sh.parserSettings());
        nextLine += (int) text.chars().filter(c -> c == '\n').count();
        running = true;
        return sh.call(new SourceFrame(parser, SourceFrame.Kind.SCRIPT, sh.st.name));
    }
}
