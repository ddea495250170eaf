package dev.syssim.kernel.homework;

import java.util.List;

/**
 * A check as it came out: its header and each line's result. It passes when every line passed;
 * it is broken when any line is (then it says nothing about the answer); otherwise it failed.
 */
public record CheckResult(CheckHeader header, List<LineResult> lines) {

    public CheckResult {
        lines = List.copyOf(lines);
    }

    public LineStatus status() {
        if (lines.stream().anyMatch(l -> l.status() == LineStatus.BROKEN)) return LineStatus.BROKEN;
        if (lines.stream().anyMatch(l -> l.status() == LineStatus.FAILED)) return LineStatus.FAILED;
        return LineStatus.PASSED;
    }

    /** The points earned: all of them for a pass, none otherwise (nbgrader's rule for a graded cell). */
    public int score() {
        return status() == LineStatus.PASSED ? header.points() : 0;
    }

    /** The first line that decided the status (broken before failed), or null if the check passed. */
    public LineResult decisive() {
        for (LineResult l : lines) if (l.status() == LineStatus.BROKEN) return l;
        for (LineResult l : lines) if (l.status() == LineStatus.FAILED) return l;
        return null;
    }

    /** The error value of a check cell that did not pass: the first decisive line and what was seen. */
    public String evalue() {
        LineResult first = decisive();
        if (first == null) return "";
        String where = header.name() + ", line " + first.expectation().lineNumber() + " `" + first.expectation().text() + "`";
        if (first.status() == LineStatus.BROKEN) return "the check " + where + " is broken (not your answer): " + first.seen();
        return where + " was not met: " + first.seen();
    }

    /** The ename of a check cell that did not pass. */
    public String ename() {
        return switch (status()) {
            case PASSED -> "";
            case FAILED -> "CheckFailed";
            case BROKEN -> "CheckError";
        };
    }
}
