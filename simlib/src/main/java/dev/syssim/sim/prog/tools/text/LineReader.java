package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * Lines of an input as they arrive, for the filters that need no more than a line at a time (uniq,
 * cut, nl, fold, rev ...): each block read is split in a Java loop, the part after its last line
 * end waits for the next block, and the end of input hands over the last line even without its
 * line end. A handler may stop the reading early.
 */
final class LineReader {

    /** Receives one line {@code buf[start, end)}; {@code ended}: whether its line end followed. False stops. */
    interface Handler {
        boolean line(byte[] buf, int start, int end, boolean ended);
    }

    private final byte eol;
    private final ByteArrayOutputStream carry = new ByteArrayOutputStream();
    private boolean stopped;

    LineReader(byte eol) {
        this.eol = eol;
    }

    boolean stopped() {
        return stopped;
    }

    /** Splits a block; returns false once the handler has stopped. */
    boolean feed(byte[] block, Handler h) {
        if (stopped) return false;
        byte[] buf = block;
        if (carry.size() > 0) {
            carry.write(block, 0, block.length);
            buf = carry.toByteArray();
            carry.reset();
        }
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == eol) {
                if (!h.line(buf, start, i, true)) {
                    stopped = true;
                    return false;
                }
                start = i + 1;
            }
        }
        if (start < buf.length) carry.write(buf, start, buf.length - start);
        return true;
    }

    /** The end of input: a last line without its line end. */
    void finish(Handler h) {
        if (stopped || carry.size() == 0) return;
        byte[] rest = carry.toByteArray();
        carry.reset();
        if (!h.line(rest, 0, rest.length, false)) stopped = true;
    }

    /**
     * Reads {@code fd} to its end (or until the handler stops), a compute step per block for the
     * work; {@code done} gets null or the read error.
     */
    static Step each(Libc c, int fd, byte eol, String what, Handler h, Function<Errno, Step> done) {
        LineReader r = new LineReader(eol);
        return c.stream(fd, (block, more) -> {
            boolean go = r.feed(block, h);
            return c.compute(Inputs.scanCost(block.length), what, () -> go ? more.get() : done.apply(null));
        }, err -> {
            if (err == null) r.finish(h);
            return done.apply(err);
        });
    }
}
