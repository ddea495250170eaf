package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.prog.tools.editors.awk.Token.Source;
import dev.syssim.sim.prog.tools.editors.awk.Token.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits awk program text into tokens as gawk's yylex does: newlines are tokens, a backslash at the
 * end of a line continues it, {@code #} comments run to the end of the line, a name followed at
 * once by {@code (} is a function call, strings have their escapes done (an unknown one warns and
 * stands for itself), numbers may be octal or hexadecimal. Whether a {@code /} starts a regular
 * expression depends on the grammar, so the parser asks for {@link #regexAt} when it expects an
 * operand. Each source (the command line's text, or each {@code -f} file) ends on its own.
 */
final class Lexer {

    private static final Map<String, Type> KEYWORDS = new HashMap<>();

    /** gawk's built-in functions that this awk has. */
    static final Set<String> BUILTINS = new HashSet<>(List.of("and", "asort", "asorti", "atan2", "close", "compl",
            "cos", "exp", "fflush", "gensub", "gsub", "index", "int", "isarray", "log", "lshift", "match", "mktime", "or",
            "rand", "rshift", "sin", "split", "sprintf", "sqrt", "srand", "strftime", "strtonum", "sub", "substr",
            "system", "systime", "tolower", "toupper", "typeof", "xor", "patsplit", "mkbool",
            "dcgettext", "dcngettext", "bindtextdomain"));

    static {
        KEYWORDS.put("BEGIN", Type.BEGIN);
        KEYWORDS.put("END", Type.END);
        KEYWORDS.put("BEGINFILE", Type.BEGINFILE);
        KEYWORDS.put("ENDFILE", Type.ENDFILE);
        KEYWORDS.put("function", Type.FUNCTION);
        KEYWORDS.put("func", Type.FUNCTION);
        KEYWORDS.put("if", Type.IF);
        KEYWORDS.put("else", Type.ELSE);
        KEYWORDS.put("while", Type.WHILE);
        KEYWORDS.put("for", Type.FOR);
        KEYWORDS.put("do", Type.DO);
        KEYWORDS.put("break", Type.BREAK);
        KEYWORDS.put("continue", Type.CONTINUE);
        KEYWORDS.put("next", Type.NEXT);
        KEYWORDS.put("nextfile", Type.NEXTFILE);
        KEYWORDS.put("exit", Type.EXIT);
        KEYWORDS.put("return", Type.RETURN);
        KEYWORDS.put("delete", Type.DELETE);
        KEYWORDS.put("getline", Type.GETLINE);
        KEYWORDS.put("print", Type.PRINT);
        KEYWORDS.put("printf", Type.PRINTF);
        KEYWORDS.put("in", Type.IN);
        KEYWORDS.put("switch", Type.SWITCH);
        KEYWORDS.put("case", Type.CASE);
        KEYWORDS.put("default", Type.DEFAULT);
        KEYWORDS.put("length", Type.LENGTH);
    }

    private final Diagnostics diag;
    private Source source;
    private String text;
    private int pos;
    private int line;
    /** The last token returned (gawk's lasttok), for {@code $_"x"}-style decisions. */
    private Type last;
    /** Open {@code ?} waiting for their {@code :}: newlines after either are skipped. */
    private int conditionals;

    Lexer(Diagnostics diag) {
        this.diag = diag;
    }

    /** Starts on one source; a command-line text gets a final newline, as gawk adds one. */
    void start(Source s) {
        source = s;
        text = s.commandLine() && !s.text().endsWith("\n") ? s.text() + "\n" : s.text();
        pos = 0;
        line = 1;
        last = null;
        conditionals = 0;
    }

    Source source() {
        return source;
    }

    private Token token(Type t, int start, String value) {
        last = t;
        return new Token(t, value, 0, source, line, start);
    }

    private int peekChar(int at) {
        return at < text.length() ? text.charAt(at) : -1;
    }

    /** The next token (a {@code /} is division here; see {@link #regexAt}). */
    Token next() {
        for (;;) {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) pos++;
            int start = pos;
            if (pos >= text.length()) return token(Type.EOF, start, null);
            char c = text.charAt(pos++);
            switch (c) {
                case '\n':
                    line++;
                    return token(Type.NEWLINE, start, null);
                case '#':
                    while (pos < text.length() && text.charAt(pos) != '\n') pos++;
                    if (pos >= text.length()) return token(Type.EOF, pos, null);
                    pos++;
                    line++;
                    return token(Type.NEWLINE, pos - 1, null);
                case '\\': {
                    int d = peekChar(pos);
                    if (d == '\r') d = peekChar(++pos);
                    if (d == '\n') {
                        pos++;
                        line++;
                        continue;
                    }
                    throw diag.syntax(new Token(Type.EOF, null, 0, source, line, start), "backslash not last character on line");
                }
                case '?':
                    conditionals++;
                    skipNewlines();
                    return token(Type.QUESTION, start, null);
                case ':':
                    if (conditionals > 0) {
                        skipNewlines();
                        conditionals--;
                    }
                    return token(Type.COLON, start, null);
                case '@':
                    return token(Type.AT, start, null);
                case '(':
                    return token(Type.LPAREN, start, null);
                case ')':
                    return token(Type.RPAREN, start, null);
                case '$':
                    return token(Type.DOLLAR, start, null);
                case '{':
                    return token(Type.LBRACE, start, null);
                case '}':
                    return token(Type.RBRACE, start, null);
                case ';':
                    return token(Type.SEMI, start, null);
                case ',':
                    return token(Type.COMMA, start, null);
                case '[':
                    return token(Type.LBRACKET, start, null);
                case ']':
                    return token(Type.RBRACKET, start, null);
                case '*':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.MUL_ASSIGN, start, null);
                    }
                    if (peekChar(pos) == '*') {
                        pos++;
                        if (peekChar(pos) == '=') {
                            pos++;
                            return token(Type.POW_ASSIGN, start, null);
                        }
                        return token(Type.CARET, start, null);
                    }
                    return token(Type.STAR, start, null);
                case '/':
                    if (peekChar(pos) == '=') return token(Type.DIV_ASSIGN, start, null);
                    return token(Type.SLASH, start, null);
                case '%':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.MOD_ASSIGN, start, null);
                    }
                    return token(Type.PERCENT, start, null);
                case '^':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.POW_ASSIGN, start, null);
                    }
                    return token(Type.CARET, start, null);
                case '+':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.ADD_ASSIGN, start, null);
                    }
                    if (peekChar(pos) == '+') {
                        pos++;
                        return token(Type.INCR, start, null);
                    }
                    return token(Type.PLUS, start, null);
                case '-':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.SUB_ASSIGN, start, null);
                    }
                    if (peekChar(pos) == '-') {
                        pos++;
                        return token(Type.DECR, start, null);
                    }
                    return token(Type.MINUS, start, null);
                case '!':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.NE, start, null);
                    }
                    if (peekChar(pos) == '~') {
                        pos++;
                        return token(Type.NOMATCH, start, null);
                    }
                    return token(Type.NOT, start, null);
                case '<':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.LE, start, null);
                    }
                    return token(Type.LT, start, null);
                case '=':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.EQ, start, null);
                    }
                    return token(Type.ASSIGN, start, null);
                case '>':
                    if (peekChar(pos) == '=') {
                        pos++;
                        return token(Type.GE, start, null);
                    }
                    if (peekChar(pos) == '>') {
                        pos++;
                        return token(Type.APPEND, start, null);
                    }
                    return token(Type.GT, start, null);
                case '~':
                    return token(Type.TILDE, start, null);
                case '&':
                    if (peekChar(pos) == '&') {
                        pos++;
                        skipNewlines();
                        return token(Type.AND, start, null);
                    }
                    throw diag.syntax(new Token(Type.EOF, null, 0, source, line, start), "syntax error");
                case '|':
                    if (peekChar(pos) == '|') {
                        pos++;
                        skipNewlines();
                        return token(Type.OR, start, null);
                    }
                    if (peekChar(pos) == '&') {
                        pos++;
                        return token(Type.PIPE_AMP, start, null);
                    }
                    return token(Type.PIPE, start, null);
                case '"':
                    return string(start);
                case '.':
                    if (!Character.isDigit(peekChar(pos))) {
                        throw diag.syntax(new Token(Type.EOF, null, 0, source, line, start), "syntax error");
                    }
                    return number(start);
                default:
                    if (c >= '0' && c <= '9') return number(start);
                    // _"text": a string marked for translation; with no message catalogs, the text itself
                    // (not after $: gawk reads $_"x" as $_ "x")
                    if (c == '_' && peekChar(pos) == '"' && last != Type.DOLLAR) {
                        pos++;
                        return string(start);
                    }
                    if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return name(start);
                    throw diag.syntax(new Token(Type.EOF, null, 0, source, line, start), "invalid char '" + c + "' in expression");
            }
        }
    }

    /** gawk skips newlines after {@code &&}, {@code ||}, {@code ?} and a {@code :} of {@code ?:}. */
    private void skipNewlines() {
        for (;;) {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) pos++;
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
                line++;
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
                continue;
            }
            return;
        }
    }

    private Token name(int start) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) pos++;
            else break;
        }
        String word = text.substring(start, pos);
        Type k = KEYWORDS.get(word);
        if (k != null) return token(k, start, word);
        if (BUILTINS.contains(word)) return token(Type.BUILTIN, start, word);
        if (peekChar(pos) == '(') return token(Type.FUNC_NAME, start, word);
        return token(Type.NAME, start, word);
    }

    private Token number(int start) {
        pos = start;
        boolean seenPoint = false;
        boolean seenE = false;
        boolean hex = false;
        StringBuilder t = new StringBuilder();
        for (;;) {
            int c = peekChar(pos);
            boolean take;
            if (c == 'x' || c == 'X') {
                take = t.length() == 1 && t.charAt(0) == '0' && isHexDigit(peekChar(pos + 1));
                if (take) hex = true;
            } else if (c == '.') {
                take = !seenPoint && !seenE && !hex;
                seenPoint = true;
            } else if ((c == 'e' || c == 'E') && !hex) {
                if (seenE) {
                    take = false;
                } else {
                    int d = peekChar(pos + 1);
                    if ((d == '+' || d == '-') && Character.isDigit(peekChar(pos + 2))) {
                        t.append((char) c).append((char) d);
                        pos += 2;
                        seenE = true;
                        continue;
                    }
                    take = d >= '0' && d <= '9';
                    seenE = take;
                }
            } else if (hex && isHexDigit(c)) {
                take = true;
            } else {
                take = c >= '0' && c <= '9';
            }
            if (!take) break;
            t.append((char) c);
            pos++;
        }
        String s = t.toString();
        double v;
        if (hex) {
            v = new java.math.BigInteger(s.substring(2), 16).doubleValue();
        } else if (s.length() > 1 && s.charAt(0) == '0' && s.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
            v = new java.math.BigInteger(s, 8).doubleValue();
        } else {
            v = Double.parseDouble(s.endsWith(".") ? s + "0" : s);
        }
        last = Type.NUMBER;
        return new Token(Type.NUMBER, s, v, source, line, start);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private Token string(int start) {
        StringBuilder b = new StringBuilder();
        for (;;) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw diag.syntax(new Token(Type.EOF, null, 0, source, line, start), "unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') break;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw diag.syntax(new Token(Type.EOF, null, 0, source, line, start), "unterminated string");
            }
            char e = text.charAt(pos);
            if (e == '\r' && peekChar(pos + 1) == '\n') e = text.charAt(++pos);
            if (e == '\n') {
                pos++;
                line++;
                continue;
            }
            pos = escape(b, pos, line);
        }
        last = Type.STRING;
        return new Token(Type.STRING, b.toString(), 0, source, line, start);
    }

    /** gawk's parse_escape at {@code at} (just after the backslash): appends the character, returns where it ends. */
    private int escape(StringBuilder b, int at, int onLine) {
        char c = text.charAt(at++);
        switch (c) {
            case 'a': b.append('\007'); return at;
            case 'b': b.append('\b'); return at;
            case 'f': b.append('\f'); return at;
            case 'n': b.append('\n'); return at;
            case 'r': b.append('\r'); return at;
            case 't': b.append('\t'); return at;
            case 'v': b.append('\013'); return at;
            case '\\':
            case '"':
                b.append(c);
                return at;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = c - '0';
                for (int count = 1; count < 3 && at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '7'; count++) {
                    v = v * 8 + (text.charAt(at++) - '0');
                }
                b.append((char) (v & 0xff));
                return at;
            }
            case 'x': {
                if (!isHexDigit(peekChar(at))) {
                    diag.warning(source, onLine, "no hex digits in `\\x' escape sequence");
                    b.append('x');
                    return at;
                }
                int v = 0;
                for (int j = 0; j < 2 && isHexDigit(peekChar(at)); j++) v = v * 16 + Character.digit(text.charAt(at++), 16);
                b.append((char) v);
                return at;
            }
            default:
                diag.warningOnce("escape:" + c, source, onLine, "escape sequence `\\" + c + "' treated as plain `" + c + "'");
                b.append(c);
                return at;
        }
    }

    /**
     * Re-reads from a {@code /} (or {@code /=}) token as a regular expression literal, as gawk's
     * lexer does when the grammar wants one: up to the next {@code /} outside a bracket expression,
     * backslash escapes kept for the regex compiler, a backslash-newline joining lines.
     */
    Token regexAt(Token slash) {
        pos = slash.offset() + 1;
        line = slash.line();
        StringBuilder b = new StringBuilder();
        int inBracket = 0;
        int bracketIndex = -1;
        for (;;) {
            if (pos >= text.length()) {
                throw diag.syntax(new Token(Type.EOF, null, 0, source, line, slash.offset() + 1), "unterminated regexp at end of file");
            }
            char c = text.charAt(pos++);
            int cur = b.length();
            switch (c) {
                case '[':
                    if (peekChar(pos) == ':' || inBracket == 0) {
                        inBracket++;
                        if (inBracket == 1) bracketIndex = cur;
                    }
                    break;
                case ']':
                    if (inBracket > 0 && (cur == bracketIndex + 1 || (cur == bracketIndex + 2 && b.charAt(cur - 1) == '^'))) {
                        break;
                    }
                    inBracket--;
                    if (inBracket == 0) bracketIndex = -1;
                    break;
                case '\\': {
                    if (pos >= text.length()) {
                        throw diag.syntax(new Token(Type.EOF, null, 0, source, line, slash.offset()),
                                "unterminated regexp ends with `\\' at end of file");
                    }
                    char d = text.charAt(pos++);
                    if (d == '\r' && peekChar(pos) == '\n') d = text.charAt(pos++);
                    if (d == '\n') {
                        line++;
                        continue;
                    }
                    b.append('\\').append(d);
                    continue;
                }
                case '/':
                    if (inBracket > 0) break;
                    last = Type.ERE;
                    return new Token(Type.ERE, b.toString(), 0, source, line, slash.offset());
                case '\n':
                    throw diag.syntax(new Token(Type.EOF, null, 0, source, line, slash.offset() + 1), "unterminated regexp");
                default:
                    break;
            }
            b.append(c);
        }
    }

    /** The text of the program source being read (with the newline added to a command-line text). */
    String text() {
        return text;
    }
}
