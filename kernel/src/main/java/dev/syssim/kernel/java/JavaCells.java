package dev.syssim.kernel.java;

import dev.syssim.kernel.eval.CellIO;
import dev.syssim.kernel.eval.Completion;
import dev.syssim.kernel.eval.ExecuteOutcome;
import dev.syssim.kernel.eval.Inspection;
import dev.syssim.kernel.eval.IsComplete;
import dev.syssim.sim.api.Machine;
import dev.syssim.sim.api.Shell;
import dev.syssim.sim.api.World;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The Java cells of one kernel: a JShell that lives on a thread of its own ({@code syssim-java}),
 * started by the first Java cell, with the notebook's world bound as {@code world},
 * {@code machine} and {@code sh}. A cell is cut into snippets as JShell's source analysis cuts
 * it; they run one after the other until one fails; the value of a last expression is the cell's
 * result, rendered by BaseKernel's renderer.
 */
public final class JavaCells {

    /**
     * What every Java cell can use without importing it: the display functions, the library's
     * API, BaseKernel's display types, and the packages jshell imports by default. One snippet:
     * JShell puts an import snippet's text into every cell's compilation unit as it is.
     */
    static final String IMPORTS = String.join(" ",
            "import static dev.syssim.kernel.java.Display.*;",
            "import dev.syssim.sim.api.*;",
            "import dev.syssim.sim.trace.EventKind;",
            "import dev.syssim.sim.trace.TraceEvent;",
            "import dev.syssim.sim.trace.TraceLevel;",
            "import io.github.spencerpark.jupyter.kernel.display.*;",
            "import io.github.spencerpark.jupyter.kernel.display.mime.*;",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;");
    /** The bound variables: declared once, given the notebook's objects before every cell. */
    static final List<String> BINDINGS = List.of("World world = null;", "Machine machine = null;", "Shell sh = null;");

    /** How long an interrupted cell may go on before it is given up. */
    static final long ABANDON_AFTER_MS = 5_000;
    private static final long STOP_POLL_MS = 100;

    private final Notebook notebook;
    private final Pump pump = new Pump();
    private final Rendering rendering;
    private final JavaGate gate = new JavaGate();
    /** The thread JShell lives on; replaced when a cell that would not stop is abandoned. */
    private ExecutorService thread = javaThread();
    /**
     * One JShell and what its cells share: its execution control, and where each snippet stands in
     * its cell (by JShell's snippet id, for the frames of stack traces), and the class files it
     * keeps for javac. A cell's code holds on to its own, so an abandoned cell's thread never
     * touches the JShell that replaced its own.
     */
    private record Repl(JShell shell, CellExecutionControl control, Map<String, CellErrors.Place> places, GeneratedClasses classes) {
    }

    private volatile Repl repl;
    private dev.syssim.sim.world.World boundWorld;
    private World world;
    private int cells;
    private JavaCell previous;
    private volatile JavaCell running;
    /** An interrupt that came while no Java code ran yet (JShell was starting): the cell stops as it starts. */
    private volatile boolean interruptPending;

    public JavaCells(Notebook notebook) {
        this.notebook = notebook;
        this.rendering = new Rendering(notebook::traceOptions);
    }

    // ---- running a cell ----

    /**
     * Runs a cell's Java text.
     *
     * @param firstLine the cell line the text starts on (2 after a {@code %%java} line)
     */
    public ExecuteOutcome execute(String code, int firstLine, CellIO io) {
        cellBegins();
        if (repl == null) {
            // The first Java cell: JShell starts on its thread while this one builds the world (if
            // no shell cell has yet), the two biggest parts of a first cell side by side.
            Future<?> starting = thread.submit(this::start);
            notebook.world();
            await(starting);
        }
        JavaCell cell = new JavaCell(new CellChannel(io, pump, ++cells, notebook.outputBytesPerCell()), rendering, new CellGate(this::stopJava, this::interruptJava));
        running = cell;
        gate.setRunning(cell);
        repl.control().setStopping(cell.gate()::stopping);
        if (interruptPending) cell.gate().stop();
        notebook.bindTerminal(cell.channel().asCellIO());
        Evaluation result;
        try {
            Future<Evaluation> evaluation = thread.submit(() -> evaluate(code, firstLine, cell, io.executionCount()));
            result = awaitOrAbandon(evaluation, cell);
        } finally {
            cell.gate().close();
            gate.setRunning(null);
            running = null;
            cell.channel().awaitSent();
            cell.channel().end();
            notebook.bindTerminal(io);
            previous = cell;
        }
        if (result.value() != null) io.result(result.value().data(), result.value().metadata());
        return result.outcome();
    }

    /**
     * Ends this kernel's (or check copy's) Java cells: JShell and its threads. Threads the cells
     * started are left to themselves.
     */
    public void close() {
        cellBegins();
        Repl r = repl;
        repl = null;
        thread.shutdownNow();
        pump.close();
        if (r != null) r.shell().close();
    }

    /** Any cell begins: threads of earlier Java cells print into nothing from now on. */
    public void cellBegins() {
        if (previous != null) previous.channel().close();
        previous = null;
    }

    /** Stops the running Java cell (its busy loops too), outside the simulation; the kernel goes on. Thread-safe. */
    public void interrupt() {
        interruptPending = true;
        JavaCell cell = running;
        if (cell != null) cell.gate().stop();
    }

    /** The cell is over: an interrupt it did not see is forgotten. */
    public void clearInterrupt() {
        interruptPending = false;
    }

    /** Interrupts the running snippet's threads (the cell's, not threads an earlier cell left running). */
    private void interruptJava() {
        Repl r = repl;
        if (r != null) r.control().interrupt();
    }

    private void stopJava() {
        Repl r = repl;
        if (r != null) r.shell().stop();
    }

    private record Evaluation(ExecuteOutcome outcome, Rendering.Bundle value) {
    }

    private record Piece(String source, int start, int length) {
    }

    private Evaluation evaluate(String code, int firstLine, JavaCell cell, int executionCount) {
        Repl r = start();
        JShell jshell = r.shell();
        bind(r, cell);
        CellContext.enter(cell);
        try {
            List<VarSnippet> temporaries = new ArrayList<>();
            try {
                return evaluatePieces(r, code, firstLine, cell, executionCount, temporaries);
            } finally {
                // An expression's value is not kept as a variable ($1, $2 ... as jshell keeps them):
                // JShell imports every live variable into each later snippet, so each kept value
                // would make every later cell slower to compile. The value was read before this.
                for (VarSnippet v : temporaries) jshell.drop(v);
                r.classes().prune();
            }
        } finally {
            CellContext.enter(null);
        }
    }

    /** Runs the cell's snippets one after the other until one fails; then its value, if it ends in an expression. */
    private Evaluation evaluatePieces(Repl r, String code, int firstLine, JavaCell cell, int executionCount, List<VarSnippet> temporaries) {
        JShell jshell = r.shell();
        Map<String, CellErrors.Place> places = r.places();
        SnippetEvent last = null;
        for (Piece piece : pieces(jshell, code)) {
            if (cell.gate().stopping()) return new Evaluation(CellErrors.interrupted(), null);
            List<SnippetEvent> events = jshell.eval(piece.source());
            if (events.isEmpty()) continue;
            SnippetEvent event = events.get(0);
            if (event.snippet() instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) temporaries.add(v);
            places.put(event.snippet().id(), new CellErrors.Place(executionCount, firstLine + lineOf(code, piece.start())));
            if (cell.gate().stopping()) return new Evaluation(CellErrors.interrupted(), null);
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> diagnostics = jshell.diagnostics(event.snippet()).toList();
                return new Evaluation(CellErrors.compileError(diagnostics, code, piece.start(), piece.length(), firstLine), null);
            }
            if (event.exception() != null) {
                String unresolved = event.exception() instanceof UnresolvedReferenceException u ? unresolved(jshell, u.getSnippet()) : "";
                return new Evaluation(CellErrors.exception(event.exception(), places, unresolved), null);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                cell.channel().text("stderr", "note: " + unresolved(jshell, (DeclarationSnippet) event.snippet()) + "\n");
            }
            last = event;
        }
        if (cell.gate().stopping()) return new Evaluation(CellErrors.interrupted(), null);
        try {
            return new Evaluation(ExecuteOutcome.OK, value(r.control(), last, cell));
        } catch (RuntimeException | Error failed) {
            // the value's own code (toString, render) failed: the cell's error, not the kernel's
            return new Evaluation(CellErrors.renderingFailed(failed), null);
        }
    }

