package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.nft.NftExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * nft 1.0.6's grammar for the commands a firewall course writes, on the command line or in a file
 * ({@code nft -f}): {@code add|create|insert|replace|delete|list|flush} of tables, chains, rules,
 * sets and elements, the {@code table … { chain … { … } }} blocks of a ruleset file, and rules of
 * the expressions in {@link NftExpr}. Syntax errors are bison's ("syntax error, unexpected fwd,
 * expecting string") and so is the recovery after one: the rest of the line up to a newline or
 * semicolon is skipped and parsing goes on, so one command can give several errors, up to nft's
 * ten. What is only known with the ruleset at hand (names, services, addresses) is left to
 * {@link Nft} to check.
 */
final class NftParser {

    enum Verb { ADD, CREATE, INSERT, REPLACE, DELETE, LIST, FLUSH }

    enum Obj { RULESET, TABLES, TABLE, CHAINS, CHAIN, SETS, SET, ELEMENT, RULE }

    static final Set<String> FAMILIES = Set.of("ip", "ip6", "inet", "arp", "bridge", "netdev");

    /** {@code type filter hook input priority 0; policy drop;} of a base chain; priority null if not a priority. */
    record ChainSpec(NftToken type, NftToken hook, Integer priority, NftToken priorityFirst, NftToken priorityLast, NftToken policy) {
    }

    /** {@code type ipv4_addr; flags timeout;} of a set. */
    record SetSpec(NftToken type, List<NftToken> flags) {
    }

    /** A member in {@code { 203.0.113.66 timeout 1h, … }}. */
    record Element(NftToken value, NftToken timeout) {
    }

    /**
     * One command: what it does to what, the family (null: nft's default {@code ip}), the table's,
     * chain's or set's name tokens, and what the kind of command needs: a chain's spec, a rule's
     * statements with its position ({@code position N}, {@code handle N}), a set's spec, elements.
     * {@code first}..{@code last} is the whole command with its terminator.
     */
    record Command(Verb verb, Obj obj, NftToken family, NftToken table, NftToken name, ChainSpec chain, List<Stmt> rule,
                   NftToken positionWord, NftToken position, SetSpec set, List<Element> elements, NftToken first, NftToken last) {

        String familyName() {
            return family == null ? "ip" : family.text();
        }
    }

    /** A statement of a rule, with the tokens it spans. */
    sealed interface Stmt {
        NftToken first();

        NftToken last();
    }

    /** {@code FIELD [!=] VALUE | { VALUES } | @SET}; {@code fieldLast} ends the field's words. */
    record MatchStmt(NftExpr.Field field, boolean negated, List<NftToken> values, boolean braces, NftToken set,
                     NftToken first, NftToken fieldLast, NftToken last) implements Stmt {
    }

    record CounterStmt(long packets, long bytes, NftToken first, NftToken last) implements Stmt {
    }

    record LimitStmt(long rate, String unit, long unitSeconds, int burst, boolean over, NftToken first, NftToken last)
            implements Stmt {
    }

    record LogStmt(String prefix, String level, NftToken first, NftToken last) implements Stmt {
    }

    /** accept, drop, continue, return, jump/goto {@code target}, reject [with {@code with}]. */
    record VerdictStmt(String kind, NftToken target, String with, NftToken first, NftToken last) implements Stmt {
    }

    /** {@code FIELD vmap { KEY : VERDICT, … }}: the verdict of the member the field's value is, if any. */
    record VmapStmt(NftExpr.Field field, List<NftToken> keys, List<VerdictStmt> verdicts, NftToken first, NftToken last)
            implements Stmt {
    }

    /** {@code comment "TEXT"}, the rule's last words. */
    record CommentStmt(String text, NftToken first, NftToken last) implements Stmt {
    }

    /** A word nft takes for a symbol it cannot type ({@code foo bar}: "No symbol type information"). */
    record SymbolStmt(NftToken first, NftToken last) implements Stmt {
    }

    /** What a statement nft knows needs that this simulation does not have. */
    record Unsimulated(String what, NftToken first, NftToken last) implements Stmt {
    }

    private static final int MAX_ERRORS = 10;

    private final List<NftToken> tokens;
    private int pos;
    private final List<NftError> errors = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();

    private NftParser(List<NftToken> tokens) {
        this.tokens = tokens;
    }

    /** The commands of {@code source}, or the syntax errors (then the commands are not to be run). */
    record Parsed(List<Command> commands, List<NftError> errors) {
    }

    static Parsed parse(String source) {
        List<NftError> defineErrors = new ArrayList<>();
        List<NftToken> tokens = expandDefines(NftToken.scan(source), defineErrors);
        if (!defineErrors.isEmpty()) return new Parsed(List.of(), defineErrors);
        NftParser p = new NftParser(tokens);
        p.input();
        return new Parsed(p.commands, p.errors);
    }

