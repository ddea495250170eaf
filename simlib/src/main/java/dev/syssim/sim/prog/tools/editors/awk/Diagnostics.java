package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.prog.tools.editors.awk.Token.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * gawk's messages about the program text, in its words: warnings ({@code awk: cmd. line:1:
 * warning: ...}), errors that let parsing go on but fail the run ({@code error: division by zero
 * attempted}), and syntax errors, which print the offending line with a caret under the token and
 * stop at once. The lines are kept in order for the tool to write to standard error.
 */
final class Diagnostics {

    /** A syntax error: parsing stops (gawk exits with status 1 from yyerror). */
    static final class SyntaxError extends RuntimeException {
        SyntaxError() {
            super(null, null, false, false);
        }
    }

    private final String program;
    private final List<String> lines = new ArrayList<>();
    private final Set<String> warnedOnce = new HashSet<>();
    private int errors;

    Diagnostics(String program) {
        this.program = program;
    }

    List<String> lines() {
        return lines;
    }

    int errors() {
        return errors;
    }

    private String where(Source s, int line) {
        return program + ": " + s.label() + ":" + line + ": ";
    }

    void warning(Source s, int line, String message) {
        lines.add(where(s, line) + "warning: " + message);
    }

    void warningOnce(String key, Source s, int line, String message) {
        if (warnedOnce.add(key)) warning(s, line, message);
    }

    /** An error that does not stop parsing; the program will not run. */
    void error(Source s, int line, String message) {
        lines.add(where(s, line) + "error: " + message);
        errors++;
    }

    void countError() {
        errors++;
    }

    /** A message with no source position ({@code awk: fatal: ...}). */
    void plain(String message) {
        lines.add(program + ": " + message);
    }

    /**
     * A syntax error at {@code t}: the line holding the token and a caret under it. At a newline the
     * line before it is shown with the caret at its end ("unexpected newline or end of string"), and
     * the position is the next line's, as gawk counts it.
     */
    SyntaxError syntax(Token t, String message) {
        errors++;
        String text = t.source().commandLine() && !t.source().text().endsWith("\n") ? t.source().text() + "\n" : t.source().text();
        int offset = t.offset();
        int line = t.line();
        boolean atNewline = t.is(Token.Type.NEWLINE) || (t.is(Token.Type.EOF) && message.equals("syntax error"));
        if (t.is(Token.Type.EOF) && message.equals("syntax error") && !t.source().commandLine()) {
            return endOfFile(t, text);
        }
        if (atNewline) {
            message = "unexpected newline or end of string";
            if (t.is(Token.Type.EOF)) {
                // the end of a command-line text: its final newline, on the last line
                offset = text.length() - 1;
                line = 1;
                for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
            } else {
                line = t.line();
            }
        }
        int lineStart = offset;
        if (lineStart > text.length()) lineStart = text.length();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') lineStart--;
        if (atNewline && offset < text.length() && text.charAt(offset) == '\n' && t.is(Token.Type.NEWLINE)) {
            // the newline token: gawk shows the line it ends
            line = t.line();
        }
        int lineEnd = offset;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n') lineEnd++;
        String shown = text.substring(lineStart, lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < offset && i < text.length(); i++) caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        lines.add(where(t.source(), line) + shown);
        lines.add(where(t.source(), line) + caret + "^ " + message);
        return new SyntaxError();
    }

    /** A program file that ends inside a rule: gawk's "(END OF FILE)" message. */
    private SyntaxError endOfFile(Token t, String text) {
        int line = 1;
        for (int i = 0; i < text.length() - 1; i++) if (text.charAt(i) == '\n') line++;
        int column = 0;
        if (!text.isEmpty() && !text.endsWith("\n")) {
            int lineStart = text.lastIndexOf('\n') + 1;
            column = Math.max(0, text.length() - lineStart - 1);
        }
        lines.add(where(t.source(), line) + "(END OF FILE)");
        lines.add(where(t.source(), line) + " ".repeat(column) + "^ source files / command-line arguments must contain complete functions or rules");
        return new SyntaxError();
    }
}
