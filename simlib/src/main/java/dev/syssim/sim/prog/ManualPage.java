package dev.syssim.sim.prog;

import java.util.Locale;

/**
 * A tool's manual text laid out like a man page: the header line, NAME, SYNOPSIS (the first line of
 * the text) and DESCRIPTION (the rest). What {@code man CMD} prints and what Jupyter's Shift-Tab shows.
 */
public final class ManualPage {

    private static final int WIDTH = 78;

    private ManualPage() {
    }

    public static String render(String name, int section, String manual) {
        String title = name.toUpperCase(Locale.ROOT) + "(" + section + ")";
        String middle = section == 8 ? "System Administration" : "User Commands";
        int gap = Math.max(1, (WIDTH - 2 * title.length() - middle.length()) / 2);
        StringBuilder out = new StringBuilder();
        out.append(title).append(" ".repeat(gap)).append(middle).append(" ".repeat(gap)).append(title).append("\n\n");
        String[] lines = manual.split("\n", -1);
        String synopsis = lines[0];
        out.append("NAME\n       ").append(name).append('\n');
        out.append("\nSYNOPSIS\n       ").append(synopsis).append('\n');
        if (lines.length > 1) {
            out.append("\nDESCRIPTION\n");
            for (int i = 1; i < lines.length; i++) out.append("       ").append(lines[i].strip()).append('\n');
        }
        return out.toString();
    }
}
