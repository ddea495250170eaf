package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Expands one word in bash's order: tilde, parameter and variable, arithmetic and command
 * substitution (left to right), then — for command words and redirection targets — field
 * splitting and pathname expansion, and quote removal. Parts that need the kernel (a command
 * substitution, a glob's directory, {@code ~user}) are child frames; the rest is done in a loop.
 */
final class WordFrame extends Frame {

    /** What the word is for, which decides splitting, globbing and how quoted characters come out. */
    enum Mode {
        /** A command's argument: split and globbed, any number of fields. */
        FIELDS,
        /** A redirection target: split and globbed, must give one field. */
        REDIRECT,
        /** A string: no splitting, no globbing ({@code case} word, here-document, [[ ]] operand). */
        STRING,
        /** An assignment's value: a string, with tilde expansion after {@code =} and {@code :}. */
        ASSIGNMENT,
        /** A pattern ({@code case}, {@code [[ == ]]}, <code>${x#pat}</code>): quoted characters escaped. */
        PATTERN,
        /** {@code [[ =~ ]]}: quoted characters escaped for a regular expression. */
        REGEX,
        /** <code>${x/p/r}</code>'s replacement: quoted {@code &} and {@code \} escaped. */
        REPLACEMENT,
        /** An operand of <code>${x:-word}</code>: the marked result, spliced into the enclosing word. */
        MARKED
    }

    /** One part to expand, and whether it stands inside double quotes; DQ_START/END mark a quoted group. */
    private record Item(Ast.Part part, boolean quoted, int kind) {
        static final int PART = 0;
        static final int DQ_START = 1;
        static final int DQ_END = 2;
    }

    private final Mode mode;
    private final List<Item> items = new ArrayList<>();
    private final Consumer<List<String>> out;
    private final Consumer<List<Marked>> markedOut;
    private int index;
    private int phase;
    private final List<Marked> words = new ArrayList<>();
    private Marked current = new Marked();
    /** Where the current double-quoted group started in the current word, and whether "$@" emptied it. */
    private int dqStart = -1;
    private boolean dqAtEmpty;
    private boolean dqProducedField;
    /** A child frame's result, taken when it finishes. */
    private Object childResult;
    private Ast.Part waitingFor;
    private boolean waitingQuoted;
    // globbing
    private List<Marked> fields;
    private int globIndex;
    private final List<String> results = new ArrayList<>();

    WordFrame(Ast.Word word, Mode mode, Consumer<List<String>> out) {
        this.mode = mode;
        this.out = out;
        this.markedOut = null;
        flatten(word.parts(), false);
        // NAME=~/x as a word (an argument of export, or even of echo): bash expands the tilde after '='
        assignmentWord = (mode == Mode.FIELDS || mode == Mode.ASSIGNMENT)
                && dev.syssim.sim.shell.syntax.Lexical.assignmentName(word.text()) != null;
    }

    /** The word is written NAME=...: tildes after its first '=' and after ':' are expanded. */
    private boolean assignmentWord;
    private boolean seenEquals;

    WordFrame(Ast.Word word, Consumer<List<Marked>> markedOut) {
        this.mode = Mode.MARKED;
        this.out = null;
        this.markedOut = markedOut;
        flatten(word.parts(), false);
    }

    private void flatten(List<Ast.Part> parts, boolean quoted) {
        for (Ast.Part p : parts) {
            if (p instanceof Ast.DoubleQuoted dq) {
                items.add(new Item(null, true, Item.DQ_START));
                flatten(dq.parts(), true);
                items.add(new Item(null, true, Item.DQ_END));
            } else if (p instanceof Ast.Brace || p instanceof Ast.BraceSeq) {
                items.add(new Item(new Ast.Lit(BraceExpansion.text(p)), quoted, Item.PART));
            } else {
                items.add(new Item(p, quoted, Item.PART));
            }
        }
    }

    /** Hands a child frame's result to this frame. */
    void deliver(Object result) {
        this.childResult = result;
    }

    @Override
    Step step(Shell sh) {
        if (phase == 0) {
            if (waitingFor != null) {
                Ast.Part part = waitingFor;
                waitingFor = null;
                Object result = childResult;
                childResult = null;
                appendResult(sh, part, result, waitingQuoted);
            }
            while (index < items.size()) {
                Item item = items.get(index++);
                if (item.kind == Item.DQ_START) {
                    dqStart = current.length();
                    dqAtEmpty = false;
                    dqProducedField = false;
                    continue;
                }
                if (item.kind == Item.DQ_END) {
                    if (!dqAtEmpty || dqProducedField) current.quotedNull = true;
                    dqStart = -1;
                    continue;
                }
                Step s = part(sh, item.part, item.quoted);
                if (s != null) return s;
            }
            words.add(current);
            phase = 1;
        }
        if (phase == 1) return afterParts(sh);
        if (phase == 2) {
            // a glob finished for fields[globIndex - 1]
            @SuppressWarnings("unchecked")
            List<String> matches = (List<String>) childResult;
            childResult = null;
            if (matches == null) return sh.discard(1);
            results.addAll(matches);
            return nextGlob(sh);
        }
        return sh.finish(0);
    }

    /** Expands one part; returns a step if it needs a child frame (or failed), null to go on. */
    private Step part(Shell sh, Ast.Part part, boolean quoted) {
        if (part instanceof Ast.Lit l) {
            if (mode == Mode.ASSIGNMENT || assignmentWord) {
                literalWithTildes(sh, l.text());
            } else {
                current.append(l.text(), Marked.LITERAL);
            }
            return null;
        }
        if (part instanceof Ast.Quoted q) {
            current.append(q.text(), Marked.QUOTED);
            current.quotedNull = true;
            return null;
        }
        if (part instanceof Ast.Param p) {
            Parameters.Value v = Parameters.simple(sh, p.name());
            if (v == null) return Parameters.unbound(sh, p.name());
            appendValue(sh, v, quoted);
            return null;
        }
        if (part instanceof Ast.Tilde t) {
            String home = Tilde.expand(sh, t.prefix());
            if (home != null) {
                current.append(home, Marked.QUOTED);
                return null;
            }
            if (Tilde.needsLookup(t.prefix())) return child(sh, part, quoted, Tilde.lookupFrame(sh, t.prefix(), this::deliver));
            current.append("~" + t.prefix(), Marked.LITERAL);
            return null;
        }
        if (part instanceof Ast.ParamOp op) return child(sh, part, quoted, new ParamFrame(op, quoted, this::deliver));
        if (part instanceof Ast.BadSubst b) {
            sh.error(b.text() + ": bad substitution");
            if (sh.st.dash) return sh.fatal(2);
            // a bad @ transformation ends a script where another bad substitution abandons the line
            if (b.text().matches("(?s)\\$\\{.*@.\\}")) return sh.fatal(sh.st.commandString ? 127 : 1);
            return sh.discard(1);
        }
        if (part instanceof Ast.CommandSub cs) return child(sh, part, quoted, new CommandSubFrame(cs, this::deliver));
        if (part instanceof Ast.ArithSub a) return child(sh, part, quoted, new ArithSubFrame(a, this::deliver));
        if (part instanceof Ast.ProcessSub ps) return child(sh, part, quoted, new ProcessSubFrame(ps, this::deliver));
        if (part instanceof Ast.ArrayLit) return null;
        current.append(BraceExpansion.text(part), Marked.LITERAL);
        return null;
    }

    private Step child(Shell sh, Ast.Part part, boolean quoted, Frame frame) {
        waitingFor = part;
        waitingQuoted = quoted;
        sh.push(frame);
        return Shell.CONTINUE;
    }

    private void appendResult(Shell sh, Ast.Part part, Object result, boolean quoted) {
        if (result instanceof Parameters.Value v) {
            appendValue(sh, v, quoted);
        } else if (result instanceof String s) {
            byte flag = part instanceof Ast.Tilde || part instanceof Ast.ProcessSub ? Marked.QUOTED : quoted ? Marked.QUOTED : Marked.SPLIT;
            current.append(s, flag);
        } else if (result instanceof Marked m) {
            current.append(m);
        } else if (result instanceof List<?> list) {
            // an operand's marked words: boundaries between them are field boundaries
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) newWord();
                current.append((Marked) list.get(i));
            }
            if (list.isEmpty() && quoted) dqAtEmpty = true;
        }
    }

    /**
     * Appends a parameter's value: one string, or the elements of {@code $@}, {@code $*} or an array.
     * Quoted {@code "$@"} gives a word per element; quoted {@code "$*"} joins them with IFS's first
     * character; unquoted, every element is a word of its own, then split.
     */
    private void appendValue(Shell sh, Parameters.Value v, boolean quoted) {
        byte flag = quoted ? Marked.QUOTED : Marked.SPLIT;
        if (!v.multiple()) {
            current.append(v.single(), flag);
            return;
        }
        List<String> elements = v.elements();
        boolean fields = mode == Mode.FIELDS || mode == Mode.REDIRECT || mode == Mode.MARKED;
        if (quoted && v.star() || !fields) {
            String sep = v.star() || mode == Mode.STRING && quoted ? Parameters.ifsFirst(sh) : " ";
            if (!quoted && !v.star() && !fields) sep = " ";
            current.append(String.join(sep, elements), flag);
            if (elements.isEmpty() && quoted && !v.star()) dqAtEmpty = true;
            return;
        }
        if (elements.isEmpty()) {
            if (quoted) dqAtEmpty = true;
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) newWord();
            current.append(elements.get(i), flag);
            if (quoted) {
                current.quotedNull = true;
                dqProducedField = true;
            }
        }
    }

    private void newWord() {
        words.add(current);
        current = new Marked();
    }

    /** An assignment's literal text: {@code ~} at its start and after each {@code :} is a tilde expansion. */
    private void literalWithTildes(Shell sh, String text) {
        int i = 0;
        while (i < text.length()) {
            char prev = i > 0 ? text.charAt(i - 1) : current.length() > 0 ? current.text.charAt(current.length() - 1) : '\0';
            boolean afterEquals = prev == '=' && !seenEqualsBefore(i, text);
            if (text.charAt(i) == '=' && assignmentWord && !seenEquals) {
                seenEquals = true;
                current.append('=', Marked.LITERAL);
                i++;
                continue;
            }
            boolean atStart = !assignmentWord && current.length() == 0 && i == 0
                    || (assignmentWord ? seenEquals && (afterEquals || prev == ':') : i > 0 && prev == ':')
                    || afterEquals && assignmentWord;
            if (atStart && text.charAt(i) == '~') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '/' && text.charAt(end) != ':') end++;
                String prefix = text.substring(i + 1, end);
                String home = Tilde.expand(sh, prefix);
                if (home == null && !prefix.isEmpty()) home = Tilde.expandNow(sh, prefix);
                if (home != null) {
                    current.append(home, Marked.QUOTED);
                    i = end;
                    continue;
                }
            }
            current.append(text.charAt(i), Marked.LITERAL);
            i++;
        }
    }

    /** Whether the '=' just before position i is not the word's first (only the first '=' starts a value). */
    private boolean seenEqualsBefore(int i, String text) {
        return !assignmentWord;
    }

    // ---- after the parts: splitting, globbing, the result ----

    private Step afterParts(Shell sh) {
        switch (mode) {
            case MARKED -> {
                phase = 3;
                markedOut.accept(words);
                return sh.finish(0);
            }
            case FIELDS, REDIRECT -> {
                String ifs = Parameters.ifs(sh);
                if (!anyPattern(sh)) {
                    // no field can be a glob pattern (each is part of a word that is none): the text at once
                    for (Marked w : words) w.splitPlain(ifs, results);
                    phase = 3;
                    out.accept(results);
                    return sh.finish(0);
                }
                fields = new ArrayList<>();
                for (Marked w : words) fields.addAll(w.split(ifs));
                globIndex = 0;
                return nextGlob(sh);
            }
            default -> {
                StringBuilder joined = new StringBuilder();
                Marked all = new Marked();
                for (int i = 0; i < words.size(); i++) {
                    if (i > 0) all.append(" ", Marked.QUOTED);
                    all.append(words.get(i));
                }
                String result = switch (mode) {
                    case PATTERN -> all.pattern();
                    case REGEX -> all.regex();
                    case REPLACEMENT -> all.replacement();
                    default -> all.plain();
                };
                joined.append(result);
                phase = 3;
                out.accept(List.of(joined.toString()));
                return sh.finish(0);
            }
        }
    }

    /** Whether pathname expansion may apply to some field: globbing is on and a word (before splitting) is a pattern. */
    private boolean anyPattern(Shell sh) {
        if (sh.st.options.noglob) return false;
        for (Marked w : words) if (w.hasGlob(sh.st.options.extglob)) return true;
        return false;
    }

    private Step nextGlob(Shell sh) {
        while (globIndex < fields.size()) {
            Marked field = fields.get(globIndex++);
            boolean extglob = sh.st.options.extglob;
            if (!sh.st.options.noglob && field.hasGlob(extglob)) {
                phase = 2;
                sh.push(new GlobFrame(field, this::deliver));
                return Shell.CONTINUE;
            }
            results.add(field.plain());
        }
        phase = 3;
        out.accept(results);
        return sh.finish(0);
    }
}
