package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.prog.tools.editors.awk.Ast.At;
import dev.syssim.sim.prog.tools.editors.awk.Ast.Expr;
import dev.syssim.sim.prog.tools.editors.awk.Ast.Stmt;
import dev.syssim.sim.prog.tools.editors.awk.Code.Instr;
import dev.syssim.sim.prog.tools.editors.awk.Code.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the syntax tree into {@link Code}: names resolved to global or local slots, constants
 * folded as gawk folds them (so {@code 1/0} is an error before anything runs), regex literals
 * compiled (their errors too are reported before the program runs), jumps for the control flow.
 *
 * <p>Chains of the same binary operator ({@code a b c d ...}, {@code 1+2+3...}) are walked in a
 * loop, so a long one never deepens Java's stack; only nesting does, which the parser bounds.
 */
final class Compiler {

    /** A regex literal: its text, compiled for the case sensitivity in force. */
    static final class RegexLiteral {
        final String source;
        final AwkRegex exact;
        private AwkRegex folded;

        RegexLiteral(String source, AwkRegex exact) {
            this.source = source;
            this.exact = exact;
        }

        AwkRegex get(boolean ignoreCase, boolean utf8) {
            if (!ignoreCase) return exact;
            if (folded == null) folded = (AwkRegex) AwkRegex.compile(source, utf8, true, null);
            return folded;
        }

        @Override
        public String toString() {
            return "/" + source + "/";
        }
    }

    private final Diagnostics diag;
    private final boolean utf8;
    private final AwkRegex.Warned warned;
    private final List<Instr> code = new ArrayList<>();
    private final Map<String, Integer> globals = new LinkedHashMap<>();
    private final Map<String, Integer> functionIndex = new HashMap<>();
    private final List<Ast.Function> functionList = new ArrayList<>();
    private final Map<String, RegexLiteral> regexes = new HashMap<>();

    /** The current function's parameters (null outside functions). */
    private List<String> locals;

    /** Jump lists of the enclosing loops and switches. */
    private static final class Jumps {
        final List<Integer> breaks = new ArrayList<>();
        final List<Integer> continues = new ArrayList<>();
        final boolean isLoop;

        Jumps(boolean isLoop) {
            this.isLoop = isLoop;
        }
    }

    private final Deque<Jumps> jumps = new ArrayDeque<>();
    private final Map<String, At> spaceBeforeParen = new LinkedHashMap<>();
    private At currentAt;

    Compiler(Diagnostics diag, boolean utf8, AwkRegex.Warned warned) {
        this.diag = diag;
        this.utf8 = utf8;
        this.warned = warned;
        for (String s : Specials.NAMES) globals.put(s, globals.size());
    }

    Code compile(Ast.Program p) {
        for (Ast.Function f : p.functions()) {
            if (!functionIndex.containsKey(f.name())) {
                functionIndex.put(f.name(), functionList.size());
                functionList.add(f);
            }
        }
        boolean readsInput = false;
        for (Ast.Rule r : p.rules()) {
            if (r.kind() != Ast.RuleKind.BEGIN) readsInput = true;
        }
        for (Ast.Rule r : p.rules()) if (r.kind() == Ast.RuleKind.BEGIN) block(r.action());
        // a program of BEGIN rules only never reads its input
        if (!readsInput) emit(Op.HALT, 0, 0, 0, null, null);
        int mainStart = code.size();
        int nextRecord = emit(Op.NEXT_RECORD, 0, 0, 0, null, null);
        for (Ast.Rule r : p.rules()) if (r.kind() == Ast.RuleKind.MAIN) rule(r);
        emit(Op.JMP, mainStart, 0, 0, null, null);
        int endStart = code.size();
        code.get(nextRecord).a = endStart;
        emit(Op.ENTER_END, 0, 0, 0, null, null);
        for (Ast.Rule r : p.rules()) if (r.kind() == Ast.RuleKind.END) block(r.action());
        emit(Op.HALT, 0, 0, 0, null, null);
        int beginfileStart = fileRules(p, Ast.RuleKind.BEGINFILE);
        int endfileStart = fileRules(p, Ast.RuleKind.ENDFILE);
        int callbackReturn = emit(Op.CALLBACK_DONE, 0, 0, 0, null, null);
        List<Code.Function> functions = new ArrayList<>();
        for (Ast.Function f : functionList) {
            locals = f.params();
            int entry = code.size();
            block(f.body());
            emit(Op.RET_UNINIT, 0, 0, 0, null, f.at());
            functions.add(new Code.Function(f.name(), f.params(), entry));
            locals = null;
        }
        for (Map.Entry<String, At> e : spaceBeforeParen.entrySet()) {
            diag.error(e.getValue().source(), e.getValue().line(), "function `" + e.getKey()
                    + "' called with space between name and `(',\nor used as a variable or an array");
        }
        return new Code(code.toArray(new Instr[0]), functions, new ArrayList<>(globals.keySet()), mainStart, endStart, beginfileStart, endfileStart, callbackReturn, readsInput);
    }

