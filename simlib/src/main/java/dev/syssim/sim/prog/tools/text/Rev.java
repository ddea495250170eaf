package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * rev (util-linux 2.38): each line with its characters in reverse order (UTF-8 characters under
 * C.UTF-8; an invalid byte stays a byte), read a line at a time.
 */
public final class Rev extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("rev", c.args().operands(), "0hV", List.of("zero>0", "help>h", "version>V"), true);
        if (o.failed()) {
            c.eprint(o.error() + "\nTry 'rev --help' for more information.\n");
            return c.exit(1);
        }
        if (o.has("h")) return help(c);
        byte eol = o.has("0") ? (byte) 0 : (byte) '\n';
        boolean utf8 = c.utf8();
        int[] status = {0};
        // util-linux rev reads standard input only without operands: "-" is a file name to it
        boolean stdin = o.operands().isEmpty();
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> open(c, file, stdin, (err, fd) -> {
            if (err != null) {
                c.error("cannot open " + file, err);
                status[0] = 1;
                return next.get();
            }
            return LineReader.each(c, fd, eol, "rev: reverse lines", (buf, start, end, ended) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + 1);
                List<int[]> chars = new ArrayList<>();
                int[] len = new int[1];
                for (int i = start; i < end; ) {
                    int n = 1;
                    if (utf8 && (buf[i] & 0x80) != 0) {
                        int cp = Display.decode(buf, i, end, len);
                        n = cp < 0 ? 1 : len[0];
                    }
                    chars.add(new int[] {i, n});
                    i += n;
                }
                for (int k = chars.size() - 1; k >= 0; k--) out.write(buf, chars.get(k)[0], chars.get(k)[1]);
                if (ended) out.write(eol);
                c.printBytes(out.toByteArray());
                return true;
            }, e -> {
                if (e != null) {
                    c.error(file, e);
                    status[0] = 1;
                }
                return stdin ? next.get() : c.close(fd, next);
            });
        }), () -> c.exit(status[0]));
    }

    private static Step open(Libc c, String file, boolean stdin, BiFunction<Errno, Integer, Step> then) {
        if (stdin) return then.apply(null, 0);
        return c.open(file, OpenFlags.O_RDONLY, r -> r.failed() ? then.apply(r.errno(), -1) : then.apply(null, r.intValue()));
    }

    @Override
    public String whatis() {
        return "reverse lines characterwise";
    }

    @Override
    public String manual() {
        return "rev [options] [file ...]\n  Reverse lines characterwise.\n"
                + "  -0, --zero     zero termination, use NUL as line delimiter";
    }

    @Override
    public String source() {
        return "util-linux 2.38.1";
    }
}
