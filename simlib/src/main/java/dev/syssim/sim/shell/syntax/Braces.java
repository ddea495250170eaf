package dev.syssim.sim.shell.syntax;

import dev.syssim.sim.shell.syntax.Ast.Brace;
import dev.syssim.sim.shell.syntax.Ast.BraceSeq;
import dev.syssim.sim.shell.syntax.Ast.Lit;
import dev.syssim.sim.shell.syntax.Ast.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds brace expansions in a word's parts: <code>{a,b}</code> with unquoted braces and commas
 * (alternatives may hold quotes and expansions), and sequences <code>{1..5}</code>,
 * <code>{01..10..2}</code>, <code>{a..e}</code>. What is not a valid brace expression stays text,
 * as in bash ({@code {a}}, {@code {}}, {@code {1..a}}). Works on the parts with an explicit index,
 * nesting by a bounded recursion over the word's own braces.
 */
final class Braces {

    /** A word flattened: each unquoted character its own atom, every other part one atom. */
    private record Atom(char c, Part part) {
        boolean is(char ch) {
            return part == null && c == ch;
        }
    }

    private Braces() {
    }

    static List<Part> parse(List<Part> parts) {
        boolean any = false;
        for (Part p : parts) if (p instanceof Lit l && l.text().indexOf('{') >= 0) any = true;
        if (!any) return parts;
        List<Atom> atoms = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Lit l) {
                for (int i = 0; i < l.text().length(); i++) atoms.add(new Atom(l.text().charAt(i), null));
            } else {
                atoms.add(new Atom('\0', p));
            }
        }
        return sequence(atoms, 0, atoms.size());
    }

    /** The parts of atoms [from, to), with brace expressions recognised. */
    private static List<Part> sequence(List<Atom> atoms, int from, int to) {
        List<Part> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = from;
        while (i < to) {
            Atom a = atoms.get(i);
            if (a.is('{')) {
                int close = closing(atoms, i, to);
                if (close > 0) {
                    Part brace = brace(atoms, i + 1, close);
                    if (brace != null) {
                        flush(out, lit);
                        out.add(brace);
                        i = close + 1;
                        continue;
                    }
                }
            }
            if (a.part == null) {
                lit.append(a.c);
            } else {
                flush(out, lit);
                out.add(a.part);
            }
            i++;
        }
        flush(out, lit);
        return out;
    }

    private static void flush(List<Part> out, StringBuilder lit) {
        if (lit.length() == 0) return;
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Lit prev) {
            out.set(out.size() - 1, new Lit(prev.text() + lit));
        } else {
            out.add(new Lit(lit.toString()));
        }
        lit.setLength(0);
    }

    /** The index of the unquoted brace closing the one at {@code open}, or -1. */
    private static int closing(List<Atom> atoms, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            Atom a = atoms.get(i);
            if (a.is('{')) depth++;
            else if (a.is('}') && --depth == 0) return i;
        }
        return -1;
    }

    /** The brace expression inside [from, to), or null when it is not one. */
    private static Part brace(List<Atom> atoms, int from, int to) {
        List<int[]> alternatives = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Atom a = atoms.get(i);
            if (a.is('{')) depth++;
            else if (a.is('}')) depth--;
            else if (a.is(',') && depth == 0) {
                alternatives.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (!alternatives.isEmpty()) {
            alternatives.add(new int[] {start, to});
            List<List<Part>> words = new ArrayList<>();
            for (int[] range : alternatives) words.add(sequence(atoms, range[0], range[1]));
            return new Brace(words);
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (atoms.get(i).part != null) return null;
            text.append(atoms.get(i).c);
        }
        return sequenceOf(text.toString());
    }

    /** <code>x..y[..step]</code> with integers or single letters; null otherwise. */
    static BraceSeq sequenceOf(String text) {
        String[] f = text.split("\\.\\.", -1);
        if (f.length != 2 && f.length != 3) return null;
        long step = 1;
        if (f.length == 3) {
            Long s = integer(f[2]);
            if (s == null) return null;
            step = s == 0 ? 1 : Math.abs(s);
        }
        Long a = integer(f[0]);
        Long b = integer(f[1]);
        if (a != null && b != null) {
            int width = 0;
            if (zeroPadded(f[0]) || zeroPadded(f[1])) width = Math.max(f[0].length(), f[1].length());
            return new BraceSeq(a, b, step, width, false);
        }
        if (f[0].length() == 1 && f[1].length() == 1 && Character.isLetter(f[0].charAt(0)) && Character.isLetter(f[1].charAt(0))
                && f[0].charAt(0) < 128 && f[1].charAt(0) < 128) {
            return new BraceSeq(f[0].charAt(0), f[1].charAt(0), step, 0, true);
        }
        return null;
    }

    private static boolean zeroPadded(String s) {
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    private static Long integer(String s) {
        if (!s.matches("[-+]?[0-9]+") || s.length() > 19) return null;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
