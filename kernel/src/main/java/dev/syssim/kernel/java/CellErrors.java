package dev.syssim.kernel.java;

import dev.syssim.kernel.eval.ExecuteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * The error replies of Java cells: a compile error with javac's message, its cell line and a
 * caret under the code; an exception with its stack, trimmed to the cell's own frames and the
 * library frames it called (JShell's machinery is left out), each cell frame named by cell and
 * line; and the interrupts, exits and memory exhaustion a kernel lives through.
 */
final class CellErrors {

    /** Where a snippet's text stands: the cell ({@code In[n]}) and its first line in it. */
    record Place(int executionCount, int firstLine) {
    }

    private CellErrors() {
    }

    static ExecuteOutcome interrupted() {
        String message = "the cell was interrupted";
        return ExecuteOutcome.error("KeyboardInterrupt", message, List.of("KeyboardInterrupt: " + message));
    }

    /**
     * javac's diagnostics of a rejected snippet.
     *
     * @param code  the whole cell's Java text
     * @param start where the snippet starts in it
     * @param firstLine the cell line {@code code} starts on
     */
    static ExecuteOutcome compileError(List<Diag> diagnostics, String code, int start, int length, int firstLine) {
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (Diag d : diagnostics) {
            if (!d.isError()) continue;
            String message = d.getMessage(Locale.ROOT);
            int at = start + clamp(d.getPosition(), (int) Math.max(0, d.getStartPosition()), length);
            int from = start + clamp(d.getStartPosition(), at - start, length);
            int to = start + clamp(d.getEndPosition(), at - start, length);
            int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            if (at > 0 && code.charAt(at - 1) == '\n') lineStart = at;
            int lineEnd = code.indexOf('\n', lineStart);
            String source = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
            int line = firstLine + count(code, '\n', lineStart);
            int column = at - lineStart + 1;
            if (first == null) first = oneLine(message) + " (line " + line + ", column " + column + ")";
            traceback.add("  Cell line " + line + ", column " + column + ":");
            traceback.add("    " + source);
            traceback.add("    " + " ".repeat(Math.max(0, Math.min(from, at) - lineStart)) + caret(Math.min(from, at), Math.max(to, at + 1), lineStart + source.length()));
            traceback.add("CompileError: " + message.replace("\n", "\n    "));
        }
        if (first == null) first = "the snippet was rejected";
        return ExecuteOutcome.error("CompileError", first, traceback);
    }

    /** The caret under a diagnostic: {@code ^} for one character, {@code ^---^} for a span. */
    private static String caret(int from, int to, int lineEnd) {
        int end = Math.min(to, Math.max(lineEnd, from + 1));
        int width = Math.max(1, end - from);
        return width <= 1 ? "^" : "^" + "-".repeat(width - 2) + "^";
    }

    private static int clamp(long position, int fallback, int length) {
        if (position < 0) return Math.max(0, Math.min(fallback, length));
        return (int) Math.min(position, length);
    }

    private static int count(String text, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (text.charAt(i) == c) n++;
        return n;
    }

    private static String oneLine(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            if (out.length() > 0) out.append(' ');
            out.append(line.strip());
        }
        return out.toString();
    }

    /** An exception a snippet threw (or a call of a method that is missing its parts). */
    static ExecuteOutcome exception(JShellException e, Map<String, Place> places, String unresolvedMessage) {
        if (e instanceof UnresolvedReferenceException) {
            return ExecuteOutcome.error("UnresolvedReference", unresolvedMessage, List.of("UnresolvedReference: " + unresolvedMessage));
        }
        EvalException thrown = (EvalException) e;
        String type = thrown.getExceptionClassName();
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        if (type.equals(SystemExit.class.getName())) {
            return ExecuteOutcome.error("SystemExit", message, List.of("SystemExit: " + message));
        }
        if (type.equals(CellStopped.class.getName())) return interrupted();
        List<String> traceback = new ArrayList<>();
        stack(thrown, places, traceback, "");
        if (type.equals(OutOfMemoryError.class.getName())) {
            traceback.add("The cell filled the kernel's memory and was stopped; the kernel goes on. What the cell's"
                    + " variables still refer to stays allocated: set them to null to free it.");
        }
        return ExecuteOutcome.error(type, message, traceback);
    }

    /** The cell's value could not be shown: its {@code toString} or {@code render} threw. */
    static ExecuteOutcome renderingFailed(Throwable e) {
        String type = e.getClass().getName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        List<String> traceback = new ArrayList<>();
        traceback.add("The cell's value could not be shown: " + type + (message.isEmpty() ? "" : ": " + message));
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.syssim.kernel.java.")) break;
            traceback.add("\tat " + frame);
        }
        return ExecuteOutcome.error(type, message, traceback);
    }

    private static void stack(JShellException e, Map<String, Place> places, List<String> out, String prefix) {
        String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        out.add(prefix + type + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        for (StackTraceElement frame : e.getStackTrace()) out.add("\tat " + frame(frame, places));
        Throwable cause = e.getCause();
        if (cause instanceof JShellException more) stack(more, places, out, "Caused by: ");
    }

    /** A frame of the cell's code as {@code Klass.method(In[3], line 2)}; other frames as Java prints them. */
    private static String frame(StackTraceElement frame, Map<String, Place> places) {
        String file = frame.getFileName();
        Place place = file != null && file.startsWith("#") ? places.get(file.substring(1)) : null;
        if (place == null) return frame.toString();
        String klass = frame.getClassName();
        String method = frame.getMethodName().isEmpty() ? "<cell>" : frame.getMethodName();
        String where = (place.executionCount() > 0 ? "In[" + place.executionCount() + "], " : "") + "line "
                + (place.firstLine() + Math.max(1, frame.getLineNumber()) - 1);
        return (klass.isEmpty() ? "" : klass + ".") + method + "(" + where + ")";
    }
}
