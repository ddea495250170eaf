package dev.syssim.sim.shell.syntax;

import java.util.List;

/**
 * The shell's syntax tree, as bash's parser builds it: lists of and-or chains of pipelines of
 * commands, and words made of parts to expand. Immutable records; the one exception is a
 * here-document, whose body is read after the line that names it.
 */
public final class Ast {

    private Ast() {
    }

    // ---- lists ----

    /** Commands separated by newlines, {@code ;} or {@code &}. */
    public record Script(List<Item> items) {
        public Script {
            items = List.copyOf(items);
        }

        public static final Script EMPTY = new Script(List.of());
    }

    /** One entry of a list: an and-or chain, asynchronous when followed by {@code &}; its source text for jobs. */
    public record Item(AndOr command, boolean background, int line, String text) {
    }

    /** Pipelines joined by {@code &&} ({@code and[i]} true) and {@code ||}: {@code and[i]} joins i and i+1. */
    public record AndOr(List<Pipeline> pipelines, List<Boolean> and) {
        public AndOr {
            pipelines = List.copyOf(pipelines);
            and = List.copyOf(and);
        }
    }

    /** How {@code time} was asked for on a pipeline. */
    public enum Timed { NO, BASH, POSIX }

    /**
     * Commands joined by {@code |} ({@code stderrToo[i]}: {@code |&} after command i); {@code !}
     * negates the status; {@code time} reports the pipeline's times.
     */
    public record Pipeline(List<Command> commands, List<Boolean> stderrToo, boolean negated, Timed timed, int line) {
        public Pipeline {
            commands = List.copyOf(commands);
            stderrToo = List.copyOf(stderrToo);
        }
    }

    // ---- commands ----

    /** The closed family of commands; each knows its first line and its redirections. */
    public sealed interface Command permits Simple, Subshell, Group, If, Loop, For, ArithFor, Case, Select,
            FunctionDef, Arith, Cond, Coproc {
        List<Redirect> redirects();

        int line();
    }

