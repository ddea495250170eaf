package dev.syssim.sim.prog.tools.editors.diff;

import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.prog.tools.editors.diff.Comparison.Change;
import dev.syssim.sim.prog.tools.editors.diff.Comparison.Text;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * diff's output formats for one pair of files: normal ({@code 2c2}, {@code < a}, {@code ---},
 * {@code > b}), unified ({@code @@ -1,3 +1,3 @@}), context ({@code ***************}) with their
 * headers and hunks grouped as diffutils groups them, and side by side. With -B, hunks whose
 * changed lines are all blank are left out.
 */
final class Output {

    private final Diff.Settings s;
    private final Comparison cmp;
    private final Text[] files;
    private final boolean recursive;
    private final long bootEpochSeconds;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Output(Diff.Settings s, Comparison cmp, Text t0, Text t1, String[] names, boolean recursive, long bootEpochSeconds) {
        this.s = s;
        this.cmp = cmp;
        this.files = new Text[] {t0, t1};
        this.recursive = recursive;
        this.bootEpochSeconds = bootEpochSeconds;
    }

    /** Whether anything differs (with -B: any change not of blank lines only). */
    boolean anyChange() {
        if (!s.ignoreBlankLines) return !cmp.script.isEmpty();
        for (Change c : cmp.script) {
            if (analyze(List.of(c)) != 0) return true;
        }
        return false;
    }

    private static final int OLD = 1;
    private static final int NEW = 2;

    /** Lines of a hunk: first and last of each file (0-based; last < first when none). */
    private int first0;
    private int last0;
    private int first1;
    private int last1;

    /** analyze_hunk: the hunk's ranges, and OLD|NEW, or 0 when all its lines are ignorable. */
    private int analyze(List<Change> hunk) {
        boolean trivial = s.ignoreBlankLines;
        boolean skipWhite = s.ignoreBlankLines && s.whiteSpace >= Comparison.Options.TRAILING_SPACE;
        boolean skipLeading = skipWhite && s.whiteSpace >= Comparison.Options.SPACE_CHANGE;
        int showFrom = 0;
        int showTo = 0;
        first0 = hunk.get(0).line0();
        first1 = hunk.get(0).line1();
        int l0 = 0;
        int l1 = 0;
        for (Change c : hunk) {
            l0 = c.line0() + c.deleted() - 1;
            l1 = c.line1() + c.inserted() - 1;
            showFrom += c.deleted();
            showTo += c.inserted();
            for (int i = c.line0(); i <= l0 && trivial; i++) trivial = blank(files[0], i, skipWhite, skipLeading);
            for (int i = c.line1(); i <= l1 && trivial; i++) trivial = blank(files[1], i, skipWhite, skipLeading);
        }
        last0 = l0;
        last1 = l1;
        if (trivial) return 0;
        return (showFrom > 0 ? OLD : 0) | (showTo > 0 ? NEW : 0);
    }

    private static boolean blank(Text t, int line, boolean skipWhite, boolean skipLeading) {
        int start = t.starts[line];
        int end = t.starts[line + 1] - 1;
        int p = start;
        if (skipWhite) {
            for (; p < end; p++) {
                byte c = t.data[p];
                if (!(c == ' ' || c == '\t' || c == 0x0b || c == '\f' || c == '\r')) {
                    if (!skipLeading) p = start;
                    break;
                }
            }
        }
        return end - p == 0;
    }

    // ---- rendering ----

    byte[] render(String label0, String label1, String name0, String name1, Stat st0, Stat st1) {
        boolean begun = false;
        switch (s.style) {
            case NORMAL:
                for (Change c : cmp.script) {
                    int changes = analyze(List.of(c));
                    if (changes == 0) continue;
                    if (!begun) begun = begin(label0, label1, name0, name1, st0, st1);
                    normalHunk(changes);
                }
                break;
            case UNIFIED:
            case CONTEXT:
                for (List<Change> hunk : hunks()) {
                    int changes = analyze(hunk);
                    if (changes == 0) continue;
                    if (!begun) begun = begin(label0, label1, name0, name1, st0, st1);
                    if (s.style == Diff.Style.UNIFIED) unifiedHunk(hunk);
                    else contextHunk(hunk, changes);
                }
                break;
            default:
                begin(label0, label1, name0, name1, st0, st1);
                sideBySide();
                break;
        }
        return out.toByteArray();
    }

