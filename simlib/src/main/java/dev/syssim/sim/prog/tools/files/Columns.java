package dev.syssim.sim.prog.tools.files;

import java.util.List;

/** GNU ls's column layout for a terminal: names down the columns, as many columns as fit. */
final class Columns {

    private Columns() {
    }

    static String layout(List<String> names, int lineWidth) {
        int n = names.size();
        int bestCols = 1;
        int[] bestWidths = {maxLength(names)};
        for (int cols = n; cols >= 1; cols--) {
            int rows = (n + cols - 1) / cols;
            int used = (n + rows - 1) / rows;
            int[] widths = new int[used];
            for (int i = 0; i < n; i++) widths[i / rows] = Math.max(widths[i / rows], names.get(i).length());
            int total = 0;
            for (int col = 0; col < used; col++) total += widths[col] + (col < used - 1 ? 2 : 0);
            if (total <= lineWidth) {
                bestCols = used;
                bestWidths = widths;
                break;
            }
        }
        int rows = (n + bestCols - 1) / bestCols;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < bestCols; col++) {
                int i = col * rows + r;
                if (i >= n) break;
                String name = names.get(i);
                line.append(name);
                boolean last = col == bestCols - 1 || (col + 1) * rows + r >= n;
                if (!last) line.append(" ".repeat(bestWidths[col] - name.length() + 2));
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** ls -x: names across the rows, as many columns as fit. */
    static String across(List<String> names, int lineWidth) {
        int n = names.size();
        int cols = 1;
        int[] widths = {maxLength(names)};
        for (int tryCols = n; tryCols >= 1; tryCols--) {
            int[] w = new int[tryCols];
            for (int i = 0; i < n; i++) w[i % tryCols] = Math.max(w[i % tryCols], names.get(i).length());
            int total = 0;
            for (int col = 0; col < tryCols; col++) total += w[col] + (col < tryCols - 1 ? 2 : 0);
            if (total <= lineWidth) {
                cols = tryCols;
                widths = w;
                break;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            boolean last = i % cols == cols - 1 || i == n - 1;
            out.append(name);
            if (last) out.append('\n');
            else out.append(" ".repeat(widths[i % cols] - name.length() + 2));
        }
        return out.toString();
    }

    private static int maxLength(List<String> names) {
        int max = 0;
        for (String s : names) max = Math.max(max, s.length());
        return max;
    }
}
