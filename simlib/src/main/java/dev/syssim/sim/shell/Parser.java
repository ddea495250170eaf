package dev.syssim.sim.shell;

import dev.syssim.sim.shell.Ast.AndOr;
import dev.syssim.sim.shell.Ast.Assignment;
import dev.syssim.sim.shell.Ast.Command;
import dev.syssim.sim.shell.Ast.Item;
import dev.syssim.sim.shell.Ast.Part;
import dev.syssim.sim.shell.Ast.Pipeline;
import dev.syssim.sim.shell.Ast.Redirect;
import dev.syssim.sim.shell.Ast.Script;
import dev.syssim.sim.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shell's parser: recursive descent over the characters, with bash's error messages and the
 * position of each error. Here-document bodies are read at the newline after the operator, as POSIX
 * says. {@link #parse} is what runs a cell; {@link #isComplete} answers Jupyter's is_complete.
 */
public final class Parser {

    /** A token: an operator, a word, a newline or the end. */
    private record Token(Kind kind, String text, Word word, int line, int column, boolean ioNumber) {
    }

    private enum Kind { WORD, OP, NEWLINE, EOF }

    private record PendingHeredoc(String delimiter, boolean quoted, boolean stripTabs, int index) {
    }

    private static final Set<String> RESERVED = Set.of("if", "then", "elif", "else", "fi", "for", "in", "do", "done",
            "while", "until", "{", "}", "!");
    private static final List<String> OPERATORS = List.of("&&", "||", ";;", "<<-", "<<", ">>", ">&", "<&", "<>", ">|",
            "|", "&", ";", "(", ")", "<", ">");

    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;
    private Token lookahead;
    private final List<PendingHeredoc> pendingHeredocs = new ArrayList<>();
    private final List<String[]> heredocBodies = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final boolean strict;

    private Parser(String text, boolean strict) {
        this.text = text;
        this.strict = strict;
    }

    /** A parsed script with the warnings bash would print (a here-document ended by end of file). */
    public record Parsed(Script script, List<String> warnings) {
    }

    public static Parsed parse(String text) throws SyntaxError {
        Parser p = new Parser(text, false);
        Script script = p.script(Set.of());
        Token end = p.peek();
        if (end.kind() != Kind.EOF) throw p.unexpected(end);
        return new Parsed(p.resolveHeredocs(script), p.warnings);
    }

    /** Jupyter's is_complete: {@code complete}, {@code incomplete} (more text could finish it) or {@code invalid}. */
    public static String isComplete(String text) {
        try {
            Parser p = new Parser(text, true);
            p.script(Set.of());
            Token end = p.peek();
            if (end.kind() != Kind.EOF) throw p.unexpected(end);
            return "complete";
        } catch (SyntaxError e) {
            return e.incomplete() ? "incomplete" : "invalid";
        }
    }

    // ---- grammar ----

    private Script script(Set<String> terminators) throws SyntaxError {
        List<Item> items = new ArrayList<>();
        skipNewlines();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.EOF) break;
            if (t.kind() == Kind.WORD && terminators.contains(t.text()) && isReservedCandidate(t)) break;
            if (t.kind() == Kind.OP && terminators.contains(t.text())) break;
            if (t.kind() == Kind.OP && (t.text().equals(")") || t.text().equals(";;") || t.text().equals(";") || t.text().equals("&")
                    || t.text().equals("|") || t.text().equals("&&") || t.text().equals("||"))) {
                throw unexpected(t);
            }
            int start = t.line();
            int startPos = tokenStart(t);
            AndOr andOr = andOr();
            Token sep = peek();
            int endPos = sep.kind() == Kind.EOF ? text.length() : tokenStart(sep);
            boolean background = false;
            if (sep.kind() == Kind.OP && (sep.text().equals(";") || sep.text().equals("&"))) {
                next();
                background = sep.text().equals("&");
            } else if (sep.kind() == Kind.NEWLINE) {
                next();
            } else if (sep.kind() != Kind.EOF && !(sep.kind() == Kind.OP && terminators.contains(sep.text()))
                    && !(sep.kind() == Kind.WORD && terminators.contains(sep.text()))) {
                throw unexpected(sep);
            }
            items.add(new Item(andOr, background, text.substring(Math.min(startPos, endPos), endPos).strip()));
            skipNewlines();
        }
        return new Script(items);
    }

    private AndOr andOr() throws SyntaxError {
        List<Pipeline> pipelines = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        pipelines.add(pipeline());
        while (peek().kind() == Kind.OP && (peek().text().equals("&&") || peek().text().equals("||"))) {
            operators.add(next().text());
            skipNewlines();
            requireMore();
            pipelines.add(pipeline());
        }
        return new AndOr(pipelines, operators);
    }

    private Pipeline pipeline() throws SyntaxError {
        boolean negated = false;
        if (isReserved(peek(), "!")) {
            next();
            negated = true;
        }
        List<Command> commands = new ArrayList<>();
        commands.add(command());
        while (peek().kind() == Kind.OP && peek().text().equals("|")) {
            next();
            skipNewlines();
            requireMore();
            commands.add(command());
        }
        return new Pipeline(commands, negated);
    }

    private Command command() throws SyntaxError {
        Token t = peek();
        if (t.kind() == Kind.EOF) throw incomplete("syntax error: unexpected end of file", t);
        if (t.kind() == Kind.OP && t.text().equals("(")) {
            next();
            Script body = script(Set.of(")"));
            expectOp(")");
            return new Ast.Subshell(body, redirects());
        }
        if (isReserved(t, "{")) {
            next();
            Script body = script(Set.of("}"));
            expectReserved("}");
            return new Ast.Group(body, redirects());
        }
        if (isReserved(t, "if")) return ifCommand();
        if (isReserved(t, "for")) return forCommand();
        if (isReserved(t, "while") || isReserved(t, "until")) return whileCommand();
        if (t.kind() == Kind.WORD && isReservedCandidate(t) && RESERVED.contains(t.text()) && !t.text().equals("in")) {
            throw unexpected(t);
        }
        if (t.kind() == Kind.WORD && t.word().literal() != null && t.text().matches("[^\\s'\"$`=]+")) {
            Token after = peekSecond();
            if (after != null && after.kind() == Kind.OP && after.text().equals("(")) return functionDef();
        }
        return simple();
    }

    private Command ifCommand() throws SyntaxError {
        next();
        List<Script> conditions = new ArrayList<>();
        List<Script> bodies = new ArrayList<>();
        Script elseBody = null;
        conditions.add(script(Set.of("then")));
        expectReserved("then");
        bodies.add(script(Set.of("elif", "else", "fi")));
        while (true) {
            Token t = peek();
            if (isReserved(t, "elif")) {
                next();
                conditions.add(script(Set.of("then")));
                expectReserved("then");
                bodies.add(script(Set.of("elif", "else", "fi")));
            } else if (isReserved(t, "else")) {
                next();
                elseBody = script(Set.of("fi"));
                expectReserved("fi");
                break;
            } else {
                expectReserved("fi");
                break;
            }
        }
        return new Ast.If(conditions, bodies, elseBody, redirects());
    }

    private Command forCommand() throws SyntaxError {
        next();
        Token name = next();
        if (name.kind() == Kind.EOF) throw incomplete("syntax error: unexpected end of file", name);
        if (name.kind() != Kind.WORD || !name.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SyntaxError("`" + name.text() + "': not a valid identifier", name.line(), name.column(), false);
        }
        List<Word> values = null;
        skipNewlines();
        if (isReserved(peek(), "in")) {
            next();
            values = new ArrayList<>();
            while (peek().kind() == Kind.WORD) values.add(next().word());
        }
        Token sep = peek();
        if (sep.kind() == Kind.OP && sep.text().equals(";")) next();
        skipNewlines();
        expectReserved("do");
        Script body = script(Set.of("done"));
        expectReserved("done");
        return new Ast.For(name.text(), values, body, redirects());
    }

    private Command whileCommand() throws SyntaxError {
        boolean until = next().text().equals("until");
        Script condition = script(Set.of("do"));
        expectReserved("do");
        Script body = script(Set.of("done"));
        expectReserved("done");
        return new Ast.While(condition, body, until, redirects());
    }

    private Command functionDef() throws SyntaxError {
        String name = next().text();
        expectOp("(");
        expectOp(")");
        skipNewlines();
        Command body = command();
        return new Ast.FunctionDef(name, body, List.of());
    }

    private Command simple() throws SyntaxError {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        int firstLine = peek().line();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.OP && isRedirect(t.text())) {
                redirects.add(redirect(-1));
            } else if (t.kind() == Kind.WORD && t.ioNumber()) {
                next();
                redirects.add(redirect(Integer.parseInt(t.text())));
            } else if (t.kind() == Kind.WORD) {
                if (!words.isEmpty() || !isAssignment(t)) {
                    if (words.isEmpty() && isReservedCandidate(t) && (t.text().equals("then") || t.text().equals("fi")
                            || t.text().equals("do") || t.text().equals("done") || t.text().equals("else") || t.text().equals("elif"))) {
                        break;
                    }
                    words.add(next().word());
                } else {
                    Token a = next();
                    assignments.add(assignment(a));
                }
            } else {
                break;
            }
        }
        if (words.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) throw unexpected(peek());
        return new Ast.Simple(assignments, words, redirects, firstLine);
    }

    private List<Redirect> redirects() throws SyntaxError {
        List<Redirect> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.OP && isRedirect(t.text())) {
                out.add(redirect(-1));
            } else if (t.kind() == Kind.WORD && t.ioNumber()) {
                next();
                out.add(redirect(Integer.parseInt(t.text())));
            } else {
                return out;
            }
        }
    }

    private Redirect redirect(int fd) throws SyntaxError {
        Token op = next();
        Token target = next();
        if (target.kind() == Kind.EOF) throw incomplete("syntax error near unexpected token `newline'", target);
        if (target.kind() != Kind.WORD) throw unexpected(target);
        String o = op.text();
        int defaultFd = o.startsWith("<") && !o.equals("<>") ? 0 : 1;
        if (o.equals("<>")) defaultFd = 0;
        if (o.equals("<<") || o.equals("<<-")) {
            String delimiter = unquoteDelimiter(target);
            boolean quoted = false;
            for (Part part : target.word().parts()) {
                if (!(part instanceof Ast.Literal l) || l.quoted()) quoted = true;
            }
            int index = heredocBodies.size();
            heredocBodies.add(new String[] {null});
            pendingHeredocs.add(new PendingHeredoc(delimiter, quoted, o.equals("<<-"), index));
            return new Redirect(fd < 0 ? 0 : fd, "<<", target.word(), "\0heredoc:" + index, quoted);
        }
        return new Redirect(fd < 0 ? defaultFd : fd, o, target.word(), null, false);
    }

    private static String unquoteDelimiter(Token t) {
        StringBuilder out = new StringBuilder();
        for (Part p : t.word().parts()) {
            if (p instanceof Ast.Literal l) out.append(l.text());
            else if (p instanceof Ast.Parameter param) out.append('$').append(param.name());
        }
        return out.toString();
    }

    private Assignment assignment(Token t) {
        List<Part> parts = new ArrayList<>(t.word().parts());
        Ast.Literal first = (Ast.Literal) parts.get(0);
        int eq = first.text().indexOf('=');
        String name = first.text().substring(0, eq);
        String rest = first.text().substring(eq + 1);
        parts.set(0, new Ast.Literal(rest, first.quoted()));
        if (rest.isEmpty()) parts.remove(0);
        return new Assignment(name, new Word(parts));
    }

    private static boolean isAssignment(Token t) {
        List<Part> parts = t.word().parts();
        if (parts.isEmpty() || !(parts.get(0) instanceof Ast.Literal l) || l.quoted()) return false;
        int eq = l.text().indexOf('=');
        return eq > 0 && l.text().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static boolean isRedirect(String op) {
        return op.equals("<") || op.equals(">") || op.equals(">>") || op.equals("<<") || op.equals("<<-")
                || op.equals(">&") || op.equals("<&") || op.equals("<>") || op.equals(">|");
    }

    // ---- token helpers ----

    private boolean isReserved(Token t, String word) {
        return t.kind() == Kind.WORD && t.text().equals(word) && isReservedCandidate(t);
    }

    private static boolean isReservedCandidate(Token t) {
        return t.word() != null && t.word().literal() != null && t.word().parts().size() <= 1
                && (t.word().parts().isEmpty() || !((Ast.Literal) t.word().parts().get(0)).quoted());
    }

    private void expectReserved(String word) throws SyntaxError {
        Token t = peek();
        if (t.kind() == Kind.EOF) throw incomplete("syntax error: unexpected end of file", t);
        if (!isReserved(t, word)) throw unexpected(t);
        next();
    }

    private void expectOp(String op) throws SyntaxError {
        Token t = peek();
        if (t.kind() == Kind.EOF) throw incomplete("syntax error: unexpected end of file", t);
        if (t.kind() != Kind.OP || !t.text().equals(op)) throw unexpected(t);
        next();
    }

    private void requireMore() throws SyntaxError {
        if (peek().kind() == Kind.EOF) throw incomplete("syntax error: unexpected end of file", peek());
    }

    private void skipNewlines() throws SyntaxError {
        while (peek().kind() == Kind.NEWLINE) next();
    }

    private SyntaxError unexpected(Token t) {
        if (t.kind() == Kind.EOF) return incomplete("syntax error: unexpected end of file", t);
        String shown = t.kind() == Kind.NEWLINE ? "newline" : t.text();
        return new SyntaxError("syntax error near unexpected token `" + shown + "'", t.line(), t.column(), false);
    }

    private SyntaxError incomplete(String message, Token t) {
        return new SyntaxError(message, t.line(), t.column(), true);
    }

    private Token peek() throws SyntaxError {
        if (lookahead == null) lookahead = lex();
        return lookahead;
    }

    private Token next() throws SyntaxError {
        Token t = peek();
        lookahead = null;
        return t;
    }

    /** One more token of lookahead, for {@code name (} of a function definition. */
    private Token peekSecond() throws SyntaxError {
        Token first = peek();
        int savedPos = pos;
        int savedLine = line;
        int savedColumn = column;
        skipBlanks();
        Token second = pos < text.length() && text.charAt(pos) == '(' ? new Token(Kind.OP, "(", null, line, column, false) : null;
        pos = savedPos;
        line = savedLine;
        column = savedColumn;
        lookahead = first;
        return second;
    }

    private int tokenStart(Token t) {
        int l = 1;
        int c = 1;
        for (int i = 0; i < text.length(); i++) {
            if (l == t.line() && c == t.column()) return i;
            if (text.charAt(i) == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        return text.length();
    }

    // ---- the lexer ----

    private char ch() {
        return text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        pos++;
    }

    private void skipBlanks() {
        while (!atEnd()) {
            char c = ch();
            if (c == ' ' || c == '\t') {
                advance();
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                advance();
                advance();
            } else if (c == '#') {
                while (!atEnd() && ch() != '\n') advance();
            } else {
                return;
            }
        }
    }

    private Token lex() throws SyntaxError {
        skipBlanks();
        int l = line;
        int c = column;
        if (atEnd()) {
            if (!pendingHeredocs.isEmpty()) readHeredocBodies();
            return new Token(Kind.EOF, "", null, l, c, false);
        }
        char first = ch();
        if (first == '\n') {
            advance();
            if (!pendingHeredocs.isEmpty()) readHeredocBodies();
            return new Token(Kind.NEWLINE, "\n", null, l, c, false);
        }
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                for (int i = 0; i < op.length(); i++) advance();
                return new Token(Kind.OP, op, null, l, c, false);
            }
        }
        int start = pos;
        Word word = word();
        String raw = text.substring(start, pos);
        boolean ioNumber = raw.matches("[0-9]+") && !atEnd() && (ch() == '<' || ch() == '>');
        String shown = word.literal() != null ? word.literal() : raw;
        return new Token(Kind.WORD, shown, word, l, c, ioNumber);
    }

    private Word word() throws SyntaxError {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean startOfWord = true;
        while (!atEnd()) {
            char c = ch();
            if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')') break;
            if (c == '~' && startOfWord) {
                advance();
                StringBuilder user = new StringBuilder();
                while (!atEnd() && (Character.isLetterOrDigit(ch()) || ch() == '_' || ch() == '-')) {
                    user.append(ch());
                    advance();
                }
                if (atEnd() || ch() == '/' || isMeta(ch())) {
                    parts.add(new Ast.Tilde(user.toString()));
                } else {
                    literal.append('~').append(user);
                }
                startOfWord = false;
                continue;
            }
            startOfWord = false;
            if (c == '\\') {
                advance();
                if (atEnd()) throw new SyntaxError("syntax error: unexpected end of file", line, column, true);
                if (ch() == '\n') {
                    advance();
                    if (atEnd()) throw new SyntaxError("syntax error: unexpected end of file", line, column, true);
                    continue;
                }
                flush(parts, literal, false);
                parts.add(new Ast.Literal(String.valueOf(ch()), true));
                advance();
            } else if (c == '\'') {
                flush(parts, literal, false);
                int l = line;
                int col = column;
                advance();
                StringBuilder quoted = new StringBuilder();
                while (!atEnd() && ch() != '\'') {
                    quoted.append(ch());
                    advance();
                }
                if (atEnd()) throw new SyntaxError("unexpected EOF while looking for matching `''", l, col, true);
                advance();
                parts.add(new Ast.Literal(quoted.toString(), true));
            } else if (c == '"') {
                flush(parts, literal, false);
                doubleQuoted(parts);
            } else if (c == '$') {
                flush(parts, literal, false);
                dollar(parts, false);
            } else if (c == '`') {
                flush(parts, literal, false);
                backquote(parts, false);
            } else {
                literal.append(c);
                advance();
            }
        }
        flush(parts, literal, false);
        return new Word(parts);
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private static void flush(List<Part> parts, StringBuilder literal, boolean quoted) {
        if (literal.length() > 0) {
            parts.add(new Ast.Literal(literal.toString(), quoted));
            literal.setLength(0);
        }
    }

    private void doubleQuoted(List<Part> parts) throws SyntaxError {
        int l = line;
        int col = column;
        advance();
        StringBuilder literal = new StringBuilder();
        boolean any = false;
        while (!atEnd() && ch() != '"') {
            char c = ch();
            if (c == '\\' && pos + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
                advance();
                if (ch() != '\n') literal.append(ch());
                advance();
            } else if (c == '$') {
                flush(parts, literal, true);
                dollar(parts, true);
                any = true;
            } else if (c == '`') {
                flush(parts, literal, true);
                backquote(parts, true);
                any = true;
            } else {
                literal.append(c);
                advance();
            }
        }
        if (atEnd()) throw new SyntaxError("unexpected EOF while looking for matching `\"'", l, col, true);
        advance();
        if (literal.length() > 0 || !any) parts.add(new Ast.Literal(literal.toString(), true));
    }

    private void dollar(List<Part> parts, boolean quoted) throws SyntaxError {
        advance();
        if (atEnd()) {
            parts.add(new Ast.Literal("$", quoted));
            return;
        }
        char c = ch();
        if (c == '(') {
            if (pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
                arithmetic(parts, quoted);
                return;
            }
            int l = line;
            int col = column;
            advance();
            Script body = nested(l, col);
            parts.add(new Ast.CommandSubstitution(body, quoted));
        } else if (c == '{') {
            int l = line;
            int col = column;
            advance();
            StringBuilder name = new StringBuilder();
            while (!atEnd() && ch() != '}') {
                name.append(ch());
                advance();
            }
            if (atEnd()) throw new SyntaxError("unexpected EOF while looking for matching `}'", l, col, true);
            advance();
            if (!name.toString().matches("[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*-]")) {
                throw new SyntaxError("${" + name + "}: bad substitution", l, col, false);
            }
            parts.add(new Ast.Parameter(name.toString(), quoted));
        } else if (Character.isLetter(c) || c == '_') {
            StringBuilder name = new StringBuilder();
            while (!atEnd() && (Character.isLetterOrDigit(ch()) || ch() == '_')) {
                name.append(ch());
                advance();
            }
            parts.add(new Ast.Parameter(name.toString(), quoted));
        } else if ("?$!#@*-0123456789".indexOf(c) >= 0) {
            advance();
            parts.add(new Ast.Parameter(String.valueOf(c), quoted));
        } else {
            parts.add(new Ast.Literal("$", quoted));
        }
    }

    /** {@code $(( expr ))}: kept as a command substitution of the {@code expr} builtin's work. */
    private void arithmetic(List<Part> parts, boolean quoted) throws SyntaxError {
        int l = line;
        int col = column;
        advance();
        advance();
        StringBuilder expr = new StringBuilder();
        int depth = 0;
        while (!atEnd()) {
            if (ch() == ')' && depth == 0 && pos + 1 < text.length() && text.charAt(pos + 1) == ')') break;
            if (ch() == '(') depth++;
            if (ch() == ')') depth--;
            expr.append(ch());
            advance();
        }
        if (atEnd()) throw new SyntaxError("unexpected EOF while looking for matching `)'", l, col, true);
        advance();
        advance();
        parts.add(new Ast.Parameter("((" + expr + "))", quoted));
    }

    private Script nested(int l, int col) throws SyntaxError {
        Token saved = lookahead;
        lookahead = null;
        Script body = script(Set.of(")"));
        Token close = peek();
        if (close.kind() == Kind.EOF) throw new SyntaxError("unexpected EOF while looking for matching `)'", l, col, true);
        if (close.kind() != Kind.OP || !close.text().equals(")")) throw unexpected(close);
        lookahead = saved;
        return body;
    }

    private void backquote(List<Part> parts, boolean quoted) throws SyntaxError {
        int l = line;
        int col = column;
        advance();
        StringBuilder inner = new StringBuilder();
        while (!atEnd() && ch() != '`') {
            if (ch() == '\\' && pos + 1 < text.length() && "$`\\".indexOf(text.charAt(pos + 1)) >= 0) advance();
            inner.append(ch());
            advance();
        }
        if (atEnd()) throw new SyntaxError("unexpected EOF while looking for matching ``'", l, col, true);
        advance();
        Parser sub = new Parser(inner.toString(), strict);
        Script body = sub.script(Set.of());
        parts.add(new Ast.CommandSubstitution(sub.resolveHeredocs(body), quoted));
    }

    private void readHeredocBodies() throws SyntaxError {
        List<PendingHeredoc> todo = new ArrayList<>(pendingHeredocs);
        pendingHeredocs.clear();
        for (PendingHeredoc h : todo) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            int startLine = line;
            while (!atEnd()) {
                int eol = text.indexOf('\n', pos);
                String lineText = text.substring(pos, eol < 0 ? text.length() : eol);
                while (pos < (eol < 0 ? text.length() : eol + 1)) advance();
                String compared = h.stripTabs() ? lineText.replaceFirst("^\t+", "") : lineText;
                if (compared.equals(h.delimiter())) {
                    terminated = true;
                    break;
                }
                body.append(compared).append('\n');
            }
            if (!terminated) {
                if (strict) throw new SyntaxError("here-document delimited by end-of-file (wanted `" + h.delimiter() + "')", startLine, 1, true);
                warnings.add("warning: here-document at line " + (startLine - 1) + " delimited by end-of-file (wanted `" + h.delimiter() + "')");
            }
            heredocBodies.get(h.index())[0] = body.toString();
        }
    }

    /** Puts the here-document texts, read after their operators, into the redirections. */
    private Script resolveHeredocs(Script script) {
        if (heredocBodies.isEmpty()) return script;
        return (Script) Heredocs.fill(script, i -> heredocBodies.get(i)[0] == null ? "" : heredocBodies.get(i)[0]);
    }

    /** The parts of a here-document body: expansions unless the delimiter was quoted. */
    public static Word heredocWord(String body, boolean quoted) {
        if (quoted) return new Word(List.of(new Ast.Literal(body, true)));
        Parser p = new Parser(body, false);
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        try {
            while (!p.atEnd()) {
                char c = p.ch();
                if (c == '\\' && p.pos + 1 < body.length() && "$`\\\n".indexOf(body.charAt(p.pos + 1)) >= 0) {
                    p.advance();
                    if (p.ch() != '\n') literal.append(p.ch());
                    p.advance();
                } else if (c == '$') {
                    flush(parts, literal, true);
                    p.dollar(parts, true);
                } else if (c == '`') {
                    flush(parts, literal, true);
                    p.backquote(parts, true);
                } else {
                    literal.append(c);
                    p.advance();
                }
            }
        } catch (SyntaxError e) {
            return new Word(List.of(new Ast.Literal(body, true)));
        }
        flush(parts, literal, true);
        return new Word(parts);
    }
}