    /** The rendered value of a cell whose last snippet is an expression; null for anything else, and for null. */
    private Rendering.Bundle value(CellExecutionControl control, SnippetEvent last, JavaCell cell) {
        if (last == null || !last.status().isDefined()) return null;
        boolean expression = last.snippet() instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || last.snippet() instanceof ExpressionSnippet;
        if (!expression) return null;
        Object value = control.lastValue();
        // a cell ending in display(x) shows x, not x and then its display id (a variable holding the id still shows it)
        boolean displayCall = last.snippet() instanceof VarSnippet && cell.isDisplayId(value);
        if (value == null || displayCall) return null;
        return rendering.bundle(rendering.render(value));
    }

    /** {@code method f()} and what it waits for, as jshell says it. */
    private static String unresolved(JShell jshell, DeclarationSnippet snippet) {
        List<String> missing = jshell.unresolvedDependencies(snippet).toList();
        String what = describe(snippet);
        return missing.isEmpty() ? what + " cannot be used: it refers to something not declared"
                : what + " cannot be used until " + String.join(", ", missing) + " is declared";
    }

    private static String describe(DeclarationSnippet s) {
        return switch (s.kind()) {
            case METHOD -> "method " + s.name() + "()";
            case VAR -> "variable " + s.name();
            case TYPE_DECL -> "class " + s.name();
            default -> s.name();
        };
    }

