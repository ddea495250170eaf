package dev.syssim.sim.prog.tools.editors;

import dev.syssim.sim.prog.Regex;
import java.util.List;

/** A compiled sed script: its commands and the parts they are made of. */
final class SedCommand {

    private SedCommand() {
    }

    /** What an address is. */
    enum AddressKind {
        /** A line number. */
        LINE,
        /** {@code first~step}. */
        STEP,
        /** {@code $}. */
        LAST,
        /** {@code /re/}. */
        REGEX,
        /** {@code +N} as a second address: N lines more. */
        PLUS,
        /** {@code ~N} as a second address: up to the next multiple of N. */
        MULTIPLE
    }

    /** One address; {@code regex} null with kind REGEX means the empty regex (the last one used). */
    record Address(AddressKind kind, long n, long step, Regex regex) {
    }

    /** A piece of an s command's replacement. */
    sealed interface Piece permits Literal, Group, Case {
    }

    /** Literal bytes. */
    record Literal(byte[] bytes) implements Piece {
    }

    /** The text of group n ({@code &} and {@code \0} are group 0). */
    record Group(int n) implements Piece {
    }

    /** Backslash L, U, E (a case mode until changed) or l, u (the next character only). */
    record Case(char op) implements Piece {
    }

    /** An s command: regex (null: the last one used), replacement, flags. */
    record Subst(Regex regex, List<Piece> replacement, boolean global, long occurrence, boolean print, String writeFile) {
    }

    /**
     * One command: its addresses (null when absent), negation, name and argument — text for a/i/c,
     * a label for b/t/T, a file for r/R/w/W, a number for q/Q/l, the s or y command's parts.
     * {@code jump} is where a '{' goes when its address does not match, or where a branch goes.
     */
    static final class Command {
        Address a1;
        Address a2;
        boolean negate;
        char name;
        byte[] text;
        String label;
        String file;
        long number = -1;
        Subst subst;
        java.util.Map<String, byte[]> y;
        int jump = -1;
    }
}
