package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;

/**
 * Reads shell text one command line at a time and runs each: a script, a {@code -c} string, an
 * interactive line, {@code eval}'s and {@code source}'s text, a trap. Parsing line by line is what
 * lets a syntax error on line 5 come after lines 1 to 4 ran, and an alias or {@code shopt -s
 * extglob} on one line apply to the next.
 */
final class SourceFrame extends Frame {

    /** What the text is: its kind decides error messages and who stops an abandoned line. */
    enum Kind { SCRIPT, COMMAND_STRING, INTERACTIVE, EVAL, SOURCE, TRAP }

    private final Parser parser;
    private final Kind kind;
    /** For messages: {@code -c}, {@code eval}, the sourced file's name. */
    private final String label;
    private boolean ranAny;

    SourceFrame(Parser parser, Kind kind, String label) {
        this.parser = parser;
        this.kind = kind;
        this.label = label;
    }

    boolean topLevel() {
        return kind == Kind.SCRIPT || kind == Kind.COMMAND_STRING || kind == Kind.INTERACTIVE;
    }

    @Override
    Step step(Shell sh) {
        parser.updateSettings(sh.parserSettings());
        Ast.Script line;
        int before = parser.consumed();
        try {
            line = parser.nextLine(); // itself safe from deep nesting
        } catch (SyntaxError e) {
            for (String w : parser.takeWarnings()) sh.err(sh.st.programName + ": " + w + "\n");
            return syntaxError(sh, e);
        }
        for (String w : parser.takeWarnings()) sh.err(warningPrefix(sh) + w + "\n");
        boolean rawEcho = sh.st.options.verbose && (kind == Kind.SCRIPT || kind == Kind.SOURCE);
        if (rawEcho) {
            // set -v in a script: every line as it was read, comments and blank lines too
            String read = parser.textBetween(before, parser.consumed());
            if (!read.isEmpty()) sh.err(read.endsWith("\n") ? read : read + "\n");
        }
        if (line == null) {
            int status = ranAny || kind == Kind.EVAL || kind == Kind.SOURCE || kind == Kind.TRAP ? sh.st.lastStatus : 0;
            if (!ranAny && (kind == Kind.EVAL || kind == Kind.SOURCE)) status = 0;
            return sh.finish(status);
        }
        ranAny = true;
        if (sh.st.options.verbose && !rawEcho) sh.err(lineText(line));
        if (sh.st.options.noexec && !sh.st.interactive) return Shell.CONTINUE;
        // dash 0.5.12 forks even for the last command of -c (its ppid is the shell: recorded);
        // bash and busybox ash let it replace the shell
        boolean last = kind == Kind.COMMAND_STRING && parser.atEnd() && (!sh.st.dash || sh.st.ash);
        sh.push(new ListFrame(line, last ? ExecLast.CLEAN : ExecLast.NO));
        return Shell.CONTINUE;
    }

    private String warningPrefix(Shell sh) {
        if (kind == Kind.INTERACTIVE) return sh.st.programName + ": ";
        return sh.st.name + ": ";
    }

    private static String lineText(Ast.Script line) {
        StringBuilder out = new StringBuilder();
        for (Ast.Item item : line.items()) {
            if (out.length() > 0) out.append(' ');
            out.append(item.text());
        }
        return out + "\n";
    }

    private Step syntaxError(Shell sh, SyntaxError e) {
        String where = switch (kind) {
            case INTERACTIVE -> sh.st.programName + ": ";
            case COMMAND_STRING -> sh.st.name + ": -c: line " + e.line() + ": ";
            case EVAL -> sh.st.interactive && !sh.st.subshell ? sh.st.programName + ": "
                    : sh.st.name + ": eval: line " + e.line() + ": ";
            case TRAP -> sh.st.name + ": " + label + ": line " + e.line() + ": ";
            default -> label + ": line " + e.line() + ": ";
        };
        if (sh.st.dash) where = sh.st.name + ": " + e.line() + ": ";
        String message = sh.st.dash ? dashMessage(e.getMessage()) : e.getMessage();
        if (sh.st.dash && e.expecting() != null) message += " (expecting \"" + e.expecting() + "\")";
        if (!message.isEmpty()) sh.err(where + message + "\n");
        if (e.echoLine() && !sh.st.dash && kind != Kind.INTERACTIVE) sh.err(where + "`" + e.lineText() + "'\n");
        int status = e.status() < 0 ? sh.st.lastStatus : e.status();
        // observed in bash 5.2: an unexpected token inside $( ) ends a -c string with status 127, not 2
        // (a script file or stdin still says 2)
        if (kind == Kind.COMMAND_STRING && e.inCommandSubstitution() && !sh.st.dash) status = 127;
        sh.st.lastStatus = status;
        if (kind == Kind.INTERACTIVE) return sh.finish(status);
        if (kind == Kind.EVAL || kind == Kind.SOURCE || kind == Kind.TRAP) return sh.finish(status);
        return sh.exit(status);
    }

    private static String dashMessage(String bash) {
        if (bash.startsWith("Syntax error: ")) return bash;
        if (bash.startsWith("syntax error near unexpected token `")) {
            String token = bash.substring("syntax error near unexpected token `".length(), bash.length() - 1);
            return "Syntax error: \"" + token + "\" unexpected";
        }
        if (bash.equals("syntax error: unexpected end of file")) return "Syntax error: end of file unexpected";
        if (bash.startsWith("unexpected EOF while looking for matching `")) {
            char q = bash.charAt("unexpected EOF while looking for matching `".length());
            return q == ')' ? "Syntax error: end of file unexpected (expecting \")\")" : "Syntax error: Unterminated quoted string";
        }
        return bash;
    }

    @Override
    Step unwind(Shell sh) {
        if (topLevel() && sh.pending instanceof Shell.Discard d) {
            sh.pending = null;
            sh.st.lastStatus = d.status();
            return Shell.CONTINUE;
        }
        return sh.finish(childStatus);
    }
}