    /** The cell's text cut into snippets as JShell's analysis cuts it; an unfinished rest is one more (javac will say why). */
    private static List<Piece> pieces(JShell jshell, String code) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        List<Piece> pieces = new ArrayList<>();
        String rest = code;
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (!info.completeness().isComplete()) {
                int lead = rest.length() - rest.stripLeading().length();
                pieces.add(new Piece(rest.substring(lead), offset + lead, rest.length() - lead));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            // JShell counts a snippet's lines from its first non-blank character: start there
            String source = info.source();
            int lead = source.length() - source.stripLeading().length();
            pieces.add(new Piece(source.substring(lead), offset + lead, consumed - lead));
            offset += consumed;
            rest = info.remaining();
        }
        return pieces;
    }

    private static int lineOf(String code, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < code.length(); i++) if (code.charAt(i) == '\n') line++;
        return line;
    }

    // ---- JShell ----

    /** Starts JShell with the imports and the bound variables (the first Java cell pays for this). */
    private Repl start() {
        Repl r = repl;
        if (r != null) return r;
        RoutedStreams.install();
        CellExecutionControl.Provider provider = new CellExecutionControl.Provider();
        JShell shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("--class-path", System.getProperty("java.class.path"))
                .build();
        requireValid(shell, IMPORTS);
        for (String binding : BINDINGS) requireValid(shell, binding);
        for (String name : List.of("world", "machine", "sh")) {
            // JShell drops some failures of the execution engine silently: check the bindings took
            if (provider.control().variable(name) == null) throw new IllegalStateException("Java cells cannot start: no variable " + name);
        }
        r = new Repl(shell, provider.control(), new HashMap<>(), GeneratedClasses.of(shell));
        repl = r;
        return r;
    }

    private static void requireValid(JShell shell, String source) {
        for (SnippetEvent e : shell.eval(source)) {
            if (e.exception() != null) {
                throw new IllegalStateException("Java cells cannot start: `" + source + "` threw " + e.exception(), e.exception());
            }
            if (e.status() != Snippet.Status.VALID) {
                String why = shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).toList().toString();
                throw new IllegalStateException("Java cells cannot start: `" + source + "` is " + e.status() + " " + why);
            }
        }
    }

    /** Gives {@code world}, {@code machine} and {@code sh} the notebook's objects as they are now. */
    private void bind(Repl r, JavaCell cell) {
        dev.syssim.sim.world.World internal = notebook.world();
        if (internal != boundWorld) {
            world = World.of(internal, gate);
            boundWorld = internal;
        }
        Shell sh = Shell.of(world, notebook.session());
        sh.setTraceLevel(notebook.traceOptions().level());
        Machine machine = world.machine(notebook.session().machine().name());
        set(r, "world", world);
        set(r, "machine", machine);
        set(r, "sh", sh);
    }

    private static void set(Repl r, String variable, Object value) {
        Field field = r.control().variable(variable);
        try {
            if (field != null && field.getType().isInstance(value)) {
                field.setAccessible(true);
                field.set(null, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot bind " + variable, e);
        }
    }

    private static ExecutorService javaThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "syssim-java");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The cell's evaluation, or, when it was interrupted and still runs {@value #ABANDON_AFTER_MS}
     * ms later, an interrupted outcome with the cell given up: from Java 20 on JShell stops only at
     * the cell's own code, so a loop that runs entirely inside the JDK cannot be stopped. The kernel
     * then starts a new JShell for the next Java cell (variables and methods are gone, and says
     * so); the abandoned thread keeps a core busy until the kernel restarts.
     */
    private Evaluation awaitOrAbandon(Future<Evaluation> evaluation, JavaCell cell) {
        long stoppingSince = 0;
        while (true) {
            try {
                return evaluation.get(STOP_POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!cell.gate().stopping()) continue;
                long now = System.nanoTime();
                if (stoppingSince == 0) stoppingSince = now;
                if (now - stoppingSince < ABANDON_AFTER_MS * 1_000_000L) continue;
                abandon();
                String message = "the cell did not stop (its code runs inside the JDK, where an interrupt cannot reach it);"
                        + " it was given up, and Java cells start over: their variables and methods are gone";
                return new Evaluation(ExecuteOutcome.error("KeyboardInterrupt", message, List.of("KeyboardInterrupt: " + message)), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }

    /** Leaves the stuck thread and its JShell behind; the next Java cell starts a new JShell on a new thread. */
    private void abandon() {
        thread.shutdownNow();
        thread = javaThread();
        repl = null;
    }

    private <T> T onJavaThread(Callable<T> task) {
        return await(thread.submit(task));
    }

    /** The future's value, waited for however long it takes (the kernel's threads are not interrupted). */
    private static <T> T await(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    // ---- completion, inspection, is_complete ----

    /** Completions at {@code cursor} of a cell's Java text, from JShell's source analysis. */
    public Completion complete(String code, int cursor) {
        return onJavaThread(() -> {
            JShell jshell = start().shell();
            int at = Math.max(0, Math.min(cursor, code.length()));
            int from = snippetStart(jshell, code, at);
            int[] anchor = new int[1];
            Set<String> matches = new LinkedHashSet<>();
            List<SourceCodeAnalysis.Suggestion> suggestions = jshell.sourceCodeAnalysis().completionSuggestions(code.substring(from, at), at - from, anchor);
            for (SourceCodeAnalysis.Suggestion s : suggestions) if (s.matchesType()) matches.add(s.continuation());
            for (SourceCodeAnalysis.Suggestion s : suggestions) matches.add(s.continuation());
            return new Completion(new ArrayList<>(matches), from + anchor[0], at);
        });
    }

    /** The signature and javadoc of what is at {@code cursor}, from JShell's source analysis. */
    public Inspection inspect(String code, int cursor) {
        return onJavaThread(() -> {
            JShell jshell = start().shell();
            int at = Math.max(0, Math.min(cursor, code.length()));
            int end = at;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
            // JShell documents a method from inside its argument list, as jshell's Shift-Tab after "("
            if (end < code.length() && code.charAt(end) == '(') end++;
            int from = snippetStart(jshell, code, at);
            List<SourceCodeAnalysis.Documentation> docs = jshell.sourceCodeAnalysis().documentation(code.substring(from, end), end - from, true);
            if (docs.isEmpty()) return Inspection.NOT_FOUND;
            StringBuilder text = new StringBuilder();
            for (SourceCodeAnalysis.Documentation d : docs) {
                text.append(d.signature()).append('\n');
                if (d.javadoc() != null && !d.javadoc().isBlank()) text.append('\n').append(d.javadoc().strip()).append("\n\n");
            }
            return new Inspection(true, text.toString());
        });
    }

    /** Whether a cell's Java text is a whole cell, or what indent its next line takes. */
    public IsComplete isComplete(String code) {
        return onJavaThread(() -> {
            SourceCodeAnalysis analysis = start().shell().sourceCodeAnalysis();
            String rest = code;
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                switch (info.completeness()) {
                    case COMPLETE, COMPLETE_WITH_SEMI -> {
                        if (info.remaining().isBlank()) return IsComplete.COMPLETE;
                        rest = info.remaining();
                    }
                    case EMPTY -> {
                        return IsComplete.COMPLETE;
                    }
                    case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                        return IsComplete.incomplete(indent(rest));
                    }
                    default -> {
                        return IsComplete.INVALID;
                    }
                }
            }
        });
    }

    /** The indent of the last line, four more after an opening brace or parenthesis. */
    private static String indent(String text) {
        String last = text.substring(text.lastIndexOf('\n') + 1);
        String current = last.substring(0, last.length() - last.stripLeading().length());
        String trimmed = last.strip();
        return trimmed.endsWith("{") || trimmed.endsWith("(") ? current + "    " : current;
    }

    /** Where the snippet the cursor is in starts: after the last complete snippet before it. */
    private static int snippetStart(JShell jshell, String code, int cursor) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        String before = code.substring(0, cursor);
        int start = 0;
        while (start < before.length()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(before.substring(start));
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) break;
            start = before.length() - info.remaining().length();
        }
        return start;
    }
}
