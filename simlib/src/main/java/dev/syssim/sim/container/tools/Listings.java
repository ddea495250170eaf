package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.ContainerState;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.Image;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables {@code docker ps} and {@code docker images} print: Go's tabwriter with Docker's
 * settings (minimum cell width 10, padding 3, the last column unpadded), go-units' human
 * durations ({@code Less than a second}, {@code About a minute}, {@code 3 weeks}) and decimal
 * sizes with three significant digits ({@code 7.33MB}).
 */
final class Listings {

    private Listings() {
    }

    static String ps(Engine e, boolean all, long now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
        for (Container c : e.containers()) {
            if (!all && c.state() != ContainerState.RUNNING) continue;
            rows.add(List.of(c.shortId(), c.spec().image(), "\"" + ellipsis(commandLine(c.command()), 20) + "\"",
                    humanDuration(now - c.created()) + " ago", status(c, now), "", c.name()));
        }
        return table(rows);
    }

    /** The command as the API's Command field has it: arguments with blanks or quotes single-quoted. */
    static String commandLine(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String w : command) words.add(w.isEmpty() || w.matches(".*[\\s'\"$`\\\\].*") ? "'" + w.replace("'", "'\"'\"'") + "'" : w);
        return String.join(" ", words);
    }

    static String status(Container c, long now) {
        return switch (c.state()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + humanDuration(now - c.created());
            case EXITED -> "Exited (" + c.exitCode() + ") " + humanDuration(now - c.finished()) + " ago";
        };
    }

    static String images(Engine e, long now) {
        long nowSeconds = e.host().bootEpochSeconds() + now / 1_000_000_000L;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
        for (Image i : e.images()) {
            for (String tag : i.tags()) {
                rows.add(List.of(i.repository(), tag, i.shortId(), humanDuration((nowSeconds - i.createdEpochSeconds()) * 1_000_000_000L) + " ago",
                        size(i.sizeBytes())));
            }
        }
        return table(rows);
    }

    /** Go's text/tabwriter as Docker sets it up: each cell max(width + 3, 10) wide, the last one as it is. */
    static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) width[i] = Math.max(width[i], Math.max(10, row.get(i).codePointCount(0, row.get(i).length()) + 3));
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < columns - 1) line.append(" ".repeat(width[i] - cell.codePointCount(0, cell.length())));
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** go-units' HumanDuration. */
    static String humanDuration(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return seconds + " seconds";
        long minutes = seconds / 60;
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return minutes + " minutes";
        long hours = (long) (nanos / 3.6e12 + 0.5);
        if (hours == 1) return "About an hour";
        if (hours < 48) return hours + " hours";
        if (hours < 24 * 7 * 2) return hours / 24 + " days";
        if (hours < 24 * 30 * 2) return hours / 24 / 7 + " weeks";
        if (hours < 24 * 365 * 2) return hours / 24 / 30 + " months";
        return (long) (nanos / 3.6e12) / 24 / 365 + " years";
    }

    /** go-units' HumanSizeWithPrecision(size, 3), as {@code docker images} prints sizes. */
    static String size(long bytes) {
        return size(bytes, 3);
    }

    /** go-units' HumanSizeWithPrecision: decimal units, {@code digits} significant digits. */
    static String size(long bytes, int digits) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString() + units[u];
    }

    /** Docker's Ellipsis: at most {@code max} characters, the last one … when cut. */
    static String ellipsis(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
