package dev.syssim.sim.shell.syntax;

import dev.syssim.sim.shell.syntax.Ast.AndOr;
import dev.syssim.sim.shell.syntax.Ast.ArrayElement;
import dev.syssim.sim.shell.syntax.Ast.Assignment;
import dev.syssim.sim.shell.syntax.Ast.CaseEnd;
import dev.syssim.sim.shell.syntax.Ast.CaseItem;
import dev.syssim.sim.shell.syntax.Ast.Command;
import dev.syssim.sim.shell.syntax.Ast.CondExpr;
import dev.syssim.sim.shell.syntax.Ast.HereDoc;
import dev.syssim.sim.shell.syntax.Ast.Item;
import dev.syssim.sim.shell.syntax.Ast.Pipeline;
import dev.syssim.sim.shell.syntax.Ast.Redirect;
import dev.syssim.sim.shell.syntax.Ast.RedirectOp;
import dev.syssim.sim.shell.syntax.Ast.Script;
import dev.syssim.sim.shell.syntax.Ast.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * bash's parser: reads a script one top-level command line at a time ({@link #nextLine}), as bash
 * reads a script or a {@code -c} string — so an error on line 5 comes after lines 1 to 4 ran, and
 * {@code shopt -s extglob} or an alias defined on one line applies to the next. Recursive descent
 * over bash's grammar; nesting is limited the way bash's own parser stack limits it (about 5,000
 * subshells or 2,500 {@code if}s deep), so the recursion is bounded.
 */
public final class Parser {

    /**
     * What parsing depends on: {@code extglob} (its patterns are syntax), {@code dash} (sh: no
     * bash extensions), {@code utf8} (for <code>$'&#92;u...'</code>), and the aliases to expand in command
     * position (null: none; bash expands them only when {@code expand_aliases} is on).
     */
    public record Settings(boolean extglob, boolean dash, boolean utf8, Function<String, String> aliases) {
        public static final Settings BASH = new Settings(false, false, true, null);
        public static final Settings LENIENT = new Settings(true, false, true, null);
        public static final Settings DASH = new Settings(false, true, true, null);
    }

    private enum Kind { WORD, OP, NEWLINE, EOF, IO_NUMBER, IO_VARIABLE }

    private record Token(Kind kind, String text, Word word, int line, int start, int end) {
        boolean op(String s) {
            return kind == Kind.OP && text.equals(s);
        }

        /** A reserved word: the unquoted word {@code s}. */
        boolean reserved(String s) {
            return kind == Kind.WORD && text.equals(s) && word.literal() != null;
        }
    }

    private static final Set<String> RESERVED = Set.of("!", "case", "coproc", "do", "done", "elif", "else", "esac", "fi",
            "for", "function", "if", "in", "select", "then", "until", "while", "{", "}", "time", "[[", "]]");
    private static final List<String> BASH_OPS = List.of(";;&", "&>>", "<<<", "<<-", "&&", "||", ";;", ";&", "|&", "&>", "<<",
            ">>", ">&", "<&", "<>", ">|", "&", "|", ";", "(", ")", "<", ">");
    private static final List<String> DASH_OPS = List.of("<<-", "&&", "||", ";;", "<<", ">>", ">&", "<&", "<>", ">|",
            "&", "|", ";", "(", ")", "<", ">");
    private static final Set<String> DECLARATION_BUILTINS = Set.of("declare", "typeset", "local", "export", "readonly");
    /** bash's parser stack (bison's YYMAXDEPTH): deeper nesting is a syntax error there too. */
    private static final int MAX_STACK = 10_000;

    Source src;
    Settings settings;
    private final Words words;
    private Token peeked;
    private final Deque<Token> pushback = new ArrayDeque<>();
    private final List<HereDoc> pendingHeredocs = new ArrayList<>();
    private final List<int[]> pendingHeredocLines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** bison's stack depth: its start state, then what the open constructs hold (see {@link #push}). */
    private int stack = 1;
    /** Aliases being expanded now (bash does not expand an alias inside its own text). */
    private final Deque<String> expanding = new ArrayDeque<>();
    private boolean aliasNextWord;
    /** Like bash's shell_getc, the last line gets a newline even when the text has none (not an alias's value). */
    private boolean finalNewline = true;
    /** What each open compound command waits for next ({@code fi}, {@code done}): dash names it in its messages. */
    private final Deque<String> expected = new ArrayDeque<>();

    public Parser(String text, Settings settings) {
        this(text, 1, settings);
    }

    public Parser(String text, int firstLine, Settings settings) {
        this.src = new Source(text, firstLine);
        this.settings = settings;
        this.words = new Words(this);
    }

    /** Settings for the lines still to come (an option or alias changed by the last line). */
    public void updateSettings(Settings settings) {
        this.settings = settings;
    }

    /** Warnings bash prints while parsing (a here-document ended by end of file), taken once. */
    public List<String> takeWarnings() {
        List<String> w = new ArrayList<>(warnings);
        warnings.clear();
        return w;
    }

    /** How far into its text the parser has read (set -v echoes what was read, as it was written). */
    public int consumed() {
        return Math.min(src.pos, src.text.length());
    }

    /** The text between two reading positions. */
    public String textBetween(int from, int to) {
        return src.text.substring(from, to);
    }

    /** Whether nothing but blank lines is left to read (bash's test before running a -c string's last command in place). */
    public boolean atEnd() {
        if (!pushback.isEmpty()) return false;
        if (peeked != null && peeked.kind != Kind.EOF && peeked.kind != Kind.NEWLINE) return false;
        return src.text.substring(Math.min(src.pos, src.text.length())).isBlank();
    }

    /** The line the parser has reached. */
    public int line() {
        return src.line;
    }

    // ---- entry points ----

    /**
     * The next command line (the and-or lists up to a newline), or null at the end of the text.
     * Blank lines and comments are skipped.
     */
    public Script nextLine() throws SyntaxError {
        Snapshot saved = new Snapshot();
        try {
            return nextLineHere();
        } catch (StackOverflowError overflow) {
            // deeper than this thread's stack: the same line again, from where it started, on a big stack
            saved.restore();
            return DeepStack.onBigStack(this::nextLineHere);
        }
    }

    /** The parser's state between lines, to read a line again. */
    private final class Snapshot {
        private final int pos = src.pos;
        private final int line = src.line;
        private final Token peekedToken = peeked;
        private final List<Token> pushed = new ArrayList<>(pushback);
        private final List<HereDoc> heredocs = new ArrayList<>(pendingHeredocs);
        private final List<int[]> heredocLines = new ArrayList<>(pendingHeredocLines);
        private final int warningCount = warnings.size();
        private final int depth = stack;
        private final List<String> aliases = new ArrayList<>(expanding);
        private final boolean aliasNext = aliasNextWord;
        private final boolean newline = finalNewline;
        private final List<String> wanted = new ArrayList<>(expected);
        private final boolean cond = words.condWords;

