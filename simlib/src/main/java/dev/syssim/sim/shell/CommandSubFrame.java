package dev.syssim.sim.shell;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.shell.syntax.Ast;
import dev.syssim.sim.shell.syntax.DeepStack;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * {@code $(list)} and backquotes: a pipe, a forked subshell writing the list's output into it, the
 * shell reading it to the end and waiting for the child. Trailing newlines are removed, NUL bytes
 * dropped with bash's warning, and the child's status becomes the substitution's ({@code x=$(false)}
 * has status 1). {@code $(< file)} reads the file without a child, as bash does.
 */
final class CommandSubFrame extends Frame {

    private final Ast.CommandSub sub;
    private final Consumer<Object> out;
    private boolean started;

    CommandSubFrame(Ast.CommandSub sub, Consumer<Object> out) {
        this.sub = sub;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        if (started) return sh.finish(0);
        started = true;
        Ast.Script body = sub.body();
        if (body == null) {
            try {
                body = DeepStack.call(() -> Parser.parseAll(sub.source(), sh.parserSettings()));
            } catch (SyntaxError e) {
                sh.err(sh.prefix() + "command substitution: line " + e.line() + ": " + e.getMessage() + "\n");
                if (e.echoLine()) sh.err(sh.prefix() + "command substitution: line " + e.line() + ": `" + e.lineText() + "'\n");
                sh.st.substitutionStatus = 2;
                sh.st.hadSubstitution = true;
                return deliver(sh, "");
            }
        }
        String file = fileRead(body);
        if (file != null) return readFile(sh, file);
        Ast.Script script = body;
        return sh.c.sys(new Syscall.Pipe2(OpenFlags.O_CLOEXEC), p -> {
            if (p.failed()) {
                sh.sysError("cannot make pipe for command substitution: " + p.errno().message());
                return deliver(sh, "");
            }
            int[] fds = Syscall.Pipe2.fds(p);
            return sh.fork(child -> {
                child.st.options.errexitForSubstitution();
                child.st.commandSubstitution = true;
                child.st.traceLevel++;
                return new PipeStageFrame(-1, fds[1], false, fds[0], s -> new ListFrame(script, ExecLast.CLEAN));
            }, -1, pid -> sh.c.close(fds[1], () -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                return sh.c.readAll(fds[0], bytes, err -> sh.c.close(fds[0], () -> {
                    if (pid < 0) return deliver(sh, "");
                    return sh.c.sys(new Syscall.Wait4(pid, 0), w -> {
                        sh.st.substitutionStatus = w.failed() ? 127 : WaitStatus.shellStatus(Syscall.Wait4.status(w));
                        sh.st.hadSubstitution = true;
                        return deliver(sh, output(sh, bytes.toByteArray()));
                    });
                }));
            }));
        });
    }

    private Step deliver(Shell sh, String text) {
        out.accept(text);
        return sh.finish(0);
    }

    /** The output as the word gets it: NUL bytes dropped (with bash's warning), trailing newlines removed. */
    private static String output(Shell sh, byte[] bytes) {
        String text = Bytes.str(bytes);
        if (text.indexOf('\0') >= 0) {
            sh.error("warning: command substitution: ignored null byte in input");
            text = text.replace("\0", "");
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') end--;
        return text.substring(0, end);
    }

    /** {@code $(< file)}: the file's name when the body is exactly that, else null. */
    private static String fileRead(Ast.Script body) {
        if (body.items().size() != 1) return null;
        Ast.Item item = body.items().get(0);
        if (item.background() || item.command().pipelines().size() != 1) return null;
        Ast.Pipeline p = item.command().pipelines().get(0);
        if (p.commands().size() != 1 || p.negated() || !(p.commands().get(0) instanceof Ast.Simple s)) return null;
        if (!s.words().isEmpty() || !s.assignments().isEmpty() || s.redirects().size() != 1) return null;
        Ast.Redirect r = s.redirects().get(0);
        if (r.op() != Ast.RedirectOp.IN || r.fd() > 0) return null;
        return r.target().literal();
    }

    private Step readFile(Shell sh, String file) {
        return sh.c.readFile(Bytes.toJava(file), (err, bytes) -> {
            if (err != null) {
                sh.error(file + ": " + err.message());
                sh.st.substitutionStatus = 1;
                sh.st.hadSubstitution = true;
                return deliver(sh, "");
            }
            sh.st.substitutionStatus = 0;
            sh.st.hadSubstitution = true;
            return deliver(sh, output(sh, bytes));
        });
    }
}
