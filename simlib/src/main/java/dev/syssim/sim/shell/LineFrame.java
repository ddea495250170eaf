package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;

/** Sets $LINENO to a compound command's line, then becomes its body. */
final class LineFrame extends Frame {

    private final int line;
    private final Frame body;

    LineFrame(int line, Frame body) {
        this.line = line;
        this.body = body;
    }

    @Override
    Step step(Shell sh) {
        sh.st.lineNumber = line;
        sh.stack.set(sh.stack.size() - 1, body);
        return Shell.CONTINUE;
    }
}
