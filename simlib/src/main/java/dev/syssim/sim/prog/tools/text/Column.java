package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * column (util-linux 2.38): without -t, the input's non-empty lines in columns filled down (or
 * across with -x) to fit -c or $COLUMNS or 80 columns, separated by tabs; with -t, a table whose
 * cells are split at blanks (runs of them) or at any of -s's characters (every one), each column as
 * wide as its widest cell (display width) and joined by -o (two spaces); -R right-aligns columns,
 * -N names them, -L keeps empty lines.
 */
public final class Column extends Tool {

    private static final List<String> LONG = List.of("columns=>c", "table>t", "separator=>s", "output-separator=>o", "fillrows>x",
            "table-right=>R", "table-columns=>N", "table-empty-lines>L", "keep-empty-lines>L", "json>J", "table-name=>n", "help>h", "version>V");

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("column", c.args().operands(), "c:ts:o:xR:N:LJn:hV", LONG, true);
        if (o.failed()) {
            c.eprint(o.error() + "\nTry 'column --help' for more information.\n");
            return c.exit(1);
        }
        if (o.has("h")) return help(c);
        boolean json = o.has("J");
        if (json && !o.has("N")) {
            c.eprint("column: option --table-columns required for --json\n");
            return c.exit(1);
        }
        String tableName = o.has("n") ? o.last("n") : "table";
        boolean table = o.has("t") || json;
        String separators = o.last("s");
        String outSep = o.has("o") ? o.last("o") : "  ";
        long width = 80;
        String columnsEnv = c.env("COLUMNS");
        if (columnsEnv != null && columnsEnv.matches("[0-9]+") && !columnsEnv.equals("0")) width = Long.parseLong(columnsEnv);
        if (o.has("c")) {
            String v = o.last("c");
            if (!v.matches("[0-9]+")) {
                c.eprint("column: invalid columns argument: '" + v + "'\n");
                return c.exit(1);
            }
            width = Long.parseLong(v);
        }
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        long termWidth = width;
        boolean fillRows = o.has("x");
        boolean keepEmpty = o.has("L");
        String names = o.last("N");
        List<Integer> right = columnList(o.last("R"), names);
        int[] status = {0};
        return TextFiles.readAll(c, files, (file, err) -> {
            c.error(file, err);
            status[0] = 1;
            return true;
        }, contents -> {
            List<byte[]> lines = new ArrayList<>();
            for (byte[] content : contents) {
                if (content == null) continue;
                for (TextFiles.Line l : TextFiles.lines(content, (byte) '\n')) lines.add(l.bytes());
            }
            String out = json ? json(rows(lines, separators, keepEmpty), List.of(names.split(",", -1)), tableName)
                    : table ? table(lines, separators, outSep, keepEmpty, right, names) : fill(lines, termWidth, fillRows);
            c.print(out);
            return c.exit(status[0]);
        });
    }

    /** The columns of a -R list: numbers from 1, or names given by -N (as util-linux takes both). */
    private static List<Integer> columnList(String spec, String names) {
        List<Integer> out = new ArrayList<>();
        if (spec == null) return out;
        List<String> named = names == null ? List.of() : List.of(names.split(",", -1));
        for (String p : spec.split(",")) {
            if (p.matches("[0-9]+")) out.add(Integer.parseInt(p));
            else if (named.contains(p)) out.add(named.indexOf(p) + 1);
        }
        return out;
    }

    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp < 32 ? 0 : Display.width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    private static String table(List<byte[]> lines, String separators, String outSep, boolean keepEmpty, List<Integer> right, String names) {
        List<List<String>> rows = new ArrayList<>();
        if (names != null) rows.add(List.of(names.split(",", -1)));
        rows.addAll(rows(lines, separators, keepEmpty));
        return render(rows, outSep, right);
    }

    /**
     * -J: util-linux's JSON, an array of objects named by -N under the -n name (default "table"),
     * indented by three spaces; a cell the line lacks is null; no input prints nothing. Simplification: a line with more
     * cells than names is not refused (util-linux requires a name for each).
     */
    private static String json(List<List<String>> rows, List<String> names, String tableName) {
        if (rows.isEmpty()) return "";
        StringBuilder out = new StringBuilder("{\n   ").append(jsonString(tableName)).append(": [");
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n      {" : ",{");
            List<String> r = rows.get(i);
            for (int j = 0; j < names.size(); j++) {
                out.append(j == 0 ? "\n" : ",\n").append("         ").append(jsonString(names.get(j))).append(": ");
                out.append(j < r.size() ? jsonString(r.get(j)) : "null");
            }
            out.append("\n      }");
        }
        return out.append("\n   ]\n}\n").toString();
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') out.append('\\').append(ch);
            else if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
            else out.append(ch);
        }
        return out.append('"').toString();
    }

    /** The lines split into cells: at blanks, or at -s's characters (empty cells kept). */
    private static List<List<String>> rows(List<byte[]> lines, String separators, boolean keepEmpty) {
        List<List<String>> rows = new ArrayList<>();
        for (byte[] b : lines) {
            String line = new String(b, StandardCharsets.UTF_8);
            if (line.isEmpty() && !keepEmpty) continue;
            List<String> cells = new ArrayList<>();
            if (separators == null) {
                for (String cell : line.strip().split("[ \t]+")) if (!cell.isEmpty()) cells.add(cell);
            } else {
                StringBuilder cell = new StringBuilder();
                for (int i = 0; i < line.length(); i++) {
                    if (separators.indexOf(line.charAt(i)) >= 0) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append(line.charAt(i));
                    }
                }
                cells.add(cell.toString());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String render(List<List<String>> rows, String outSep, List<Integer> right) {
        int columns = 0;
        for (List<String> r : rows) columns = Math.max(columns, r.size());
        int[] widths = new int[columns];
        for (List<String> r : rows) for (int j = 0; j < r.size(); j++) widths[j] = Math.max(widths[j], width(r.get(j)));
        StringBuilder out = new StringBuilder();
        for (List<String> r : rows) {
            for (int j = 0; j < columns; j++) {
                String cell = j < r.size() ? r.get(j) : "";
                int pad = widths[j] - width(cell);
                boolean last = j == columns - 1;
                if (right.contains(j + 1)) {
                    out.append(" ".repeat(pad)).append(cell);
                } else {
                    out.append(cell);
                    if (!last) out.append(" ".repeat(pad));
                }
                if (!last) out.append(outSep);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The columns of plain column: entries padded with tabs to a multiple of 8 wider than the widest. */
    private static String fill(List<byte[]> lines, long termWidth, boolean fillRows) {
        List<String> entries = new ArrayList<>();
        int max = 0;
        for (byte[] b : lines) {
            if (b.length == 0) continue;
            String e = new String(b, StandardCharsets.UTF_8);
            entries.add(e);
            max = Math.max(max, width(e));
        }
        if (entries.isEmpty()) return "";
        int maxLength = (max + 8) & ~7;
        StringBuilder out = new StringBuilder();
        if (maxLength >= termWidth) {
            for (String e : entries) out.append(e).append('\n');
            return out.toString();
        }
        long numCols = Math.max(1, termWidth / maxLength);
        int n = entries.size();
        if (fillRows) {
            int chcnt = 0;
            int col = 0;
            int endcol = maxLength;
            for (String e : entries) {
                out.append(e);
                chcnt += width(e);
                if (++col == numCols) {
                    chcnt = 0;
                    col = 0;
                    endcol = maxLength;
                    out.append('\n');
                    continue;
                }
                int cnt;
                while ((cnt = (chcnt + 8) & ~7) <= endcol) {
                    out.append('\t');
                    chcnt = cnt;
                }
                endcol += maxLength;
            }
            if (chcnt != 0) out.append('\n');
            return out.toString();
        }
        long numRows = (n + numCols - 1) / numCols;
        for (int row = 0; row < numRows; row++) {
            int endcol = maxLength;
            int chcnt = 0;
            int base = row;
            for (int col = 0; col < numCols; col++) {
                String e = entries.get(base);
                out.append(e);
                chcnt += width(e);
                if ((base += numRows) >= n) break;
                while (chcnt < endcol) {
                    out.append('\t');
                    chcnt = (chcnt + 8) & ~7;
                }
                endcol += maxLength;
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "columnate lists";
    }

    @Override
    public String manual() {
        return "column [options] [<file>...]\n  Columnate lists.\n"
                + "  -t, --table                      create a table\n"
                + "  -s, --separator <string>         possible table delimiters\n"
                + "  -o, --output-separator <string>  columns separator for table output (default is two spaces)\n"
                + "  -c, --output-width <width>       width of output in number of characters\n"
                + "  -x, --fillrows                   fill rows before columns\n"
                + "  -R, --table-right <columns>      right align text in these columns\n"
                + "  -N, --table-columns <names>      comma separated columns names\n"
                + "  -L, --table-empty-lines          don't ignore empty lines";
    }

    @Override
    public String source() {
        return "util-linux 2.38.1";
    }
}