    /**
     * nft's variables: {@code define NAME = VALUE} (up to the end of the line or a semicolon; the
     * value may be a braced set) is taken out of the input, and each later {@code $NAME} becomes
     * the value's tokens, placed where {@code $NAME} stands. A {@code $NAME} never defined is
     * nft's "unknown identifier", pointing at the name.
     */
    static List<NftToken> expandDefines(List<NftToken> tokens, List<NftError> errors) {
        java.util.Map<String, List<NftToken>> defined = new java.util.HashMap<>();
        List<NftToken> out = new ArrayList<>();
        boolean commandStart = true;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            NftToken t = tokens.get(i);
            if (commandStart && depth == 0 && t.is("define") && i + 2 < tokens.size() && tokens.get(i + 1).isName()
                    && tokens.get(i + 2).is("=")) {
                String name = tokens.get(i + 1).text();
                List<NftToken> value = new ArrayList<>();
                int j = i + 3;
                int braces = 0;
                while (j < tokens.size() && !tokens.get(j).is(NftToken.Kind.EOF)
                        && !(braces == 0 && tokens.get(j).isSeparator())) {
                    NftToken v = tokens.get(j);
                    if (v.is(NftToken.Kind.LBRACE)) braces++;
                    if (v.is(NftToken.Kind.RBRACE)) braces--;
                    value.add(v);
                    j++;
                }
                defined.put(name, expand(value, defined, errors));
                i = j;
                continue;
            }
            if (t.kind() == NftToken.Kind.WORD && t.text().startsWith("$") && t.text().length() > 1) {
                out.addAll(expand(List.of(t), defined, errors));
            } else {
                out.add(t);
            }
            if (t.is(NftToken.Kind.LBRACE)) depth++;
            if (t.is(NftToken.Kind.RBRACE)) depth--;
            commandStart = t.isSeparator() || t.is(NftToken.Kind.LBRACE) || t.is(NftToken.Kind.RBRACE);
        }
        return out;
    }

    /** The tokens with each {@code $NAME} replaced by its value, placed at {@code $NAME}. */
    private static List<NftToken> expand(List<NftToken> tokens, java.util.Map<String, List<NftToken>> defined,
                                         List<NftError> errors) {
        List<NftToken> out = new ArrayList<>();
        for (NftToken t : tokens) {
            if (!(t.kind() == NftToken.Kind.WORD && t.text().startsWith("$") && t.text().length() > 1)) {
                out.add(t);
                continue;
            }
            String name = t.text().substring(1);
            List<NftToken> value = defined.get(name);
            if (value == null) {
                errors.add(NftError.at("unknown identifier '" + name + "'", new NftError.Loc(t.line(), t.column() + 1, t.end())));
                continue;
            }
            for (NftToken v : value) out.add(new NftToken(v.kind(), v.text(), t.line(), t.column(), t.end()));
        }
        return out;
    }

    // ---- tokens ----

    private NftToken peek() {
        return tokens.get(pos);
    }

    private NftToken peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private NftToken next() {
        NftToken t = tokens.get(pos);
        if (t.kind() != NftToken.Kind.EOF) pos++;
        return t;
    }

    private NftToken previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    /** Records "syntax error, unexpected X[, expecting …]" at the current token; always false. */
    private boolean unexpected(String expecting) {
        NftToken t = peek();
        String message = "syntax error, unexpected " + t.errorName() + (expecting == null ? "" : ", expecting " + expecting);
        errors.add(NftError.at(message, t));
        return false;
    }

    private boolean tooManyErrors() {
        return errors.size() >= MAX_ERRORS;
    }

    /** Bison's recovery: skip to a newline or semicolon and take it. */
    private void recover() {
        while (!peek().isSeparator() && !peek().is(NftToken.Kind.EOF)) next();
        if (peek().isSeparator()) next();
    }

    // ---- input and commands ----

    private void input() {
        while (!peek().is(NftToken.Kind.EOF) && !tooManyErrors()) {
            if (peek().isSeparator()) {
                next();
                continue;
            }
            int before = commands.size();
            if (!command()) {
                while (commands.size() > before) commands.remove(commands.size() - 1);
                recover();
                continue;
            }
            NftToken t = peek();
            if (t.isSeparator()) {
                next();
            } else if (!t.is(NftToken.Kind.EOF)) {
                unexpected("end of file or newline or semicolon");
                recover();
            }
        }
    }

    private boolean command() {
        NftToken first = peek();
        Verb verb = switch (first.kind() == NftToken.Kind.WORD ? first.text() : "") {
            case "add" -> Verb.ADD;
            case "create" -> Verb.CREATE;
            case "insert" -> Verb.INSERT;
            case "replace" -> Verb.REPLACE;
            case "delete" -> Verb.DELETE;
            case "list" -> Verb.LIST;
            case "flush" -> Verb.FLUSH;
            default -> null;
        };
        if (verb == null) {
            // nft's implicit "add": "table ip t { … }" in a file, "ip filter INPUT accept" a rule.
            if (first.is("table") || first.is("chain") || first.is("set") || first.is("element") || first.is("rule")) {
                return addCommand(Verb.ADD, first);
            }
            if (first.isName() || FAMILIES.contains(first.text()) && first.kind() == NftToken.Kind.WORD) {
                return rule(Verb.ADD, first);
            }
            return unexpected(null);
        }
        next();
        NftToken what = peek();
        return switch (verb) {
            case ADD, CREATE -> {
                if (what.is("table") || what.is("chain") || what.is("set") || what.is("element") || what.is("rule")) {
                    yield addCommand(verb, first);
                }
                if (verb == Verb.ADD && (what.isName() || FAMILIES.contains(what.text()))) yield rule(Verb.ADD, first);
                yield unexpected(null);
            }
            case INSERT, REPLACE -> {
                if (what.is("rule")) next();
                yield rule(verb, first);
            }
            case DELETE -> deleteCommand(first);
            case LIST -> listCommand(Verb.LIST, first);
            case FLUSH -> listCommand(Verb.FLUSH, first);
        };
    }

    private NftToken family() {
        NftToken t = peek();
        if (t.kind() == NftToken.Kind.WORD && FAMILIES.contains(t.text())) return next();
        return null;
    }

    /** A name; on anything else the error bison gives ("expecting string" where only a name may follow). */
    private NftToken name(boolean onlyName) {
        NftToken t = peek();
        if (t.isName()) return next();
        unexpected(onlyName ? "string" : null);
        return null;
    }

    private boolean addCommand(Verb verb, NftToken first) {
        NftToken what = next();
        switch (what.text()) {
            case "table" -> {
                NftToken family = family();
                NftToken name = name(family != null);
                if (name == null) return false;
                Command table = new Command(verb, Obj.TABLE, family, name, name, null, null, null, null, null, null, first, name);
                commands.add(table);
                if (peek().is(NftToken.Kind.LBRACE)) {
                    next();
                    return tableBlock(family, name, first);
                }
                return true;
            }
            case "chain" -> {
                NftToken family = family();
                NftToken table = name(family != null);
                if (table == null) return false;
                NftToken name = name(true);
                if (name == null) return false;
                if (peek().is(NftToken.Kind.LBRACE)) {
                    next();
                    return chainBlock(verb, family, table, name, first);
                }
                commands.add(new Command(verb, Obj.CHAIN, family, table, name, null, null, null, null, null, null, first, name));
                return true;
            }
            case "set" -> {
                NftToken family = family();
                NftToken table = name(family != null);
                if (table == null) return false;
                NftToken name = name(true);
                if (name == null) return false;
                if (!peek().is(NftToken.Kind.LBRACE)) return unexpected("'{'");
                next();
                return setBlock(verb, family, table, name, first);
            }
            case "element" -> {
                NftToken family = family();
                NftToken table = name(family != null);
                if (table == null) return false;
                NftToken name = name(true);
                if (name == null) return false;
                List<Element> elements = elements();
                if (elements == null) return false;
                commands.add(new Command(verb, Obj.ELEMENT, family, table, name, null, null, null, null, null, elements, first,
                        previous()));
                return true;
            }
            default -> {
                return rule(verb, first);
            }
        }
    }

    private boolean deleteCommand(NftToken first) {
        NftToken what = peek();
        switch (what.kind() == NftToken.Kind.WORD ? what.text() : "") {
            case "table" -> {
                next();
                NftToken family = family();
                NftToken name = name(family != null);
                if (name == null) return false;
                commands.add(new Command(Verb.DELETE, Obj.TABLE, family, name, name, null, null, null, null, null, null, first, name));
                return true;
            }
            case "chain", "set" -> {
                next();
                NftToken family = family();
                NftToken table = name(family != null);
                if (table == null) return false;
                NftToken name = name(true);
                if (name == null) return false;
                Obj obj = what.text().equals("chain") ? Obj.CHAIN : Obj.SET;
                commands.add(new Command(Verb.DELETE, obj, family, table, name, null, null, null, null, null, null, first, name));
                return true;
            }
            case "element" -> {
                next();
                NftToken family = family();
                NftToken table = name(family != null);
                if (table == null) return false;
                NftToken name = name(true);
                if (name == null) return false;
                List<Element> elements = elements();
                if (elements == null) return false;
                commands.add(new Command(Verb.DELETE, Obj.ELEMENT, family, table, name, null, null, null, null, null, elements,
                        first, previous()));
                return true;
            }
            case "rule" -> {
                next();
                NftToken family = family();
                NftToken table = name(family != null);
                if (table == null) return false;
                NftToken chain = name(true);
                if (chain == null) return false;
                if (!peek().is("handle")) return unexpected("handle");
                NftToken word = next();
                if (!peek().isNumber()) return unexpected("number");
                NftToken handle = next();
                commands.add(new Command(Verb.DELETE, Obj.RULE, family, table, chain, null, null, word, handle, null, null, first,
                        handle));
                return true;
            }
            default -> {
                return unexpected(null);
            }
        }
    }

    /** list/flush: ruleset, tables, chains, sets [FAMILY]; table, chain, set NAME. */
    private boolean listCommand(Verb verb, NftToken first) {
        NftToken what = peek();
        String word = what.kind() == NftToken.Kind.WORD ? what.text() : "";
        Obj obj = switch (word) {
            case "ruleset" -> Obj.RULESET;
            case "tables" -> verb == Verb.LIST ? Obj.TABLES : null;
            case "chains" -> verb == Verb.LIST ? Obj.CHAINS : null;
            case "sets" -> verb == Verb.LIST ? Obj.SETS : null;
            case "table" -> Obj.TABLE;
            case "chain" -> Obj.CHAIN;
            case "set" -> Obj.SET;
            default -> null;
        };
        if (obj == null) return unexpected(null);
        next();
        NftToken family = family();
        if (obj == Obj.RULESET || obj == Obj.TABLES || obj == Obj.CHAINS || obj == Obj.SETS) {
            commands.add(new Command(verb, obj, family, null, null, null, null, null, null, null, null, first,
                    family == null ? what : family));
            return true;
        }
        NftToken table = name(family != null);
        if (table == null) return false;
        NftToken name = table;
        if (obj != Obj.TABLE) {
            name = name(true);
            if (name == null) return false;
        }
        commands.add(new Command(verb, obj, family, table, name, null, null, null, null, null, null, first, name));
        return true;
    }

    /** add/insert/replace rule [FAMILY] TABLE CHAIN [position N | handle N | index N] STATEMENTS. */
    private boolean rule(Verb verb, NftToken first) {
        if (peek().is("rule")) next();
        NftToken family = family();
        NftToken table = name(family != null);
        if (table == null) return false;
        NftToken chain = name(true);
        if (chain == null) return false;
        NftToken positionWord = null;
        NftToken position = null;
        if (peek().is("position") || peek().is("handle") || peek().is("index")) {
            positionWord = next();
            if (!peek().isNumber()) return unexpected("number");
            position = next();
        }
        List<Stmt> stmts = statements();
        if (stmts == null) return false;
        commands.add(new Command(verb, Obj.RULE, family, table, chain, null, stmts, positionWord, position, null, null, first,
                previous()));
        return true;
    }

    // ---- blocks ----

    /** The inside of {@code table NAME { … }}: chains and sets, each added in turn. */
    private boolean tableBlock(NftToken family, NftToken table, NftToken first) {
        while (true) {
            NftToken t = peek();
            if (t.isSeparator()) {
                next();
            } else if (t.is(NftToken.Kind.RBRACE)) {
                next();
                return true;
            } else if (t.is(NftToken.Kind.EOF)) {
                return unexpected(null);
            } else if (tooManyErrors()) {
                return false;
            } else if (t.is("chain")) {
                next();
                NftToken name = name(true);
                boolean ok = name != null;
                if (ok) {
                    if (peek().is(NftToken.Kind.LBRACE)) {
                        next();
                        ok = chainBlock(Verb.ADD, family, table, name, first);
                    } else {
                        commands.add(new Command(Verb.ADD, Obj.CHAIN, family, table, name, null, null, null, null, null, null,
                                first, name));
                    }
                }
                if (!ok && !blockRecover()) return false;
            } else if (t.is("set")) {
                next();
                NftToken name = name(true);
                boolean ok = name != null && (peek().is(NftToken.Kind.LBRACE) || unexpected("'{'"));
                if (ok) {
                    next();
                    ok = setBlock(Verb.ADD, family, table, name, first);
                }
                if (!ok && !blockRecover()) return false;
            } else {
                unexpected(null);
                if (!blockRecover()) return false;
            }
        }
    }

    /** Recovery inside a block: skip to a separator; false at the end of the input (its error recorded). */
    private boolean blockRecover() {
        if (peek().is(NftToken.Kind.EOF)) return false;
        recover();
        if (peek().is(NftToken.Kind.EOF)) {
            unexpected(null);
            return false;
        }
        return true;
    }

    /** The inside of {@code chain NAME { type … hook … priority …; policy …; RULES }}. */
    private boolean chainBlock(Verb verb, NftToken family, NftToken table, NftToken name, NftToken first) {
        List<Command> rules = new ArrayList<>();
        NftToken type = null;
        NftToken hook = null;
        Integer priority = null;
        NftToken priorityFirst = null;
        NftToken priorityLast = null;
        NftToken policy = null;
        boolean failed = false;
        while (true) {
            NftToken t = peek();
            if (t.isSeparator()) {
                next();
                continue;
            }
            if (t.is(NftToken.Kind.RBRACE)) {
                next();
                break;
            }
            if (t.is(NftToken.Kind.EOF)) {
                unexpected(null);
                return false;
            }
            if (tooManyErrors()) return false;
            boolean ok;
            if (t.is("type")) {
                next();
                ok = false;
                NftToken typeWord = peek();
                if (typeWord.isName()) {
                    next();
                    if (!peek().is("hook")) {
                        unexpected("hook");
                    } else {
                        next();
                        NftToken hookWord = peek();
                        if (!hookWord.isName()) {
                            unexpected("string");
                        } else {
                            next();
                            if (peek().is("device")) {
                                next();
                                if (peek().isName()) next();
                            }
                            if (!peek().is("priority")) {
                                unexpected("priority");
                            } else {
                                NftToken pf = next();
                                NftToken value = peek();
                                if (!(value.kind() == NftToken.Kind.WORD || value.kind() == NftToken.Kind.QUOTED) || value.isKeyword()) {
                                    unexpected(null);
                                } else {
                                    next();
                                    NftToken last = value;
                                    Integer p = priority(value.name());
                                    if ((peek().is("+") || peek().is("-")) && peek(1).isNumber()) {
                                        NftToken sign = next();
                                        last = next();
                                        if (p != null) p = p + (sign.text().equals("+") ? 1 : -1) * Integer.parseInt(last.text());
                                    }
                                    if (peek().isSeparator()) {
                                        type = typeWord;
                                        hook = hookWord;
                                        priority = p;
                                        priorityFirst = pf;
                                        priorityLast = last;
                                        ok = true;
                                    } else {
                                        unexpected("newline or semicolon");
                                    }
                                }
                            }
                        }
                    }
                } else {
                    unexpected("string");
                }
            } else if (t.is("policy")) {
                next();
                NftToken value = peek();
                if (!value.is("accept") && !value.is("drop")) {
                    ok = unexpected("accept or drop or '$'");
                } else {
                    next();
                    ok = peek().isSeparator() || unexpected("newline or semicolon");
                    if (ok) policy = value;
                }
            } else {
                NftToken ruleFirst = peek();
                List<Stmt> stmts = statements();
                ok = stmts != null;
                if (ok) {
                    rules.add(new Command(Verb.ADD, Obj.RULE, family, table, name, null, stmts, null, null, null, null, ruleFirst,
                            previous()));
                }
            }
            if (!ok) {
                failed = true;
                if (!blockRecover()) return false;
            }
        }
        if (failed) return false;
        ChainSpec spec = type == null && policy == null ? null
                : new ChainSpec(type, hook, priority, priorityFirst, priorityLast, policy);
        commands.add(new Command(verb, Obj.CHAIN, family, table, name, spec, null, null, null, null, null, first, previous()));
        commands.addAll(rules);
        return true;
    }

    /** A priority's value: a number, or a standard name (filter 0, raw -300, …); null if neither. */
    static Integer priority(String text) {
        return switch (text) {
            case "raw" -> -300;
            case "mangle" -> -150;
            case "dstnat" -> -100;
            case "filter" -> 0;
            case "security" -> 50;
            case "srcnat" -> 100;
            default -> {
                try {
                    yield Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }

    /** The inside of {@code set NAME { type T; flags F; elements = { … } }}. */
    private boolean setBlock(Verb verb, NftToken family, NftToken table, NftToken name, NftToken first) {
        NftToken type = null;
        List<NftToken> flags = new ArrayList<>();
        List<Element> elements = null;
        boolean failed = false;
        while (true) {
            NftToken t = peek();
            if (t.isSeparator()) {
                next();
                continue;
            }
            if (t.is(NftToken.Kind.RBRACE)) {
                next();
                break;
            }
            if (t.is(NftToken.Kind.EOF)) {
                unexpected(null);
                return false;
            }
            boolean ok;
            if (t.is("type")) {
                next();
                ok = peek().isName() || unexpected("string");
                if (ok) type = next();
                ok = ok && (peek().isSeparator() || peek().is(NftToken.Kind.RBRACE) || unexpected("newline or semicolon"));
            } else if (t.is("flags")) {
                next();
                ok = true;
                while (ok) {
                    NftToken flag = peek();
                    if (!(flag.is("constant") || flag.is("interval") || flag.is("dynamic") || flag.is("timeout"))) {
                        ok = unexpected("constant or interval or dynamic or timeout");
                        break;
                    }
                    flags.add(next());
                    if (!peek().is(NftToken.Kind.COMMA)) break;
                    next();
                }
            } else if (t.is("elements")) {
                next();
                ok = peek().is("=") || unexpected("'='");
                if (ok) {
                    next();
                    elements = elements();
                    ok = elements != null;
                }
            } else {
                ok = unexpected(null);
            }
            if (!ok) {
                failed = true;
                if (!blockRecover()) return false;
            }
        }
        if (failed) return false;
        if (type == null) {
            errors.add(NftError.at("set definition does not specify key", name));
            return false;
        }
        commands.add(new Command(verb, Obj.SET, family, table, name, null, null, null, null, new SetSpec(type, flags), null,
                first, previous()));
        if (elements != null && !elements.isEmpty()) {
            commands.add(new Command(Verb.ADD, Obj.ELEMENT, family, table, name, null, null, null, null, null, elements, first,
                    previous()));
        }
        return true;
    }

    /** {@code { VALUE [timeout T], … }}. */
    private List<Element> elements() {
        if (!peek().is(NftToken.Kind.LBRACE)) {
            unexpected("'{'");
            return null;
        }
        next();
        List<Element> out = new ArrayList<>();
        while (true) {
            while (peek().is(NftToken.Kind.NEWLINE)) next();
            if (peek().is(NftToken.Kind.RBRACE) && !out.isEmpty()) {
                next();
                return out;
            }
            NftToken value = peek();
            if (!isValue(value)) {
                unexpected(null);
                return null;
            }
            next();
            NftToken timeout = null;
            if (peek().is("timeout")) {
                next();
                if (peek().kind() != NftToken.Kind.WORD) {
                    unexpected("string");
                    return null;
                }
                timeout = next();
            }
            out.add(new Element(value, timeout));
            while (peek().is(NftToken.Kind.NEWLINE)) next();
            if (peek().is(NftToken.Kind.COMMA)) {
                next();
            } else if (!peek().is(NftToken.Kind.RBRACE)) {
                unexpected(null);
                return null;
            }
        }
    }

    // ---- statements ----

    private boolean atRuleEnd() {
        NftToken t = peek();
        return t.isSeparator() || t.is(NftToken.Kind.EOF) || t.is(NftToken.Kind.RBRACE);
    }

    private List<Stmt> statements() {
        List<Stmt> out = new ArrayList<>();
        if (atRuleEnd()) {
            unexpected(null);
            return null;
        }
        while (!atRuleEnd()) {
            if (peek().is("comment") && !out.isEmpty()) {
                // A rule's comment comes last: whatever follows it is the caller's syntax error.
                NftToken first = next();
                NftToken text = peek();
                if (text.kind() != NftToken.Kind.QUOTED && !text.isName()) {
                    unexpected("string");
                    return null;
                }
                next();
                out.add(new CommentStmt(text.name(), first, text));
                return out;
            }
            Stmt s = statement();
            if (s == null) return null;
            out.add(s);
        }
        return out;
    }

    /** A value where a relational expression wants its right-hand side. */
    private static boolean isValue(NftToken t) {
        if (t.kind() == NftToken.Kind.QUOTED) return true;
        if (t.kind() != NftToken.Kind.WORD) return false;
        return !t.isKeyword() || Set.of("tcp", "udp", "icmp", "esp", "ah", "sctp").contains(t.text());
    }

    private Stmt statement() {
        NftToken first = peek();
        String word = first.kind() == NftToken.Kind.WORD ? first.text() : "";
        switch (word) {
            case "ip" -> {
                next();
                NftToken f = peek();
                NftExpr.Field field = f.is("saddr") ? NftExpr.Field.IP_SADDR : f.is("daddr") ? NftExpr.Field.IP_DADDR
                        : f.is("protocol") ? NftExpr.Field.IP_PROTOCOL : null;
                if (field == null) return unsimulatedOrError(first);
                next();
                return relational(field, first);
            }
            case "tcp", "udp" -> {
                next();
                NftToken f = peek();
                boolean tcp = word.equals("tcp");
                NftExpr.Field field = f.is("sport") ? (tcp ? NftExpr.Field.TCP_SPORT : NftExpr.Field.UDP_SPORT)
                        : f.is("dport") ? (tcp ? NftExpr.Field.TCP_DPORT : NftExpr.Field.UDP_DPORT) : null;
                if (field == null) return unsimulatedOrError(first);
                next();
                return relational(field, first);
            }
            case "ct" -> {
                next();
                if (!peek().is("state")) return unsimulatedOrError(first);
                next();
                return relational(NftExpr.Field.CT_STATE, first);
            }
            case "meta" -> {
                next();
                NftToken f = peek();
                NftExpr.Field field = switch (f.kind() == NftToken.Kind.WORD ? f.text() : "") {
                    case "l4proto" -> NftExpr.Field.L4PROTO;
                    case "iif" -> NftExpr.Field.IIF;
                    case "oif" -> NftExpr.Field.OIF;
                    case "iifname" -> NftExpr.Field.IIFNAME;
                    case "oifname" -> NftExpr.Field.OIFNAME;
                    default -> null;
                };
                if (field == null) return unsimulatedOrError(first);
                next();
                return relational(field, first);
            }
            case "iif", "oif", "iifname", "oifname" -> {
                next();
                NftExpr.Field field = switch (word) {
                    case "iif" -> NftExpr.Field.IIF;
                    case "oif" -> NftExpr.Field.OIF;
                    case "iifname" -> NftExpr.Field.IIFNAME;
                    default -> NftExpr.Field.OIFNAME;
                };
                return relational(field, first);
            }
            case "icmp" -> {
                next();
                if (!peek().is("type")) return unsimulatedOrError(first);
                next();
                return relational(NftExpr.Field.ICMP_TYPE, first);
            }
            case "counter" -> {
                next();
                long packets = 0;
                long bytes = 0;
                if (peek().is("packets")) {
                    next();
                    if (!peek().isNumber()) return fail("number");
                    packets = Long.parseLong(next().text());
                    if (!peek().is("bytes")) return fail("bytes");
                    next();
                    if (!peek().isNumber()) return fail("number");
                    bytes = Long.parseLong(next().text());
                }
                return new CounterStmt(packets, bytes, first, previous());
            }
            case "limit" -> {
                return limit(first);
            }
            case "log" -> {
                next();
                String prefix = null;
                String level = null;
                while (peek().is("prefix") || peek().is("level")) {
                    NftToken what = next();
                    NftToken value = peek();
                    if (value.kind() != NftToken.Kind.QUOTED && !value.isName()) return fail("string");
                    next();
                    if (what.is("prefix")) {
                        prefix = value.name();
                    } else {
                        level = value.name();
                        if (!List.of("emerg", "alert", "crit", "err", "warn", "notice", "info", "debug", "audit").contains(level)) {
                            errors.add(NftError.at("invalid log level", value));
                            return null;
                        }
                    }
                }
                return new LogStmt(prefix, level, first, previous());
            }
            case "accept", "drop", "continue", "return" -> {
                next();
                return new VerdictStmt(word, null, null, first, first);
            }
            case "comment" -> {
                return fail(null);
            }
            case "jump", "goto" -> {
                next();
                NftToken target = name(true);
                if (target == null) return null;
                return new VerdictStmt(word, target, null, first, target);
            }
            case "reject" -> {
                next();
                if (!peek().is("with")) return new VerdictStmt("reject", null, null, first, first);
                next();
                NftToken kind = peek();
                if (kind.is("tcp")) {
                    next();
                    if (!peek().is("reset")) return fail("reset");
                    next();
                    return new VerdictStmt("reject", null, "tcp reset", first, previous());
                }
                if (kind.is("icmp") || kind.is("icmpx")) {
                    next();
                    if (peek().is("type")) next();
                    NftToken code = peek();
                    if (!code.isName()) return fail("string");
                    next();
                    return new VerdictStmt("reject", code, kind.text(), first, code);
                }
                return fail(null);
            }
            default -> {
                if (first.isName() || first.isNumber()) {
                    next();
                    NftToken rhs = peek();
                    if (!isValue(rhs) && !rhs.is(NftToken.Kind.LBRACE)) return fail(null);
                    next();
                    return new SymbolStmt(first, rhs);
                }
                if (first.isKeyword()) return unsimulatedOrError(first);
                return fail(null);
            }
        }
    }

    private Stmt fail(String expecting) {
        unexpected(expecting);
        return null;
    }

    /**
     * A statement nft knows but this simulation does not (tcp flags, ct mark, meta mark, nat
     * statements, …): kept to be refused with the simulation's message, spanning up to the next
     * verdict or the end of the rule.
     */
    private Stmt unsimulatedOrError(NftToken first) {
        if (first != peek() && peek().kind() != NftToken.Kind.WORD) return fail(null);
        while (!atRuleEnd() && !Set.of("accept", "drop", "reject", "jump", "goto", "return", "counter", "log", "limit")
                .contains(peek().text())) {
            next();
        }
        NftToken last = previous();
        StringBuilder what = new StringBuilder();
        for (int i = tokens.indexOf(first); i >= 0 && i < tokens.size(); i++) {
            NftToken t = tokens.get(i);
            if (what.length() > 0) what.append(' ');
            what.append(t.text());
            if (t == last) break;
        }
        return new Unsimulated(what.toString(), first, last);
    }

    private Stmt relational(NftExpr.Field field, NftToken first) {
        NftToken fieldLast = previous();
        if (peek().is("vmap")) return vmap(field, first);
        boolean negated = false;
        if (peek().is("!=") || peek().is("ne")) {
            negated = true;
            next();
        } else if (peek().is("==") || peek().is("eq")) {
            next();
        }
        NftToken t = peek();
        if (t.is(NftToken.Kind.LBRACE)) {
            next();
            List<NftToken> values = new ArrayList<>();
            while (true) {
                while (peek().is(NftToken.Kind.NEWLINE)) next();
                if (!isValue(peek())) return fail(null);
                values.add(next());
                while (peek().is(NftToken.Kind.NEWLINE)) next();
                if (peek().is(NftToken.Kind.COMMA)) {
                    next();
                    while (peek().is(NftToken.Kind.NEWLINE)) next();
                    if (peek().is(NftToken.Kind.RBRACE)) break;
                } else if (!peek().is(NftToken.Kind.RBRACE)) {
                    return fail(null);
                } else {
                    break;
                }
            }
            next();
            return new MatchStmt(field, negated, values, true, null, first, fieldLast, previous());
        }
        if (t.kind() == NftToken.Kind.WORD && t.text().startsWith("@") && t.text().length() > 1) {
            next();
            return new MatchStmt(field, negated, List.of(), false, t, first, fieldLast, t);
        }
        if (!isValue(t)) return fail(null);
        List<NftToken> values = new ArrayList<>();
        values.add(next());
        if (field == NftExpr.Field.CT_STATE) {
            while (peek().is(NftToken.Kind.COMMA) && isValue(peek(1))) {
                next();
                values.add(next());
            }
        }
        return new MatchStmt(field, negated, values, false, null, first, fieldLast, previous());
    }

    /** {@code vmap { KEY : VERDICT, … }} after a field; "established:" may carry its colon. */
    private Stmt vmap(NftExpr.Field field, NftToken first) {
        next();
        if (!peek().is(NftToken.Kind.LBRACE)) return fail("'{'");
        next();
        List<NftToken> keys = new ArrayList<>();
        List<VerdictStmt> verdicts = new ArrayList<>();
        while (true) {
            while (peek().is(NftToken.Kind.NEWLINE)) next();
            NftToken key = peek();
            if (!isValue(key)) return fail(null);
            next();
            if (key.kind() == NftToken.Kind.WORD && key.text().endsWith(":") && key.text().length() > 1) {
                key = new NftToken(key.kind(), key.text().substring(0, key.text().length() - 1), key.line(), key.column(),
                        key.end() - 1);
            } else if (peek().is(":")) {
                next();
            } else {
                return fail("colon");
            }
            NftToken v = peek();
            VerdictStmt verdict;
            if (v.is("accept") || v.is("drop") || v.is("continue") || v.is("return")) {
                next();
                verdict = new VerdictStmt(v.text(), null, null, v, v);
            } else if (v.is("jump") || v.is("goto")) {
                next();
                NftToken target = name(true);
                if (target == null) return null;
                verdict = new VerdictStmt(v.text(), target, null, v, target);
            } else {
                return fail(null);
            }
            keys.add(key);
            verdicts.add(verdict);
            while (peek().is(NftToken.Kind.NEWLINE)) next();
            if (peek().is(NftToken.Kind.COMMA)) {
                next();
                while (peek().is(NftToken.Kind.NEWLINE)) next();
                if (peek().is(NftToken.Kind.RBRACE)) break;
            } else if (peek().is(NftToken.Kind.RBRACE)) {
                break;
            } else {
                return fail(null);
            }
        }
        next();
        return new VmapStmt(field, keys, verdicts, first, previous());
    }

    /** {@code limit rate [over] N/UNIT [burst N packets]}: "3/minute" is one word here, three tokens to nft. */
    private Stmt limit(NftToken first) {
        next();
        if (!peek().is("rate")) return fail("rate");
        next();
        boolean over = false;
        if (peek().is("over")) {
            next();
            over = true;
        }
        NftToken t = peek();
        if (t.kind() != NftToken.Kind.WORD) return fail("number");
        String text = t.text();
        int slash = text.indexOf('/');
        String number = slash < 0 ? text : text.substring(0, slash);
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) return fail("number");
        if (slash < 0) {
            next();
            return fail("/ or string or bytes");
        }
        String unit = text.substring(slash + 1);
        long seconds = switch (unit) {
            case "second" -> 1;
            case "minute" -> 60;
            case "hour" -> 3600;
            case "day" -> 86_400;
            case "week" -> 604_800;
            default -> 0;
        };
        if (seconds == 0) {
            int col = t.column() + slash + 1;
            errors.add(NftError.at("syntax error, unexpected string", new NftError.Loc(t.line(), col, t.end())));
            return null;
        }
        next();
        int burst = 5;
        if (peek().is("burst")) {
            next();
            if (!peek().isNumber()) return fail("number");
            burst = Integer.parseInt(next().text());
            if (!peek().is("packets")) return fail("packets");
            next();
        }
        return new LimitStmt(Long.parseLong(number), unit, seconds, burst, over, first, previous());
    }
}
