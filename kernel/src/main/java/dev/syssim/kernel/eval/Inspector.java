package dev.syssim.kernel.eval;

import dev.syssim.sim.os.Program;
import dev.syssim.sim.prog.ManualPage;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.world.Toolbox;

/**
 * Shift-Tab help: the manual page of the command under the cursor, the help of a magic, or the
 * line {@code help} gives for a shell builtin.
 */
final class Inspector {

    private final Magics magics;
    private final Lookups lookups;

    Inspector(Magics magics, Lookups lookups) {
        this.magics = magics;
        this.lookups = lookups;
    }

    Inspection inspect(String code, int cursor) {
        String word = wordAt(code, cursor);
        if (word.isEmpty()) return Inspection.NOT_FOUND;
        if (word.startsWith("%")) {
            String name = word.replaceFirst("^%+", "");
            Magic m = word.startsWith("%%") ? magics.cellMagic(name) : magics.lineMagic(name);
            if (m == null) return Inspection.NOT_FOUND;
            return new Inspection(true, m.usage() + "\n\n" + m.help() + "\n");
        }
        if (Completer.BUILTINS.contains(word)) {
            return new Inspection(true, word + ": a shell builtin (bash runs it itself, without a new process).\nType `help` in a cell for the list.\n");
        }
        String program = lookups.programOf(word);
        if (program == null) return Inspection.NOT_FOUND;
        Program p = Toolbox.programs().find(program);
        if (!(p instanceof Tool tool)) return Inspection.NOT_FOUND;
        return new Inspection(true, ManualPage.render(word, 1, tool.manual()));
    }

    static String wordAt(String code, int cursor) {
        int pos = Math.max(0, Math.min(cursor, code.length()));
        int start = pos;
        while (start > 0 && !Character.isWhitespace(code.charAt(start - 1)) && ";|&<>()".indexOf(code.charAt(start - 1)) < 0) start--;
        int end = pos;
        while (end < code.length() && !Character.isWhitespace(code.charAt(end)) && ";|&<>()".indexOf(code.charAt(end)) < 0) end++;
        return code.substring(start, end);
    }
}
