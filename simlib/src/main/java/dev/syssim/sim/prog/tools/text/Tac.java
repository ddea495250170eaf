package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * tac (GNU coreutils 9.1): each file's records in reverse order. A record ends with the separator
 * (a newline, or -s STRING; -r: a regular expression) which stays attached after it, or with -b
 * before it.
 */
public final class Tac extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("tac", c.args().operands(), "brs:", List.of("before>b", "regex>r", "separator=>s", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String sepText = o.has("s") ? o.last("s") : "\n";
        // An empty separator is the NUL byte (the string's terminator, as tac.c reads it).
        byte[] sep = sepText.isEmpty() ? new byte[] {0} : sepText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Regex regex = null;
        if (o.has("r")) {
            Regex.Result r = Regex.compile(sep, Regex.Dialect.POSIX_BASIC, c.utf8() ? Regex.UTF8 : 0);
            if (r instanceof Regex.Invalid invalid) {
                c.error(invalid.message());
                return c.exit(1);
            }
            regex = ((Regex.Valid) r).regex();
        }
        boolean before = o.has("b");
        Regex re = regex;
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                if (err == dev.syssim.sim.os.Errno.EISDIR) c.error(Quote.af(file, c.utf8()) + ": read error", err);
                else c.error("failed to open " + Quote.af(file, c.utf8()) + " for reading", err);
                status[0] = 1;
                return next.get();
            }
            c.printBytes(reverse(content, sep, re, before));
            return next.get();
        }), () -> c.exit(status[0]));
    }

    private static byte[] reverse(byte[] b, byte[] sep, Regex re, boolean before) {
        List<int[]> separators = new ArrayList<>();
        int at = 0;
        while (at < b.length) {
            int s;
            int e;
            if (re != null) {
                Regex.Match m = re.search(b, 0, b.length, at);
                if (m == null || m.end() == m.start()) break;
                s = m.start();
                e = m.end();
            } else {
                s = indexOf(b, sep, at);
                if (s < 0) break;
                e = s + sep.length;
            }
            separators.add(new int[] {s, e});
            at = e;
        }
        List<int[]> records = new ArrayList<>();
        int start = 0;
        for (int[] s : separators) {
            if (before) {
                if (s[0] > start || !records.isEmpty() || start > 0) records.add(new int[] {start, s[0]});
                start = s[0];
            } else {
                records.add(new int[] {start, s[1]});
                start = s[1];
            }
        }
        if (start < b.length) records.add(new int[] {start, b.length});
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        for (int i = records.size() - 1; i >= 0; i--) out.write(b, records.get(i)[0], records.get(i)[1] - records.get(i)[0]);
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte[] sep, int from) {
        outer:
        for (int i = from; i + sep.length <= b.length; i++) {
            for (int k = 0; k < sep.length; k++) if (b[i + k] != sep[k]) continue outer;
            return i;
        }
        return -1;
    }

    @Override
    public String whatis() {
        return "concatenate and print files in reverse";
    }

    @Override
    public String manual() {
        return "tac [OPTION]... [FILE]...\n  Write each FILE to standard output, last line first.\n"
                + "  -b, --before             attach the separator before instead of after\n"
                + "  -r, --regex              interpret the separator as a regular expression\n"
                + "  -s, --separator=STRING   use STRING as the separator instead of newline";
    }
}