    private void put(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    private void put(char c) {
        out.write(c);
    }

    /** begin_output: the "diff -r a b" line in a directory walk, and the context headers. */
    private boolean begin(String label0, String label1, String name0, String name1, Stat st0, Stat st1) {
        String n0 = cEscape(label0);
        String n1 = cEscape(label1);
        if (recursive) put("diff" + s.switches + " " + n0 + " " + n1 + "\n");
        if (s.style == Diff.Style.UNIFIED) {
            header("---", n0, s.labels[0], st0);
            header("+++", n1, s.labels[1], st1);
        } else if (s.style == Diff.Style.CONTEXT) {
            header("***", n0, s.labels[0], st0);
            header("---", n1, s.labels[1], st1);
        }
        return true;
    }

    private void header(String mark, String name, String label, Stat st) {
        if (label != null) {
            put(mark + " " + label + "\n");
            return;
        }
        long ns = st == null ? 0 : st.mtime();
        long secs = bootEpochSeconds + Math.floorDiv(ns, 1_000_000_000L);
        int nanos = (int) Math.floorMod(ns, 1_000_000_000L);
        ZonedDateTime t = Instant.ofEpochSecond(secs).atZone(ZoneOffset.UTC);
        String time;
        if (s.timeFormat.equals("long")) {
            time = String.format("%04d-%02d-%02d %02d:%02d:%02d.%09d +0000", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond(), nanos);
        } else {
            time = String.format("%s %s %2d %02d:%02d:%02d %d",
                    t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH),
                    t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getYear());
        }
        put(mark + " " + name + "\t" + time + "\n");
    }

