package dev.syssim.sim.prog.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The column layout of iproute2's {@code ss} (6.1): every field is measured, each column is as
 * wide as its widest field plus its left delimiter; the local and peer addresses are right
 * aligned against their ports. On a terminal the spare width up to the screen's (80 columns) is
 * spread over the columns, as {@code render_calc_width} does; into a pipe or file the columns stay
 * compact.
 */
final class SsColumns {

    enum Align { LEFT, RIGHT }

    record Column(String header, String delimiter, Align align, boolean enabled) {
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    SsColumns(List<Column> columns) {
        this.columns = columns;
    }

    /** One line of fields, one per column (disabled columns' fields are ignored). */
    void add(String... fields) {
        rows.add(fields);
    }

    String render(boolean header, int screenWidth) {
        List<String[]> lines = new ArrayList<>();
        if (header) {
            String[] h = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) h[i] = columns.get(i).header();
            lines.add(h);
        }
        lines.addAll(rows);
        int n = columns.size();
        int[] width = new int[n];
        boolean first = true;
        for (int i = 0; i < n; i++) {
            if (!columns.get(i).enabled()) continue;
            int max = 0;
            for (String[] line : lines) max = Math.max(max, line[i].length());
            width[i] = !first && max > 0 ? max + columns.get(i).delimiter().length() : max;
            if (width[i] > 0) first = false;
        }
        if (screenWidth > 0) spread(width, screenWidth);
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            boolean started = false;
            for (int i = 0; i < n; i++) {
                Column c = columns.get(i);
                if (!c.enabled()) continue;
                int printed = 0;
                if (started) {
                    out.append(c.delimiter());
                    printed = c.delimiter().length();
                }
                started = true;
                String field = line[i];
                if (c.align() == Align.RIGHT && width[i] > 0) {
                    int s = width[i] - field.length() - printed;
                    if (s > 0) {
                        out.append(" ".repeat(s));
                        printed += s;
                    }
                }
                out.append(field);
                printed += field.length();
                if (c.align() == Align.LEFT && width[i] > 0 && width[i] - printed > 0) out.append(" ".repeat(width[i] - printed));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Spreads the room left on the screen over the columns, the rightmost getting any remainder. */
    private static void spread(int[] width, int screen) {
        int len = 0;
        int lineColumns = 0;
        int lineStart = 0;
        for (int c = 0; c < width.length; c++) {
            if (width[c] == 0) continue;
            lineColumns++;
            len += width[c];
            boolean last = true;
            for (int t = c + 1; t < width.length; t++) {
                if (width[t] > 0) {
                    last = false;
                    break;
                }
            }
            if (!last && len < screen) continue;
            if (len != screen) {
                int end = c;
                if (len > screen) {
                    len -= width[c];
                    end = c - 1;
                    lineColumns--;
                }
                int pad = screen - len;
                int spacing = lineColumns == 0 ? 0 : pad / lineColumns;
                int rem = lineColumns == 0 ? 0 : pad % lineColumns;
                for (int t = end; t >= lineStart; t--) {
                    if (width[t] == 0) continue;
                    width[t] += spacing;
                    if (rem > 0) {
                        width[t]++;
                        rem--;
                    }
                }
                c = end;
            }
            lineStart = c + 1;
            len = 0;
            lineColumns = 0;
        }
    }
}
