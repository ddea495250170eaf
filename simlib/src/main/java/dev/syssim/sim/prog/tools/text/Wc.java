package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * wc (GNU coreutils 9.1): newlines, words, characters, bytes and the longest line's display width
 * of each input, and a total line for several. Words are runs of printable non-space characters
 * (a control character neither starts nor ends one); under UTF-8, -m counts valid characters, -w
 * and -L know Unicode spaces and wide characters. The numbers are as wide as the digits of the
 * regular files' total size, at least 7 when an input is no regular file, 1 for a single count of
 * a single input — as wc.c computes it.
 */
public final class Wc extends Tool {

    private static final List<String> LONG = List.of("bytes>c", "chars>m", "lines>l", "files0-from=", "max-line-length>L", "words>w",
            "help", "version");

    /** The counts of one input. */
    private static final class Counts {
        long lines;
        long words;
        long chars;
        long bytes;
        long maxWidth;
        long column;
        boolean inWord;
        boolean failed;
        final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("wc", c.args().operands(), "clLmw", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean lines = o.has("l");
        boolean words = o.has("w");
        boolean chars = o.has("m");
        boolean bytes = o.has("c");
        boolean longest = o.has("L");
        if (!(lines || words || chars || bytes || longest)) {
            lines = true;
            words = true;
            bytes = true;
        }
        boolean[] show = {lines, words, chars, bytes, longest};
        int shown = (lines ? 1 : 0) + (words ? 1 : 0) + (chars ? 1 : 0) + (bytes ? 1 : 0) + (longest ? 1 : 0);
        List<String> files = o.operands();
        String listFile = o.last("files0-from");
        if (listFile != null) {
            if (!files.isEmpty()) {
                return c.usageError("wc: extra operand " + Quote.af(files.get(0), c.utf8()) + "\nfile operands cannot be combined with --files0-from", 1);
            }
            return Inputs.read(c, listFile, (err, list) -> {
                if (err != null) {
                    c.error("cannot open " + Quote.af(listFile, c.utf8()) + " for reading", err);
                    return c.exit(1);
                }
                List<String> names = nulSeparated(list);
                if (!listFile.equals("-")) return count(c, names, show, shown, true, listFile, false);
                // names read from a pipe are counted as they come, so wc cannot size its columns first: width 1
                return c.sys(Syscall.NewFstatAt.fstat(0), r -> count(c, names, show, shown, true, listFile,
                        r.failed() || r.dataAs(Stat.class).type() != FileType.REGULAR));
            });
        }
        boolean named = !files.isEmpty();
        return count(c, named ? files : List.of("-"), show, shown, named, null, false);
    }

