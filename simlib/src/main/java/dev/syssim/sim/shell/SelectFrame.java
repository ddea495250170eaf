package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code select NAME in words}: the numbered menu on standard error (in columns, as bash lays it
 * out), PS3's prompt, a line read into REPLY; NAME gets the chosen word (empty for a bad choice)
 * and the body runs, until {@code break} or the end of input.
 */
final class SelectFrame extends Frame {

    private final Ast.Select command;
    private List<String> items;
    private int phase;
    private boolean showMenu = true;

    SelectFrame(Ast.Select command) {
        this.command = command;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                phase = 1;
                sh.st.lineNumber = command.line();
                if (!Shell.isName(command.variable())) {
                    sh.error("`" + command.variable() + "': not a valid identifier");
                    phase = 9;
                    return sh.finish(1);
                }
                if (command.words() == null) {
                    items = new ArrayList<>(sh.st.positional);
                    return Shell.CONTINUE;
                }
                sh.push(new ExpandWordsFrame(command.words(), false, r -> items = r));
                return Shell.CONTINUE;
            }
            case 1 -> {
                if (items.isEmpty()) {
                    phase = 9;
                    return sh.finish(0);
                }
                sh.st.loopDepth++;
                phase = 2;
                return query(sh);
            }
            case 3 -> {
                return query(sh);
            }
            default -> {
                return sh.finish(childStatus);
            }
        }
    }

    private Step query(Shell sh) {
        if (showMenu) menu(sh);
        String ps3 = sh.st.vars.get("PS3");
        sh.err(ps3 == null ? "#? " : ps3);
        return IoBuiltins.readInput(sh, 0, '\n', -1, false, false, result -> {
            if (result.eof() && result.text().isEmpty() || result.error() != null) {
                sh.out("\n");
                sh.st.loopDepth--;
                phase = 9;
                return sh.done(1); // the end of input ends select with status 1, whatever the body did
            }
            String reply = result.text().replace("\u0001", "").strip();
            Assign.scalar(sh, "REPLY", reply, false);
            if (reply.isEmpty()) {
                showMenu = true;
                return query(sh);
            }
            showMenu = false;
            String choice = "";
            Long n = Flow.number(reply);
            if (n != null && n >= 1 && n <= items.size()) choice = items.get(n.intValue() - 1);
            Assign.scalar(sh, command.variable(), choice, false);
            phase = 3;
            sh.push(new ListFrame(command.body()));
            return sh.proceed();
        });
    }

    private void menu(Shell sh) {
        int columns = 80;
        String c = sh.st.vars.get("COLUMNS");
        Long parsed = c == null ? null : Flow.number(c);
        if (parsed != null && parsed > 0) columns = parsed.intValue();
        int count = items.size();
        int indicesLen = Integer.toString(count).length();
        int maxElem = 0;
        for (String item : items) maxElem = Math.max(maxElem, Bytes.length(item, sh.utf8()));
        maxElem += indicesLen + 2 + 2;
        int cols = Math.max(1, columns / maxElem);
        int rows = count / cols + (count % cols != 0 ? 1 : 0);
        cols = count / rows + (count % rows != 0 ? 1 : 0);
        if (rows == 1) {
            rows = cols;
            cols = 1;
        }
        int firstLen = Integer.toString(rows).length();
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            int ind = row;
            int pos = 0;
            while (true) {
                int len = pos == 0 ? firstLen : indicesLen;
                String item = items.get(ind);
                out.append(String.format("%" + len + "d) %s", ind + 1, item));
                int elemLen = Bytes.length(item, sh.utf8()) + len + 2;
                ind += rows;
                if (ind >= count) break;
                int from = pos + elemLen;
                int to = pos + maxElem;
                while (from < to) {
                    if (to / 8 > from / 8) {
                        out.append('\t');
                        from += 8 - from % 8;
                    } else {
                        out.append(' ');
                        from++;
                    }
                }
                pos += maxElem;
            }
            out.append('\n');
        }
        sh.err(out.toString());
    }

    @Override
    Step unwind(Shell sh) {
        if (phase == 3 && sh.pending instanceof Shell.Break b) {
            sh.pending = b.levels() > 1 ? new Shell.Break(b.levels() - 1) : null;
            sh.st.loopDepth--;
            phase = 9;
            return sh.finish(sh.st.lastStatus); // break's own status (1 after "break 0")
        }
        if (phase == 3 && sh.pending instanceof Shell.Continue k) {
            if (k.levels() > 1) {
                sh.pending = new Shell.Continue(k.levels() - 1);
                sh.st.loopDepth--;
                phase = 9;
                return sh.finish(0);
            }
            sh.pending = null;
            return query(sh);
        }
        if (phase >= 2 && phase != 9) sh.st.loopDepth--;
        phase = 9;
        return sh.finish(childStatus);
    }
}
