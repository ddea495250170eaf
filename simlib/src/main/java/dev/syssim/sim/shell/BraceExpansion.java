package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/**
 * Brace expansion, bash's first expansion: a word with <code>{a,b}</code> or <code>{1..3}</code>
 * parts becomes one word per combination, left to right ({@code {a,b}{1,2}} gives a1 a2 b1 b2).
 * Words are produced with an explicit work list, so nesting and length cost no Java stack.
 */
final class BraceExpansion {

    /** More words than this from one word is bash running out of memory; the simulation says so instead. */
    static final long MAX_WORDS = 1_000_000;

    private BraceExpansion() {
    }

    static boolean has(Ast.Word w) {
        for (Ast.Part p : w.parts()) if (p instanceof Ast.Brace || p instanceof Ast.BraceSeq) return true;
        return false;
    }

    /** The words a word expands to; null if there would be more than {@link #MAX_WORDS}. */
    static List<Ast.Word> expand(Ast.Word word) {
        List<List<Ast.Part>> done = new ArrayList<>();
        // a work item: parts still to expand, the prefix made so far
        record Work(List<Ast.Part> rest, List<Ast.Part> prefix) {
        }
        java.util.ArrayDeque<Work> work = new java.util.ArrayDeque<>();
        work.push(new Work(word.parts(), List.of()));
        while (!work.isEmpty()) {
            Work w = work.pop();
            int i = 0;
            while (i < w.rest.size() && !(w.rest.get(i) instanceof Ast.Brace) && !(w.rest.get(i) instanceof Ast.BraceSeq)) i++;
            if (i == w.rest.size()) {
                List<Ast.Part> all = new ArrayList<>(w.prefix);
                all.addAll(w.rest);
                done.add(all);
                if (done.size() > MAX_WORDS) return null;
                continue;
            }
            List<Ast.Part> before = new ArrayList<>(w.prefix);
            before.addAll(w.rest.subList(0, i));
            List<Ast.Part> after = w.rest.subList(i + 1, w.rest.size());
            Ast.Part brace = w.rest.get(i);
            List<List<Ast.Part>> alternatives = new ArrayList<>();
            if (brace instanceof Ast.Brace b) {
                alternatives.addAll(b.alternatives());
            } else {
                Ast.BraceSeq s = (Ast.BraceSeq) brace;
                if (s.count() > MAX_WORDS) return null;
                for (long k = 0; k < s.count(); k++) {
                    // a letter range's backslash goes through quote removal as bash's does: an empty word
                    String v = s.value(k);
                    alternatives.add(List.of(new Ast.Quoted(s.letters() && v.equals("\\") ? "" : v)));
                }
            }
            // pushed in reverse so the first alternative is expanded first
            for (int k = alternatives.size() - 1; k >= 0; k--) {
                List<Ast.Part> rest = new ArrayList<>(alternatives.get(k));
                rest.addAll(after);
                work.push(new Work(rest, before));
            }
        }
        List<Ast.Word> words = new ArrayList<>(done.size());
        for (List<Ast.Part> parts : done) words.add(new Ast.Word(parts, word.text()));
        return words;
    }

    /** A brace part written back as text (where braces are not expanded: assignments, patterns). */
    static String text(Ast.Part p) {
        if (p instanceof Ast.Brace b) {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < b.alternatives().size(); i++) {
                if (i > 0) out.append(',');
                for (Ast.Part q : b.alternatives().get(i)) out.append(literalText(q));
            }
            return out.append('}').toString();
        }
        if (p instanceof Ast.BraceSeq s) {
            String a = s.letters() ? String.valueOf((char) s.start()) : s.value(0);
            String z = s.letters() ? String.valueOf((char) s.end()) : s.value(s.count() - 1);
            return "{" + a + ".." + z + (s.step() != 1 ? ".." + s.step() : "") + "}";
        }
        return literalText(p);
    }

    private static String literalText(Ast.Part p) {
        if (p instanceof Ast.Lit l) return l.text();
        if (p instanceof Ast.Quoted q) return q.text();
        if (p instanceof Ast.Brace || p instanceof Ast.BraceSeq) return text(p);
        return "";
    }
}
