package dev.syssim.sim.shell.syntax;

import dev.syssim.sim.shell.syntax.Ast.ArithSub;
import dev.syssim.sim.shell.syntax.Ast.BadSubst;
import dev.syssim.sim.shell.syntax.Ast.CommandSub;
import dev.syssim.sim.shell.syntax.Ast.DoubleQuoted;
import dev.syssim.sim.shell.syntax.Ast.Lit;
import dev.syssim.sim.shell.syntax.Ast.Param;
import dev.syssim.sim.shell.syntax.Ast.ParamOp;
import dev.syssim.sim.shell.syntax.Ast.ParamOperator;
import dev.syssim.sim.shell.syntax.Ast.Part;
import dev.syssim.sim.shell.syntax.Ast.ProcessSub;
import dev.syssim.sim.shell.syntax.Ast.Quoted;
import dev.syssim.sim.shell.syntax.Ast.Tilde;
import dev.syssim.sim.shell.syntax.Ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads words: quoting ({@code \}, {@code '...'}, {@code "..."}, {@code $'...'}, {@code $"..."}),
 * parameter expansions with all of bash's operators, command, arithmetic and process substitution,
 * tildes, extglob groups and brace expansions — the lexer half of bash's parser. Command
 * substitution bodies are parsed by the {@link Parser} it belongs to, on the same text.
 */
final class Words {

    /** Where a word is read: each has its own idea of what ends a word. */
    enum Mode {
        /** A command word: metacharacters end it. */
        NORMAL,
        /** A case pattern: also ends at {@code |} and {@code )}. */
        PATTERN,
        /** The right side of {@code =~}: parentheses and {@code |} belong to it, blanks inside parentheses too. */
        REGEX,
        /** An assignment's value: like a command word, but braces are not expanded. */
        VALUE
    }

    private final Parser parser;
    /** Inside {@code [[ ]]}: extglob patterns are always syntax there. */
    boolean condWords;

    Words(Parser parser) {
        this.parser = parser;
    }

    private Source src() {
        return parser.src;
    }

    /** An unterminated quote or expansion: bash names the line it started on. */
    private SyntaxError eofLooking(String what, int startLine) {
        return new SyntaxError("unexpected EOF while looking for matching `" + what + "'", startLine, src().columnOf(src().pos), true,
                "", false, 2);
    }

    // ---- words ----

    /** Reads one word starting at the position; null if nothing could be read. */
    Word read(Mode mode) throws SyntaxError {
        Source s = src();
        int start = s.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int depth = 0;
        while (!s.atEnd()) {
            if (s.atContinuation()) {
                s.skip(2);
                continue;
            }
            char c = (char) s.peek();
            if (mode == Mode.REGEX) {
                if (c == '(') {
                    depth++;
                    lit.append(s.next());
                    continue;
                }
                if (c == ')' && depth > 0) {
                    depth--;
                    lit.append(s.next());
                    continue;
                }
                if (depth > 0 && (c == ' ' || c == '\t' || c == '|' || c == '<' || c == '>' || c == '&' || c == ';')) {
                    lit.append(s.next());
                    continue;
                }
                if (depth == 0 && (c == '|' || c == '<' || c == '>') && !(c == '|' && s.peek(1) == '|')) {
                    lit.append(s.next());
                    continue;
                }
            }
            if ((c == '<' || c == '>') && s.peek(1) == '(' && !parser.settings.dash()) {
                flush(parts, lit);
                parts.add(processSubstitution());
                continue;
            }
            if ((parser.settings.extglob() || condWords) && "?*+@!".indexOf(c) >= 0 && s.peek(1) == '(') {
                lit.append(extglobGroup());
                continue;
            }
            if (Lexical.isMeta(c)) break;
            switch (c) {
                case '\\' -> {
                    s.next();
                    if (s.atEnd()) {
                        lit.append('\\');
                    } else {
                        flush(parts, lit);
                        parts.add(new Quoted(String.valueOf(s.next())));
                    }
                }
                case '\'' -> {
                    flush(parts, lit);
                    parts.add(new Quoted(singleQuoted()));
                }
                case '"' -> {
                    flush(parts, lit);
                    parts.add(doubleQuoted());
                }
                case '$' -> {
                    Part p = dollar(false);
                    if (p == null) {
                        lit.append(s.next());
                    } else {
                        flush(parts, lit);
                        parts.add(p);
                    }
                }
                case '`' -> {
                    flush(parts, lit);
                    parts.add(backquote(false));
                }
                case '~' -> {
                    if (parts.isEmpty() && lit.length() == 0) {
                        Tilde t = tilde();
                        if (t != null) {
                            parts.add(t);
                            break;
                        }
                    }
                    lit.append(s.next());
                }
                default -> lit.append(s.next());
            }
        }
        flush(parts, lit);
        if (s.pos == start) return null;
        if (mode == Mode.NORMAL && !parser.settings.dash()) parts = Braces.parse(parts);
        return new Word(parts, s.text.substring(start, s.pos));
    }

