package dev.syssim.sim.shell.syntax;

/**
 * The text being parsed and where the parser is in it: position, line, and the line's text for
 * error messages. A backslash-newline pair is a line continuation, which the word reader removes;
 * here-document bodies are taken from the lines after the one that named them.
 */
final class Source {

    final String text;
    int pos;
    int line;

    Source(String text, int firstLine) {
        this.text = text;
        this.line = firstLine;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The character at the position, or -1 at the end. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    /** The character {@code ahead} places further on, or -1. */
    int peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : -1;
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    char next() {
        char c = text.charAt(pos++);
        if (c == '\n') line++;
        return c;
    }

    void skip(int n) {
        for (int i = 0; i < n; i++) next();
    }

    /** Whether a backslash-newline (a line continuation) starts here. */
    boolean atContinuation() {
        return pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == '\n';
    }

    /** The 1-based column of a position. */
    int columnOf(int at) {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1));
        if (at > 0 && at <= text.length() && text.charAt(at - 1) == '\n') start = at - 1;
        return at - start;
    }

    /** The text of the line holding a position, without its newline. */
    String lineTextAt(int at) {
        int from = at > 0 ? text.lastIndexOf('\n', Math.min(at, text.length()) - 1) + 1 : 0;
        if (at > 0 && at <= text.length() && text.charAt(at - 1) == '\n' && at == text.length()) from = text.lastIndexOf('\n', at - 2) + 1;
        int to = text.indexOf('\n', from);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** Reads up to (not including) the next newline, and the newline; null at the end. */
    String readLine() {
        if (atEnd()) return null;
        int nl = text.indexOf('\n', pos);
        String l;
        if (nl < 0) {
            l = text.substring(pos);
            pos = text.length();
        } else {
            l = text.substring(pos, nl);
            pos = nl + 1;
            line++;
        }
        return l;
    }
}
