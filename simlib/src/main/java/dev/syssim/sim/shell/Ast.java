package dev.syssim.sim.shell;

import java.util.List;

/** The shell's syntax tree: immutable records, one per construct of the language. */
public final class Ast {

    private Ast() {
    }

    /** A list of commands separated by {@code ;}, {@code &} or newlines. */
    public record Script(List<Item> items) {
        public Script {
            items = List.copyOf(items);
        }
    }

    /** One entry of a list: an and-or chain, run in the background when followed by {@code &}. */
    public record Item(AndOr command, boolean background, String text) {
    }

    /** Pipelines joined by {@code &&} and {@code ||} (operators[i] joins pipelines i and i+1). */
    public record AndOr(List<Pipeline> pipelines, List<String> operators) {
        public AndOr {
            pipelines = List.copyOf(pipelines);
            operators = List.copyOf(operators);
        }
    }

    /** Commands joined by {@code |}; {@code !} negates the status. */
    public record Pipeline(List<Command> commands, boolean negated) {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** The closed family of commands. */
    public sealed interface Command permits Simple, Subshell, Group, If, For, While, FunctionDef {
        List<Redirect> redirects();
    }

    /** {@code NAME=value ... word ... redirections}. */
    public record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line) implements Command {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code ( list )}: the list runs in a forked copy of the shell. */
    public record Subshell(Script body, List<Redirect> redirects) implements Command {
    }

    /** {@code { list; }}: the list runs in this shell. */
    public record Group(Script body, List<Redirect> redirects) implements Command {
    }

    /** {@code if c; then a; elif c2; then b; else d; fi}: conditions[i] guards bodies[i]; elseBody may be null. */
    public record If(List<Script> conditions, List<Script> bodies, Script elseBody, List<Redirect> redirects) implements Command {
    }

    /** {@code for NAME in words; do body; done}. */
    public record For(String variable, List<Word> values, Script body, List<Redirect> redirects) implements Command {
    }

    /** {@code while c; do body; done} (or {@code until}). */
    public record While(Script condition, Script body, boolean until, List<Redirect> redirects) implements Command {
    }

    /** {@code name() { body; }}. */
    public record FunctionDef(String name, Command body, List<Redirect> redirects) implements Command {
    }

    /** {@code NAME=value} before a command. */
    public record Assignment(String name, Word value) {
    }

    /**
     * A redirection: {@code fd op target}. Ops: {@code <}, {@code >}, {@code >>}, {@code >|},
     * {@code <>}, {@code >&}, {@code <&}, {@code <<} (here-document: {@code body} holds its text).
     */
    public record Redirect(int fd, String op, Word target, String body, boolean bodyQuoted) {
    }

    /** A word as written: parts to expand and join. */
    public record Word(List<Part> parts) {
        public Word {
            parts = List.copyOf(parts);
        }

        /** The word's text if it has no expansions (a plain literal), else null. */
        public String literal() {
            StringBuilder out = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Literal l)) return null;
                out.append(l.text());
            }
            return out.toString();
        }
    }

    /** The closed family of word parts. */
    public sealed interface Part permits Literal, Parameter, CommandSubstitution, Tilde {
    }

    /** Text; {@code quoted} text is not split into fields or globbed. */
    public record Literal(String text, boolean quoted) implements Part {
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code $?}, {@code $$}, {@code $!}, {@code $#}, {@code $@}, {@code $1}. */
    public record Parameter(String name, boolean quoted) implements Part {
    }

    /** {@code $(list)} or backquotes: the list's output, trailing newlines removed. */
    public record CommandSubstitution(Script body, boolean quoted) implements Part {
    }

    /** {@code ~} or {@code ~user} at the start of a word. */
    public record Tilde(String user) implements Part {
    }
}
