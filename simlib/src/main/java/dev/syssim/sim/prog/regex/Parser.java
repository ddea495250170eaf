package dev.syssim.sim.prog.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser with glibc's grammar and syntax bits (regcomp.c's parse_reg_exp,
 * parse_branch, parse_expression, parse_dup_op, parse_bracket_exp), so that every pattern is
 * accepted, reinterpreted or refused exactly where glibc does it, with glibc's error. On top of that
 * the two checks of gnulib's dfa.c that grep and sed also run: {@code [:space:]} is an error, and
 * grep -E warns about a repetition operator at the start of an expression.
 *
 * <p>Recursion follows the nesting of groups, which is bounded ({@link #MAX_DEPTH}); a long
 * pattern without nesting is parsed in loops.
 */
final class Parser {

    /** Deeper nesting of groups than this is refused as too big (glibc would exhaust its memory). */
    static final int MAX_DEPTH = 500;
    /** glibc's RE_DUP_MAX. */
    static final int DUP_MAX = 0x7fff;

    private static final int CHARACTER = 0;
    private static final int END = 1;
    private static final int ALT = 2;
    private static final int OPEN = 3;
    private static final int CLOSE = 4;
    private static final int STAR = 5;
    private static final int PLUS = 6;
    private static final int QUESTION = 7;
    private static final int OPEN_DUP = 8;
    private static final int CLOSE_DUP = 9;
    private static final int OPEN_BRACKET = 10;
    private static final int PERIOD = 11;
    private static final int ANCHOR = 12;
    private static final int BACKREF = 13;
    private static final int WORD = 14;
    private static final int NOT_WORD = 15;
    private static final int SPACE = 16;
    private static final int NOT_SPACE = 17;
    private static final int BACKSLASH = 18;
    // inside brackets
    private static final int CLOSE_BRACKET = 20;
    private static final int NON_MATCH = 21;
    private static final int RANGE = 22;
    private static final int OPEN_COLL = 23;
    private static final int OPEN_EQUIV = 24;
    private static final int OPEN_CLASS = 25;

    /** A token: its type, its character (the escaped one after a backslash), and how many characters it spans. */
    private record Token(int type, int c, int len, Assertion anchor, int index) {

        static Token of(int type, int c, int len) {
            return new Token(type, c, len, null, 0);
        }

        Token asCharacter() {
            return new Token(CHARACTER, c, len, null, 0);
        }
    }

    /** The kinds of a bracket element. */
    private enum Kind { CHAR, COLL, EQUIV, CLASS }

    private record Element(Kind kind, int c, String name) {
    }

    /** What the parse gave: a tree and the number of groups, or an error; and dfa.c's warnings. */
    record Result(Node tree, int groups, boolean backrefs, RegexError error, List<String> warnings) {
    }

    private final int[] raw;
    private final int[] in;
    private final boolean utf8;
    private final boolean icase;
    private final boolean dfaChecks;
    private final boolean dfaWarnings;
    private final boolean dfaSemantics;
    private final int baseSyntax;
    private int pos;
    private Token tok;
    private int groups;
    private int completed;
    private boolean backrefs;
    private int depth;
    private RegexError error;
    private RegexError dfaError;
    private int warningsBeforeDfaError;
    private final List<String> warnings = new ArrayList<>();

    private Parser(int[] raw, int syntax, boolean utf8, boolean icase, boolean dfaChecks, boolean dfaWarnings, boolean dfaSemantics) {
        this.dfaSemantics = dfaSemantics;
        this.raw = raw;
        this.utf8 = utf8;
        this.icase = icase;
        this.baseSyntax = syntax;
        this.dfaChecks = dfaChecks;
        this.dfaWarnings = dfaWarnings;
        this.in = new int[raw.length];
        for (int i = 0; i < raw.length; i++) in[i] = icase ? Fold.upper(raw[i], utf8) : raw[i];
    }

    /**
     * Parses {@code pattern} (characters: bytes, or code points under UTF-8 with an invalid byte b as
     * {@code 0x110000 + b}).
     */
    static Result parse(int[] pattern, int syntax, boolean utf8, boolean icase, boolean dfaChecks, boolean dfaWarnings,
                        boolean dfaSemantics) {
        Parser p = new Parser(pattern, syntax, utf8, icase, dfaChecks, dfaWarnings, dfaSemantics);
        p.tok = p.fetch(syntax | Syntax.CARET_ANCHORS_HERE);
        Node tree = p.parseRegExp(syntax, 0);
        if (p.error == null && p.tok.type != END) p.error = RegexError.ERPAREN;
        if (p.error != null) return new Result(null, 0, false, p.error, List.of());
        if (p.dfaError != null) {
            return new Result(null, 0, false, p.dfaError, List.copyOf(p.warnings.subList(0, p.warningsBeforeDfaError)));
        }
        return new Result(tree, p.groups, p.backrefs, null, List.copyOf(p.warnings));
    }

    // ---- tokens ----

    private Token fetch(int syntax) {
        Token t = peek(pos, syntax);
        pos += t.len;
        return t;
    }

    private Token peek(int at, int syntax) {
        if (at >= in.length) return Token.of(END, 0, 0);
        int c = in[at];
        if (c == '\\') {
            if (at + 1 >= in.length) return Token.of(BACKSLASH, c, 1);
            int c2 = raw[at + 1];
            int literal = in[at + 1];
            boolean gnu = !Syntax.has(syntax, Syntax.NO_GNU_OPS);
            switch (c2) {
                case '|':
                    if (!Syntax.has(syntax, Syntax.NO_BK_VBAR)) return Token.of(ALT, c2, 2);
                    break;
                case '1', '2', '3', '4', '5', '6', '7', '8', '9':
                    if (!Syntax.has(syntax, Syntax.NO_BK_REFS)) return new Token(BACKREF, c2, 2, null, c2 - '1');
                    break;
                case '<':
                    if (gnu) return new Token(ANCHOR, c2, 2, Assertion.WORD_START, 0);
                    break;
                case '>':
                    if (gnu) return new Token(ANCHOR, c2, 2, Assertion.WORD_END, 0);
                    break;
                case 'b':
                    if (gnu) return new Token(ANCHOR, c2, 2, Assertion.WORD_BOUNDARY, 0);
                    break;
                case 'B':
                    if (gnu) return new Token(ANCHOR, c2, 2, Assertion.NOT_WORD_BOUNDARY, 0);
                    break;
                case 'w':
                    if (gnu) return Token.of(WORD, c2, 2);
                    break;
                case 'W':
                    if (gnu) return Token.of(NOT_WORD, c2, 2);
                    break;
                case 's':
                    if (gnu) return Token.of(SPACE, c2, 2);
                    break;
                case 'S':
                    if (gnu) return Token.of(NOT_SPACE, c2, 2);
                    break;
                case '`':
                    if (gnu) return new Token(ANCHOR, c2, 2, Assertion.BUFFER_START, 0);
                    break;
                case '\'':
                    if (gnu) return new Token(ANCHOR, c2, 2, Assertion.BUFFER_END, 0);
                    break;
                case '(':
                    if (!Syntax.has(syntax, Syntax.NO_BK_PARENS)) return Token.of(OPEN, c2, 2);
                    break;
                case ')':
                    if (!Syntax.has(syntax, Syntax.NO_BK_PARENS)) return Token.of(CLOSE, c2, 2);
                    break;
                case '+':
                    if (Syntax.has(syntax, Syntax.BK_PLUS_QM)) return Token.of(PLUS, c2, 2);
                    break;
                case '?':
                    if (Syntax.has(syntax, Syntax.BK_PLUS_QM)) return Token.of(QUESTION, c2, 2);
                    break;
                case '{':
                    if (Syntax.has(syntax, Syntax.INTERVALS) && !Syntax.has(syntax, Syntax.NO_BK_BRACES)) return Token.of(OPEN_DUP, c2, 2);
                    break;
                case '}':
                    if (Syntax.has(syntax, Syntax.INTERVALS) && !Syntax.has(syntax, Syntax.NO_BK_BRACES)) return Token.of(CLOSE_DUP, c2, 2);
                    break;
                default:
                    break;
            }
            return Token.of(CHARACTER, literal, 2);
        }
        switch (c) {
            case '\n':
                if (Syntax.has(syntax, Syntax.NEWLINE_ALT)) return Token.of(ALT, c, 1);
                break;
            case '|':
                if (Syntax.has(syntax, Syntax.NO_BK_VBAR)) return Token.of(ALT, c, 1);
                break;
            case '*':
                return Token.of(STAR, c, 1);
            case '+':
                if (!Syntax.has(syntax, Syntax.BK_PLUS_QM)) return Token.of(PLUS, c, 1);
                break;
            case '?':
                if (!Syntax.has(syntax, Syntax.BK_PLUS_QM)) return Token.of(QUESTION, c, 1);
                break;
            case '{':
                if (Syntax.has(syntax, Syntax.INTERVALS) && Syntax.has(syntax, Syntax.NO_BK_BRACES)) return Token.of(OPEN_DUP, c, 1);
                break;
            case '}':
                if (Syntax.has(syntax, Syntax.INTERVALS) && Syntax.has(syntax, Syntax.NO_BK_BRACES)) return Token.of(CLOSE_DUP, c, 1);
                break;
            case '(':
                if (Syntax.has(syntax, Syntax.NO_BK_PARENS)) return Token.of(OPEN, c, 1);
                break;
            case ')':
                if (Syntax.has(syntax, Syntax.NO_BK_PARENS)) return Token.of(CLOSE, c, 1);
                break;
            case '[':
                return Token.of(OPEN_BRACKET, c, 1);
            case '.':
                return Token.of(PERIOD, c, 1);
            case '^':
                if (!Syntax.has(syntax, Syntax.CONTEXT_INDEP_ANCHORS | Syntax.CARET_ANCHORS_HERE) && at != 0) {
                    if (!Syntax.has(syntax, Syntax.NEWLINE_ALT) || in[at - 1] != '\n') break;
                }
                return new Token(ANCHOR, c, 1, Assertion.LINE_START, 0);
            case '$':
                if (!Syntax.has(syntax, Syntax.CONTEXT_INDEP_ANCHORS) && at + 1 != in.length) {
                    Token next = peek(at + 1, syntax);
                    if (next.type != ALT && next.type != CLOSE) break;
                }
                return new Token(ANCHOR, c, 1, Assertion.LINE_END, 0);
            default:
                break;
        }
        return Token.of(CHARACTER, c, 1);
    }

    // ---- the grammar ----

    private Node parseRegExp(int syntax, int nest) {
        int initialBackrefs = completed;
        Node first = parseBranch(syntax, nest);
        if (error != null) return null;
        if (tok.type != ALT) return first;
        List<Node> branches = new ArrayList<>();
        branches.add(first);
        while (tok.type == ALT) {
            tok = fetch(syntax | Syntax.CARET_ANCHORS_HERE);
            Node branch = null;
            if (tok.type != ALT && tok.type != END && (nest == 0 || tok.type != CLOSE)) {
                int accumulated = completed;
                completed = initialBackrefs;
                branch = parseBranch(syntax, nest);
                if (error != null) return null;
                completed |= accumulated;
            }
            branches.add(branch);
        }
        return new Node.Alt(branches);
    }

    private Node parseBranch(int syntax, int nest) {
        List<Node> parts = new ArrayList<>();
        Node first = parseExpression(syntax, nest);
        if (error != null) return null;
        if (first != null) parts.add(first);
        while (tok.type != ALT && tok.type != END && (nest == 0 || tok.type != CLOSE)) {
            Node expr = parseExpression(syntax, nest);
            if (error != null) return null;
            if (expr != null) parts.add(expr);
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Node.Concat(parts);
    }

    private static boolean isDup(Token t) {
        return t.type == STAR || t.type == PLUS || t.type == QUESTION || t.type == OPEN_DUP;
    }

    private Node parseExpression(int syntax, int nest) {
        // A repetition operator with nothing before it: an error, skipped (grep -E), or literal.
        boolean literalOperator = false;
        while (isDup(tok)) {
            if (tok.type == OPEN_DUP && Syntax.has(syntax, Syntax.CONTEXT_INVALID_DUP)) return fail(RegexError.BADRPT);
            if (Syntax.has(syntax, Syntax.CONTEXT_INVALID_OPS) && !Syntax.has(syntax, Syntax.CONTEXT_INVALID_DUP)) {
                return fail(RegexError.BADRPT);
            }
            if (!Syntax.has(syntax, Syntax.CONTEXT_INDEP_OPS)) {
                literalOperator = true;
                break;
            }
            // gnulib's dfa.c (which does grep's matching) reads "{1" that is no interval as text.
            if (tok.type == OPEN_DUP && Syntax.has(syntax, Syntax.INVALID_INTERVAL_ORD) && !validInterval(pos)) {
                literalOperator = true;
                break;
            }
            if (dfaWarnings) warn(tok.type == OPEN_DUP ? "{...}" : String.valueOf((char) tok.c));
            if (tok.type == OPEN_DUP && dfaSemantics) {
                // dfa.c repeats an empty expression: the whole interval goes, where glibc drops only "{".
                while (tok.type != CLOSE_DUP && tok.type != END) tok = fetch(syntax);
            }
            tok = fetch(syntax);
        }
        Node tree;
        if (literalOperator) {
            tree = new Node.Literal(tok.c);
        } else {
            switch (tok.type) {
                case CHARACTER -> tree = new Node.Literal(tok.c);
                case OPEN -> {
                    if (++depth > MAX_DEPTH) return fail(RegexError.ESIZE);
                    tree = parseSubExp(syntax, nest + 1);
                    depth--;
                    if (error != null) return null;
                }
                case OPEN_BRACKET -> {
                    tree = parseBracket(syntax);
                    if (error != null) return null;
                }
                case BACKREF -> {
                    if ((completed & (1 << tok.index)) == 0) return fail(RegexError.ESUBREG);
                    backrefs = true;
                    tree = new Node.Backref(tok.index + 1);
                }
                case CLOSE -> {
                    if (!Syntax.has(syntax, Syntax.UNMATCHED_RIGHT_PAREN_ORD)) return fail(RegexError.ERPAREN);
                    tree = new Node.Literal(tok.c);
                }
                case CLOSE_DUP -> tree = new Node.Literal(tok.c);
                case ANCHOR -> {
                    // Nothing repeats an anchor: "^*" is an anchor and a literal star.
                    Node anchor = new Node.Anchor(tok.anchor);
                    tok = fetch(syntax);
                    return anchor;
                }
                case PERIOD -> tree = new Node.Any(Syntax.has(syntax, Syntax.DOT_NOT_NULL));
                case WORD, NOT_WORD -> tree = new Node.Set(wordSet(tok.type == NOT_WORD));
                case SPACE, NOT_SPACE -> tree = new Node.Set(spaceSet(tok.type == NOT_SPACE));
                case ALT, END -> {
                    return null;
                }
                case BACKSLASH -> {
                    return fail(RegexError.EESCAPE);
                }
                default -> {
                    return fail(RegexError.BADPAT);
                }
            }
        }
        tok = fetch(syntax);
        int repeats = 0;
        while (isDup(tok)) {
            if (++repeats > MAX_DEPTH) return fail(RegexError.ESIZE);
            Node repeated = parseDupOp(tree, syntax);
            if (error != null) return null;
            tree = repeated;
            if (Syntax.has(syntax, Syntax.CONTEXT_INVALID_DUP) && (tok.type == STAR || tok.type == OPEN_DUP)) {
                return fail(RegexError.BADRPT);
            }
        }
        return tree;
    }

    private Node parseSubExp(int syntax, int nest) {
        int index = groups++;
        tok = fetch(syntax | Syntax.CARET_ANCHORS_HERE);
        Node body = null;
        if (tok.type != CLOSE) {
            body = parseRegExp(syntax, nest);
            if (error == null && tok.type != CLOSE) return fail(RegexError.EPAREN);
            if (error != null) return null;
        }
        if (index < 9) completed |= 1 << index;
        return new Node.Group(index + 1, body);
    }

    private Node parseDupOp(Node elem, int syntax) {
        Token start = tok;
        int startPos = pos;
        int min;
        int max;
        if (tok.type == OPEN_DUP) {
            min = fetchNumber(syntax);
            if (min == -1) {
                if (tok.type == CHARACTER && tok.c == ',') min = 0;
                else return fail(RegexError.BADBR);
            }
            max = 0;
            if (min != -2) {
                max = tok.type == CLOSE_DUP ? min : tok.type == CHARACTER && tok.c == ',' ? fetchNumber(syntax) : -2;
            }
            if (min == -2 || max == -2) {
                if (!Syntax.has(syntax, Syntax.INVALID_INTERVAL_ORD)) return fail(tok.type == END ? RegexError.EBRACE : RegexError.BADBR);
                pos = startPos;
                tok = start.asCharacter();
                return elem;
            }
            if (max != -1 && min > max || tok.type != CLOSE_DUP) return fail(RegexError.BADBR);
            if (DUP_MAX < (max == -1 ? min : max)) return fail(RegexError.ESIZE);
        } else {
            min = tok.type == PLUS ? 1 : 0;
            max = tok.type == QUESTION ? 1 : -1;
        }
        tok = fetch(syntax);
        if (elem == null) return null;
        if (min == 0 && max == 0) return null;
        return new Node.Repeat(elem, min, max);
    }

    /** glibc's fetch_number: -1 for no digits, -2 for something else than digits. */
    private int fetchNumber(int syntax) {
        int num = -1;
        while (true) {
            tok = fetch(syntax);
            int c = tok.c;
            if (tok.type == END) return -2;
            if (tok.type == CLOSE_DUP || c == ',') break;
            num = tok.type != CHARACTER || c < '0' || c > '9' || num == -2 ? -2 : num == -1 ? c - '0' : Math.min(DUP_MAX + 1, num * 10 + c - '0');
        }
        return num;
    }

    /** dfa.c's check of an interval after {@code {} at {@code at}: digits, maybe a comma and digits, then the brace. */
    private boolean validInterval(int at) {
        boolean backslash = !Syntax.has(baseSyntax, Syntax.NO_BK_BRACES);
        int i = at;
        int min = -1;
        int max = -1;
        while (i < in.length && in[i] >= '0' && in[i] <= '9') min = Math.min(DUP_MAX + 1, (min < 0 ? 0 : min * 10) + in[i++] - '0');
        if (i < in.length) {
            if (in[i] != ',') {
                max = min;
            } else {
                if (min < 0) min = 0;
                i++;
                while (i < in.length && in[i] >= '0' && in[i] <= '9') max = Math.min(DUP_MAX + 1, (max < 0 ? 0 : max * 10) + in[i++] - '0');
            }
        }
        if (backslash) {
            if (i >= in.length || in[i++] != '\\') return false;
        }
        return i < in.length && in[i] == '}' && min >= 0 && (max < 0 || min <= max);
    }

    // ---- bracket expressions ----

    private Token peekBracket(int syntax) {
        if (pos >= in.length) return Token.of(END, 0, 0);
        int c = in[pos];
        if (c == '\\' && Syntax.has(syntax, Syntax.BACKSLASH_ESCAPE_IN_LISTS) && pos + 1 < in.length) {
            return Token.of(CHARACTER, in[pos + 1], 2);
        }
        if (c == '[') {
            int c2 = pos + 1 < in.length ? in[pos + 1] : 0;
            switch (c2) {
                case '.':
                    return Token.of(OPEN_COLL, c2, 2);
                case '=':
                    return Token.of(OPEN_EQUIV, c2, 2);
                case ':':
                    if (Syntax.has(syntax, Syntax.CHAR_CLASSES)) return Token.of(OPEN_CLASS, c2, 2);
                    return Token.of(CHARACTER, c, 1);
                default:
                    return Token.of(CHARACTER, c, 1);
            }
        }
        return switch (c) {
            case '-' -> Token.of(RANGE, c, 1);
            case ']' -> Token.of(CLOSE_BRACKET, c, 1);
            case '^' -> Token.of(NON_MATCH, c, 1);
            default -> Token.of(CHARACTER, c, 1);
        };
    }

    private Node parseBracket(int syntax) {
        int contentStart = pos;
        CharSet set = new CharSet(utf8);
        boolean negate = false;
        boolean ranges = false;
        Token t = peekBracket(syntax);
        if (t.type == END) return fail(RegexError.BADPAT);
        if (t.type == NON_MATCH) {
            negate = true;
            pos += t.len;
            contentStart = pos;
            t = peekBracket(syntax);
            if (t.type == END) return fail(RegexError.BADPAT);
        }
        if (t.type == CLOSE_BRACKET) t = t.asCharacter();
        boolean first = true;
        while (true) {
            Element start = element(t, syntax, first);
            if (error != null) return null;
            first = false;
            t = peekBracket(syntax);
            boolean range = false;
            Token t2 = null;
            if (start.kind != Kind.CLASS && start.kind != Kind.EQUIV) {
                if (t.type == END) return fail(RegexError.EBRACK);
                if (t.type == RANGE) {
                    pos += t.len;
                    t2 = peekBracket(syntax);
                    if (t2.type == END) return fail(RegexError.EBRACK);
                    if (t2.type == CLOSE_BRACKET) {
                        pos -= t.len;
                        t = t.asCharacter();
                    } else {
                        range = true;
                    }
                }
            }
            if (range) {
                Element end = element(t2, syntax, true);
                if (error != null) return null;
                t = peekBracket(syntax);
                if (!addRange(set, start, end, syntax)) return null;
                ranges = true;
            } else if (!addElement(set, start)) {
                return null;
            }
            if (t.type == END) return fail(RegexError.EBRACK);
            if (t.type == CLOSE_BRACKET) break;
        }
        int contentEnd = pos;
        pos += t.len;
        if (dfaChecks && dfaError == null && !ranges && confusing(contentStart, contentEnd)) {
            dfaError = RegexError.CONFUSING_BRACKETS;
            warningsBeforeDfaError = warnings.size();
        }
        boolean noNewline = negate && Syntax.has(syntax, Syntax.HAT_LISTS_NOT_NEWLINE);
        return new Node.Set(set.finish(negate, icase, noNewline));
    }

    /** dfa.c: {@code [:alpha:]} — a list that starts and ends with a colon and has more in between. */
    private boolean confusing(int from, int to) {
        if (to - from < 2 || raw[from] != ':' || raw[to - 1] != ':') return false;
        for (int i = from; i < to; i++) {
            if (raw[i] == '[') return false;
            if (raw[i] != ':') return true;
        }
        return false;
    }

    private Element element(Token t, int syntax, boolean acceptHyphen) {
        pos += t.len;
        if (t.type == OPEN_COLL || t.type == OPEN_CLASS || t.type == OPEN_EQUIV) return symbol(t);
        if (t.type == RANGE && !acceptHyphen) {
            Token next = peekBracket(syntax);
            if (next.type != CLOSE_BRACKET) {
                fail(RegexError.ERANGE);
                return null;
            }
        }
        return new Element(Kind.CHAR, t.c, null);
    }

    private Element symbol(Token t) {
        int delim = t.c;
        if (pos >= in.length) {
            fail(RegexError.EBRACK);
            return null;
        }
        StringBuilder name = new StringBuilder();
        int bytes = 0;
        for (int i = 0;; i++) {
            if (i >= 32) {
                fail(RegexError.EBRACK);
                return null;
            }
            int ch = t.type == OPEN_CLASS ? raw[pos] : in[pos];
            pos++;
            if (pos >= in.length) {
                fail(RegexError.EBRACK);
                return null;
            }
            if (ch == delim && in[pos] == ']') break;
            name.appendCodePoint(ch > Character.MAX_CODE_POINT ? 0xFFFD : ch);
            bytes += byteLength(ch);
        }
        pos++;
        Kind kind = t.type == OPEN_COLL ? Kind.COLL : t.type == OPEN_EQUIV ? Kind.EQUIV : Kind.CLASS;
        int c = bytes == 1 ? name.codePointAt(0) : -1;
        return new Element(kind, c, name.toString());
    }

    private int byteLength(int c) {
        if (!utf8 || c < 0x80 || c > Character.MAX_CODE_POINT) return 1;
        return c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }

    private boolean addElement(CharSet set, Element e) {
        switch (e.kind) {
            case CHAR -> set.add(e.c);
            case COLL, EQUIV -> {
                // The C and C.UTF-8 locales have no collation rules: only one-byte names exist.
                if (e.c < 0) return failed(RegexError.ECOLLATE);
                set.add(e.c);
            }
            case CLASS -> {
                String name = e.name;
                if (icase && (name.equals("upper") || name.equals("lower"))) name = "alpha";
                CharClass k = CharClass.named(name);
                if (k == null) return failed(RegexError.ECTYPE);
                set.addClass(k);
            }
        }
        return true;
    }

    private boolean addRange(CharSet set, Element start, Element end, int syntax) {
        if (start.kind == Kind.EQUIV || start.kind == Kind.CLASS || end.kind == Kind.EQUIV || end.kind == Kind.CLASS) {
            return failed(RegexError.ERANGE);
        }
        if (start.c < 0 || end.c < 0) return failed(RegexError.ECOLLATE);
        int from = start.c;
        int to = end.c;
        // Under UTF-8 an invalid byte is no character (mbrtowc fails): no range can use it.
        if (utf8 && (from > Character.MAX_CODE_POINT || to > Character.MAX_CODE_POINT)) return failed(RegexError.ECOLLATE);
        if (Syntax.has(syntax, Syntax.NO_EMPTY_RANGES) && from > to) return failed(RegexError.ERANGE);
        set.addRange(from, to);
        return true;
    }

    private CharSet wordSet(boolean negate) {
        CharSet s = new CharSet(utf8);
        s.addClass(CharClass.ALNUM);
        s.add('_');
        return s.finish(negate, false, false);
    }

    private CharSet spaceSet(boolean negate) {
        CharSet s = new CharSet(utf8);
        s.addClass(CharClass.SPACE);
        return s.finish(negate, false, false);
    }

    private void warn(String operator) {
        warnings.add(operator + " at start of expression");
    }

    private Node fail(RegexError e) {
        if (error == null) error = e;
        return null;
    }

    private boolean failed(RegexError e) {
        fail(e);
        return false;
    }
}