    /** The names of a --files0-from list: NUL-terminated, the last one possibly without its NUL. */
    private static List<String> nulSeparated(byte[] list) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < list.length; i++) {
            if (list[i] == 0) {
                names.add(new String(list, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < list.length) names.add(new String(list, start, list.length - start, java.nio.charset.StandardCharsets.UTF_8));
        return names;
    }

    /**
     * Counts each input and prints its line, then the total for several. {@code listFile} names the
     * --files0-from list (null without one), whose empty names, and "-" when the list is standard
     * input, are errors in its place; {@code widthOne} when the list was streamed.
     */
    private static Step count(Libc c, List<String> inputs, boolean[] show, int shown, boolean named, String listFile, boolean widthOne) {
        boolean utf8 = c.utf8();
        boolean statNeeded = !widthOne && !(inputs.size() == 1 && shown == 1);
        List<Stat> stats = new ArrayList<>();
        return statAll(c, inputs, statNeeded, stats, () -> {
            int width = width(stats, statNeeded);
            Counts total = new Counts();
            int[] status = {0};
            int[] index = {0};
            return Libc.forEach(inputs, (file, next) -> {
                index[0]++;
                if (listFile != null && file.isEmpty()) {
                    c.error(Quote.f(listFile, utf8) + ":" + index[0] + ": invalid zero-length file name");
                    status[0] = 1;
                    return next.get();
                }
                if (listFile != null && listFile.equals("-") && file.equals("-")) {
                    c.error("when reading file names from stdin, no file name of " + Quote.af("-", utf8) + " allowed");
                    status[0] = 1;
                    return next.get();
                }
                return Inputs.open(c, file, (err, fd) -> {
                    if (err != null) {
                        c.error(Quote.f(file, c.utf8()), err);
                        status[0] = 1;
                        return next.get();
                    }
                    Counts n = new Counts();
                    return c.stream(fd, (block, more) -> {
                        count(n, block, utf8);
                        return c.compute(Inputs.scanCost(block.length), "wc: count " + block.length + " bytes", more);
                    }, e -> {
                        if (e != null) {
                            c.error(Quote.f(file, c.utf8()), e);
                            status[0] = 1;
                        }
                        finish(n, utf8);
                        print(c, n, show, width, named ? file : null);
                        total.lines += n.lines;
                        total.words += n.words;
                        total.chars += n.chars;
                        total.bytes += n.bytes;
                        total.maxWidth = Math.max(total.maxWidth, n.maxWidth);
                        return Inputs.close(c, file, fd, next);
                    });
                });
            }, () -> {
                if (inputs.size() > 1) print(c, total, show, width, "total");
                return c.exit(status[0]);
            });
        });
    }

    private static Step statAll(Libc c, List<String> files, boolean needed, List<Stat> into, java.util.function.Supplier<Step> then) {
        if (!needed || into.size() == files.size()) return then.get();
        String file = files.get(into.size());
        java.util.function.Function<dev.syssim.sim.os.SysResult, Step> k = r -> {
            into.add(r.failed() ? null : r.dataAs(Stat.class));
            return statAll(c, files, needed, into, then);
        };
        if (file.equals("-")) return c.sys(Syscall.NewFstatAt.fstat(0), k);
        return c.stat(file, k);
    }

    /** wc.c's compute_number_width. */
    private static int width(List<Stat> stats, boolean statted) {
        if (!statted || stats.isEmpty() || stats.get(0) == null) return 1;
        int minimum = 1;
        long regular = 0;
        for (Stat st : stats) {
            if (st == null) continue;
            if (st.type() == FileType.REGULAR) regular += st.size();
            else minimum = 7;
        }
        int width = Long.toString(regular).length();
        return Math.max(width, minimum);
    }

    private static void print(Libc c, Counts n, boolean[] show, int width, String name) {
        long[] values = {n.lines, n.words, n.chars, n.bytes, n.maxWidth};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (!show[i]) continue;
            if (out.length() > 0) out.append(' ');
            out.append(String.format("%" + width + "d", values[i]));
        }
        if (name != null) out.append(' ').append(name);
        c.print(out.append('\n').toString());
    }

    private static void count(Counts n, byte[] block, boolean utf8) {
        n.bytes += block.length;
        byte[] data = block;
        if (utf8 && n.pending.size() > 0) {
            n.pending.writeBytes(block);
            data = n.pending.toByteArray();
            n.pending.reset();
        }
        int[] len = new int[1];
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xff;
            if (b < 0x80 || !utf8) {
                character(n, b, 1, utf8);
                i++;
                continue;
            }
            int cp = Display.decode(data, i, data.length, len);
            if (cp == Display.INCOMPLETE) {
                n.pending.write(data, i, data.length - i);
                return;
            }
            if (cp == Display.INVALID) {
                // An invalid byte: no character, no word constituent.
                i++;
                continue;
            }
            character(n, cp, 1, utf8);
            i += len[0];
        }
    }

    private static void finish(Counts n, boolean utf8) {
        n.pending.reset();
        n.maxWidth = Math.max(n.maxWidth, n.column);
    }

    /** One character: counts a line end, a word start, the display column. */
    private static void character(Counts n, int cp, int addChars, boolean utf8) {
        n.chars += addChars;
        switch (cp) {
            case '\n', '\r', '\f' -> {
                if (cp == '\n') n.lines++;
                n.maxWidth = Math.max(n.maxWidth, n.column);
                n.column = 0;
                n.inWord = false;
            }
            case '\t' -> {
                n.column += 8 - n.column % 8;
                n.inWord = false;
            }
            case ' ', 0x0B -> {
                if (cp == ' ') n.column++;
                n.inWord = false;
            }
            default -> {
                // wc counts the no-break spaces as word separators too (iswnbspace).
                boolean space = utf8 && cp > 127 && (Character.isWhitespace(cp) || cp == 0xA0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060);
                if (space) {
                    n.inWord = false;
                    n.column++;
                    return;
                }
                boolean printable = cp >= 32 && cp < 127 || utf8 && cp > 127 && Display.printable(cp);
                if (printable) {
                    if (!n.inWord) n.words++;
                    n.inWord = true;
                    n.column += utf8 ? Display.width(cp) : 1;
                }
            }
        }
    }

    @Override
    public String whatis() {
        return "print newline, word, and byte counts for each file";
    }

    @Override
    public String manual() {
        return "wc [OPTION]... [FILE]...\n  Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.\n"
                + "  A word is a non-zero-length sequence of printable characters delimited by white space.\n"
                + "  -c, --bytes            print the byte counts\n"
                + "  -m, --chars            print the character counts\n"
                + "  -l, --lines            print the newline counts\n"
                + "  -L, --max-line-length  print the maximum display width\n"
                + "  -w, --words            print the word counts";
    }
}