    /** The BEGINFILE or ENDFILE rules, run like a function by the input instruction that meets a file's start or end. */
    private int fileRules(Ast.Program p, Ast.RuleKind kind) {
        int start = code.size();
        boolean any = false;
        for (Ast.Rule r : p.rules()) {
            if (r.kind() == kind) {
                block(r.action());
                any = true;
            }
        }
        if (!any) return -1;
        emit(Op.FILE_RULES_DONE, 0, 0, 0, null, null);
        return start;
    }

    private int emit(Op op, int a, int b, int c, Object o, At at) {
        code.add(new Instr(op, a, b, c, o, at));
        return code.size() - 1;
    }

    private int emit(Op op, At at) {
        return emit(op, 0, 0, 0, null, at);
    }

    private void patch(int at, int target) {
        code.get(at).a = target;
    }

    // ---- rules and statements ----

    private void rule(Ast.Rule r) {
        At at = r.at();
        if (r.pattern() == null) {
            body(r, at);
            return;
        }
        if (r.rangeEnd() == null) {
            condition(r.pattern());
            int skip = emit(Op.JZ, at);
            body(r, at);
            patch(skip, code.size());
            return;
        }
        int flag = globalSlot(" range " + code.size());
        emit(Op.LOAD, Code.GLOBAL, flag, 0, null, at);
        int active = emit(Op.JNZ, at);
        condition(r.pattern());
        int skip = emit(Op.JZ, at);
        emit(Op.CONST, 0, 0, 0, Value.of(1), at);
        emit(Op.STORE, Code.GLOBAL, flag, 0, null, at);
        emit(Op.POP, at);
        patch(active, code.size());
        condition(r.rangeEnd());
        int run = emit(Op.JZ, at);
        emit(Op.CONST, 0, 0, 0, Value.of(0), at);
        emit(Op.STORE, Code.GLOBAL, flag, 0, null, at);
        emit(Op.POP, at);
        patch(run, code.size());
        body(r, at);
        patch(skip, code.size());
    }

    private void body(Ast.Rule r, At at) {
        if (r.action() == null) emit(Op.PRINT, 0, 0, 0, null, at);
        else block(r.action());
    }

    /** An expression used as a condition: a regex literal matches $0. */
    private void condition(Expr e) {
        expr(e);
    }

    private void block(Ast.Block b) {
        for (Stmt s : b.body()) statement(s);
    }

