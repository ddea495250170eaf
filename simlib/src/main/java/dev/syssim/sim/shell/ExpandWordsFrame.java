package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Expands a command's words into its argument vector: brace expansion first (one word may become
 * many), then each word through {@link WordFrame}. A plain word (no quotes, no expansion, no glob)
 * is taken as it is, which is most words. For a declaration builtin ({@code declare}, {@code local},
 * {@code export} ...), a word written as an assignment is expanded as an assignment is: no
 * splitting, no globbing, and {@code name=(...)} keeps its elements for the builtin.
 */
final class ExpandWordsFrame extends Frame {

    private final List<Ast.Word> words;
    private final boolean declaration;
    private final Consumer<List<String>> out;
    private final List<String> argv;
    /** For declaration builtins: argv index of each {@code name=(...)} and its expanded elements. */
    private Map<Integer, List<Assign.Element>> arrays; // made when a declaration needs it: most commands never do
    /** The words a brace expansion made, still to expand (null until one does). */
    private List<Ast.Word> pending;
    private int index;

    ExpandWordsFrame(List<Ast.Word> words, boolean declaration, Consumer<List<String>> out) {
        this.words = words;
        this.declaration = declaration;
        this.out = out;
        this.argv = new ArrayList<>(words.size());
    }

    @Override
    Step step(Shell sh) {
        while (true) {
            Ast.Word w;
            if (pending == null || pending.isEmpty()) {
                if (index >= words.size()) {
                    sh.pendingArrays = arrays == null ? Map.of() : arrays;
                    out.accept(argv);
                    return sh.finish(0);
                }
                w = words.get(index++);
                if (sh.st.options.braceexpand && BraceExpansion.has(w) && !(declaration && w.assignment())) {
                    List<Ast.Word> expanded = BraceExpansion.expand(w);
                    if (expanded == null) {
                        sh.error("brace expansion: failed to allocate memory for " + w.text());
                        return sh.discard(1);
                    }
                    if (pending == null) pending = new ArrayList<>();
                    pending.addAll(expanded);
                    w = pending.remove(0);
                }
            } else {
                w = pending.remove(0);
            }
            String literal = w.literal();
            if (literal != null && !needsGlob(sh, literal) && !(declaration && w.assignment())
                    && !(literal.indexOf('~') >= 0 && w.assignment())) {
                argv.add(literal);
                continue;
            }
            if (declaration && argv.size() > 0 && w.assignment()) {
                Ast.ArrayLit array = arrayLiteral(w);
                if (array != null) {
                    int at = argv.size();
                    String prefix = ((Ast.Lit) w.parts().get(0)).text();
                    argv.add(prefix + "(...)");
                    sh.push(new ArrayElementsFrame(array.elements(), elements -> {
                        if (arrays == null) arrays = new LinkedHashMap<>();
                        arrays.put(at, elements);
                        argv.set(at, prefix.substring(0, prefix.length() - 1) + "=(" + ArrayElementsFrame.text(elements) + ")");
                    }));
                    return Shell.CONTINUE;
                }
                sh.push(new WordFrame(w, WordFrame.Mode.ASSIGNMENT, r -> argv.add(r.get(0))));
                return Shell.CONTINUE;
            }
            sh.push(new WordFrame(w, WordFrame.Mode.FIELDS, argv::addAll));
            return Shell.CONTINUE;
        }
    }

    private static Ast.ArrayLit arrayLiteral(Ast.Word w) {
        for (Ast.Part p : w.parts()) if (p instanceof Ast.ArrayLit a) return a;
        return null;
    }

    private static boolean needsGlob(Shell sh, String literal) {
        if (sh.st.options.noglob) return false;
        return Marked.isPattern(literal, null, sh.st.options.extglob);
    }
}