        void restore() {
            src.pos = pos;
            src.line = line;
            peeked = peekedToken;
            pushback.clear();
            pushback.addAll(pushed);
            pendingHeredocs.clear();
            pendingHeredocs.addAll(heredocs);
            pendingHeredocLines.clear();
            pendingHeredocLines.addAll(heredocLines);
            while (warnings.size() > warningCount) warnings.remove(warnings.size() - 1);
            stack = depth;
            expanding.clear();
            expanding.addAll(aliases);
            aliasNextWord = aliasNext;
            finalNewline = newline;
            expected.clear();
            expected.addAll(wanted);
            words.condWords = cond;
        }
    }

    private Script nextLineHere() throws SyntaxError {
        while (true) {
            Token t = peek();
            if (t.kind == Kind.EOF) return null;
            if (t.kind == Kind.NEWLINE) {
                next();
                continue;
            }
            break;
        }
        List<Item> items = new ArrayList<>();
        while (true) {
            Token first = peek();
            int line = first.line;
            int start = first.start;
            AndOr andOr = andOr();
            Token sep = peek();
            String text = src.text.substring(Math.min(start, sep.start), Math.max(start, sep.start)).strip();
            boolean background = false;
            if (sep.op(";") || sep.op("&")) {
                next();
                background = sep.text.equals("&");
                items.add(new Item(andOr, background, line, text));
                Token after = peek();
                if (after.kind == Kind.NEWLINE || after.kind == Kind.EOF) {
                    if (after.kind == Kind.NEWLINE) next();
                    break;
                }
                continue;
            }
            items.add(new Item(andOr, false, line, text));
            if (sep.kind == Kind.NEWLINE) {
                next();
                break;
            }
            if (sep.kind == Kind.EOF) break;
            throw unexpected(sep);
        }
        return new Script(items);
    }

    /** Parses all of {@code text} (every line), for a syntax check. */
    public static Script parseAll(String text, Settings settings) throws SyntaxError {
        Parser p = new Parser(text, settings);
        List<Item> all = new ArrayList<>();
        for (Script line = p.nextLine(); line != null; line = p.nextLine()) all.addAll(line.items());
        return new Script(all);
    }

    /** Checks all of a cell's text for syntax errors (extglob allowed, as a cell may turn it on first). */
    public static void check(String text) throws SyntaxError {
        DeepStack.call(() -> parseAll(text, Settings.LENIENT));
    }

    /** Jupyter's is_complete: {@code complete}, {@code incomplete} (more text could finish it) or {@code invalid}. */
    public static String isComplete(String text) {
        try {
            boolean openHereDocument = DeepStack.call(() -> {
                Parser p = new Parser(text, Settings.LENIENT);
                while (p.nextLine() != null) {
                    // every line
                }
                return !p.takeWarnings().isEmpty(); // a here-document still waits for its delimiter
            });
            if (openHereDocument) return "incomplete";
            if (text.endsWith("\\") && !text.endsWith("\\\\")) return "incomplete";
            return "complete";
        } catch (SyntaxError e) {
            return e.incomplete() ? "incomplete" : "invalid";
        }
    }

    /**
     * Whether {@code text}, the lines read so far of a script bash reads from its standard input,
     * holds a whole command line (bash would run it now) — false while a quote, a compound command,
     * a here-document or a backslash-newline waits for more. A syntax error that more text cannot
     * mend counts as whole: it is reported at once, as bash does.
     */
    public static boolean holdsWholeLine(String text, Settings settings) {
        if (text.endsWith("\\\n") && !text.endsWith("\\\\\n")) return false;
        try {
            return DeepStack.call(() -> {
                Parser p = new Parser(text, settings);
                p.nextLine();
                return p.takeWarnings().isEmpty(); // a here-document still waits for its delimiter
            });
        } catch (SyntaxError e) {
            return !e.incomplete();
        }
    }

    /** A here-document body or other text to expand as double-quoted text (quotes removed unless {@code heredoc}). */
    public static Word expandable(String text, int line, boolean heredoc, Settings settings) throws SyntaxError {
        Parser p = new Parser(text, line, settings);
        return p.words.expandableText(heredoc);
    }

    // ---- errors ----

    SyntaxError error(String message, int at, boolean incomplete, boolean echoLine, int status) {
        return new SyntaxError(message, src.line, src.columnOf(at), incomplete, src.lineTextAt(at), echoLine, status);
    }

    private SyntaxError unexpected(Token t) {
        if (settings.dash()) return dashUnexpected(t);
        if (t.kind == Kind.EOF) return eof();
        String shown = t.kind == Kind.NEWLINE ? "newline" : t.text;
        return new SyntaxError("syntax error near unexpected token `" + shown + "'", t.line, src.columnOf(t.start), false,
                src.lineTextAt(t.start), true, 2);
    }

