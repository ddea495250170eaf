package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.prog.tools.editors.awk.Ast.At;
import dev.syssim.sim.prog.tools.editors.awk.Ast.Expr;
import dev.syssim.sim.prog.tools.editors.awk.Ast.LValue;
import dev.syssim.sim.prog.tools.editors.awk.Ast.Stmt;
import dev.syssim.sim.prog.tools.editors.awk.Token.Source;
import dev.syssim.sim.prog.tools.editors.awk.Token.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses awk program text into an {@link Ast.Program}, following gawk's grammar (awkgram.y): its
 * operator precedences, where newlines may break a line, {@code >} and {@code |} as redirections
 * inside print, {@code getline}'s three forms, concatenation by juxtaposition, non-associative
 * comparisons. Syntax errors stop parsing with gawk's message and caret; the semantic errors gawk
 * reports while parsing ({@code `next' used in BEGIN action}) are collected and parsing goes on.
 *
 * <p>Simplification: gawk's parser stack holds 10000 states and says "memory exhausted" beyond;
 * this parser recurses once per nesting level and says the same beyond {@link #MAX_NESTING} levels
 * of parentheses, braces and brackets, so a pathological program never meets Java's stack. A level
 * costs about fifteen Java frames (one per precedence level): 400 levels needed more than a 1 MiB
 * thread stack before the JIT compiled the parser, so the limit is 200 (real gawk nests deeper).
 */
final class Parser {

    static final int MAX_NESTING = 200;

    private final Diagnostics diag;
    private Lexer lexer;
    private final List<Source> sources;
    private Token tok;
    private final List<Token> ahead = new ArrayList<>();
    private int nesting;

    /** Inside print's argument list, outside parentheses: {@code >} and {@code |} redirect. */
    private boolean inPrint;
    private int parens;
    /** A primary already parsed by the print statement's look at a parenthesized list. */
    private Expr pending;

    private final List<Ast.Rule> rules = new ArrayList<>();
    private final List<Ast.Function> functions = new ArrayList<>();
    private final Map<String, Ast.Function> functionsByName = new HashMap<>();

    /** What the statements being parsed are inside of, for the checks of break, next, return. */
    private Ast.RuleKind ruleKind;
    private boolean inFunction;
    private List<String> currentParams = List.of();

    /** The built-ins gawk adds to POSIX awk: a function's parameters may take their names. */
    private static final java.util.Set<String> GAWK_EXTENSIONS = java.util.Set.of("and", "asort", "asorti", "bindtextdomain",
            "compl", "dcgettext", "dcngettext", "gensub", "isarray", "lshift", "mkbool", "mktime", "or", "patsplit", "rshift",
            "strftime", "strtonum", "systime", "typeof", "xor");
    private int loops;
    private int switches;

    /**
     * A file named by {@code @include}, as the tool found it: where, and its text; or why it could
     * not be read.
     */
    record Included(String path, Source source, String error) {
    }

    /** Thrown when an {@code @include} names a file the tool has not read yet: read it, then parse again. */
    static final class NeedsFile extends RuntimeException {
        final String name;

        NeedsFile(String name) {
            super(null, null, false, false);
            this.name = name;
        }
    }

    private final Map<String, Included> includes;
    /** The files included so far: each only once (gawk's srcfiles list). */
    private final java.util.Set<String> includedPaths = new java.util.HashSet<>();

    Parser(List<Source> sources, Diagnostics diag) {
        this(sources, diag, Map.of());
    }

    Parser(List<Source> sources, Diagnostics diag, Map<String, Included> includes) {
        this.sources = sources;
        this.diag = diag;
        this.lexer = new Lexer(diag);
        this.includes = includes;
    }

    Ast.Program parse() {
        for (Source s : sources) {
            lexer.start(s);
            ahead.clear();
            advance();
            while (!tok.is(Type.EOF)) item();
        }
        return new Ast.Program(rules, functions);
    }

    // ---- tokens ----

    private void advance() {
        tok = ahead.isEmpty() ? lexer.next() : ahead.remove(0);
    }

    private Token peek(int n) {
        while (ahead.size() < n) ahead.add(lexer.next());
        return ahead.get(n - 1);
    }

    private At at() {
        return new At(tok.source(), tok.line());
    }

    private Diagnostics.SyntaxError error() {
        return diag.syntax(tok, "syntax error");
    }

    private void expect(Type t) {
        if (!tok.is(t)) throw error();
        advance();
    }

    private void optNewlines() {
        while (tok.is(Type.NEWLINE)) advance();
    }

    private void enter() {
        if (++nesting > MAX_NESTING) throw diag.syntax(tok, "memory exhausted");
    }

    private void leave() {
        nesting--;
    }

    // ---- rules and functions ----

    private void item() {
        switch (tok.type()) {
            case NEWLINE:
                advance();
                return;
            case FUNCTION:
                function();
                return;
            case AT:
                if (peek(1).is(Type.NAME) && (peek(1).text().equals("include") || peek(1).text().equals("load"))) {
                    directive();
                    return;
                }
                patternRule();
                return;
            case BEGIN:
            case END:
            case BEGINFILE:
            case ENDFILE: {
                At at = at();
                Type kind = tok.type();
                String word = tok.text();
                advance();
                if (!tok.is(Type.LBRACE)) {
                    diag.plain(at.source().label() + ":" + at.line() + ": " + word + " blocks must have an action part");
                    throw new Diagnostics.SyntaxError();
                }
                Ast.RuleKind k = kind == Type.BEGIN ? Ast.RuleKind.BEGIN : kind == Type.END ? Ast.RuleKind.END
                        : kind == Type.BEGINFILE ? Ast.RuleKind.BEGINFILE : Ast.RuleKind.ENDFILE;
                rules.add(new Ast.Rule(at, k, null, null, action(k)));
                return;
            }
            case LBRACE: {
                At at = at();
                rules.add(new Ast.Rule(at, Ast.RuleKind.MAIN, null, null, action(Ast.RuleKind.MAIN)));
                return;
            }
            case SEMI: {
                diag.plain(tok.source().label() + ":" + tok.line() + ": each rule must have a pattern or an action part");
                throw new Diagnostics.SyntaxError();
            }
            default:
                patternRule();
        }
    }

    private void patternRule() {
        At at = at();
        ruleKind = Ast.RuleKind.MAIN;
        Expr pattern = expr();
        Expr rangeEnd = null;
        if (tok.is(Type.COMMA)) {
            advance();
            optNewlines();
            rangeEnd = expr();
        }
        if (tok.is(Type.LBRACE)) {
            rules.add(new Ast.Rule(at, Ast.RuleKind.MAIN, pattern, rangeEnd, action(Ast.RuleKind.MAIN)));
            return;
        }
        if (tok.is(Type.NEWLINE) || tok.is(Type.SEMI) || tok.is(Type.EOF)) {
            if (!tok.is(Type.EOF)) advance();
            optNewlines();
            rules.add(new Ast.Rule(at, Ast.RuleKind.MAIN, pattern, rangeEnd, null));
            return;
        }
        throw error();
    }

    /**
     * {@code @include "file"}: the file's rules and functions, parsed here, once; {@code @load
     * "lib"}: gawk's dynamic extensions, which the simulation has none of.
     */
    private void directive() {
        At at = at();
        advance();
        boolean load = tok.text().equals("load");
        advance();
        if (!tok.is(Type.STRING)) throw error();
        String name = tok.text();
        Token after = tok;
        if (load) {
            diag.error(at.source(), at.line(), "cannot open shared library `" + name + "' for reading: No such file or directory");
        } else if (!name.isEmpty()) {
            Included inc = includes.get(name);
            if (inc == null) throw new NeedsFile(name);
            if (inc.error() != null) {
                diag.error(at.source(), at.line(), "cannot open source file `" + name + "' for reading: " + inc.error());
            } else if (includedPaths.add(inc.path())) {
                Lexer saved = lexer;
                List<Token> savedAhead = new ArrayList<>(ahead);
                lexer = new Lexer(diag);
                lexer.start(inc.source());
                ahead.clear();
                advance();
                while (!tok.is(Type.EOF)) item();
                lexer = saved;
                ahead.clear();
                ahead.addAll(savedAhead);
                tok = after;
            }
        }
        advance();
        if (tok.is(Type.SEMI)) advance();
        else if (!tok.is(Type.NEWLINE) && !tok.is(Type.EOF)) throw error();
    }

    private Ast.Block action(Ast.RuleKind kind) {
        ruleKind = kind;
        inFunction = false;
        Ast.Block b = block();
        if (tok.is(Type.SEMI)) advance();
        optNewlines();
        return b;
    }

    private void function() {
        At at = at();
        advance();
        if (tok.is(Type.BUILTIN) || tok.is(Type.LENGTH)) {
            throw diag.syntax(tok, "`" + tok.text() + "' is a built-in function, it cannot be redefined");
        }
        if (!tok.is(Type.NAME) && !tok.is(Type.FUNC_NAME)) throw error();
        String name = tok.text();
        advance();
        expect(Type.LPAREN);
        List<String> params = new ArrayList<>();
        List<Integer> paramLines = new ArrayList<>();
        if (!tok.is(Type.RPAREN)) {
            for (;;) {
                optNewlines();
                if (!tok.is(Type.NAME) && !(tok.is(Type.BUILTIN) && GAWK_EXTENSIONS.contains(tok.text()))) throw error();
                params.add(tok.text());
                paramLines.add(tok.line());
                advance();
                if (tok.is(Type.COMMA)) {
                    advance();
                    optNewlines();
                    continue;
                }
                break;
            }
        }
        expect(Type.RPAREN);
        optNewlines();
        if (Specials.isSpecial(name) || functionsByName.containsKey(name)) {
            diag.error(at.source(), at.line(), "function name `" + name + "' previously defined");
        }
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            int line = paramLines.get(i);
            if (p.equals(name)) diag.error(at.source(), line, "function `" + name + "': cannot use function name as parameter name");
            if (Specials.isSpecial(p)) {
                diag.error(at.source(), line, "function `" + name + "': cannot use special variable `" + p + "' as a function parameter");
            }
            int first = params.indexOf(p);
            if (first < i) {
                diag.error(at.source(), line, "function `" + name + "': parameter #" + (i + 1) + ", `" + p
                        + "', duplicates parameter #" + (first + 1));
            }
        }
        ruleKind = null;
        inFunction = true;
        currentParams = params;
        Ast.Block body = block();
        currentParams = List.of();
        inFunction = false;
        if (tok.is(Type.SEMI)) advance();
        optNewlines();
        Ast.Function f = new Ast.Function(at, name, params, body);
        functionsByName.putIfAbsent(name, f);
        functions.add(f);
    }

    // ---- statements ----

    private Ast.Block block() {
        At at = at();
        expect(Type.LBRACE);
        enter();
        optNewlines();
        List<Stmt> body = new ArrayList<>();
        while (!tok.is(Type.RBRACE)) {
            if (tok.is(Type.EOF)) throw error();
            Stmt s = statement();
            if (s != null) body.add(s);
        }
        advance();
        leave();
        return new Ast.Block(at, body);
    }

    /** A statement terminator: newlines, or a semicolon and newlines; a {@code }} ends one too. */
    private void terminator() {
        if (tok.is(Type.RBRACE)) return;
        if (tok.is(Type.NEWLINE)) {
            optNewlines();
            return;
        }
        if (tok.is(Type.SEMI)) {
            advance();
            optNewlines();
            return;
        }
        throw error();
    }

    /** A statement used as a loop body or branch: may be a lone {@code ;}. */
    private Stmt body() {
        Stmt s = statement();
        return s == null ? new Ast.Block(at(), List.of()) : s;
    }

    private Stmt statement() {
        At at = at();
        switch (tok.type()) {
            case SEMI:
                advance();
                optNewlines();
                return null;
            case LBRACE: {
                Ast.Block b = block();
                optNewlines();
                return b;
            }
            case IF: {
                advance();
                expect(Type.LPAREN);
                Expr test = expr();
                expect(Type.RPAREN);
                optNewlines();
                Stmt then = body();
                Stmt otherwise = null;
                if (tok.is(Type.ELSE)) {
                    advance();
                    optNewlines();
                    otherwise = body();
                }
                return new Ast.If(at, test, then, otherwise);
            }
            case WHILE: {
                advance();
                expect(Type.LPAREN);
                Expr test = expr();
                expect(Type.RPAREN);
                if (tok.is(Type.SEMI)) {
                    advance();
                    optNewlines();
                    return new Ast.While(at, test, new Ast.Block(at, List.of()));
                }
                optNewlines();
                loops++;
                Stmt b = body();
                loops--;
                return new Ast.While(at, test, b);
            }
            case DO: {
                advance();
                optNewlines();
                loops++;
                Stmt b = body();
                loops--;
                if (!tok.is(Type.WHILE)) throw error();
                advance();
                expect(Type.LPAREN);
                Expr test = expr();
                expect(Type.RPAREN);
                optNewlines();
                return new Ast.Do(at, b, test);
            }
            case FOR:
                return forStatement(at);
            case SWITCH:
                return switchStatement(at);
            case BREAK:
                advance();
                if (loops == 0 && switches == 0) {
                    diag.error(at.source(), at.line(), "`break' is not allowed outside a loop or switch");
                    diag.error(at.source(), at.line(), "`break' is not allowed outside a loop or switch");
                }
                terminator();
                return new Ast.Break(at);
            case CONTINUE:
                advance();
                if (loops == 0) {
                    diag.error(at.source(), at.line(), "`continue' is not allowed outside a loop");
                    diag.error(at.source(), at.line(), "`continue' is not allowed outside a loop");
                }
                terminator();
                return new Ast.Continue(at);
            case NEXT:
            case NEXTFILE: {
                String word = tok.text();
                advance();
                // inside a function the rule is known only when it runs
                boolean refused = word.equals("next")
                        ? ruleKind != null && ruleKind != Ast.RuleKind.MAIN
                        : ruleKind == Ast.RuleKind.BEGIN || ruleKind == Ast.RuleKind.END || ruleKind == Ast.RuleKind.ENDFILE;
                if (refused) diag.error(at.source(), at.line(), "`" + word + "' used in " + ruleKind + " action");
                terminator();
                return word.equals("next") ? new Ast.Next(at) : new Ast.NextFile(at);
            }
            case EXIT: {
                advance();
                Expr status = null;
                if (!isTerminator()) status = expr();
                terminator();
                return new Ast.Exit(at, status);
            }
            case RETURN: {
                if (!inFunction) throw diag.syntax(tok, "`return' used outside function context");
                advance();
                Expr value = null;
                if (!isTerminator()) value = expr();
                terminator();
                return new Ast.Return(at, value);
            }
            default: {
                Stmt s = simpleStatement();
                terminator();
                return s;
            }
        }
    }

    private boolean isTerminator() {
        return tok.is(Type.NEWLINE) || tok.is(Type.SEMI) || tok.is(Type.RBRACE) || tok.is(Type.EOF);
    }

    private Stmt simpleStatement() {
        At at = at();
        switch (tok.type()) {
            case PRINT:
            case PRINTF:
                return print(at);
            case DELETE: {
                advance();
                if (tok.is(Type.LPAREN) && peek(1).is(Type.NAME) && peek(2).is(Type.RPAREN)) {
                    advance();
                    Ast.Name n = new Ast.Name(at(), tok.text());
                    advance();
                    advance();
                    return new Ast.Delete(at, n, null);
                }
                if (!tok.is(Type.NAME)) throw error();
                Ast.ArrayRef n = new Ast.Name(at(), tok.text());
                advance();
                if (!tok.is(Type.LBRACKET)) return new Ast.Delete(at, n, null);
                List<Expr> subs = subscripts();
                while (tok.is(Type.LBRACKET)) {
                    n = new Ast.Index(n.at(), n, subs);
                    subs = subscripts();
                }
                return new Ast.Delete(at, n, subs);
            }
            default:
                return new Ast.Simple(at, expr());
        }
    }

    private Stmt forStatement(At at) {
        advance();
        expect(Type.LPAREN);
        if (tok.is(Type.NAME) && peek(1).is(Type.IN) && peek(2).is(Type.NAME)
                && (peek(3).is(Type.RPAREN) || peek(3).is(Type.LBRACKET))) {
            Ast.Name var = new Ast.Name(at(), tok.text());
            advance();
            advance();
            Ast.ArrayRef array = (Ast.ArrayRef) variable();
            expect(Type.RPAREN);
            optNewlines();
            loops++;
            Stmt b = body();
            loops--;
            return new Ast.ForIn(at, var, array, b);
        }
        Stmt init = tok.is(Type.SEMI) ? null : simpleStatement();
        expect(Type.SEMI);
        optNewlines();
        Expr test = tok.is(Type.SEMI) ? null : expr();
        expect(Type.SEMI);
        optNewlines();
        Stmt update = tok.is(Type.RPAREN) ? null : simpleStatement();
        expect(Type.RPAREN);
        if (tok.is(Type.SEMI)) {
            advance();
            optNewlines();
            return new Ast.For(at, init, test, update, new Ast.Block(at, List.of()));
        }
        optNewlines();
        loops++;
        Stmt b = body();
        loops--;
        return new Ast.For(at, init, test, update, b);
    }

    private Stmt switchStatement(At at) {
        advance();
        expect(Type.LPAREN);
        Expr subject = expr();
        expect(Type.RPAREN);
        optNewlines();
        expect(Type.LBRACE);
        enter();
        optNewlines();
        switches++;
        List<Ast.Case> cases = new ArrayList<>();
        while (!tok.is(Type.RBRACE)) {
            At caseAt = at();
            Expr value;
            if (tok.is(Type.CASE)) {
                advance();
                value = caseValue();
            } else if (tok.is(Type.DEFAULT)) {
                advance();
                value = null;
            } else {
                throw error();
            }
            expect(Type.COLON);
            optNewlines();
            List<Stmt> body = new ArrayList<>();
            while (!tok.is(Type.CASE) && !tok.is(Type.DEFAULT) && !tok.is(Type.RBRACE)) {
                if (tok.is(Type.EOF)) throw error();
                Stmt s = statement();
                if (s != null) body.add(s);
            }
            cases.add(new Ast.Case(caseAt, value, body));
        }
        switches--;
        advance();
        leave();
        optNewlines();
        return new Ast.Switch(at, subject, cases);
    }

    private Expr caseValue() {
        At at = at();
        if (tok.is(Type.NUMBER)) {
            double v = tok.number();
            advance();
            return new Ast.Num(at, v);
        }
        if ((tok.is(Type.MINUS) || tok.is(Type.PLUS)) && peek(1).is(Type.NUMBER)) {
            boolean minus = tok.is(Type.MINUS);
            advance();
            double v = tok.number();
            advance();
            return new Ast.Num(at, minus ? -v : v);
        }
        if (tok.is(Type.STRING)) {
            String s = tok.text();
            advance();
            return new Ast.Str(at, s);
        }
        // case @/re/: a typed regexp matches as a regexp constant does
        if (tok.is(Type.AT) && (peek(1).is(Type.SLASH) || peek(1).is(Type.DIV_ASSIGN))) advance();
        if (tok.is(Type.SLASH) || tok.is(Type.DIV_ASSIGN)) {
            tok = lexer.regexAt(tok);
            ahead.clear();
            String s = tok.text();
            advance();
            return new Ast.Regexp(at, s);
        }
        throw error();
    }

    private Stmt print(At at) {
        boolean printf = tok.is(Type.PRINTF);
        advance();
        List<Expr> args = new ArrayList<>();
        boolean savedPrint = inPrint;
        int savedParens = parens;
        inPrint = true;
        parens = 0;
        try {
            if (tok.is(Type.LPAREN)) {
                Token open = tok;
                advance();
                enter();
                parens++;
                List<Expr> list = new ArrayList<>();
                optNewlines();
                if (!tok.is(Type.RPAREN)) list = expressionList();
                expect(Type.RPAREN);
                parens--;
                leave();
                boolean ends = isTerminator() || tok.is(Type.GT) || tok.is(Type.APPEND) || tok.is(Type.PIPE) || tok.is(Type.PIPE_AMP);
                if (list.size() > 1 && !tok.is(Type.IN)) {
                    if (!ends) throw error();
                    args = list;
                } else if (list.isEmpty()) {
                    if (!ends) throw error();
                } else {
                    At gat = new At(open.source(), open.line());
                    pending = list.size() == 1 ? new Ast.Group(gat, list.get(0)) : inExpr(gat, list);
                    args = expressionList();
                }
            } else if (!isTerminator() && !tok.is(Type.GT) && !tok.is(Type.APPEND) && !tok.is(Type.PIPE)) {
                args = expressionList();
            }
            Ast.Redirect redirect = Ast.Redirect.NONE;
            Expr target = null;
            if (tok.is(Type.GT) || tok.is(Type.APPEND) || tok.is(Type.PIPE) || tok.is(Type.PIPE_AMP)) {
                redirect = tok.is(Type.GT) ? Ast.Redirect.FILE : tok.is(Type.APPEND) ? Ast.Redirect.APPEND
                        : tok.is(Type.PIPE) ? Ast.Redirect.PIPE : Ast.Redirect.COPROCESS;
                advance();
                inPrint = false;
                target = concat();
            }
            return new Ast.Print(at, printf, args, redirect, target);
        } finally {
            inPrint = savedPrint;
            parens = savedParens;
        }
    }

    private Expr inExpr(At at, List<Expr> subscripts) {
        if (!tok.is(Type.IN)) throw error();
        advance();
        if (!tok.is(Type.NAME)) throw error();
        return new Ast.In(at, subscripts, (Ast.ArrayRef) variable());
    }

    private List<Expr> expressionList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (tok.is(Type.COMMA)) {
            advance();
            optNewlines();
            list.add(expr());
        }
        return list;
    }

    private List<Expr> subscripts() {
        expect(Type.LBRACKET);
        enter();
        boolean savedPrint = inPrint;
        inPrint = false;
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (tok.is(Type.COMMA)) {
            advance();
            optNewlines();
            list.add(expr());
        }
        inPrint = savedPrint;
        expect(Type.RBRACKET);
        leave();
        return list;
    }

    // ---- expressions, loosest first ----

    Expr expr() {
        At at = at();
        Expr left = ternary();
        if (left instanceof Ast.IncDec id && !id.prefix() && id.target() instanceof Ast.Field && isAssignOp()) {
            assignOp();
            advance();
            expr();
            throw diag.syntax(tok, "cannot assign a value to the result of a field post-increment expression");
        }
        if (left instanceof LValue lv && isAssignOp()) {
            String op = assignOp();
            advance();
            enter();
            Expr value = expr();
            leave();
            return new Ast.Assign(at, lv, op, value);
        }
        return left;
    }

    private boolean isAssignOp() {
        switch (tok.type()) {
            case ASSIGN: case ADD_ASSIGN: case SUB_ASSIGN: case MUL_ASSIGN: case MOD_ASSIGN: case POW_ASSIGN:
                return true;
            case DIV_ASSIGN:
                return true;
            default:
                return false;
        }
    }

    private String assignOp() {
        switch (tok.type()) {
            case ADD_ASSIGN: return "+";
            case SUB_ASSIGN: return "-";
            case MUL_ASSIGN: return "*";
            case MOD_ASSIGN: return "%";
            case POW_ASSIGN: return "^";
            case DIV_ASSIGN:
                // the lexer left "=" of "/=" unread: read it now
                advance();
                if (!tok.is(Type.ASSIGN)) throw error();
                return "/";
            default: return null;
        }
    }

    private Expr ternary() {
        At at = at();
        Expr test = or();
        if (!tok.is(Type.QUESTION)) return test;
        advance();
        enter();
        Expr then = expr();
        if (!tok.is(Type.COLON)) throw error();
        advance();
        Expr otherwise = ternaryOrAssign();
        leave();
        return new Ast.Cond(at, test, then, otherwise);
    }

    /** The last operand of {@code ?:}: another conditional (right-associative), or an assignment. */
    private Expr ternaryOrAssign() {
        At at = at();
        Expr e = ternary();
        if (e instanceof LValue lv && isAssignOp()) {
            String op = assignOp();
            advance();
            Expr value = expr();
            return new Ast.Assign(at, lv, op, value);
        }
        return e;
    }

    /**
     * The right operand of {@code || && ~ !~} and the comparisons is a whole expression in gawk's
     * grammar, so it may be an assignment: {@code a && b = 1} is {@code a && (b = 1)} (while
     * {@code x + y = 3} is a syntax error: arithmetic operands are not).
     */
    private Expr assignable(Expr e) {
        if (e instanceof LValue lv && isAssignOp()) {
            At at = e.at();
            String op = assignOp();
            advance();
            enter();
            Expr value = expr();
            leave();
            return new Ast.Assign(at, lv, op, value);
        }
        return e;
    }

    private Expr or() {
        At at = at();
        Expr left = and();
        while (tok.is(Type.OR)) {
            advance();
            optNewlines();
            left = new Ast.Or(at, left, assignable(and()));
        }
        return left;
    }

    private Expr and() {
        At at = at();
        Expr left = in();
        while (tok.is(Type.AND)) {
            advance();
            optNewlines();
            left = new Ast.And(at, left, assignable(in()));
        }
        return left;
    }

    private Expr in() {
        At at = at();
        Expr left = match();
        while (tok.is(Type.IN)) {
            advance();
            if (!tok.is(Type.NAME)) throw error();
            left = new Ast.In(at, List.of(left), (Ast.ArrayRef) variable());
        }
        return left;
    }

    private Expr match() {
        At at = at();
        Expr left = relational();
        while (tok.is(Type.TILDE) || tok.is(Type.NOMATCH)) {
            boolean negated = tok.is(Type.NOMATCH);
            advance();
            left = new Ast.Match(at, left, assignable(relational()), negated);
        }
        return left;
    }

    private boolean redirecting() {
        return inPrint && parens == 0;
    }

    private Expr relational() {
        At at = at();
        Expr left = concat();
        String op = null;
        switch (tok.type()) {
            case LT: op = "<"; break;
            case LE: op = "<="; break;
            case EQ: op = "=="; break;
            case NE: op = "!="; break;
            case GE: op = ">="; break;
            case GT:
                if (!redirecting()) op = ">";
                break;
            default:
                break;
        }
        if (op == null) return left;
        advance();
        Expr right = assignable(concat());
        return new Ast.Binary(at, op, left, right);
    }

    /** Whether the current token can start an operand of concatenation. */
    private boolean startsOperand() {
        switch (tok.type()) {
            case NUMBER: case STRING: case NAME: case FUNC_NAME: case BUILTIN: case LENGTH: case DOLLAR: case NOT:
            case LPAREN: case INCR: case DECR: case AT:
                return true;
            default:
                return false;
        }
    }

    Expr concat() {
        At at = at();
        Expr left = additive();
        // after a concatenated operand "/=" can only start a regex (gawk: c /= d/ is c concatenated
        // with /= d/); after a lone variable it is the division-assignment
        for (;;) {
            if ((tok.is(Type.PIPE) || tok.is(Type.PIPE_AMP)) && !redirecting()) {
                // cmd | getline [var] (|& a coprocess): the command is the concatenation so far; more may follow
                boolean coprocess = tok.is(Type.PIPE_AMP);
                advance();
                if (!tok.is(Type.GETLINE)) throw error();
                advance();
                LValue target = optionalTarget();
                left = new Ast.Getline(at, coprocess ? Ast.GetlineKind.COPROCESS : Ast.GetlineKind.COMMAND, target, left);
                if (tok.is(Type.PLUS) || tok.is(Type.MINUS) || tok.is(Type.STAR) || tok.is(Type.SLASH)
                        || tok.is(Type.PERCENT) || tok.is(Type.CARET)) {
                    // gawk's simp_exp_nc: (cmd | getline x) + 1
                    pending = left;
                    left = additive();
                }
                continue;
            }
            if (startsOperand() || (tok.is(Type.DIV_ASSIGN) && !(left instanceof LValue))) {
                left = new Ast.Concat(at, left, additive());
                continue;
            }
            return left;
        }
    }

    private Expr additive() {
        At at = at();
        Expr left = multiplicative();
        while (tok.is(Type.PLUS) || tok.is(Type.MINUS)) {
            String op = tok.is(Type.PLUS) ? "+" : "-";
            advance();
            left = new Ast.Binary(at, op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        At at = at();
        Expr left = unary();
        while (tok.is(Type.STAR) || tok.is(Type.SLASH) || tok.is(Type.PERCENT)) {
            String op = tok.is(Type.STAR) ? "*" : tok.is(Type.SLASH) ? "/" : "%";
            advance();
            left = new Ast.Binary(at, op, left, unary());
        }
        return left;
    }

    private Expr unary() {
        At at = at();
        if (pending == null && (tok.is(Type.NOT) || tok.is(Type.MINUS) || tok.is(Type.PLUS))) {
            String op = tok.is(Type.NOT) ? "!" : tok.is(Type.MINUS) ? "-" : "+";
            advance();
            enter();
            Expr operand = op.equals("!") ? unaryNot() : unary();
            leave();
            return new Ast.Unary(at, op, operand);
        }
        return power();
    }

    /**
     * The operand of {@code !}: gawk's {@code '!' simp_exp} reduces before {@code + - * /} (unary
     * precedence), so {@code !x + y} is {@code (!x) + y}; it takes the unary and power operators.
     */
    private Expr unaryNot() {
        return unary();
    }

    private Expr power() {
        At at = at();
        Expr base = postfix();
        if (tok.is(Type.CARET)) {
            advance();
            enter();
            Expr exponent = powerOperand();
            leave();
            return new Ast.Binary(at, "^", base, exponent);
        }
        return base;
    }

    /** The right operand of {@code ^}: right-associative, may carry a sign ({@code 2^-1}). */
    private Expr powerOperand() {
        At at = at();
        if (tok.is(Type.NOT) || tok.is(Type.MINUS) || tok.is(Type.PLUS)) {
            String op = tok.is(Type.NOT) ? "!" : tok.is(Type.MINUS) ? "-" : "+";
            advance();
            enter();
            Expr operand = powerOperand();
            leave();
            return new Ast.Unary(at, op, operand);
        }
        return power();
    }

    private Expr postfix() {
        At at = at();
        Expr e = primary();
        if (e instanceof LValue lv && (tok.is(Type.INCR) || tok.is(Type.DECR))) {
            boolean inc = tok.is(Type.INCR);
            advance();
            return new Ast.IncDec(at, lv, false, inc);
        }
        return e;
    }

    private LValue optionalTarget() {
        if (tok.is(Type.NAME)) return variable();
        if (tok.is(Type.DOLLAR)) {
            Expr f = field();
            if (f instanceof LValue lv) return lv;
            throw error();
        }
        return null;
    }

    private LValue variable() {
        At at = at();
        Ast.Name n = new Ast.Name(at, tok.text());
        advance();
        Ast.ArrayRef v = n;
        while (tok.is(Type.LBRACKET)) v = new Ast.Index(at, v, subscripts());
        return v;
    }

    /**
     * {@code $} and its operand, with the post-increment that follows (gawk's {@code '$'
     * non_post_simp_exp opt_incdec}): so {@code $$a++++} is {@code $($a++)++}.
     */
    private Expr field() {
        At at = at();
        advance();
        enter();
        Expr index = fieldOperand();
        leave();
        Ast.Field f = new Ast.Field(at, index);
        if (tok.is(Type.INCR) || tok.is(Type.DECR)) {
            boolean inc = tok.is(Type.INCR);
            advance();
            return new Ast.IncDec(at, f, false, inc);
        }
        return f;
    }

    /** What may follow {@code $}: a primary without postfix {@code ++}, or a signed one. */
    private Expr fieldOperand() {
        At at = at();
        if (tok.is(Type.MINUS) || tok.is(Type.PLUS) || tok.is(Type.NOT)) {
            String op = tok.is(Type.NOT) ? "!" : tok.is(Type.MINUS) ? "-" : "+";
            advance();
            enter();
            // gawk: '$' '-' simp_exp — the sign takes a whole unary operand, i++ included ($-i++ is $(-(i++)))
            Expr operand = unary();
            leave();
            return new Ast.Unary(at, op, operand);
        }
        return primary();
    }

    private Expr primary() {
        if (pending != null) {
            Expr p = pending;
            pending = null;
            return p;
        }
        At at = at();
        switch (tok.type()) {
            case NUMBER: {
                double v = tok.number();
                advance();
                return new Ast.Num(at, v);
            }
            case STRING: {
                String s = tok.text();
                advance();
                return new Ast.Str(at, s);
            }
            case SLASH:
            case DIV_ASSIGN: {
                tok = lexer.regexAt(tok);
                ahead.clear();
                String s = tok.text();
                advance();
                return new Ast.Regexp(at, s);
            }
            case LPAREN: {
                advance();
                enter();
                boolean savedPrint = inPrint;
                parens++;
                List<Expr> list = expressionList();
                parens--;
                inPrint = savedPrint;
                expect(Type.RPAREN);
                leave();
                if (list.size() > 1) return inExpr(at, list);
                return new Ast.Group(at, list.get(0));
            }
            case DOLLAR:
                return field();
            case NAME:
                return variable();
            case FUNC_NAME: {
                String name = tok.text();
                advance();
                return new Ast.Call(at, name, arguments());
            }
            case BUILTIN: {
                String name = tok.text();
                // a parameter may shadow a gawk extension's built-in (gawk's want_param_names)
                if (currentParams.contains(name)) return variable();
                advance();
                if (!tok.is(Type.LPAREN)) throw error();
                List<Expr> args = arguments();
                checkArgumentCount(name, args.size());
                return new Ast.Builtin(at, name, args);
            }
            case LENGTH: {
                advance();
                if (!tok.is(Type.LPAREN)) return new Ast.Builtin(at, "length", List.of());
                List<Expr> args = arguments();
                checkArgumentCount("length", args.size());
                return new Ast.Builtin(at, "length", args);
            }
            case INCR:
            case DECR: {
                boolean inc = tok.is(Type.INCR);
                advance();
                LValue lv;
                if (tok.is(Type.NAME)) {
                    lv = variable();
                } else if (tok.is(Type.DOLLAR)) {
                    Expr f = field();
                    if (!(f instanceof LValue l)) throw error();
                    lv = l;
                } else {
                    throw error();
                }
                return new Ast.IncDec(at, lv, true, inc);
            }
            case GETLINE: {
                advance();
                LValue target = optionalTarget();
                if (tok.is(Type.LT)) {
                    advance();
                    enter();
                    Expr file = additive();
                    leave();
                    return new Ast.Getline(at, Ast.GetlineKind.FILE, target, file);
                }
                if (ruleKind == Ast.RuleKind.BEGINFILE || ruleKind == Ast.RuleKind.ENDFILE) {
                    diag.error(at.source(), at.line(), "non-redirected `getline' invalid inside `" + ruleKind + "' rule");
                }
                return new Ast.Getline(at, Ast.GetlineKind.MAIN, target, null);
            }
            case NOT:
            case MINUS:
            case PLUS:
                return unary();
            case AT: {
                advance();
                if ((tok.is(Type.NAME) || tok.is(Type.FUNC_NAME)) && peek(1).is(Type.LPAREN)) {
                    Ast.Name f = new Ast.Name(at(), tok.text());
                    advance();
                    return new Ast.IndirectCall(at, f, arguments());
                }
                if (tok.is(Type.SLASH) || tok.is(Type.DIV_ASSIGN)) {
                    tok = lexer.regexAt(tok);
                    ahead.clear();
                    String re = tok.text();
                    advance();
                    return new Ast.TypedRegex(at, re);
                }
                throw error();
            }
            default:
                throw error();
        }
    }

    /** Where the last argument list's ")" was: gawk's caret for a wrong count goes under it. */
    private Token closeParen;

    private List<Expr> arguments() {
        expect(Type.LPAREN);
        enter();
        boolean savedPrint = inPrint;
        parens++;
        List<Expr> args = new ArrayList<>();
        optNewlines();
        if (!tok.is(Type.RPAREN)) {
            args = expressionList();
            optNewlines();
        }
        parens--;
        inPrint = savedPrint;
        closeParen = tok;
        expect(Type.RPAREN);
        leave();
        return args;
    }

    /** gawk checks the number of arguments of a built-in as it parses the call; the caret is after the ")". */
    private void checkArgumentCount(String name, int n) {
        int[] range = Builtins.arity(name);
        if (range == null) return;
        if (n < range[0] || n > range[1]) {
            Token after = new Token(Type.RPAREN, null, 0, closeParen.source(), closeParen.line(), closeParen.offset());
            throw diag.syntax(after, n + " is invalid as number of arguments for " + name);
        }
    }
}