    /** diff's c_escape: a name with a space or a control character is quoted C-style. */
    static String cEscape(String name) {
        boolean quote = false;
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String e = null;
            switch (c) {
                case 7: e = "\\a"; break;
                case '\b': e = "\\b"; break;
                case '\t': e = "\\t"; break;
                case '\n': e = "\\n"; break;
                case 0x0b: e = "\\v"; break;
                case '\f': e = "\\f"; break;
                case '\r': e = "\\r"; break;
                case '"': e = "\\\""; break;
                case '\\': e = "\\\\"; break;
                default:
                    if (c < 32) e = String.format("\\%03o", (int) c);
            }
            if (c == ' ') quote = true;
            if (e != null) {
                quote = true;
                b.append(e);
            } else {
                b.append(c);
            }
        }
        return quote ? b.append('"').toString() : name;
    }

    /** Writes line i of file f: the text, then "\ No newline at end of file" for an incomplete one. */
    private void line(int f, int i, String flag, boolean newline) {
        Text t = files[f];
        boolean empty = t.starts[i + 1] - t.starts[i] == 1 && !t.incomplete(i);
        if (flag != null && !flag.isEmpty()) {
            if (s.suppressBlankEmpty && empty) put(flag.equals(" ") ? "" : flag);
            else put(flag + (s.initialTab ? "\t" : " "));
        }
        text(t, i);
        if (t.incomplete(i)) {
            put("\n\\ No newline at end of file\n");
        } else if (newline) {
            put('\n');
        }
    }

    private void text(Text t, int i) {
        int start = t.starts[i];
        int end = t.starts[i + 1] - 1;
        if (!s.expandTabs) {
            out.write(t.data, start, end - start);
            return;
        }
        int column = 0;
        for (int p = start; p < end; p++) {
            byte c = t.data[p];
            if (c == '\t') {
                int spaces = s.tabsize - column % s.tabsize;
                for (int k = 0; k < spaces; k++) out.write(' ');
                column += spaces;
            } else if (c == '\b') {
                if (column > 0) column--;
                out.write(c);
            } else if (c == '\r') {
                column = 0;
                out.write(c);
            } else {
                column++;
                out.write(c);
            }
        }
    }

    private static String range(int a, int b, char sep) {
        int ta = a + 1;
        int tb = b + 1;
        return tb > ta ? ta + String.valueOf(sep) + tb : Integer.toString(tb);
    }

    private void normalHunk(int changes) {
        put(range(first0, last0, ','));
        put(changes == (OLD | NEW) ? 'c' : changes == OLD ? 'd' : 'a');
        put(range(first1, last1, ','));
        put('\n');
        if ((changes & OLD) != 0) for (int i = first0; i <= last0; i++) line(0, i, "<", true);
        if (changes == (OLD | NEW)) put("---\n");
        if ((changes & NEW) != 0) for (int i = first1; i <= last1; i++) line(1, i, ">", true);
    }

    /** find_hunk: changes closer than 2 * context + 1 unchanged lines belong to one hunk. */
    private List<List<Change>> hunks() {
        List<List<Change>> hunks = new ArrayList<>();
        List<Change> script = cmp.script;
        boolean[] ignorable = new boolean[script.size()];
        if (s.ignoreBlankLines) {
            for (int k = 0; k < script.size(); k++) ignorable[k] = analyze(List.of(script.get(k))) == 0;
        }
        int k = 0;
        while (k < script.size()) {
            List<Change> hunk = new ArrayList<>();
            for (;;) {
                Change c = script.get(k);
                hunk.add(c);
                int top0 = c.line0() + c.deleted();
                k++;
                if (k >= script.size()) break;
                int thresh = ignorable[k] ? s.context : 2 * s.context + 1;
                if (script.get(k).line0() - top0 >= thresh) break;
            }
            hunks.add(hunk);
        }
        return hunks;
    }

    private void widen() {
        first0 = Math.max(first0 - s.context, 0);
        first1 = Math.max(first1 - s.context, 0);
        last0 = Math.min(last0 + s.context, files[0].lines() - 1);
        last1 = Math.min(last1 + s.context, files[1].lines() - 1);
    }

    private void unifiedHunk(List<Change> hunk) {
        widen();
        put("@@ -" + unifiedRange(first0, last0) + " +" + unifiedRange(first1, last1) + " @@\n");
        int next = 0;
        int i = first0;
        int j = first1;
        while (i <= last0 || j <= last1) {
            Change c = next < hunk.size() ? hunk.get(next) : null;
            if (c == null || i < c.line0()) {
                Text t = files[0];
                boolean empty = t.starts[i + 1] - t.starts[i] == 1 && !t.incomplete(i);
                if (!(s.suppressBlankEmpty && empty)) put(s.initialTab ? '\t' : ' ');
                line(0, i++, null, true);
                j++;
            } else {
                for (int k = 0; k < c.deleted(); k++) {
                    put('-');
                    if (s.initialTab && !(s.suppressBlankEmpty && emptyLine(0, i))) put('\t');
                    line(0, i++, null, true);
                }
                for (int k = 0; k < c.inserted(); k++) {
                    put('+');
                    if (s.initialTab && !(s.suppressBlankEmpty && emptyLine(1, j))) put('\t');
                    line(1, j++, null, true);
                }
                next++;
            }
        }
    }

    private boolean emptyLine(int f, int i) {
        Text t = files[f];
        return t.starts[i + 1] - t.starts[i] == 1 && !t.incomplete(i);
    }

    private static String unifiedRange(int a, int b) {
        int ta = a + 1;
        int tb = b + 1;
        if (tb <= ta) return tb < ta ? tb + ",0" : Integer.toString(tb);
        return ta + "," + (tb - ta + 1);
    }

    private void contextHunk(List<Change> hunk, int changes) {
        widen();
        put("***************\n");
        put("*** " + contextRange(first0, last0) + " ****\n");
        if ((changes & OLD) != 0) {
            int next = 0;
            for (int i = first0; i <= last0; i++) {
                while (next < hunk.size() && hunk.get(next).line0() + hunk.get(next).deleted() <= i) next++;
                String prefix = " ";
                if (next < hunk.size() && hunk.get(next).line0() <= i) prefix = hunk.get(next).inserted() > 0 ? "!" : "-";
                line(0, i, prefix, true);
            }
        }
        put("--- " + contextRange(first1, last1) + " ----\n");
        if ((changes & NEW) != 0) {
            int next = 0;
            for (int i = first1; i <= last1; i++) {
                while (next < hunk.size() && hunk.get(next).line1() + hunk.get(next).inserted() <= i) next++;
                String prefix = " ";
                if (next < hunk.size() && hunk.get(next).line1() <= i) prefix = hunk.get(next).deleted() > 0 ? "!" : "+";
                line(1, i, prefix, true);
            }
        }
    }

    private static String contextRange(int a, int b) {
        int ta = a + 1;
        int tb = b + 1;
        return tb <= ta ? Integer.toString(tb) : ta + "," + tb;
    }

    // ---- side by side ----

    private int next0;
    private int next1;

    private void sideBySide() {
        next0 = 0;
        next1 = 0;
        for (Change c : cmp.script) {
            int changes = analyze(List.of(c));
            if (changes == 0) continue;
            commonLines(first0, first1);
            if (changes == (OLD | NEW)) {
                int i = first0;
                int j = first1;
                for (; i <= last0 && j <= last1; i++, j++) sdiffLine(i, '|', j);
                changes = (i <= last0 ? OLD : 0) | (j <= last1 ? NEW : 0);
                next0 = first0 = i;
                next1 = first1 = j;
            }
            if ((changes & NEW) != 0) {
                for (int j = first1; j <= last1; j++) sdiffLine(-1, '>', j);
                next1 = last1 + 1;
            }
            if ((changes & OLD) != 0) {
                for (int i = first0; i <= last0; i++) sdiffLine(i, '<', -1);
                next0 = last0 + 1;
            }
        }
        commonLines(files[0].lines(), files[1].lines());
    }

    private void commonLines(int limit0, int limit1) {
        int i0 = next0;
        int i1 = next1;
        if (!s.suppressCommonLines && (i0 != limit0 || i1 != limit1)) {
            if (!s.leftColumn) {
                while (i0 != limit0 && i1 != limit1) sdiffLine(i0++, ' ', i1++);
                while (i1 != limit1) sdiffLine(-1, ')', i1++);
            }
            while (i0 != limit0) sdiffLine(i0++, '(', -1);
        }
        next0 = limit0;
        next1 = limit1;
    }

    /** One line of side-by-side output; -1 for a missing half. */
    private void sdiffLine(int left, char sep, int right) {
        int hw = s.halfWidth;
        int c2o = s.column2;
        int col = 0;
        boolean putNewline = false;
        if (left >= 0) {
            putNewline = !files[0].incomplete(left);
            col = halfLine(files[0], left, 0, hw);
        }
        if (sep != ' ') {
            col = tabFromTo(col, (hw + c2o - 1) / 2) + 1;
            if (sep == '|' && putNewline != !files[1].incomplete(right)) sep = putNewline ? '/' : '\\';
            put(sep);
        }
        if (right >= 0) {
            putNewline |= !files[1].incomplete(right);
            Text t = files[1];
            if (t.starts[right + 1] - t.starts[right] != 1) {
                col = tabFromTo(col, c2o);
                halfLine(t, right, col, hw);
            }
        }
        if (putNewline) put('\n');
    }

    private int tabFromTo(int from, int to) {
        if (!s.expandTabs) {
            for (int tab = from + s.tabsize - from % s.tabsize; tab <= to; tab += s.tabsize) {
                put('\t');
                from = tab;
            }
        }
        while (from++ < to) put(' ');
        return to;
    }

    /** print_half_line: at most {@code bound} columns of a line, tabs kept aligned; returns the column reached. */
    private int halfLine(Text t, int line, int indent, int bound) {
        int in = 0;
        int outPos = 0;
        int p = t.starts[line];
        int end = t.incomplete(line) ? t.starts[line + 1] - 1 : t.starts[line + 1];
        byte[] d = t.data;
        while (p < end) {
            byte c = d[p++];
            switch (c) {
                case '\t': {
                    int spaces = s.tabsize - in % s.tabsize;
                    if (in == outPos) {
                        int tabstop = outPos + spaces;
                        if (s.expandTabs) {
                            if (bound < tabstop) tabstop = bound;
                            for (; outPos < tabstop; outPos++) put(' ');
                        } else if (tabstop < bound) {
                            outPos = tabstop;
                            put('\t');
                        }
                    }
                    in += spaces;
                    break;
                }
                case '\r':
                    put('\r');
                    tabFromTo(0, indent);
                    in = 0;
                    outPos = 0;
                    break;
                case '\b':
                    if (in != 0 && --in < bound) {
                        if (outPos <= in) {
                            for (; outPos < in; outPos++) put(' ');
                        } else {
                            outPos = in;
                            put('\b');
                        }
                    }
                    break;
                case '\n':
                    return outPos;
                default: {
                    int v = c & 0xff;
                    if (v >= 0x20 && v < 0x7f) {
                        if (in++ < bound) {
                            outPos = in;
                            put((char) v);
                        }
                        break;
                    }
                    int len = utf8Length(d, p - 1, end);
                    if (len > 0) {
                        int cp = new String(d, p - 1, len, StandardCharsets.UTF_8).codePointAt(0);
                        int width = Character.getType(cp) == Character.NON_SPACING_MARK ? 0 : 1;
                        in += width;
                        if (in <= bound) {
                            outPos = in;
                            out.write(d, p - 1, len);
                        }
                        p += len - 1;
                        break;
                    }
                    if (in < bound) out.write(v);
                    break;
                }
            }
        }
        return outPos;
    }

    /** The length of a valid multibyte UTF-8 character at {@code i}, or 0. */
    private static int utf8Length(byte[] d, int i, int end) {
        int b = d[i] & 0xff;
        int need;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) need = 2;
        else if (b >= 0xf0 && b <= 0xf4) need = 3;
        else return 0;
        if (i + need >= end + 1) return 0;
        for (int k = 1; k <= need; k++) if ((d[i + k] & 0xc0) != 0x80) return 0;
        return need + 1;
    }
}