    private static final Set<String> DASH_RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while",
            "until", "for", "{", "}", "!", "in");

    /** dash's parser names the kind of token it did not want: a word, a redirection, or the reserved word or operator itself. */
    private SyntaxError dashUnexpected(Token t) {
        String what;
        int line = t.line;
        if (t.kind == Kind.EOF) {
            what = "end of file";
            line = src.line;
        } else if (t.kind == Kind.NEWLINE) {
            what = "newline";
            line = t.line + 1; // dash has counted the newline by then
        } else if (t.kind == Kind.IO_NUMBER || t.kind == Kind.OP && isRedirectOp(t.text)) {
            what = "redirection";
        } else if (t.kind == Kind.WORD && !(t.word.literal() != null && DASH_RESERVED.contains(t.text))) {
            what = "word";
        } else {
            what = "\"" + t.text + "\"";
        }
        SyntaxError e = dashError(what + " unexpected", line, t.kind == Kind.EOF);
        boolean endsList = t.kind == Kind.EOF || t.op(")") || t.op(";;")
                || t.kind == Kind.WORD && t.word.literal() != null && DASH_LIST_ENDS.contains(t.text);
        // dash: a list that has a command ends at such a token and its caller names what it wanted; an empty
        // list only at the end of the file (a reserved word there fails inside the command instead)
        if (endsList && !expected.isEmpty() && !expected.peek().isEmpty()) {
            String top = expected.peek();
            if (!top.startsWith("?")) e.expecting(top);
            else if (t.kind == Kind.EOF) e.expecting(top.substring(1));
        }
        return e;
    }

    SyntaxError dashError(String message, int line, boolean incomplete) {
        return new SyntaxError("Syntax error: " + message, line, 0, incomplete, "", false, 2);
    }

    /** Reserved words that end a list in dash's grammar: its caller then says which one it wanted. */
    private static final Set<String> DASH_LIST_ENDS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    private SyntaxError eof() {
        if (settings.dash()) return dashUnexpected(new Token(Kind.EOF, "", null, src.line, src.pos, src.pos));
        return new SyntaxError("syntax error: unexpected end of file", eofLine(), src.columnOf(src.pos), true, "", false, 2);
    }

    /** What {@code {var}>} may name: a variable, or an array element ({@code {fds[1]}>&-}). */
    private static boolean isFdVariable(String text) {
        int bracket = text.indexOf('[');
        if (bracket < 0) return Lexical.isName(text);
        return bracket > 0 && text.endsWith("]") && text.length() > bracket + 2 && Lexical.isName(text.substring(0, bracket));
    }

    /** The line bash names for an error at the end of the text: one past the last line. */
    int eofLine() {
        return src.line + (src.text.endsWith("\n") ? 0 : 1);
    }

    // ---- tokens ----

    private Token peek() throws SyntaxError {
        if (peeked == null) peeked = scan();
        return peeked;
    }

    private Token next() throws SyntaxError {
        Token t = peek();
        peeked = null;
        return t;
    }

    /** Forgets a peeked token so the text after it can be read another way; only when nothing was consumed past it. */
    private void unpeek() {
        if (peeked != null && pushback.isEmpty() && peeked.kind != Kind.NEWLINE) {
            src.pos = peeked.start;
            src.line = peeked.line;
        }
        peeked = null;
    }

    private Token scan() throws SyntaxError {
        if (!pushback.isEmpty()) return pushback.pop();
        skipBlanks();
        int start = src.pos;
        int line = src.line;
        if (src.atEnd()) {
            if (finalNewline && !settings.dash() && !src.text.isEmpty() && !src.text.endsWith("\n")) {
                finalNewline = false;
                readHeredocBodies();
                return new Token(Kind.NEWLINE, "\n", null, line, start, start);
            }
            return new Token(Kind.EOF, "", null, line, start, start);
        }
        char c = (char) src.peek();
        if (c == '\n') {
            src.next();
            readHeredocBodies();
            return new Token(Kind.NEWLINE, "\n", null, line, start, src.pos);
        }
        if (Lexical.isDigit(c)) {
            int i = src.pos;
            while (i < src.text.length() && Lexical.isDigit(src.text.charAt(i))) i++;
            if (i < src.text.length() && (src.text.charAt(i) == '<' || src.text.charAt(i) == '>')
                    && !(i + 1 < src.text.length() && src.text.charAt(i + 1) == '(')) {
                String digits = src.text.substring(src.pos, i);
                src.skip(i - src.pos);
                return new Token(Kind.IO_NUMBER, digits, null, line, start, src.pos);
            }
        }
        if (c == '{' && !settings.dash()) {
            int close = src.text.indexOf('}', src.pos);
            if (close > src.pos + 1 && close + 1 < src.text.length() && isFdVariable(src.text.substring(src.pos + 1, close))
                    && (src.text.charAt(close + 1) == '<' || src.text.charAt(close + 1) == '>')) {
                String name = src.text.substring(src.pos + 1, close);
                src.skip(close + 1 - src.pos);
                return new Token(Kind.IO_VARIABLE, name, null, line, start, src.pos);
            }
        }
        if ((c == '<' || c == '>') && src.peek(1) == '(' && !settings.dash()) return word(line, start);
        if ("&;|()<>".indexOf(c) < 0) return word(line, start); // no operator starts otherwise: most tokens are words
        for (String op : settings.dash() ? DASH_OPS : BASH_OPS) {
            if (src.startsWith(op)) {
                src.skip(op.length());
                return new Token(Kind.OP, op, null, line, start, src.pos);
            }
        }
        return word(line, start);
    }

    private Token word(int line, int start) throws SyntaxError {
        Word w = words.read(Words.Mode.NORMAL);
        if (w == null) {
            // a character no rule takes (cannot happen with the rules above): make progress
            src.next();
            return new Token(Kind.WORD, src.text.substring(start, src.pos), new Word(List.of(new Ast.Lit(src.text.substring(start, src.pos))),
                    src.text.substring(start, src.pos)), line, start, src.pos);
        }
        return new Token(Kind.WORD, w.text(), w, line, start, src.pos);
    }

    private void skipBlanks() {
        while (!src.atEnd()) {
            char c = (char) src.peek();
            if (Lexical.isBlank(c)) {
                src.next();
            } else if (src.atContinuation()) {
                src.skip(2);
            } else if (c == '#') {
                while (!src.atEnd() && src.peek() != '\n') src.next();
            } else {
                break;
            }
        }
    }

    // ---- here-documents ----

    private void readHeredocBodies() throws SyntaxError {
        if (pendingHeredocs.isEmpty()) return;
        List<HereDoc> docs = new ArrayList<>(pendingHeredocs);
        List<int[]> lines = new ArrayList<>(pendingHeredocLines);
        pendingHeredocs.clear();
        pendingHeredocLines.clear();
        for (int i = 0; i < docs.size(); i++) readHeredoc(docs.get(i), lines.get(i)[0]);
    }

    private void readHeredoc(HereDoc doc, int startLine) throws SyntaxError {
        StringBuilder body = new StringBuilder();
        int bodyLine = src.line;
        while (true) {
            String l = src.readLine();
            if (l == null) {
                warnings.add("line " + (src.line - (src.text.endsWith("\n") ? 1 : 0)) + ": warning: here-document at line " + startLine
                        + " delimited by end-of-file (wanted `" + doc.delimiter() + "')");
                break;
            }
            String compared = doc.stripTabs() ? stripTabs(l) : l;
            if (compared.equals(doc.delimiter())) break;
            body.append(doc.stripTabs() ? stripTabs(l) : l).append('\n');
        }
        String text = body.toString();
        Word w;
        if (doc.quoted()) {
            w = new Word(text.isEmpty() ? List.of() : List.of(new Ast.Quoted(text)), text);
        } else {
            Source saved = src;
            src = new Source(text, bodyLine);
            try {
                w = words.expandableText(true);
            } finally {
                src = saved;
            }
        }
        doc.fill(text, w);
    }

    private static String stripTabs(String l) {
        int i = 0;
        while (i < l.length() && l.charAt(i) == '\t') i++;
        return l.substring(i);
    }

    // ---- grammar ----

    /**
     * An open construct's share of bison's stack: 2 for {@code (} and <code>{</code>, 4 for the
     * compound commands. With {@link #room} for a simple command's first word (2) and a separator
     * after a command in a list (4), this reproduces where bash 5.2 stops: 4,998 nested subshells
     * parse and 4,999 fail at the command, 4,997 braces parse and 4,998 fail at the {@code ;},
     * 2,498 nested ifs parse.
     */
    private void push(int cost, Token at) throws SyntaxError {
        stack += cost;
        if (stack > MAX_STACK) throw unexpected(at);
    }

    /** Whether bison has {@code cost} more entries for the token it reads now (they are popped again at once). */
    private void room(int cost, Token at) throws SyntaxError {
        if (stack + cost > MAX_STACK) throw unexpected(at);
    }

    private void pop(int cost) {
        stack -= cost;
    }

    private AndOr andOr() throws SyntaxError {
        List<Pipeline> pipelines = new ArrayList<>();
        List<Boolean> and = new ArrayList<>();
        pipelines.add(pipeline());
        while (peek().op("&&") || peek().op("||")) {
            and.add(next().text.equals("&&"));
            skipNewlines();
            pipelines.add(pipeline());
        }
        return new AndOr(pipelines, and);
    }

    private Pipeline pipeline() throws SyntaxError {
        Token first = peek();
        boolean negated = false;
        Ast.Timed timed = Ast.Timed.NO;
        while (true) {
            Token t = commandWord();
            if (t.reserved("!")) {
                next();
                negated = !negated;
            } else if (t.reserved("time") && !settings.dash() && timed == Ast.Timed.NO) {
                next();
                timed = Ast.Timed.BASH;
                Token opt = commandWord();
                if (opt.kind == Kind.WORD && opt.text.equals("-p")) {
                    next();
                    timed = Ast.Timed.POSIX;
                }
            } else {
                break;
            }
        }
        List<Command> commands = new ArrayList<>();
        List<Boolean> stderrToo = new ArrayList<>();
        Token t = peek();
        if (timed != Ast.Timed.NO && (t.kind == Kind.NEWLINE || t.kind == Kind.EOF || t.op(";") || t.op("&")
                || t.op("&&") || t.op("||"))) {
            return new Pipeline(commands, stderrToo, negated, timed, first.line);
        }
        commands.add(command());
        while (peek().op("|") || peek().op("|&")) {
            stderrToo.add(next().text.equals("|&"));
            skipNewlines();
            commands.add(command());
        }
        return new Pipeline(commands, stderrToo, negated, timed, first.line);
    }

    private void skipNewlines() throws SyntaxError {
        while (peek().kind == Kind.NEWLINE) next();
    }

    /** The next token in command position: where reserved words count and aliases are expanded. */
    private Token commandWord() throws SyntaxError {
        Token t = peek();
        while (t.kind == Kind.WORD && settings.aliases() != null && t.word.literal() != null && !RESERVED.contains(t.text)) {
            String value = settings.aliases().apply(t.text);
            if (value == null || expanding.contains(t.text)) break;
            next();
            expandAlias(t, value);
            t = peek();
        }
        return t;
    }

    private void expandAlias(Token at, String value) throws SyntaxError {
        expanding.push(at.text);
        Parser sub = new Parser(value, at.line, new Settings(settings.extglob(), settings.dash(), settings.utf8(), null));
        sub.finalNewline = false;
        List<Token> tokens = new ArrayList<>();
        for (Token t = sub.scan(); t.kind != Kind.EOF; t = sub.scan()) {
            tokens.add(new Token(t.kind, t.text, t.word, at.line, at.start, at.end));
        }
        aliasNextWord = value.endsWith(" ") || value.endsWith("\t");
        for (int i = tokens.size() - 1; i >= 0; i--) pushback.push(tokens.get(i));
        expanding.pop();
    }

    private Command command() throws SyntaxError {
        Token t = commandWord();
        if (t.kind == Kind.EOF) throw eof();
        if (t.kind == Kind.WORD && t.word.literal() != null) {
            switch (t.text) {
                case "{" -> {
                    return group();
                }
                case "if" -> {
                    return ifCommand();
                }
                case "while", "until" -> {
                    return loop();
                }
                case "for" -> {
                    return forCommand();
                }
                case "case" -> {
                    return caseCommand();
                }
                case "select" -> {
                    if (!settings.dash()) return select();
                }
                case "function" -> {
                    if (!settings.dash()) return functionKeyword();
                }
                case "[[" -> {
                    if (!settings.dash()) return cond();
                }
                case "coproc" -> {
                    if (!settings.dash()) return coproc();
                }
                case "then", "else", "elif", "fi", "do", "done", "esac", "}", "in", "]]" -> {
                    if (!(t.text.equals("]]") && settings.dash()) && !(t.text.equals("in"))) throw unexpected(t);
                }
                default -> {
                }
            }
        }
        if (t.op("(")) {
            if (src.peek() == '(' && !settings.dash() && peekedIsTight(t)) {
                Command arith = arithCommand(t);
                if (arith != null) return arith;
            }
            return subshell();
        }
        if (t.kind == Kind.OP && !isRedirectOp(t.text)) throw unexpected(t);
        return simple();
    }

    /** Whether the {@code (} just peeked is directly followed by another (no blank): {@code ((}. */
    private boolean peekedIsTight(Token t) {
        return t.end == src.pos;
    }

    private List<Redirect> redirects() throws SyntaxError {
        List<Redirect> list = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind == Kind.IO_NUMBER || t.kind == Kind.IO_VARIABLE || (t.kind == Kind.OP && isRedirectOp(t.text))) {
                list.add(redirect());
            } else {
                return list;
            }
        }
    }

    private boolean isRedirectOp(String op) {
        for (RedirectOp r : RedirectOp.values()) if (r.text.equals(op)) return true;
        return false;
    }

    private Redirect redirect() throws SyntaxError {
        Token t = next();
        int fd = -1;
        String variable = null;
        if (t.kind == Kind.IO_NUMBER) {
            fd = parseFd(t.text);
            t = next();
        } else if (t.kind == Kind.IO_VARIABLE) {
            variable = t.text;
            t = next();
        }
        RedirectOp op = null;
        for (RedirectOp r : RedirectOp.values()) if (t.kind == Kind.OP && r.text.equals(t.text)) op = r;
        if (op == null) throw unexpected(t);
        Token target = peek();
        if (target.kind != Kind.WORD) throw unexpected(target);
        next();
        HereDoc doc = null;
        if (op == RedirectOp.HEREDOC || op == RedirectOp.HEREDOC_STRIP) {
            String delimiter = heredocDelimiter(target.word);
            boolean quoted = target.word.literal() == null;
            doc = new HereDoc(delimiter, quoted, op == RedirectOp.HEREDOC_STRIP);
            pendingHeredocs.add(doc);
            pendingHeredocLines.add(new int[] {target.line});
        }
        return new Redirect(fd, variable, op, target.word, doc);
    }

    private static int parseFd(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The delimiter of a here-document: the word with quotes removed (its expansions are not expanded). */
    private static String heredocDelimiter(Word w) {
        StringBuilder out = new StringBuilder();
        for (Ast.Part p : w.parts()) out.append(rawText(p));
        return out.toString();
    }

    private static String rawText(Ast.Part p) {
        if (p instanceof Ast.Lit l) return l.text();
        if (p instanceof Ast.Quoted q) return q.text();
        if (p instanceof Ast.DoubleQuoted dq) {
            StringBuilder out = new StringBuilder();
            for (Ast.Part inner : dq.parts()) out.append(rawText(inner));
            return out.toString();
        }
        if (p instanceof Ast.Param param) return "$" + param.name();
        if (p instanceof Ast.ParamOp op) return op.text();
        if (p instanceof Ast.BadSubst b) return b.text();
        if (p instanceof Ast.CommandSub cs) return cs.backquoted() ? "`" + cs.source() + "`" : "$(...)";
        if (p instanceof Ast.Tilde t) return "~" + t.prefix();
        return "";
    }

    // ---- simple commands ----

    private Command simple() throws SyntaxError {
        Token first = peek();
        room(2, first);
        List<Assignment> assignments = new ArrayList<>();
        List<Word> args = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        boolean declaration = false;
        while (true) {
            Token t = args.isEmpty() ? commandWord() : commandWordAfterAlias();
            if (t.kind == Kind.IO_NUMBER || t.kind == Kind.IO_VARIABLE || (t.kind == Kind.OP && isRedirectOp(t.text))) {
                redirects.add(redirect());
                continue;
            }
            if (t.kind != Kind.WORD) break;
            if (args.isEmpty() && t.word.assignment()) {
                next();
                assignments.add(assignment(t));
                continue;
            }
            next();
            if (args.isEmpty()) {
                // the command name, or the name of a function being defined: NAME ( )
                if (assignments.isEmpty() && redirects.isEmpty() && peek().op("(")) return functionDefinition(t);
                declaration = t.word.literal() != null && DECLARATION_BUILTINS.contains(t.text);
                args.add(t.word);
                continue;
            }
            if (declaration && t.word.assignment() && arrayFollows(t)) {
                Assignment a = assignment(t);
                args.add(new Word(List.of(new Ast.Lit(t.text), new Ast.ArrayLit(a.elements())), t.text + "(...)"));
                continue;
            }
            args.add(t.word);
        }
        Token end = peek();
        if (args.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) throw unexpected(end);
        if (end.op("(")) throw unexpected(end);
        return new Ast.Simple(assignments, args, redirects, first.line);
    }

    private Token commandWordAfterAlias() throws SyntaxError {
        if (aliasNextWord) {
            aliasNextWord = false;
            return commandWord();
        }
        return peek();
    }

    /** Whether a compound array value, {@code (}, directly follows an assignment word. */
    private boolean arrayFollows(Token t) {
        return t.end == src.pos && src.peek() == '(' && t.text.endsWith("=") && peeked == null;
    }

    /** An assignment word: NAME[sub][+]=value, or NAME=( elements ) when a parenthesis follows at once. */
    private Assignment assignment(Token t) throws SyntaxError {
        String text = t.text;
        String name = Lexical.assignmentName(text);
        int i = name.length();
        Word subscript = null;
        if (i < text.length() && text.charAt(i) == '[') {
            int close = Lexical.matchingBracket(text, i);
            subscript = arithmeticWord(text.substring(i + 1, close), t.line);
            i = close + 1;
        }
        boolean append = text.charAt(i) == '+';
        if (append) i++;
        i++;
        if (i == text.length() && arrayFollows(t) && !settings.dash()) {
            // a[1]=(x y) parses; assigning it fails when it runs (AssignmentFrame)
            List<ArrayElement> elements = arrayElements();
            return new Assignment(name, subscript, append, null, elements, text + "(...)");
        }
        Word value = valueWord(text.substring(i), t.line);
        return new Assignment(name, subscript, append, value, null, text);
    }

    /**
     * The value part of an assignment word, read again from its text as a word of its own (no brace
     * expansion: bash does not expand braces in an assignment).
     */
    private Word valueWord(String text, int line) throws SyntaxError {
        if (text.isEmpty()) return new Word(List.of(), "");
        Source saved = src;
        Token savedPeek = peeked;
        peeked = null;
        src = new Source(text, line);
        try {
            Word w = words.read(Words.Mode.VALUE);
            return w == null ? new Word(List.of(), "") : w;
        } finally {
            src = saved;
            peeked = savedPeek;
        }
    }

    /** Brace expansion does not apply to an assignment's value: put the braces back as text. */
    private static List<Ast.Part> unbrace(List<Ast.Part> parts) {
        boolean any = false;
        for (Ast.Part p : parts) if (p instanceof Ast.Brace || p instanceof Ast.BraceSeq) any = true;
        if (!any) return parts;
        List<Ast.Part> out = new ArrayList<>();
        for (Ast.Part p : parts) {
            if (p instanceof Ast.Brace b) {
                out.add(new Ast.Lit("{"));
                for (int i = 0; i < b.alternatives().size(); i++) {
                    if (i > 0) out.add(new Ast.Lit(","));
                    out.addAll(unbrace(b.alternatives().get(i)));
                }
                out.add(new Ast.Lit("}"));
            } else if (p instanceof Ast.BraceSeq s) {
                out.add(new Ast.Lit(braceSeqText(s)));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static String braceSeqText(Ast.BraceSeq s) {
        String a = s.letters() ? String.valueOf((char) s.start()) : s.value(0);
        String b = s.letters() ? String.valueOf((char) s.end()) : s.value(s.count() - 1);
        return "{" + a + ".." + b + (s.step() != 1 ? ".." + s.step() : "") + "}";
    }

    /** How many characters of the word's text a part stands for, where that is knowable from its kind (only Lit matters here). */
    private static int partLength(Ast.Part p) {
        if (p instanceof Ast.Lit l) return l.text().length();
        return Integer.MAX_VALUE / 4;
    }

    /** The elements of {@code ( ... )}: words, {@code [sub]=value} or {@code [sub]+=value}; newlines and comments allowed. */
    private List<ArrayElement> arrayElements() throws SyntaxError {
        // an unclosed list is reported at the line where it opened (bash reads it as one word)
        int startLine = src.line;
        src.next(); // (
        List<ArrayElement> elements = new ArrayList<>();
        while (true) {
            if (peeked == null) {
                skipBlanks();
                Ast.ArrayElement keyed = bracketElement();
                if (keyed != null) {
                    elements.add(keyed);
                    continue;
                }
            }
            Token t = next();
            if (t.kind == Kind.NEWLINE) continue;
            if (t.op(")")) break;
            if (t.kind == Kind.EOF) {
                throw new SyntaxError("unexpected EOF while looking for matching `)'", startLine, src.columnOf(src.pos), true, "", false, 1);
            }
            if (t.kind != Kind.WORD) throw unexpected(t);
            String text = t.text;
            if (text.startsWith("[")) {
                int close = Lexical.matchingBracket(text, 0);
                if (close > 0 && close + 1 < text.length() && (text.charAt(close + 1) == '='
                        || (text.charAt(close + 1) == '+' && close + 2 < text.length() && text.charAt(close + 2) == '='))) {
                    boolean append = text.charAt(close + 1) == '+';
                    Word sub = arithmeticWord(text.substring(1, close), t.line);
                    Word value = valueWord(text.substring(close + (append ? 3 : 2)), t.line);
                    elements.add(new ArrayElement(sub, append, value));
                    continue;
                }
            }
            elements.add(new ArrayElement(null, false, t.word));
        }
        return elements;
    }

    /**
     * {@code [sub]=value} inside {@code ( )}, read here because the subscript may hold blanks and quotes
     * ({@code ([b c]=2)}); null (nothing consumed) when no such element starts here.
     */
    private Ast.ArrayElement bracketElement() throws SyntaxError {
        if (src.peek() != '[') return null;
        int close = -1;
        int depth = 0;
        for (int i = src.pos; i < src.text.length(); i++) {
            char c = src.text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                int q = src.text.indexOf(c, i + 1);
                if (q < 0) return null;
                i = q;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (--depth == 0) {
                    close = i;
                    break;
                }
            } else if (c == '\n') {
                return null;
            }
        }
        if (close < 0) return null;
        int after = close + 1;
        boolean append = src.text.startsWith("+=", after);
        if (!append && !src.text.startsWith("=", after)) return null;
        String subscriptText = src.text.substring(src.pos + 1, close);
        int line = src.line;
        src.skip(after + (append ? 2 : 1) - src.pos);
        Word sub = arithmeticWord(subscriptText, line);
        Word value = src.atEnd() || Lexical.isMeta((char) src.peek()) ? new Word(List.of(), "") : words.read(Words.Mode.VALUE);
        return new Ast.ArrayElement(sub, append, value == null ? new Word(List.of(), "") : value);
    }

    private Command functionDefinition(Token name) throws SyntaxError {
        if (settings.dash() && !Lexical.isName(name.text)) throw dashError("Bad function name", name.line, false);
        next(); // (
        Token close = next();
        if (!close.op(")")) throw unexpected(close);
        return functionBody(name.text, name);
    }

    private Command functionKeyword() throws SyntaxError {
        Token keyword = next();
        Token name = next();
        if (name.kind != Kind.WORD) throw unexpected(name);
        if (peek().op("(")) {
            next();
            Token close = next();
            if (!close.op(")")) throw unexpected(close);
        }
        return functionBody(name.text, keyword);
    }

    private Command functionBody(String name, Token start) throws SyntaxError {
        skipNewlines();
        Token t = commandWord();
        boolean compound = t.op("(") || (t.kind == Kind.WORD && t.word.literal() != null
                && Set.of("{", "if", "while", "until", "for", "case", "select", "[[").contains(t.text));
        if (!compound) throw unexpected(t);
        Command body = command();
        List<Redirect> redirects = redirects();
        String text = src.text.substring(start.start, src.pos).strip();
        return new Ast.FunctionDef(name, body, redirects, start.line, text);
    }

    // ---- compound commands ----

    /**
     * A list inside a compound command, up to one of {@code terminators} (reserved words, or the
     * operators {@code )} and {@code ;;}-likes when {@code closeParen}). An empty list is an error at the
     * terminator, as in bash.
     */
    private Script compoundList(Set<String> terminators, boolean closeParen) throws SyntaxError {
        String wanted = closeParen ? ")" : terminators.contains("fi") ? "fi" : terminators.size() == 1 ? terminators.iterator().next() : null;
        expected.push(wanted == null ? "" : "?" + wanted); // '?': nothing parsed yet (see dashUnexpected)
        try {
            return compoundListItems(terminators, closeParen);
        } finally {
            expected.pop();
        }
    }

    private Script compoundListItems(Set<String> terminators, boolean closeParen) throws SyntaxError {
        List<Item> items = new ArrayList<>();
        skipNewlines();
        while (true) {
            Token t = commandWord();
            if (t.kind == Kind.EOF) throw eof();
            if (t.kind == Kind.WORD && t.word.literal() != null && terminators.contains(t.text)) break;
            if (closeParen && t.op(")")) break;
            if (t.op(";;") || t.op(";&") || t.op(";;&")) break;
            int line = t.line;
            int start = t.start;
            AndOr andOr = andOr();
            if (expected.peek().startsWith("?")) expected.push(expected.pop().substring(1));
            Token sep = peek();
            if (sep.op(";") || sep.op("&") || sep.kind == Kind.NEWLINE) room(4, sep);
            String text = src.text.substring(Math.min(start, sep.start), Math.max(start, sep.start)).strip();
            if (sep.op("&") || sep.op(";")) {
                next();
                items.add(new Item(andOr, sep.text.equals("&"), line, text));
            } else if (sep.kind == Kind.NEWLINE) {
                next();
                items.add(new Item(andOr, false, line, text));
            } else {
                items.add(new Item(andOr, false, line, text));
                Token after = commandWord();
                boolean ends = (after.kind == Kind.WORD && after.word.literal() != null && terminators.contains(after.text))
                        || (closeParen && after.op(")")) || after.op(";;") || after.op(";&") || after.op(";;&");
                if (!ends) throw unexpected(after);
            }
            skipNewlines();
        }
        if (items.isEmpty()) {
            Token t = peek();
            if (!(t.op(";;") || t.op(";&") || t.op(";;&"))) throw unexpected(t);
        }
        return new Script(items);
    }

    private void expectReserved(String word) throws SyntaxError {
        Token t = commandWord();
        if (!t.reserved(word)) throw unexpected(t).expecting(word);
        next();
    }

    private Command group() throws SyntaxError {
        Token open = next();
        push(2, open);
        Script body = compoundList(Set.of("}"), false);
        expectReserved("}");
        pop(2);
        return new Ast.Group(body, redirects(), open.line);
    }

    private Command subshell() throws SyntaxError {
        Token open = next();
        push(2, open);
        Script body = compoundList(Set.of(), true);
        Token close = next();
        if (!close.op(")")) throw unexpected(close);
        pop(2);
        return new Ast.Subshell(body, redirects(), open.line);
    }

    /** Reads the body of {@code $(...)}, {@code <(...)} or {@code >(...)} up to its closing parenthesis. */
    Script substitutionBody(String opener) throws SyntaxError {
        Token savedPeek = peeked;
        peeked = null;
        int savedStack = stack;
        stack = 0;
        try {
            skipNewlines();
            if (peek().op(")")) {
                next();
                return Script.EMPTY;
            }
            if (peek().kind == Kind.EOF) {
                throw new SyntaxError("unexpected EOF while looking for matching `)'", eofLine(), src.columnOf(src.pos), true, "", false, 2);
            }
            Script body = compoundList(Set.of(), true);
            Token close = next();
            if (close.kind == Kind.EOF) {
                throw new SyntaxError("unexpected EOF while looking for matching `)'", eofLine(), src.columnOf(src.pos), true, "", false, 2);
            }
            if (!close.op(")")) throw unexpected(close);
            return body;
        } catch (SyntaxError e) {
            if (e.getMessage().equals("syntax error: unexpected end of file")) {
                throw new SyntaxError("unexpected EOF while looking for matching `)'", e.line(), e.column(), true, "", false, 2);
            }
            throw e;
        } finally {
            stack = savedStack;
            peeked = savedPeek;
        }
    }

    /** An arithmetic expression's text as a word to expand (as in double quotes, quotes removed). */
    Word arithmeticWord(String text, int line) throws SyntaxError {
        Source saved = src;
        Token savedPeek = peeked;
        peeked = null;
        src = new Source(text, line);
        try {
            return words.expandableText(false);
        } finally {
            src = saved;
            peeked = savedPeek;
        }
    }

    private Command ifCommand() throws SyntaxError {
        Token start = next();
        push(4, start);
        List<Script> conditions = new ArrayList<>();
        List<Script> bodies = new ArrayList<>();
        Script elseBody = null;
        conditions.add(compoundList(Set.of("then"), false));
        expectReserved("then");
        bodies.add(compoundList(Set.of("elif", "else", "fi"), false));
        while (true) {
            Token t = commandWord();
            if (t.reserved("elif")) {
                next();
                conditions.add(compoundList(Set.of("then"), false));
                expectReserved("then");
                bodies.add(compoundList(Set.of("elif", "else", "fi"), false));
            } else if (t.reserved("else")) {
                next();
                elseBody = compoundList(Set.of("fi"), false);
                expectReserved("fi");
                break;
            } else {
                expectReserved("fi");
                break;
            }
        }
        pop(4);
        return new Ast.If(conditions, bodies, elseBody, redirects(), start.line);
    }

    private Command loop() throws SyntaxError {
        Token start = next();
        push(4, start);
        Script condition = compoundList(Set.of("do"), false);
        expectReserved("do");
        Script body = compoundList(Set.of("done"), false);
        expectReserved("done");
        pop(4);
        return new Ast.Loop(condition, body, start.text.equals("until"), redirects(), start.line);
    }

    private Command forCommand() throws SyntaxError {
        Token start = next();
        if (!settings.dash() && peek().op("(") && src.peek() == '(' && peeked.end == src.pos) {
            return arithFor(start);
        }
        push(4, start);
        Token name = next();
        if (name.kind == Kind.EOF) throw eof();
        // dash checks the name before the token's kind: `for; do' is a bad variable there, not an unexpected ;
        if (settings.dash() && !(name.kind == Kind.WORD && Lexical.isName(name.text))) {
            // dash has read past a newline when it complains: it names the next line
            throw dashError("Bad for loop variable", name.kind == Kind.NEWLINE ? name.line + 1 : name.line, false);
        }
        if (name.kind != Kind.WORD) throw unexpected(name);
        List<Word> list = wordList();
        expectReserved("do");
        Script body = compoundList(Set.of("done"), false);
        expectReserved("done");
        pop(4);
        return new Ast.For(name.text, list, body, redirects(), start.line);
    }

    /** {@code [in words] ;|newline} before {@code do}: null words when there is no {@code in}. */
    private List<Word> wordList() throws SyntaxError {
        List<Word> list = null;
        skipNewlines();
        Token t = peek();
        if (t.reserved("in")) {
            next();
            list = new ArrayList<>();
            while (peek().kind == Kind.WORD) list.add(next().word);
            Token sep = peek();
            if (sep.op(";") || sep.kind == Kind.NEWLINE) {
                next();
            } else {
                throw unexpected(sep);
            }
            skipNewlines();
        } else if (t.op(";")) {
            next();
            skipNewlines();
        }
        return list;
    }

    private Command arithFor(Token start) throws SyntaxError {
        Token open = next(); // the first (
        int from = open.end + 1;
        int end = Words.arithmeticEnd(src.text, from);
        if (end < 0) {
            throw new SyntaxError("syntax error: unexpected end of file", src.line, src.columnOf(src.pos), true, "", false, 2);
        }
        String inside = src.text.substring(from, end);
        int line = src.line;
        src.skip(end + 2 - src.pos);
        String[] exprs = splitArithFor(inside);
        if (exprs == null) {
            throw new SyntaxError("syntax error: arithmetic expression required", line, src.columnOf(from), false, "", false, 2);
        }
        push(4, start);
        Token t = peek();
        if (t.op(";")) next();
        skipNewlines();
        Script body;
        Token open2 = commandWord();
        if (open2.reserved("{")) {
            next();
            body = compoundList(Set.of("}"), false);
            expectReserved("}");
        } else {
            expectReserved("do");
            body = compoundList(Set.of("done"), false);
            expectReserved("done");
        }
        pop(4);
        return new Ast.ArithFor(arithmeticWord(exprs[0], line), arithmeticWord(exprs[1], line), arithmeticWord(exprs[2], line),
                body, redirects(), start.line);
    }

    /** The three expressions of {@code for ((a; b; c))}; null unless there are exactly three. */
    private static String[] splitArithFor(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ';' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        if (parts.size() != 3) return null;
        return parts.toArray(new String[0]);
    }

    private Command caseCommand() throws SyntaxError {
        Token start = next();
        push(4, start);
        Token subject = next();
        if (subject.kind == Kind.EOF) throw eof();
        if (subject.kind != Kind.WORD) throw unexpected(subject);
        skipNewlines();
        Token in = peek();
        if (!in.reserved("in")) throw unexpected(in).expecting("in");
        next();
        List<CaseItem> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.reserved("esac")) {
                next();
                break;
            }
            if (t.kind == Kind.EOF) throw eof();
            if (t.op("(")) next();
            List<Word> patterns = new ArrayList<>();
            while (true) {
                unpeek();
                skipBlanks();
                Word w = words.read(Words.Mode.PATTERN);
                if (w == null) throw unexpected(peek());
                patterns.add(w);
                Token sep = next();
                if (sep.op("|")) continue;
                if (sep.op(")")) break;
                throw unexpected(sep);
            }
            Script body = compoundList(Set.of("esac"), false);
            Token end = peek();
            CaseEnd how = CaseEnd.BREAK;
            if (end.op(";;")) {
                next();
            } else if (end.op(";&")) {
                next();
                how = CaseEnd.FALL_THROUGH;
            } else if (end.op(";;&")) {
                next();
                how = CaseEnd.TEST_NEXT;
            } else if (!end.reserved("esac")) {
                throw unexpected(end);
            }
            items.add(new CaseItem(patterns, body, how));
        }
        pop(4);
        return new Ast.Case(subject.word, items, redirects(), start.line);
    }

    private Command select() throws SyntaxError {
        Token start = next();
        push(4, start);
        Token name = next();
        if (name.kind != Kind.WORD) throw unexpected(name);
        List<Word> list = wordList();
        expectReserved("do");
        Script body = compoundList(Set.of("done"), false);
        expectReserved("done");
        pop(4);
        return new Ast.Select(name.text, list, body, redirects(), start.line);
    }

    private Command coproc() throws SyntaxError {
        Token start = next();
        Token t = peek();
        String name = "COPROC";
        if (t.kind == Kind.WORD && Lexical.isName(t.text) && t.word.literal() != null && !RESERVED.contains(t.text)) {
            // coproc NAME compound-command: a name only when a compound command follows
            int save = src.pos;
            Token saved = peeked;
            next();
            Token after = peek();
            if (after.op("(") || (after.kind == Kind.WORD && Set.of("{", "if", "while", "until", "for", "case", "select").contains(after.text))) {
                name = t.text;
            } else {
                peeked = saved;
                src.pos = save;
            }
        }
        Command body = command();
        return new Ast.Coproc(name, body, redirects(), start.line);
    }

    /** {@code ((expression))}, or null when the parentheses do not close as {@code ))} (then it is nested subshells). */
    private Command arithCommand(Token open) throws SyntaxError {
        int from = open.end + 1;
        int end = Words.arithmeticEnd(src.text, from);
        if (end < 0) return null;
        next();
        String text = src.text.substring(from, end);
        int line = src.line;
        src.skip(end + 2 - src.pos);
        return new Ast.Arith(arithmeticWord(text, line), redirects(), open.line);
    }

    // ---- [[ ]] ----

    private Command cond() throws SyntaxError {
        Token open = next();
        words.condWords = true;
        try {
            return condBody(open);
        } finally {
            words.condWords = false;
        }
    }

    private Command condBody(Token open) throws SyntaxError {
        if (condToken().reserved("]]")) {
            // [[ ]]: bash rejects it without a word
            throw new SyntaxError("", open.line, src.columnOf(open.start), false, "", false, -1);
        }
        CondExpr e = condOr();
        Token close = condToken();
        if (!close.reserved("]]")) {
            if (close.kind == Kind.EOF) {
                // bash's reader gives up on the whole [[ ... at the line it opened
                throw new SyntaxError("unexpected EOF while looking for `]]'", open.line, src.columnOf(src.pos), true, "", false, 2);
            }
            throw condError("syntax error in conditional expression: unexpected token `" + close.text + "'", close);
        }
        next();
        return new Ast.Cond(e, redirects(), open.line);
    }

    /** A syntax error inside [[ ]]: bash prints it without the line, and the status stays what it was. */
    private SyntaxError condError(String message, Token at) {
        return new SyntaxError(message, at.line, src.columnOf(at.start), at.kind == Kind.EOF, src.lineTextAt(at.start), false, -1);
    }

    /** A token inside {@code [[ ]]}: newlines are skipped; {@code <} and {@code >} are operators, not redirections. */
    private Token condToken() throws SyntaxError {
        while (peek().kind == Kind.NEWLINE) next();
        return peek();
    }

    private CondExpr condOr() throws SyntaxError {
        CondExpr left = condAnd();
        while (condToken().op("||")) {
            next();
            left = new Ast.CondOr(left, condAnd());
        }
        return left;
    }

    private CondExpr condAnd() throws SyntaxError {
        CondExpr left = condNot();
        while (condToken().op("&&")) {
            next();
            left = new Ast.CondAnd(left, condNot());
        }
        return left;
    }

    private CondExpr condNot() throws SyntaxError {
        Token t = condToken();
        if (t.reserved("!")) {
            next();
            return new Ast.CondNot(condNot());
        }
        return condPrimary();
    }

    private static final Set<String> COND_UNARY = Set.of("-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s",
            "-t", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S", "-o", "-v", "-R", "-z", "-n");
    private static final Set<String> COND_BINARY = Set.of("=", "==", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
            "-nt", "-ot", "-ef");

    private CondExpr condPrimary() throws SyntaxError {
        Token t = condToken();
        if (t.op("(")) {
            next();
            CondExpr inner = condOr();
            Token close = condToken();
            if (!close.op(")")) {
                if (close.kind == Kind.EOF) throw eof();
                throw condError("unexpected token `" + close.text + "', expected `)'", close);
            }
            next();
            return inner;
        }
        if (t.kind == Kind.EOF) throw eof();
        if (t.kind != Kind.WORD || t.reserved("]]")) {
            throw condError("unexpected token `" + (t.kind == Kind.NEWLINE ? "newline" : t.text) + "' in conditional command", t);
        }
        next();
        if (COND_UNARY.contains(t.text) && t.word.literal() != null) {
            Token operand = condToken();
            if (operand.kind == Kind.WORD && !operand.reserved("]]")) {
                next();
                return new Ast.CondUnary(t.text, operand.word);
            }
            if (!isBinaryNext(operand)) {
                throw condError("unexpected argument `" + operand.text + "' to conditional unary operator", operand);
            }
        }
        Token op = condToken();
        if (op.op("<") || op.op(">") || (op.kind == Kind.WORD && COND_BINARY.contains(op.text) && op.word.literal() != null)) {
            next();
            Word right;
            if (op.text.equals("=~")) {
                unpeek();
                skipBlanks();
                right = words.read(Words.Mode.REGEX);
                if (right == null) {
                    Token bad = peek();
                    throw condError("unexpected argument `" + bad.text + "' to conditional binary operator", bad);
                }
            } else {
                Token r = condToken();
                if (r.kind != Kind.WORD || r.reserved("]]")) {
                    throw condError("unexpected argument `" + (r.kind == Kind.NEWLINE ? "newline" : r.text)
                            + "' to conditional binary operator", r);
                }
                next();
                right = r.word;
            }
            return new Ast.CondBinary(op.text, t.word, right);
        }
        if (op.kind == Kind.WORD && !op.reserved("]]")) throw condError("conditional binary operator expected", op);
        return new Ast.CondWord(t.word);
    }

    private static boolean isBinaryNext(Token t) {
        return t.op("<") || t.op(">") || (t.kind == Kind.WORD && COND_BINARY.contains(t.text));
    }
}