    private void statement(Stmt s) {
        At at = s.at();
        if (s instanceof Ast.Simple x) {
            expr(x.expr());
            emit(Op.POP, at);
        } else if (s instanceof Ast.Print x) {
            print(x);
        } else if (s instanceof Ast.Block x) {
            block(x);
        } else if (s instanceof Ast.If x) {
            expr(x.test());
            int otherwise = emit(Op.JZ, at);
            statement(x.then());
            if (x.otherwise() == null) {
                patch(otherwise, code.size());
            } else {
                int end = emit(Op.JMP, at);
                patch(otherwise, code.size());
                statement(x.otherwise());
                patch(end, code.size());
            }
        } else if (s instanceof Ast.While x) {
            int top = code.size();
            expr(x.test());
            int exit = emit(Op.JZ, at);
            Jumps j = loop(x.body());
            emit(Op.JMP, top, 0, 0, null, at);
            patch(exit, code.size());
            finish(j, code.size(), top);
        } else if (s instanceof Ast.Do x) {
            int top = code.size();
            Jumps j = loop(x.body());
            int test = code.size();
            expr(x.test());
            emit(Op.JNZ, top, 0, 0, null, at);
            finish(j, code.size(), test);
        } else if (s instanceof Ast.For x) {
            if (x.init() != null) statement(x.init());
            int top = code.size();
            int exit = -1;
            if (x.test() != null) {
                expr(x.test());
                exit = emit(Op.JZ, at);
            }
            Jumps j = loop(x.body());
            int update = code.size();
            if (x.update() != null) statement(x.update());
            emit(Op.JMP, top, 0, 0, null, at);
            if (exit >= 0) patch(exit, code.size());
            finish(j, code.size(), update);
        } else if (s instanceof Ast.ForIn x) {
            arrayRef(x.array(), Code.SUB_VALUE);
            emit(Op.FORIN_INIT, at);
            int next = emit(Op.FORIN_NEXT, at);
            store(x.var());
            emit(Op.POP, at);
            Jumps j = loop(x.body());
            emit(Op.JMP, next, 0, 0, null, at);
            int breakTarget = code.size();
            emit(Op.POP, at);
            patch(next, code.size());
            finish(j, breakTarget, next);
        } else if (s instanceof Ast.Switch x) {
            switchStatement(x);
        } else if (s instanceof Ast.Break) {
            Jumps j = jumps.peek();
            if (j == null) return;
            j.breaks.add(emit(Op.JMP, at));
        } else if (s instanceof Ast.Continue) {
            for (Jumps j : jumps) {
                if (j.isLoop) {
                    j.continues.add(emit(Op.JMP, at));
                    return;
                }
            }
        } else if (s instanceof Ast.Next) {
            emit(Op.NEXT, at);
        } else if (s instanceof Ast.NextFile) {
            emit(Op.NEXTFILE, at);
        } else if (s instanceof Ast.Exit x) {
            if (x.status() != null) expr(x.status());
            emit(Op.EXIT, x.status() == null ? 0 : 1, 0, 0, null, at);
        } else if (s instanceof Ast.Return x) {
            if (x.value() == null) {
                emit(Op.RET_UNINIT, at);
            } else {
                expr(x.value());
                emit(Op.RET, at);
            }
        } else if (s instanceof Ast.Delete x) {
            arrayRef(x.array(), Code.SUB_NAMED);
            if (x.subscripts() == null) {
                emit(Op.DELETE_ALL, at);
            } else {
                subscript(x.subscripts(), at);
                emit(Op.DELETE, at);
            }
        }
    }

    private Jumps loop(Stmt body) {
        Jumps j = new Jumps(true);
        jumps.push(j);
        statement(body);
        jumps.pop();
        return j;
    }

    private void finish(Jumps j, int breakTarget, int continueTarget) {
        for (int b : j.breaks) patch(b, breakTarget);
        for (int c : j.continues) patch(c, continueTarget);
    }