    /**
     * {@code NAME=value ... words ... redirections}. {@code assignments} precede the command name;
     * a word after it that looks like an assignment is kept as a word (declaration builtins treat it
     * as an assignment: {@link Word#assignment()}).
     */
    public record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line)
            implements Command {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code ( list )}: run in a forked copy of the shell. */
    public record Subshell(Script body, List<Redirect> redirects, int line) implements Command {
    }

    /** <code>{ list; }</code>: run in this shell. */
    public record Group(Script body, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code if c; then a; elif c2; then b; else d; fi}: conditions[i] guards bodies[i]; elseBody may be null. */
    public record If(List<Script> conditions, List<Script> bodies, Script elseBody, List<Redirect> redirects, int line)
            implements Command {
    }

    /** {@code while c; do body; done}, or {@code until}. */
    public record Loop(Script condition, Script body, boolean until, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code for NAME [in words]; do body; done}; null words means {@code "$@"}. */
    public record For(String variable, List<Word> words, Script body, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code for ((init; test; step)); do body; done}: the three arithmetic texts (words to expand). */
    public record ArithFor(Word init, Word test, Word step, Script body, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code case word in pattern|pattern) list ;; ... esac}. */
    public record Case(Word word, List<CaseItem> items, List<Redirect> redirects, int line) implements Command {
    }

    /** How a case item ends: {@code ;;} stops, {@code ;&} falls into the next body, {@code ;;&} tests the next patterns. */
    public enum CaseEnd { BREAK, FALL_THROUGH, TEST_NEXT }

    public record CaseItem(List<Word> patterns, Script body, CaseEnd end) {
    }

    /** {@code select NAME [in words]; do body; done}. */
    public record Select(String variable, List<Word> words, Script body, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code name() compound-command [redirections]} or {@code function name ...}; its source text for {@code type} and {@code declare -f}. */
    public record FunctionDef(String name, Command body, List<Redirect> redirects, int line, String text) implements Command {
    }

    /** {@code (( expression ))}: the expression text, expanded then evaluated. */
    public record Arith(Word expression, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code [[ expression ]]}. */
    public record Cond(CondExpr expression, List<Redirect> redirects, int line) implements Command {
    }

    /** {@code coproc [NAME] command}. */
    public record Coproc(String name, Command body, List<Redirect> redirects, int line) implements Command {
    }

    // ---- [[ ]] expressions ----

    /** The closed family of {@code [[ ]]} expressions. */
    public sealed interface CondExpr permits CondAnd, CondOr, CondNot, CondUnary, CondBinary, CondWord {
    }

    public record CondAnd(CondExpr left, CondExpr right) implements CondExpr {
    }

    public record CondOr(CondExpr left, CondExpr right) implements CondExpr {
    }

    public record CondNot(CondExpr operand) implements CondExpr {
    }

    /** {@code -f file}, {@code -z string}, {@code -v name} ... */
    public record CondUnary(String operator, Word operand) implements CondExpr {
    }

    /** {@code a == pattern}, {@code a =~ regex}, {@code a -lt b}, {@code a -nt b} ... */
    public record CondBinary(String operator, Word left, Word right) implements CondExpr {
    }

    /** A lone word: true when it expands to a non-empty string. */
    public record CondWord(Word word) implements CondExpr {
    }

    // ---- assignments and redirections ----

    /**
     * {@code NAME=value}, {@code NAME+=value}, {@code NAME[sub]=value} or {@code NAME=(elements)}:
     * {@code subscript} is null without one, {@code elements} null unless it is a compound (array)
     * assignment. {@code text} is the assignment as written.
     */
    public record Assignment(String name, Word subscript, boolean append, Word value, List<ArrayElement> elements, String text) {
    }

    /** One element of {@code (a [2]=b c)}: its subscript (null: the next index) and value. */
    public record ArrayElement(Word subscript, boolean append, Word value) {
    }

    /** The redirection operators. */
    public enum RedirectOp {
        IN("<"), OUT(">"), APPEND(">>"), CLOBBER(">|"), READ_WRITE("<>"), DUP_IN("<&"), DUP_OUT(">&"),
        OUT_ERR("&>"), APPEND_ERR("&>>"), HEREDOC("<<"), HEREDOC_STRIP("<<-"), HERESTRING("<<<");

        public final String text;

        RedirectOp(String text) {
            this.text = text;
        }
    }

    /**
     * A redirection: {@code fd} (or -1 for the operator's default), or {@code {varname}} to allocate
     * one; the operator; its target word; a here-document's body.
     */
    public record Redirect(int fd, String fdVariable, RedirectOp op, Word target, HereDoc heredoc) {
    }

    /** A here-document: its delimiter, whether it was quoted (no expansion), and its body once read. */
    public static final class HereDoc {
        private final String delimiter;
        private final boolean quoted;
        private final boolean stripTabs;
        private Word body;
        private String text = "";

        public HereDoc(String delimiter, boolean quoted, boolean stripTabs) {
            this.delimiter = delimiter;
            this.quoted = quoted;
            this.stripTabs = stripTabs;
        }

        public String delimiter() {
            return delimiter;
        }

        public boolean quoted() {
            return quoted;
        }

        public boolean stripTabs() {
            return stripTabs;
        }

        /** The body as a word to expand (quoted text when the delimiter was quoted). */
        public Word body() {
            return body;
        }

        /** The body as it was read. */
        public String text() {
            return text;
        }

        void fill(String text, Word body) {
            this.text = text;
            this.body = body;
        }
    }

    // ---- words ----

    /**
     * A word as written: parts to expand and join. {@code text} is its source; {@code assignment}
     * whether it has the form NAME=... (for declaration builtins such as {@code local x=$y}).
     */
    public record Word(List<Part> parts, String text) {
        public Word {
            parts = List.copyOf(parts);
        }

        /** The word's value when it contains no expansion and no quoting, else null. */
        public String literal() {
            if (parts.size() == 1) return parts.get(0) instanceof Lit l ? l.text() : null; // most words: no copy
            StringBuilder out = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Lit l)) return null;
                out.append(l.text());
            }
            return out.toString();
        }

        /** Whether the word is written as NAME=..., NAME+=... or NAME[...]=... */
        public boolean assignment() {
            return Lexical.assignmentName(text) != null;
        }
    }

    /** The closed family of word parts. */
    public sealed interface Part permits Lit, Quoted, DoubleQuoted, Param, ParamOp, BadSubst, CommandSub, ArithSub,
            ProcessSub, Tilde, Brace, BraceSeq, ArrayLit {
    }

    /** Unquoted text: subject to globbing ({@code * ? [} and extglob operators). */
    public record Lit(String text) implements Part {
    }

    /** Quoted text ({@code '...'}, {@code $'...'}, a backslash-escaped character, text in {@code "..."}): taken as it is. */
    public record Quoted(String text) implements Part {
    }

    /** {@code "..."}: its parts are quoted; it keeps an empty word a word, and makes {@code "$@"} one word per parameter. */
    public record DoubleQuoted(List<Part> parts) implements Part {
        public DoubleQuoted {
            parts = List.copyOf(parts);
        }
    }

    /** {@code $name}, {@code ${name}}, {@code $1}, {@code $@}, {@code ${10}} ... */
    public record Param(String name) implements Part {
    }

    /** The operators of <code>${...}</code>. */
    public enum ParamOperator {
        /** <code>${#x}</code> */ LENGTH,
        /** <code>${x-w} ${x:-w}</code> */ DEFAULT,
        /** <code>${x=w} ${x:=w}</code> */ ASSIGN,
        /** <code>${x?w} ${x:?w}</code> */ ERROR,
        /** <code>${x+w} ${x:+w}</code> */ ALTERNATIVE,
        /** <code>${x:offset[:length]}</code> */ SUBSTRING,
        /** <code>${x#p} ${x##p}</code> */ REMOVE_PREFIX,
        /** <code>${x%p} ${x%%p}</code> */ REMOVE_SUFFIX,
        /** <code>${x/p/r} ${x//p/r} ${x/#p/r} ${x/%p/r}</code> */ REPLACE,
        /** <code>${x^p} ${x^^p} ${x,p} ${x,,p}</code> */ CASE,
        /** <code>${x@Q}</code> and the other transformations */ TRANSFORM,
        /** <code>${!prefix*} ${!prefix@}</code> */ NAMES,
        /** <code>${!a[@]} ${!a[*]}</code> */ KEYS,
        /** <code>${x}</code> with a subscript or indirection only */ PLAIN
    }

    /**
     * A <code>${...}</code> expansion: the parameter ({@code name} with its {@code subscript} word, or
     * {@code @}/{@code *} for whole arrays), {@code indirect} for <code>${!name}</code>, the operator
     * and its flags ({@code colon} for {@code :-}, {@code doubled} for {@code ##}, {@code //}, {@code ^^},
     * {@code ,,}; {@code anchor} '#' or '%' for <code>${x/#p/r}</code>; {@code upper} for {@code ^}),
     * and its operand words ({@code word}, and {@code replacement} or the substring length).
     * {@code text} is the expansion as written, for error messages.
     */
    public record ParamOp(String name, Word subscript, boolean indirect, ParamOperator op, boolean colon, boolean doubled,
                          char anchor, boolean upper, Word word, Word replacement, String text) implements Part {
    }

    /** A <code>${...}</code> bash cannot make sense of: {@code bad substitution} when it is expanded. */
    public record BadSubst(String text) implements Part {
    }

    /**
     * {@code $(list)} or {@code `list`}: the list's output, trailing newlines removed. A backquoted
     * body is parsed when it is expanded (bash does so), so {@code body} is null and {@code source}
     * holds it; a {@code $( )} body is parsed with the rest.
     */
    public record CommandSub(Script body, String source, boolean backquoted, int line) implements Part {
    }

    /** {@code $((expression))}: the expression expanded as in double quotes, then evaluated. */
    public record ArithSub(Word expression) implements Part {
    }

    /** {@code <(list)} (input, the command reads it) or {@code >(list)}. */
    public record ProcessSub(Script body, boolean input, int line) implements Part {
    }

    /**
     * {@code NAME=(elements)} written as an argument of a declaration builtin ({@code declare},
     * {@code local}, {@code typeset}, {@code export}, {@code readonly}): the word is {@code NAME=}
     * followed by this part, and the builtin assigns the array.
     */
    public record ArrayLit(List<ArrayElement> elements) implements Part {
        public ArrayLit {
            elements = List.copyOf(elements);
        }
    }

    /** {@code ~}, {@code ~user}, {@code ~+}, {@code ~-}, {@code ~N} at the start of a word (or after {@code :} in an assignment). */
    public record Tilde(String prefix) implements Part {
    }

    /** <code>{a,b,c}</code>: one word per alternative (each a list of parts). */
    public record Brace(List<List<Part>> alternatives) implements Part {
        public Brace {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }

    /**
     * <code>{1..10..2}</code>, <code>{01..10}</code> or <code>{a..e}</code>: from {@code start} to
     * {@code end} by {@code step} (always positive; the direction follows start and end), numbers
     * zero-padded to {@code width} (0: not padded), or letters when {@code letters}.
     */
    public record BraceSeq(long start, long end, long step, int width, boolean letters) implements Part {

        /** How many words the sequence makes. */
        public long count() {
            return Math.abs(end - start) / step + 1;
        }

        /** The i-th word of the sequence. */
        public String value(long i) {
            long v = start <= end ? start + i * step : start - i * step;
            if (letters) return String.valueOf((char) v);
            String digits = Long.toString(Math.abs(v));
            int pad = width - (v < 0 ? 1 : 0) - digits.length();
            return (v < 0 ? "-" : "") + "0".repeat(Math.max(0, pad)) + digits;
        }
    }
}
