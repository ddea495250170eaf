package dev.syssim.kernel.homework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pass/fail table a check cell shows: one row per line with {@code ok}, {@code FAIL} or
 * {@code ERROR} and what was seen, as plain text (terminals, exports, tests), as an HTML table (it
 * survives the sanitizer of an untrusted notebook: no styles, no scripts), and as JSON for tools.
 */
public final class CheckTable {

    public static final String MIME_JSON = "application/vnd.syssim.check+json";

    private CheckTable() {
    }

    /** The MIME bundle of a check's display. */
    public static Map<String, Object> bundle(CheckResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", text(result));
        data.put("text/html", html(result));
        data.put(MIME_JSON, json(result));
        return data;
    }

    static String word(LineStatus status) {
        return switch (status) {
            case PASSED -> "ok";
            case FAILED -> "FAIL";
            case BROKEN -> "ERROR";
        };
    }

    private static String summary(CheckResult r) {
        int failed = (int) r.lines().stream().filter(l -> l.status() == LineStatus.FAILED).count();
        int broken = (int) r.lines().stream().filter(l -> l.status() == LineStatus.BROKEN).count();
        String points = r.header().points() == 1 ? "1 point" : r.header().points() + " points";
        String outcome = switch (r.status()) {
            case PASSED -> "passed, " + points;
            case FAILED -> "failed (" + failed + " of " + r.lines().size() + " not met), 0 of " + points;
            case BROKEN -> "broken: " + broken + " of " + r.lines().size() + " cannot be judged; tell your lecturer";
        };
        String description = r.header().description().isEmpty() ? "" : " — " + r.header().description();
        return "check " + r.header().name() + description + ": " + outcome;
    }

    public static String text(CheckResult r) {
        StringBuilder out = new StringBuilder(summary(r)).append('\n');
        for (LineResult l : r.lines()) {
            out.append(String.format("  %-5s %s%n", word(l.status()), l.expectation().text()));
            if (!l.seen().isEmpty()) out.append("          ").append(l.status() == LineStatus.BROKEN ? "problem: " : "seen: ").append(l.seen()).append('\n');
        }
        return out.toString();
    }

    public static String html(CheckResult r) {
        StringBuilder out = new StringBuilder("<table>\n<caption>").append(escape(summary(r))).append("</caption>\n");
        for (LineResult l : r.lines()) {
            String mark = switch (l.status()) {
                case PASSED -> "&#10004; ok";
                case FAILED -> "&#10008; FAIL";
                case BROKEN -> "&#9888; ERROR";
            };
            out.append("<tr><td>").append(mark).append("</td><td><code>").append(escape(l.expectation().text()))
                    .append("</code></td><td>").append(escape(l.seen())).append("</td></tr>\n");
        }
        return out.append("</table>").toString();
    }

    /** The result as plain JSON values (maps, lists, strings, numbers), for the display and the reports. */
    public static Map<String, Object> json(CheckResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", r.header().name());
        out.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        out.put("points", r.score());
        out.put("max_points", r.header().points());
        List<Object> lines = new ArrayList<>();
        for (LineResult l : r.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", l.expectation().lineNumber());
            line.put("text", l.expectation().text());
            line.put("status", l.status().name().toLowerCase(java.util.Locale.ROOT));
            line.put("seen", l.seen());
            lines.add(line);
        }
        out.put("lines", lines);
        return out;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
