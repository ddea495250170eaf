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

    enum Kind { LINE_MAGIC, CELL_MAGIC, SHELL }

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

    private static void flush(List<Segment> segments, StringBuilder shell, int start) {
        if (!shell.toString().isBlank()) segments.add(new Segment(Kind.SHELL, shell.toString(), start));
        shell.setLength(0);
    }
}