    private static void flush(List<Part> parts, StringBuilder lit) {
        if (lit.length() == 0) return;
        parts.add(new Lit(lit.toString()));
        lit.setLength(0);
    }

    /** {@code ~}, {@code ~user}, {@code ~+}, {@code ~-}, {@code ~2}: the prefix runs to the first slash. */
    private Tilde tilde() {
        Source s = src();
        int i = s.pos + 1;
        while (i < s.text.length()) {
            char c = s.text.charAt(i);
            if (c == '/' || Lexical.isMeta(c)) break;
            if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`' || c == '{' || c == '*' || c == '?' || c == '[') return null;
            i++;
        }
        String prefix = s.text.substring(s.pos + 1, i);
        s.skip(i - s.pos);
        return new Tilde(prefix);
    }

    /** An extglob group {@code @(a|b)} read as pattern text, nested groups and quotes included. */
    private String extglobGroup() throws SyntaxError {
        Source s = src();
        StringBuilder out = new StringBuilder();
        out.append(s.next()).append(s.next());
        int depth = 1;
        while (depth > 0) {
            if (s.atEnd()) throw eofLooking(")", parser.eofLine());
            char c = s.next();
            if (c == '\\' && !s.atEnd()) {
                out.append(c).append(s.next());
                continue;
            }
            if (c == '(') depth++;
            if (c == ')') depth--;
            out.append(c);
        }
        return out.toString();
    }

    private String singleQuoted() throws SyntaxError {
        Source s = src();
        int startLine = s.line;
        s.next();
        int close = s.text.indexOf('\'', s.pos);
        if (close < 0) {
            s.skip(s.text.length() - s.pos);
            throw eofLooking("'", startLine);
        }
        String text = s.text.substring(s.pos, close);
        s.skip(close + 1 - s.pos);
        return text;
    }

    /** {@code "..."}: inside, only {@code $}, backquotes and backslash before {@code $ ` " \ newline} are special. */
    private DoubleQuoted doubleQuoted() throws SyntaxError {
        Source s = src();
        int startLine = s.line;
        s.next();
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (s.atEnd()) throw eofLooking("\"", startLine);
            char c = (char) s.peek();
            if (c == '"') {
                s.next();
                break;
            }
            if (c == '\\') {
                int d = s.peek(1);
                if (d == '\n') {
                    s.skip(2);
                    continue;
                }
                if (d == '$' || d == '`' || d == '"' || d == '\\') {
                    s.next();
                    text.append(s.next());
                    continue;
                }
                text.append(s.next());
                continue;
            }
            if (c == '$') {
                Part p = dollar(true);
                if (p == null) {
                    text.append(s.next());
                } else {
                    flushQuoted(parts, text);
                    parts.add(p);
                }
                continue;
            }
            if (c == '`') {
                flushQuoted(parts, text);
                parts.add(backquote(true));
                continue;
            }
            text.append(s.next());
        }
        flushQuoted(parts, text);
        return new DoubleQuoted(parts);
    }

    private static void flushQuoted(List<Part> parts, StringBuilder text) {
        if (text.length() == 0) return;
        parts.add(new Quoted(text.toString()));
        text.setLength(0);
    }

    // ---- $ ----

    /** What follows a {@code $}; null when the dollar sign is just a character. */
    private Part dollar(boolean inDoubleQuotes) throws SyntaxError {
        Source s = src();
        int next = s.peek(1);
        boolean bash = !parser.settings.dash();
        if (next == '\'' && !inDoubleQuotes && bash) {
            s.next();
            String raw = singleQuotedRaw();
            return new Quoted(AnsiC.decode(raw, parser.settings.utf8()));
        }
        if (next == '"' && !inDoubleQuotes && bash) {
            s.next();
            return doubleQuoted();
        }
        if (next == '(') {
            if (s.peek(2) == '(') {
                Part arith = arithmeticSubstitution();
                if (arith != null) return arith;
                // $(( that is not arithmetic after all: bash re-reads it as $( ( and names the line it began on
                int line = s.line;
                try {
                    return commandSubstitution();
                } catch (SyntaxError e) {
                    if (e.getMessage().startsWith("unexpected EOF while looking for matching")) throw eofLooking(")", line);
                    throw e;
                }
            }
            return commandSubstitution();
        }
        if (next == '[' && bash) return bracketArithmetic();
        if (next == '{') return braceParameter(inDoubleQuotes);
        if (next >= 0 && Lexical.isNameStart((char) next)) {
            s.next();
            int start = s.pos;
            while (!s.atEnd() && Lexical.isNameChar((char) s.peek())) s.next();
            return new Param(s.text.substring(start, s.pos));
        }
        if (next >= 0 && Lexical.isSpecialParameter((char) next)) {
            s.next();
            return new Param(String.valueOf(s.next()));
        }
        return null;
    }

    /** The raw text of {@code $'...'}: backslash escapes are kept for the decoder, {@code \'} does not end it. */
    private String singleQuotedRaw() throws SyntaxError {
        Source s = src();
        int startLine = s.line;
        s.next();
        StringBuilder out = new StringBuilder();
        while (true) {
            if (s.atEnd()) throw eofLooking("'", startLine);
            char c = s.next();
            if (c == '\'') return out.toString();
            if (c == '\\' && !s.atEnd()) {
                out.append(c).append(s.next());
                continue;
            }
            out.append(c);
        }
    }

    private CommandSub commandSubstitution() throws SyntaxError {
        Source s = src();
        int line = s.line;
        s.skip(2);
        Ast.Script body;
        try {
            body = parser.substitutionBody("$(");
        } catch (SyntaxError e) {
            if (!e.incomplete()) e.markInCommandSubstitution();
            throw e;
        }
        return new CommandSub(body, null, false, line);
    }

    private ProcessSub processSubstitution() throws SyntaxError {
        Source s = src();
        int line = s.line;
        boolean input = s.peek() == '<';
        s.skip(2);
        Ast.Script body = parser.substitutionBody(input ? "<(" : ">(");
        return new ProcessSub(body, input, line);
    }

    /**
     * {@code $((...))} if the parentheses close as {@code ))}; otherwise null, and the caller reads
     * a command substitution whose body starts with a subshell ({@code $( (a) )} written tight).
     */
    private Part arithmeticSubstitution() throws SyntaxError {
        Source s = src();
        int end = arithmeticEnd(s.text, s.pos + 3);
        // never closed at all: bash was reading $(( as arithmetic and names the line it began on
        if (end == NEVER_CLOSED) throw eofLooking(")", s.line);
        if (end < 0) return null;
        String text = s.text.substring(s.pos + 3, end);
        int line = s.line;
        s.skip(end + 2 - s.pos);
        return new ArithSub(parser.arithmeticWord(text, line));
    }

    /**
     * Where the {@code ))} closing an arithmetic expression that starts at {@code from} is: the first
     * {@code )} at depth zero must be followed by another; -1 if it is not, {@link #NEVER_CLOSED}
     * if the text ends first.
     */
    static final int NEVER_CLOSED = -2;

    static int arithmeticEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> i++;
                case '\'' -> {
                    int close = text.indexOf('\'', i + 1);
                    if (close < 0) return NEVER_CLOSED;
                    i = close;
                }
                case '"' -> {
                    for (i++; i < text.length() && text.charAt(i) != '"'; i++) if (text.charAt(i) == '\\') i++;
                }
                case '(' -> depth++;
                case ')' -> {
                    if (depth == 0) return i + 1 < text.length() && text.charAt(i + 1) == ')' ? i : -1;
                    depth--;
                }
                default -> {
                }
            }
        }
        return NEVER_CLOSED;
    }

    /** {@code $[expression]}: bash's old arithmetic substitution. */
    private Part bracketArithmetic() throws SyntaxError {
        Source s = src();
        int line = s.line;
        int depth = 0;
        int i = s.pos + 2;
        for (; i < s.text.length(); i++) {
            char c = s.text.charAt(i);
            if (c == '[') depth++;
            if (c == ']') {
                if (depth == 0) break;
                depth--;
            }
        }
        if (i >= s.text.length()) {
            s.skip(s.text.length() - s.pos);
            throw eofLooking("]", parser.eofLine());
        }
        String text = s.text.substring(s.pos + 2, i);
        s.skip(i + 1 - s.pos);
        return new ArithSub(parser.arithmeticWord(text, line));
    }

    /** A backquoted command substitution: its body, unescaped, parsed when it is expanded. */
    private CommandSub backquote(boolean inDoubleQuotes) throws SyntaxError {
        Source s = src();
        int line = s.line;
        s.next();
        StringBuilder body = new StringBuilder();
        while (true) {
            if (s.atEnd()) throw eofLooking("`", line); // like a quote: the line it began on
            char c = s.next();
            if (c == '`') break;
            if (c == '\\' && !s.atEnd()) {
                char d = (char) s.peek();
                if (d == '\\' || d == '`' || d == '$' || (inDoubleQuotes && d == '"')) {
                    body.append(s.next());
                    continue;
                }
            }
            body.append(c);
        }
        return new CommandSub(null, body.toString(), true, line);
    }

    // ---- ${...} ----

    /**
     * A parameter expansion. Its structure is read here; what bash would reject at expansion time
     * (<code>${x!}</code>, <code>${ x}</code>) becomes a {@link BadSubst} that fails when expanded,
     * as bash's does.
     */
    private Part braceParameter(boolean inDoubleQuotes) throws SyntaxError {
        Source s = src();
        int start = s.pos;
        int close = braceEnd(s.text, s.pos + 2, inDoubleQuotes);
        if (close < 0) {
            s.skip(s.text.length() - s.pos);
            throw eofLooking("}", parser.eofLine());
        }
        String whole = s.text.substring(start, close + 1);
        s.skip(2);
        Part p = braceParameterBody(whole, close, inDoubleQuotes);
        if (p != null && s.pos == close) s.next();
        if (p == null || s.pos != close + 1) {
            s.skip(close + 1 - s.pos);
            return new BadSubst(whole);
        }
        return p;
    }

    /** Where the <code>}</code> closing a <code>${</code> whose body starts at {@code from} is, or -1. */
    static int braceEnd(String text, int from, boolean inDoubleQuotes) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> i++;
                case '\'' -> {
                    if (!inDoubleQuotes) {
                        int end = text.indexOf('\'', i + 1);
                        if (end < 0) return -1;
                        i = end;
                    }
                }
                case '"' -> {
                    for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                        if (text.charAt(i) == '\\') i++;
                        else if (text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                            int inner = braceEnd(text, i + 2, true);
                            if (inner < 0) return -1;
                            i = inner;
                        }
                    }
                }
                case '{' -> depth++;
                case '}' -> {
                    if (depth == 0) return i;
                    depth--;
                }
                case '`' -> {
                    int end = text.indexOf('`', i + 1);
                    if (end < 0) return -1;
                    i = end;
                }
                default -> {
                }
            }
        }
        return -1;
    }

    private Part braceParameterBody(String whole, int close, boolean dq) throws SyntaxError {
        Source s = src();
        if (s.pos >= close) return null;
        char c = (char) s.peek();
        // ${#...}: the length of a parameter, or $# itself
        if (c == '#' && s.pos + 1 == close) {
            s.next();
            return new Param("#");
        }
        if (c == '#' && s.pos + 1 < close) {
            int save = s.pos;
            s.next();
            String name = parameterName();
            if (name != null && !(parser.settings.dash() && s.peek() == '[')) {
                Word subscript = subscript(close);
                if (s.pos == close) return op(name, subscript, false, ParamOperator.LENGTH, whole);
            }
            s.pos = save;
            // ${#:-x}, ${##} and the like: $# with an operator
        }
        boolean indirect = false;
        if (c == '!' && s.pos + 1 < close && !parser.settings.dash()) { // dash: no ${!name}
            int after = s.text.charAt(s.pos + 1);
            if (Lexical.isNameStart((char) after) || Lexical.isDigit((char) after) || "@*#?$!-".indexOf(after) >= 0) {
                s.next();
                indirect = true;
                // ${!prefix*} and ${!prefix@}: the names of variables starting with prefix
                int save = s.pos;
                String name = parameterName();
                if (name != null && Lexical.isName(name) && s.pos + 1 == close && (s.peek() == '*' || s.peek() == '@')) {
                    boolean star = s.next() == '*';
                    return new ParamOp(name, null, false, ParamOperator.NAMES, false, star, '\0', false, null, null, whole);
                }
                s.pos = save;
            }
        }
        String name = parameterName();
        if (name == null) return null;
        if (parser.settings.dash() && s.peek() == '[') return null; // dash has no arrays
        Word subscript = subscript(close);
        if (s.pos == close) {
            if (indirect && subscript != null && (subscript.text().equals("@") || subscript.text().equals("*"))) {
                return new ParamOp(name, subscript, false, ParamOperator.KEYS, false, false, '\0', false, null, null, whole);
            }
            if (!indirect && subscript == null) {
                s.next();
                return new Param(name);
            }
            return opDone(new ParamOp(name, subscript, indirect, ParamOperator.PLAIN, false, false, '\0', false, null, null, whole));
        }
        char o = (char) s.peek();
        switch (o) {
            case ':' -> {
                s.next();
                int n = s.peek();
                if (n == '-' || n == '=' || n == '?' || n == '+') {
                    s.next();
                    return opDone(operandOp(name, subscript, indirect, simpleOp((char) n), true, whole, dq));
                }
                if (parser.settings.dash()) return null;
                Word offset = operandUntil(":}", true);
                Word length = null;
                if (s.peek() == ':') {
                    s.next();
                    length = operandUntil("}", true);
                }
                return opDone(new ParamOp(name, subscript, indirect, ParamOperator.SUBSTRING, false, false, '\0', false, offset, length, whole));
            }
            case '-', '=', '?', '+' -> {
                s.next();
                return opDone(operandOp(name, subscript, indirect, simpleOp(o), false, whole, dq));
            }
            case '#', '%' -> {
                s.next();
                boolean doubled = s.peek() == o;
                if (doubled) s.next();
                Word pattern = operandUntil("}", false);
                return opDone(new ParamOp(name, subscript, indirect, o == '#' ? ParamOperator.REMOVE_PREFIX : ParamOperator.REMOVE_SUFFIX,
                        false, doubled, '\0', false, pattern, null, whole));
            }
            case '/' -> {
                if (parser.settings.dash()) return null;
                s.next();
                boolean all = false;
                char anchor = '\0';
                if (s.peek() == '/') {
                    s.next();
                    all = true;
                } else if (s.peek() == '#' || s.peek() == '%') {
                    anchor = s.next();
                }
                Word pattern = operandUntil("/}", false);
                Word replacement = null;
                if (s.peek() == '/') {
                    s.next();
                    replacement = operandUntil("}", false);
                }
                return opDone(new ParamOp(name, subscript, indirect, ParamOperator.REPLACE, false, all, anchor, false, pattern, replacement, whole));
            }
            case '^', ',', '~' -> {
                if (parser.settings.dash()) return null;
                s.next();
                boolean doubled = s.peek() == o;
                if (doubled) s.next();
                Word pattern = s.pos < close ? operandUntil("}", false) : null;
                return opDone(new ParamOp(name, subscript, indirect, ParamOperator.CASE, false, doubled, o == '~' ? '~' : '\0', o == '^',
                        pattern, null, whole));
            }
            case '@' -> {
                if (parser.settings.dash()) return null;
                s.next();
                if (s.pos + 1 != close || "QEPAKaUuLk".indexOf(s.peek()) < 0) return null;
                char t = s.next();
                return opDone(new ParamOp(name, subscript, indirect, ParamOperator.TRANSFORM, false, false, t, false, null, null, whole));
            }
            default -> {
                return null;
            }
        }
    }

    private ParamOp op(String name, Word subscript, boolean indirect, ParamOperator op, String whole) {
        src().next();
        return new ParamOp(name, subscript, indirect, op, false, false, '\0', false, null, null, whole);
    }

    /** Consumes the closing brace of a finished expansion; null (bad substitution) if something else is there. */
    private ParamOp opDone(ParamOp op) {
        Source s = src();
        if (s.peek() != '}') return null;
        s.next();
        return op;
    }

    private static ParamOperator simpleOp(char c) {
        return switch (c) {
            case '-' -> ParamOperator.DEFAULT;
            case '=' -> ParamOperator.ASSIGN;
            case '?' -> ParamOperator.ERROR;
            default -> ParamOperator.ALTERNATIVE;
        };
    }

    private ParamOp operandOp(String name, Word subscript, boolean indirect, ParamOperator op, boolean colon, String whole, boolean dq)
            throws SyntaxError {
        Word word = dq ? operandInDoubleQuotes() : operandUntil("}", false);
        return new ParamOp(name, subscript, indirect, op, colon, false, '\0', false, word, null, whole);
    }

    /** The name of a parameter at the position: a name, digits, or one special character; null if none. */
    private String parameterName() {
        Source s = src();
        if (s.atEnd()) return null;
        char c = (char) s.peek();
        if (Lexical.isNameStart(c)) {
            int start = s.pos;
            while (!s.atEnd() && Lexical.isNameChar((char) s.peek())) s.next();
            return s.text.substring(start, s.pos);
        }
        if (Lexical.isDigit(c)) {
            int start = s.pos;
            while (!s.atEnd() && Lexical.isDigit((char) s.peek())) s.next();
            return s.text.substring(start, s.pos);
        }
        if ("@*#?$!-".indexOf(c) >= 0) {
            s.next();
            return String.valueOf(c);
        }
        return null;
    }

    /** {@code [subscript]} after a name, as a word; null if there is none. */
    private Word subscript(int close) throws SyntaxError {
        Source s = src();
        if (s.peek() != '[') return null;
        int end = Lexical.matchingBracket(s.text.substring(0, close), s.pos);
        if (end < 0) return null;
        String text = s.text.substring(s.pos + 1, end);
        if (text.isEmpty()) return null;
        int line = s.line;
        s.skip(end + 1 - s.pos);
        return parser.arithmeticWord(text, line);
    }

    /**
     * An operand of <code>${...}</code> (a pattern, a replacement, a default word): read up to one of
     * {@code stops} at depth zero. Quotes and expansions work as in a word; blanks and metacharacters
     * are just characters. {@code arithmetic}: the offset and length of a substring, which are
     * arithmetic text.
     */
    private Word operandUntil(String stops, boolean arithmetic) throws SyntaxError {
        Source s = src();
        int start = s.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int depth = 0;
        while (true) {
            if (s.atEnd()) throw eofLooking("}", parser.eofLine());
            char c = (char) s.peek();
            if (depth == 0 && stops.indexOf(c) >= 0) break;
            if (s.atContinuation()) {
                s.skip(2);
                continue;
            }
            switch (c) {
                case '{' -> {
                    depth++;
                    lit.append(s.next());
                }
                case '}' -> {
                    depth--;
                    lit.append(s.next());
                }
                case '\\' -> {
                    s.next();
                    if (!s.atEnd()) {
                        flush(parts, lit);
                        parts.add(new Quoted(String.valueOf(s.next())));
                    }
                }
                case '\'' -> {
                    flush(parts, lit);
                    parts.add(new Quoted(singleQuoted()));
                }
                case '"' -> {
                    flush(parts, lit);
                    parts.add(doubleQuoted());
                }
                case '$' -> {
                    Part p = dollar(false);
                    if (p == null) {
                        lit.append(s.next());
                    } else {
                        flush(parts, lit);
                        parts.add(p);
                    }
                }
                case '`' -> {
                    flush(parts, lit);
                    parts.add(backquote(false));
                }
                case '~' -> {
                    if (parts.isEmpty() && lit.length() == 0 && !arithmetic) {
                        Tilde t = tildeInOperand(stops);
                        if (t != null) {
                            parts.add(t);
                            break;
                        }
                    }
                    lit.append(s.next());
                }
                default -> lit.append(s.next());
            }
        }
        flush(parts, lit);
        return new Word(parts, s.text.substring(start, s.pos));
    }

    private Tilde tildeInOperand(String stops) {
        Source s = src();
        int i = s.pos + 1;
        while (i < s.text.length()) {
            char c = s.text.charAt(i);
            if (c == '/' || stops.indexOf(c) >= 0) break;
            if (!Lexical.isNameChar(c) && c != '+' && c != '-' && c != '.') return null;
            i++;
        }
        String prefix = s.text.substring(s.pos + 1, i);
        s.skip(i - s.pos);
        return new Tilde(prefix);
    }

    /**
     * The word of <code>"${x:-word}"</code> (inside double quotes): read as double-quoted text, in
     * which single quotes are ordinary characters and a nested {@code "..."} still quotes.
     */
    private Word operandInDoubleQuotes() throws SyntaxError {
        Source s = src();
        int start = s.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            if (s.atEnd()) throw eofLooking("}", parser.eofLine());
            char c = (char) s.peek();
            if (c == '}' && depth == 0) break;
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c == '\\') {
                int d = s.peek(1);
                if (d == '\n') {
                    s.skip(2);
                    continue;
                }
                if (d == '$' || d == '`' || d == '"' || d == '\\' || d == '}') {
                    s.next();
                    text.append(s.next());
                    continue;
                }
                text.append(s.next());
                continue;
            }
            if (c == '"') {
                flushQuoted(parts, text);
                parts.add(doubleQuoted());
                continue;
            }
            if (c == '$') {
                Part p = dollar(true);
                if (p == null) {
                    text.append(s.next());
                } else {
                    flushQuoted(parts, text);
                    parts.add(p);
                }
                continue;
            }
            if (c == '`') {
                flushQuoted(parts, text);
                parts.add(backquote(true));
                continue;
            }
            text.append(s.next());
        }
        flushQuoted(parts, text);
        return new Word(List.of(new DoubleQuoted(parts)), s.text.substring(start, s.pos));
    }

    // ---- texts that are expanded as in double quotes: arithmetic, subscripts, here-documents ----

    /**
     * Reads the whole source as one word expanded like double-quoted text but with quotes removed:
     * what arithmetic expressions and array subscripts are. {@code heredoc}: a here-document body,
     * where quotes are ordinary characters and a backslash escapes only {@code $ ` \} and newline.
     */
    Word expandableText(boolean heredoc) throws SyntaxError {
        Source s = src();
        int start = s.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!s.atEnd()) {
            char c = (char) s.peek();
            if (c == '\\') {
                int d = s.peek(1);
                if (d == '\n') {
                    s.skip(2);
                    continue;
                }
                if (d == '$' || d == '`' || d == '\\' || (!heredoc && d == '"')) {
                    s.next();
                    text.append(s.next());
                    continue;
                }
                text.append(s.next());
                continue;
            }
            if (!heredoc && c == '"') {
                flushQuoted(parts, text);
                DoubleQuoted dq = doubleQuoted();
                parts.addAll(dq.parts());
                continue;
            }
            if (!heredoc && c == '\'') {
                text.append(singleQuoted());
                continue;
            }
            if (c == '$') {
                Part p = dollar(true);
                if (p == null) {
                    text.append(s.next());
                } else {
                    flushQuoted(parts, text);
                    parts.add(p);
                }
                continue;
            }
            if (c == '`') {
                flushQuoted(parts, text);
                parts.add(backquote(false));
                continue;
            }
            text.append(s.next());
        }
        flushQuoted(parts, text);
        return new Word(parts, s.text.substring(start));
    }
}