    private void switchStatement(Ast.Switch x) {
        At at = x.at();
        expr(x.subject());
        List<Integer> tests = new ArrayList<>();
        int defaultCase = -1;
        for (int i = 0; i < x.cases().size(); i++) {
            Ast.Case c = x.cases().get(i);
            if (c.value() == null) {
                defaultCase = i;
                tests.add(-1);
                continue;
            }
            emit(Op.DUP, at);
            if (c.value() instanceof Ast.Regexp r) {
                emit(Op.REGEX, 0, 0, 0, regexLiteral(r), at);
                emit(Op.MATCH, 0, 0, 0, null, at);
            } else {
                expr(c.value());
                emit(Op.EQ, at);
            }
            tests.add(emit(Op.JNZ, at));
        }
        emit(Op.POP, at);
        int toDefault = emit(Op.JMP, at);
        List<Integer> trampolines = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            if (tests.get(i) < 0) {
                trampolines.add(-1);
                continue;
            }
            patch(tests.get(i), code.size());
            emit(Op.POP, at);
            trampolines.add(emit(Op.JMP, at));
        }
        Jumps j = new Jumps(false);
        jumps.push(j);
        for (int i = 0; i < x.cases().size(); i++) {
            int start = code.size();
            if (trampolines.get(i) >= 0) patch(trampolines.get(i), start);
            if (i == defaultCase) patch(toDefault, start);
            for (Stmt s : x.cases().get(i).body()) statement(s);
        }
        jumps.pop();
        int end = code.size();
        if (defaultCase < 0) patch(toDefault, end);
        for (int b : j.breaks) patch(b, end);
        // a continue inside a switch belongs to the enclosing loop
        if (!j.continues.isEmpty()) {
            for (Jumps outer : jumps) {
                if (outer.isLoop) {
                    outer.continues.addAll(j.continues);
                    break;
                }
            }
        }
    }

    private void print(Ast.Print x) {
        At at = x.at();
        for (Expr e : x.args()) expr(e);
        int redirect = x.redirect().ordinal();
        if (x.target() != null) expr(x.target());
        emit(x.printf() ? Op.PRINTF : Op.PRINT, x.args().size(), redirect, 0, null, at);
    }

    // ---- names ----

    private int globalSlot(String name) {
        Integer slot = globals.get(name);
        if (slot == null) {
            slot = globals.size();
            globals.put(name, slot);
        }
        return slot;
    }

    private void noteName(String name, At at) {
        if (functionIndex.containsKey(name) && (locals == null || !locals.contains(name))) spaceBeforeParen.putIfAbsent(name, at);
    }

    /** {scope, slot} of a variable name. */
    private int[] resolve(String name, At at) {
        noteName(name, at);
        if (locals != null) {
            int i = locals.indexOf(name);
            if (i >= 0) return new int[] {Code.LOCAL, i};
        }
        return new int[] {Code.GLOBAL, globalSlot(name)};
    }

    private void array(Ast.Name n) {
        int[] r = resolve(n.name(), n.at());
        emit(Op.ARRAY, r[0], r[1], 0, n.name(), n.at());
    }

    /**
     * Pushes the array a name or a subarray element names; {@code mode} (Code.SUB_*) says what a
     * scalar found there does.
     */
    private void arrayRef(Ast.ArrayRef ref, int mode) {
        if (ref instanceof Ast.Name n) {
            int[] r = resolve(n.name(), n.at());
            emit(Op.ARRAY, r[0], r[1], mode == Code.SUB_BUILTIN ? 1 : 0, n.name(), n.at());
            return;
        }
        Ast.Index ix = (Ast.Index) ref;
        arrayRef(ix.array(), Code.SUB_NAMED);
        subscript(ix.subscripts(), ix.at());
        emit(Op.SUBARRAY, mode, 0, 0, ix.root().name(), ix.at());
    }

    /** An element passed as an argument: a subarray as an array, an untyped element by reference, else its value. */
    private void elementArgument(Ast.Index ix) {
        arrayRef(ix.array(), Code.SUB_NAMED);
        subscript(ix.subscripts(), ix.at());
        emit(Op.ELEM_ARG, 0, 0, 0, ix.root().name(), ix.at());
    }

    private void subscript(List<Expr> subs, At at) {
        for (Expr e : subs) expr(unwrap(e));
        if (subs.size() > 1) emit(Op.JOIN, subs.size(), 0, 0, null, at);
    }

    private static Expr unwrap(Expr e) {
        while (e instanceof Ast.Group g) e = g.inner();
        return e;
    }

    /** Pushes the parts of an lvalue; returns {kind, slot}. */
    private int[] parts(Ast.LValue lv) {
        if (lv instanceof Ast.Name n) return resolve(n.name(), n.at());
        if (lv instanceof Ast.Field f) {
            expr(f.index());
            return new int[] {Code.FIELD, 0};
        }
        Ast.Index ix = (Ast.Index) lv;
        arrayRef(ix.array(), Code.SUB_NAMED);
        subscript(ix.subscripts(), ix.at());
        return new int[] {Code.ELEM, 0};
    }

    private void store(Ast.LValue lv) {
        int[] k = parts(lv);
        emit(Op.STORE, k[0], k[1], 0, name(lv), lv.at());
    }

    private static String name(Ast.LValue lv) {
        if (lv instanceof Ast.Name n) return n.name();
        if (lv instanceof Ast.Index ix) return ix.root().name();
        return null;
    }

    // ---- expressions ----

    private void expr(Expr e) {
        At at = e.at();
        currentAt = at;
        if (e instanceof Ast.Num x) {
            emit(Op.CONST, 0, 0, 0, Value.of(x.value()), at);
        } else if (e instanceof Ast.Str x) {
            emit(Op.CONST, 0, 0, 0, Value.str(x.value()), at);
        } else if (e instanceof Ast.Regexp x) {
            emit(Op.MATCH_RECORD, 0, 0, 0, regexLiteral(x), at);
        } else if (e instanceof Ast.Group x) {
            expr(x.inner());
        } else if (e instanceof Ast.Name || e instanceof Ast.Field || e instanceof Ast.Index) {
            Ast.LValue lv = (Ast.LValue) e;
            int[] k = parts(lv);
            emit(Op.LOAD, k[0], k[1], 0, name(lv), at);
        } else if (e instanceof Ast.Assign x) {
            expr(x.value());
            int[] k = parts(x.target());
            if (x.op() == null) emit(Op.STORE, k[0], k[1], 0, name(x.target()), at);
            else emit(Op.OPASSIGN, k[0], k[1], x.op().charAt(0), name(x.target()), at);
        } else if (e instanceof Ast.Cond x) {
            expr(x.test());
            int otherwise = emit(Op.JZ, at);
            expr(x.then());
            int end = emit(Op.JMP, at);
            patch(otherwise, code.size());
            expr(x.otherwise());
            patch(end, code.size());
        } else if (e instanceof Ast.And x) {
            logical(x.left(), x.right(), true, at);
        } else if (e instanceof Ast.Or x) {
            logical(x.left(), x.right(), false, at);
        } else if (e instanceof Ast.In x) {
            subscript(x.subscripts(), at);
            arrayRef(x.array(), Code.SUB_VALUE);
            emit(Op.IN, at);
        } else if (e instanceof Ast.Match x) {
            expr(x.subject());
            regexArgument(x.regex());
            emit(Op.MATCH, x.negated() ? 1 : 0, 0, 0, null, at);
        } else if (e instanceof Ast.Binary x) {
            binary(x);
        } else if (e instanceof Ast.Concat x) {
            concat(x);
        } else if (e instanceof Ast.Unary x) {
            unary(x);
        } else if (e instanceof Ast.IncDec x) {
            int[] k = parts(x.target());
            emit(Op.INCDEC, k[0], k[1], (x.prefix() ? 1 : 0) | (x.increment() ? 2 : 0), name(x.target()), at);
        } else if (e instanceof Ast.Call x) {
            call(x);
        } else if (e instanceof Ast.Builtin x) {
            builtin(x);
        } else if (e instanceof Ast.Getline x) {
            getline(x);
        } else if (e instanceof Ast.TypedRegex x) {
            emit(Op.CONST, 0, 0, 0, Value.regex(x.source()), at);
        } else if (e instanceof Ast.IndirectCall x) {
            expr(x.function());
            userArguments(x.args());
            emit(Op.INDIRECT_CALL, 0, x.args().size(), 0, x.function().name(), at);
        }
    }

    private void logical(Expr left, Expr right, boolean and, At at) {
        expr(left);
        int shortCut = emit(and ? Op.JZ : Op.JNZ, at);
        expr(right);
        emit(Op.TRUTH, at);
        int end = emit(Op.JMP, at);
        patch(shortCut, code.size());
        emit(Op.CONST, 0, 0, 0, Value.of(and ? 0 : 1), at);
        patch(end, code.size());
    }

    /** A regex operand: a literal compiles once; anything else is a dynamic regex, its string compiled when used. */
    private void regexArgument(Expr e) {
        Expr u = unwrap(e);
        if (u instanceof Ast.Regexp r) emit(Op.REGEX, 0, 0, 0, regexLiteral(r), r.at());
        else if (u instanceof Ast.TypedRegex r) emit(Op.REGEX, 0, 0, 0, regexLiteral(new Ast.Regexp(r.at(), r.source())), r.at());
        else expr(e);
    }

    private RegexLiteral regexLiteral(Ast.Regexp r) {
        RegexLiteral lit = regexes.get(r.source());
        if (lit != null) return lit;
        List<String> warnings = new ArrayList<>();
        Object c = AwkRegex.compile(r.source(), utf8, false, warnings);
        for (String w : warnings) if (warned.first(w)) diag.warning(r.at().source(), r.at().line(), w);
        if (c instanceof AwkRegex.Invalid bad) {
            diag.error(r.at().source(), r.at().line(), bad.message() + ": /" + bad.source() + "/");
            lit = new RegexLiteral(r.source(), null);
        } else {
            lit = new RegexLiteral(r.source(), (AwkRegex) c);
        }
        regexes.put(r.source(), lit);
        return lit;
    }

    private static Op opOf(String op) {
        switch (op) {
            case "+": return Op.ADD;
            case "-": return Op.SUB;
            case "*": return Op.MUL;
            case "/": return Op.DIV;
            case "%": return Op.MOD;
            case "^": return Op.POW;
            case "<": return Op.LT;
            case "<=": return Op.LE;
            case ">": return Op.GT;
            case ">=": return Op.GE;
            case "==": return Op.EQ;
            default: return Op.NE;
        }
    }

    /** A binary expression; a left-leaning chain is walked in a loop, constants are folded. */
    private void binary(Ast.Binary x) {
        List<Ast.Binary> spine = new ArrayList<>();
        Expr left = x;
        while (left instanceof Ast.Binary b && isArithmetic(b.op())) {
            spine.add(b);
            left = b.left();
        }
        if (spine.isEmpty()) {
            expr(x.left());
            expr(x.right());
            emit(opOf(x.op()), x.at());
            return;
        }
        Double constant = folded(left);
        if (constant == null) expr(left);
        for (int i = spine.size() - 1; i >= 0; i--) {
            Ast.Binary b = spine.get(i);
            Double right = folded(b.right());
            if (constant != null && right != null) {
                Double r = fold(b.op(), constant, right, b.at());
                if (r != null) {
                    constant = r;
                    continue;
                }
            }
            if (constant != null) {
                emit(Op.CONST, 0, 0, 0, Value.of(constant), b.at());
                constant = null;
            }
            expr(b.right());
            emit(opOf(b.op()), b.at());
        }
        if (constant != null) emit(Op.CONST, 0, 0, 0, Value.of(constant), x.at());
    }

    private static boolean isArithmetic(String op) {
        return op.equals("+") || op.equals("-") || op.equals("*") || op.equals("/") || op.equals("%") || op.equals("^");
    }

    /** The constant value of a number literal or a folded unary minus of one; null otherwise. */
    private static Double folded(Expr e) {
        e = unwrap(e);
        if (e instanceof Ast.Num n) return n.value();
        if (e instanceof Ast.Unary u && (u.op().equals("-") || u.op().equals("+"))) {
            Double v = folded(u.operand());
            if (v != null) return u.op().equals("-") ? -v : v;
        }
        return null;
    }

    /** gawk folds arithmetic on constants while parsing; a zero divisor is an error there. */
    private Double fold(String op, double l, double r, At at) {
        switch (op) {
            case "+": return l + r;
            case "-": return l - r;
            case "*": return l * r;
            case "/":
                if (r == 0) {
                    diag.error(at.source(), at.line(), "division by zero attempted");
                    return 0.0;
                }
                return l / r;
            case "%":
                if (r == 0) {
                    diag.error(at.source(), at.line(), "division by zero attempted in `%'");
                    return 0.0;
                }
                return l % r;
            default:
                return Numbers.power(l, r);
        }
    }

    private void concat(Ast.Concat x) {
        List<Ast.Concat> spine = new ArrayList<>();
        Expr left = x;
        while (left instanceof Ast.Concat c) {
            spine.add(c);
            left = c.left();
        }
        expr(left);
        for (int i = spine.size() - 1; i >= 0; i--) {
            expr(spine.get(i).right());
            emit(Op.CONCAT, spine.get(i).at());
        }
    }

    private void unary(Ast.Unary x) {
        List<Ast.Unary> spine = new ArrayList<>();
        Expr operand = x;
        while (operand instanceof Ast.Unary u) {
            spine.add(u);
            operand = u.operand();
        }
        Double constant = folded(x);
        if (constant != null && spine.stream().allMatch(u -> !u.op().equals("!"))) {
            emit(Op.CONST, 0, 0, 0, Value.of(constant), x.at());
            return;
        }
        expr(operand);
        for (int i = spine.size() - 1; i >= 0; i--) {
            String op = spine.get(i).op();
            emit(op.equals("!") ? Op.NOT : op.equals("-") ? Op.NEG : Op.UPLUS, spine.get(i).at());
        }
    }

    private void call(Ast.Call x) {
        Integer index = functionIndex.get(x.name());
        if (locals != null && locals.contains(x.name())) {
            diag.error(x.at().source(), x.at().line(), "attempt to use non-function `" + x.name() + "' in function call");
        }
        if (index != null && x.args().size() > functionList.get(index).params().size()) {
            diag.warning(x.at().source(), x.at().line(), "function `" + x.name() + "' called with more arguments than declared");
        }
        userArguments(x.args());
        emit(Op.CALL, index == null ? -1 : index, x.args().size(), 0, x.name(), x.at());
    }

    /** Arguments of a user function: a bare name may be an array (or become one in the callee). */
    private void userArguments(List<Expr> args) {
        for (Expr a : args) {
            Expr u = unwrap(a);
            if (a instanceof Ast.Name n && !Specials.isSpecial(n.name())) {
                int[] r = resolve(n.name(), n.at());
                emit(Op.ARG, r[0], r[1], 0, n.name(), n.at());
            } else if (u instanceof Ast.Name n && Specials.isArray(Specials.slot(n.name()))) {
                array(n);
            } else if (a instanceof Ast.Index ix) {
                elementArgument(ix);
            } else {
                expr(a);
            }
        }
    }

    private void builtin(Ast.Builtin x) {
        Builtins.Id id = Builtins.byName(x.name());
        At at = x.at();
        if (id == Builtins.Id.SUB || id == Builtins.Id.GSUB) {
            regexArgument(x.args().get(0));
            expr(x.args().get(1));
            int kind = -1;
            int slot = 0;
            String name = null;
            if (x.args().size() == 3) {
                Expr target = unwrap(x.args().get(2));
                if (target instanceof Ast.LValue lv) {
                    int[] k = parts(lv);
                    kind = k[0];
                    slot = k[1];
                    name = name(lv);
                } else {
                    // not an lvalue: gawk substitutes in a temporary copy
                    expr(target);
                    kind = -2;
                }
            }
            emit(Op.SUBST, id == Builtins.Id.GSUB ? 1 : 0, kind, slot, name, at);
            return;
        }
        for (int i = 0; i < x.args().size(); i++) {
            Expr a = x.args().get(i);
            Expr u = unwrap(a);
            switch (Builtins.pass(id, i)) {
                case ARRAY:
                    // a scalar passes as itself: the built-in names the argument that is not an array
                    if (u instanceof Ast.ArrayRef ref) arrayRef(ref, Code.SUB_BUILTIN);
                    else expr(a);
                    break;
                case REGEX:
                    regexArgument(a);
                    break;
                case ARRAY_OR_VALUE:
                    if (u instanceof Ast.Name n) {
                        int[] r = resolve(n.name(), n.at());
                        emit(Op.ARG, r[0], r[1], 0, n.name(), n.at());
                    } else if (u instanceof Ast.Index ix) {
                        elementArgument(ix);
                    } else {
                        expr(a);
                    }
                    break;
                default:
                    expr(a);
            }
        }
        emit(Op.BUILTIN, id.ordinal(), x.args().size(), 0, null, at);
    }

    private void getline(Ast.Getline x) {
        int kind = -1;
        int slot = 0;
        String name = null;
        if (x.target() != null) {
            int[] k = parts(x.target());
            kind = k[0];
            slot = k[1];
            name = name(x.target());
        }
        if (x.source() != null) expr(x.source());
        emit(Op.GETLINE, x.kind().ordinal(), kind, slot, name, x.at());
    }
}
