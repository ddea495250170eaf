package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The elements of {@code name=(...)} expanded: a plain element is split and globbed like a command
 * word (one element may become several, or none); {@code [sub]=value} is one element, its subscript
 * and value expanded as strings.
 */
final class ArrayElementsFrame extends Frame {

    private final List<Ast.ArrayElement> elements;
    private final Consumer<List<Assign.Element>> out;
    private final List<Assign.Element> result = new ArrayList<>();
    private int index;
    private String subscript;
    private int phase;

    ArrayElementsFrame(List<Ast.ArrayElement> elements, Consumer<List<Assign.Element>> out) {
        this.elements = elements;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        while (true) {
            if (phase == 0) {
                if (index >= elements.size()) {
                    out.accept(result);
                    return sh.finish(0);
                }
                Ast.ArrayElement e = elements.get(index);
                if (e.subscript() == null) {
                    index++;
                    sh.push(new ExpandWordsFrame(java.util.List.of(e.value()), false, fields -> {
                        for (String f : fields) result.add(new Assign.Element(null, false, f));
                    }));
                    return Shell.CONTINUE;
                }
                phase = 1;
                sh.push(new WordFrame(e.subscript(), WordFrame.Mode.STRING, r -> subscript = r.get(0)));
                return Shell.CONTINUE;
            }
            Ast.ArrayElement e = elements.get(index++);
            phase = 0;
            String sub = subscript;
            sh.push(new WordFrame(e.value(), WordFrame.Mode.ASSIGNMENT, r -> result.add(new Assign.Element(sub, e.append(), r.get(0)))));
            return Shell.CONTINUE;
        }
    }

    /** The elements written back as bash would read them, for set -x and for declaration builtins' argv. */
    static String text(List<Assign.Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Assign.Element e : elements) {
            if (out.length() > 0) out.append(' ');
            if (e.subscript() != null) out.append('[').append(e.subscript()).append(']').append(e.append() ? "+=" : "=");
            out.append(e.value());
        }
        return out.toString();
    }
}
