package dev.syssim.kernel.eval;

import dev.syssim.sim.shell.syntax.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell cut into what runs it: line magics ({@code %machine border}) and the shell text between
 * them, in order — or one cell magic ({@code %%program NAME}) with its body. A {@code %} line inside
 * an unfinished shell construct (a here-document, an open quote) belongs to the shell text.
 */
record Cell(List<Segment> segments) {

    /** One piece of a cell, with the cell line it starts on (1-based). */
    record Segment(Kind kind, String text, int firstLine) {
    }

    enum Kind { LINE_MAGIC, CELL_MAGIC, SHELL, JAVA }

    static Cell split(String code) {
        List<Segment> segments = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        if (lines.length > 0 && lines[0].stripLeading().startsWith("%%")) {
            segments.add(new Segment(Kind.CELL_MAGIC, code.stripLeading(), 1));
            return new Cell(segments);
        }
        StringBuilder shell = new StringBuilder();
        int shellStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean magic = line.stripLeading().startsWith("%") && !line.stripLeading().startsWith("%%")
                    && (shell.length() == 0 || !Parser.isComplete(shell.toString()).equals("incomplete"));
            if (magic) {
                flush(segments, shell, shellStart);
                segments.add(new Segment(Kind.LINE_MAGIC, line.strip(), i + 1));
                shellStart = i + 2;
            } else {
                if (shell.length() == 0) shellStart = i + 1;
                shell.append(line).append('\n');
            }
        }
        flush(segments, shell, shellStart);
        return new Cell(segments);
    }

    /**
     * A cell of the Java kernelspec: a cell magic ({@code %%sh}) takes the whole cell as in a
     * shell cell; otherwise line magics on the first lines, then Java to the end.
     */
    static Cell splitJava(String code) {
        if (code.stripLeading().startsWith("%%")) return split(code);
        List<Segment> segments = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].stripLeading().startsWith("%"))) {
            if (!lines[i].isBlank()) segments.add(new Segment(Kind.LINE_MAGIC, lines[i].strip(), i + 1));
            i++;
        }
        StringBuilder java = new StringBuilder();
        for (int j = i; j < lines.length; j++) java.append(lines[j]).append(j + 1 < lines.length ? "\n" : "");
        if (!java.toString().isBlank()) segments.add(new Segment(Kind.JAVA, java.toString(), i + 1));
        return new Cell(segments);
    }

    /** Where the Java of a Java kernelspec's cell starts (after its line magics), or -1 for a cell magic's cell. */
    static int javaStart(String code) {
        if (code.stripLeading().startsWith("%%")) return -1;
        int at = 0;
        while (at < code.length()) {
            int end = code.indexOf('\n', at);
            String line = end < 0 ? code.substring(at) : code.substring(at, end);
            if (!line.isBlank() && !line.stripLeading().startsWith("%")) return at;
            if (end < 0) return code.length();
            at = end + 1;
        }
        return at;
    }

    private static void flush(List<Segment> segments, StringBuilder shell, int start) {
        if (!shell.toString().isBlank()) segments.add(new Segment(Kind.SHELL, shell.toString(), start));
        shell.setLength(0);
    }
}
