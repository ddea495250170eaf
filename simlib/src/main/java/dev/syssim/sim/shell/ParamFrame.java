package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.syntax.Ast;
import dev.syssim.sim.shell.syntax.Ast.ParamOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One <code>${...}</code> expansion: the subscript is expanded and evaluated, the parameter looked up
 * (through <code>${!name}</code>'s indirection), and the operator applied — expanding its operand word
 * only when the operator needs it, as bash does (<code>${x:-$(cmd)}</code> runs cmd only if x is
 * empty). The result goes to the enclosing word: a {@link Parameters.Value}, or marked words for
 * the operand of {@code :-} and {@code :+}.
 */
final class ParamFrame extends Frame {

    private final Ast.ParamOp op;
    private final boolean quoted;
    private final Consumer<Object> out;
    private int phase;
    private String subscript;
    private String name;
    private Parameters.Value base;
    private List<String> operandText;
    private List<Marked> operandMarked;
    private String offsetText;
    private String lengthText;
    private String pattern;
    private String replacement;
    /** The variable's name after indirection and its subscript: what ${x:=w} assigns. */
    private String targetName;
    private String targetSubscript;
    private boolean wholeArray;

    ParamFrame(Ast.ParamOp op, boolean quoted, Consumer<Object> out) {
        this.op = op;
        this.quoted = quoted;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                phase = 1;
                if (op.subscript() != null) {
                    String lit = ArithSubFrame.literal(op.subscript());
                    if (lit != null && (lit.equals("@") || lit.equals("*"))) {
                        subscript = lit;
                    } else if (lit != null) {
                        subscript = lit;
                    } else {
                        sh.push(new WordFrame(op.subscript(), WordFrame.Mode.STRING, r -> subscript = r.get(0)));
                        return Shell.CONTINUE;
                    }
                }
                return Shell.CONTINUE;
            }
            case 1 -> {
                return lookup(sh);
            }
            case 2 -> {
                return applyOperand(sh);
            }
            case 3 -> {
                // substring offset expanded; the length, if any
                phase = 4;
                if (op.replacement() != null) {
                    sh.push(new WordFrame(op.replacement(), WordFrame.Mode.STRING, r -> lengthText = r.get(0)));
                    return Shell.CONTINUE;
                }
                return Shell.CONTINUE;
            }
            case 4 -> {
                return substring(sh);
            }
            case 5 -> {
                // pattern expanded; the replacement for ${x/p/r}
                phase = 6;
                if (op.op() == ParamOperator.REPLACE && op.replacement() != null) {
                    sh.push(new WordFrame(op.replacement(), WordFrame.Mode.REPLACEMENT, r -> replacement = r.get(0)));
                    return Shell.CONTINUE;
                }
                return Shell.CONTINUE;
            }
            case 6 -> {
                return patternOp(sh);
            }
            default -> {
                return sh.finish(0);
            }
        }
    }

    private Step deliver(Shell sh, Object result) {
        out.accept(result);
        phase = 9;
        return sh.finish(0);
    }

    // ---- finding the value ----

    private Step lookup(Shell sh) {
        name = op.name();
        if (op.op() == ParamOperator.NAMES) return deliver(sh, names(sh));
        if (op.op() == ParamOperator.KEYS) return keys(sh);
        String sub = subscript;
        if (op.indirect()) {
            Parameters.Value v = value(sh, name, sub);
            if (v == null || v.joined() == null) {
                if (sh.st.options.nounset) return unbound(sh, displayName());
                sh.error(name + ": invalid indirect expansion");
                return sh.discard(1);
            }
            String ref = v.multiple() ? String.join(" ", v.elements()) : v.single();
            // the value names a parameter, maybe with a subscript: a[1], a[@], @
            int bracket = ref.indexOf('[');
            if (bracket > 0 && ref.endsWith("]")) {
                name = ref.substring(0, bracket);
                sub = ref.substring(bracket + 1, ref.length() - 1);
            } else {
                name = ref;
                sub = null;
            }
            if (!validName(name)) {
                sh.error(ref + ": invalid variable name");
                return sh.discard(1);
            }
        }
        targetName = name;
        targetSubscript = sub;
        wholeArray = sub != null && (sub.equals("@") || sub.equals("*"));
        if (op.op() == ParamOperator.LENGTH) return length(sh, sub);
        base = value(sh, name, sub);
        if (base == ERROR) return sh.discard(1);
        switch (op.op()) {
            case PLAIN -> {
                if (base == null) {
                    if (sh.st.options.nounset && !isAtStar()) return unbound(sh, displayName());
                    return deliver(sh, Parameters.Value.of(""));
                }
                return deliver(sh, base);
            }
            case DEFAULT, ASSIGN, ERROR, ALTERNATIVE -> {
                boolean unset = base == null || (base.multiple() && base.elements().isEmpty());
                boolean isNull = unset || base.joined().isEmpty();
                boolean useWord = op.colon() ? isNull : unset;
                if (op.op() == ParamOperator.ALTERNATIVE) useWord = !useWord;
                if (!useWord) {
                    if (op.op() == ParamOperator.ALTERNATIVE) return deliver(sh, Parameters.Value.of(""));
                    return deliver(sh, base);
                }
                phase = 2;
                if (op.op() == ParamOperator.DEFAULT || op.op() == ParamOperator.ALTERNATIVE) {
                    sh.push(new WordFrame(op.word(), r -> operandMarked = r));
                } else {
                    sh.push(new WordFrame(op.word(), WordFrame.Mode.STRING, r -> operandText = r));
                }
                return Shell.CONTINUE;
            }
            case SUBSTRING -> {
                if (base == null && sh.st.options.nounset && !isAtStar()) return unbound(sh, displayName());
                phase = 3;
                sh.push(new WordFrame(op.word(), WordFrame.Mode.STRING, r -> offsetText = r.get(0)));
                return Shell.CONTINUE;
            }
            case REMOVE_PREFIX, REMOVE_SUFFIX, REPLACE, CASE -> {
                if (base == null && sh.st.options.nounset && !isAtStar()) return unbound(sh, displayName());
                phase = 5;
                if (op.word() == null) {
                    pattern = null;
                    return Shell.CONTINUE;
                }
                sh.push(new WordFrame(op.word(), WordFrame.Mode.PATTERN, r -> pattern = r.get(0)));
                return Shell.CONTINUE;
            }
            case TRANSFORM -> {
                if (base == null && sh.st.options.nounset && !isAtStar()) return unbound(sh, displayName());
                return deliver(sh, ParamOps.transform(sh, op.anchor(), name, sub, base));
            }
            default -> {
                return deliver(sh, base == null ? Parameters.Value.of("") : base);
            }
        }
    }

    private boolean isAtStar() {
        return name.equals("@") || name.equals("*") || wholeArray;
    }

    private String displayName() {
        String shown = !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "$" + name : name;
        return targetSubscript == null ? shown : shown + "[" + targetSubscript + "]";
    }

    private Step unbound(Shell sh, String shown) {
        sh.error(shown + ": unbound variable");
        return sh.fatal(sh.st.commandString ? 127 : 1);
    }

    private static boolean validName(String n) {
        if (Shell.isName(n)) return true;
        if (n.length() == 1 && "@*#?$!-0123456789".indexOf(n.charAt(0)) >= 0) return true;
        return !n.isEmpty() && n.chars().allMatch(Character::isDigit);
    }

    /** A marker for "the lookup printed an error and the line is abandoned". */
    private static final Parameters.Value ERROR = Parameters.Value.of("\0error");

    /** The value of name[sub] (sub null: the plain parameter); null when unset. */
    private Parameters.Value value(Shell sh, String n, String sub) {
        if (sub == null) return Parameters.simple(sh, n);
        if (n.equals("@") || n.equals("*") || n.equals("#") || !Shell.isName(n)) return Parameters.simple(sh, n);
        Variable v = sh.st.vars.find(n);
        if (sub.equals("@") || sub.equals("*")) {
            if (v == null) {
                String d = sh.st.vars.isDynamic(n) ? sh.st.vars.get(n) : null;
                return d == null ? Parameters.Value.of(List.of(), sub.equals("*")) : Parameters.Value.of(List.of(d), sub.equals("*"));
            }
            return Parameters.Value.of(v.elements(), sub.equals("*"));
        }
        if (v != null && v.isAssoc()) {
            String val = v.assoc.get(sub);
            return val == null ? null : Parameters.Value.of(val);
        }
        Long index = ArrayIndex.evaluate(sh, n, sub);
        if (index == null) return ERROR;
        if (v == null) {
            if (index == 0) {
                String d = sh.st.vars.isDynamic(n) ? sh.st.vars.get(n) : null;
                return d == null ? null : Parameters.Value.of(d);
            }
            return null;
        }
        if (!v.isArray()) return index == 0 && v.value != null ? Parameters.Value.of(v.value) : null;
        long i = index;
        if (i < 0) {
            i += v.maxIndex() + 1;
            if (i < 0) {
                sh.error(n + ": bad array subscript");
                return null;
            }
        }
        String val = v.indexed.get(i);
        return val == null ? null : Parameters.Value.of(val);
    }

    // ---- operators ----

    private Step applyOperand(Shell sh) {
        switch (op.op()) {
            case DEFAULT, ALTERNATIVE -> {
                // unquoted, the operand's own text is split too: ${x:-a b} is two words
                if (!quoted) for (Marked m : operandMarked) m.literalsSplit();
                return deliver(sh, operandMarked);
            }
            case ASSIGN -> {
                String value = operandText.get(0);
                if (!Shell.isName(targetName) || wholeArray) {
                    sh.error("$" + targetName + ": cannot assign in this way");
                    return sh.discard(1);
                }
                String error = targetSubscript == null ? Assign.scalar(sh, targetName, value, false)
                        : Assign.element(sh, targetName, targetSubscript, value, false);
                if (error != null) {
                    sh.error(error);
                    return sh.discard(1);
                }
                Parameters.Value now = value(sh, targetName, targetSubscript);
                return deliver(sh, now == null ? Parameters.Value.of(value) : now);
            }
            default -> {
                // ERROR: ${x:?word}
                String message = operandText.get(0);
                if (message.isEmpty() && op.word().text().isEmpty()) {
                    message = base == null && !op.colon() ? "parameter not set" : "parameter null or not set";
                }
                // unlike `unbound variable' ($1), this message names a positional parameter by its bare number
                String shown = targetSubscript == null ? name : name + "[" + targetSubscript + "]";
                sh.error(shown + ": " + message);
                return sh.fatal(sh.st.commandString ? 127 : 1);
            }
        }
    }

    private Step length(Shell sh, String sub) {
        boolean utf8 = sh.utf8();
        if (name.equals("@") || name.equals("*") || (sub != null && (sub.equals("@") || sub.equals("*")))) {
            if (sh.st.options.nounset && !name.equals("@") && !name.equals("*")) {
                // ${#a[@]} of an array never set (missing or only declared) is an error under set -u; a=() is not
                Variable var = sh.st.vars.find(name);
                if (var == null || var.declaredOnly) {
                    sh.error(name + ": unbound variable");
                    return sh.fatal(1); // 1 even under -c, where a plain $x says 127
                }
            }
            Parameters.Value v = value(sh, name, sub);
            int count = v == null ? 0 : v.multiple() ? v.elements().size() : 1;
            return deliver(sh, Parameters.Value.of(Integer.toString(count)));
        }
        Parameters.Value v = value(sh, name, sub);
        if (v == ERROR) return sh.discard(1);
        if (v == null) {
            if (sh.st.options.nounset) return unbound(sh, displayName());
            return deliver(sh, Parameters.Value.of("0"));
        }
        return deliver(sh, Parameters.Value.of(Integer.toString(Bytes.length(v.joined(), utf8))));
    }

    private Step substring(Shell sh) {
        Long offset = arith(sh, offsetText);
        if (offset == null) return sh.discard(1);
        Long length = null;
        if (op.replacement() != null) {
            length = arith(sh, lengthText);
            if (length == null) return sh.discard(1);
        }
        Object result = ParamOps.substring(sh, name, base, wholeArray, offset, length);
        if (result == null) return sh.discard(1);
        return deliver(sh, result);
    }

    private Long arith(Shell sh, String text) {
        ArithResult r = sh.arithmetic.evaluate(text, new ArithBridge(sh));
        // bash names the parameter before the expression: `x: 1+: syntax error ...', `a[@]: ...'
        ArithBridge.report(sh, r, targetSubscript == null ? targetName : targetName + "[" + targetSubscript + "]");
        if (r instanceof ArithResult.Value v) return v.value();
        return null;
    }

    private Step patternOp(Shell sh) {
        Parameters.Value v = base == null ? Parameters.Value.of("") : base;
        boolean utf8 = sh.utf8();
        boolean extglob = sh.st.options.extglob;
        Parameters.Value result = switch (op.op()) {
            case REMOVE_PREFIX -> ParamOps.each(v, s -> ParamOps.removePrefix(s, pattern, op.doubled(), utf8, extglob));
            case REMOVE_SUFFIX -> ParamOps.each(v, s -> ParamOps.removeSuffix(s, pattern, op.doubled(), utf8, extglob));
            case REPLACE -> ParamOps.each(v, s -> ParamOps.replace(s, pattern, replacement == null ? "" : replacement, op.doubled(),
                    op.anchor(), utf8, extglob, sh.st.options.patsubReplacement));
            default -> op.anchor() == '~' ? ParamOps.each(v, s -> ParamOps.toggleCase(s, pattern, op.doubled(), utf8, extglob))
                    : ParamOps.each(v, s -> ParamOps.changeCase(s, pattern, op.upper(), op.doubled(), utf8, extglob));
        };
        return deliver(sh, result);
    }

    private Object names(Shell sh) {
        List<String> names = new ArrayList<>();
        for (String n : sh.st.vars.visible().keySet()) {
            Variable v = sh.st.vars.findRaw(n);
            if (n.startsWith(op.name()) && v != null && (v.isSet() || v.isArray() || v.isAssoc() || v.value != null)) names.add(n);
        }
        return Parameters.Value.of(names, op.doubled());
    }

    private Step keys(Shell sh) {
        Variable v = sh.st.vars.find(op.name());
        boolean star = "*".equals(op.subscript().literal());
        if (v == null) return deliver(sh, Parameters.Value.of(List.of(), star));
        return deliver(sh, Parameters.Value.of(v.keys(), star));
    }
}
