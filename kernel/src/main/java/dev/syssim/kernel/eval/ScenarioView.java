package dev.syssim.kernel.eval;

import dev.syssim.sim.world.Scenario;
import dev.syssim.sim.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table {@code %scenario} shows: the world's machines as plain text and as an HTML table. */
final class ScenarioView {

    private ScenarioView() {
    }

    static void show(Scenario scenario, World world, CellIO io) {
        List<String> header = scenario.tableHeader();
        List<List<String>> rows = scenario.table(world);
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) widths[i] = header.get(i).length();
        for (List<String> row : rows) for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        StringBuilder text = new StringBuilder("scenario " + scenario.name() + ": " + scenario.description() + "\n\n");
        text.append(line(header, widths)).append('\n');
        for (List<String> row : rows) text.append(line(row, widths)).append('\n');
        text.append("\nYou are ").append(scenario.startUser()).append(" on ").append(scenario.startMachine()).append(".\n");
        StringBuilder html = new StringBuilder("<p><b>scenario ").append(escape(scenario.name())).append("</b>: ")
                .append(escape(scenario.description())).append("</p>\n<table>\n<thead><tr>");
        for (String h : header) html.append("<th>").append(escape(h)).append("</th>");
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (String cell : row) html.append("<td>").append(escape(cell)).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p>You are <code>").append(escape(scenario.startUser())).append("</code> on <code>")
                .append(escape(scenario.startMachine())).append("</code>.</p>\n");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", text.toString());
        data.put("text/html", html.toString());
        io.display(data, Map.of(), null, false);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append("  ");
            out.append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return out.toString().stripTrailing();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
