package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Parser;

/**
 * busybox ash asked to be interactive ({@code sh -i}, what {@code chroot DIR} runs) with no
 * terminal on its standard input: it says it cannot do job control, prints its banner, and then
 * for every line of input prints the prompt ({@code / # } for root in /) and runs the line; at end
 * of input it writes a newline on standard error and exits with the last status — as recorded from
 * busybox 1.35.0.
 */
final class AshPrompt extends Frame {

    static final String BANNER = "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\n"
            + "Enter 'help' for a list of built-in commands.\n\n";

    private boolean running;

    static Step run(Shell sh) {
        sh.err(sh.st.programName + ": can't access tty; job control turned off\n");
        sh.c.print(BANNER);
        sh.push(new AshPrompt());
        return sh.run();
    }

    @Override
    Step step(Shell sh) {
        running = false;
        sh.c.print(prompt(sh));
        sh.c.flushStdout();
        return sh.c.readLine(0, line -> {
            if (line == null) {
                sh.err("\n");
                return sh.exit(sh.st.lastStatus);
            }
            running = true;
            sh.st.lineNumber = 0;
            Parser parser = new Parser(Bytes.fromJava(line + "\n"), 1, sh.parserSettings());
            sh.push(new SourceFrame(parser, SourceFrame.Kind.COMMAND_STRING, sh.st.programName));
            return sh.proceed();
        });
    }

    /** PS1 {@code \w \$ }: the working directory ({@code ~} for HOME), {@code #} for root. */
    private static String prompt(Shell sh) {
        String pwd = sh.st.vars.get("PWD");
        String home = sh.st.vars.get("HOME");
        String where = pwd == null ? "?" : home != null && pwd.equals(home) ? "~" : pwd;
        return where + (sh.st.euid == 0 ? " # " : " $ ");
    }

    @Override
    Step unwind(Shell sh) {
        if (running && sh.pending instanceof Shell.Discard) {
            sh.pending = null;
            return Shell.CONTINUE;
        }
        return sh.finish(childStatus);
    }
}
