package dev.syssim.kernel.eval;

import java.util.List;

/**
 * The interpreter backed by the simulated world. PLACEHOLDER until the machine core lands: it knows
 * {@code echo} (with {@code >&2}) and reports an unbalanced quote as a syntax error, which is the
 * minimal slice the protocol layer needs to be exercised end to end.
 */
public final class SimInterpreter implements Interpreter {

    @Override
    public ExecuteOutcome execute(String code, CellIO io) {
        for (String line : code.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) continue;
            if (trimmed.chars().filter(c -> c == '\'').count() % 2 == 1) {
                String message = "syntax error: unexpected end of file (unterminated quote)";
                return ExecuteOutcome.error("SyntaxError", message, List.of(message));
            }
            if (trimmed.startsWith("echo ")) {
                String rest = trimmed.substring(5);
                boolean toStderr = rest.endsWith(">&2");
                if (toStderr) rest = rest.substring(0, rest.length() - 3).strip();
                io.stream(toStderr ? "stderr" : "stdout", rest.replace("'", "") + "\n");
            } else {
                io.stream("stderr", "bash: " + trimmed.split(" ")[0] + ": command not found\n");
            }
        }
        return ExecuteOutcome.OK;
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        return new Completion(List.of(), cursorPos, cursorPos);
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        return Inspection.NOT_FOUND;
    }

    @Override
    public IsComplete isComplete(String code) {
        return IsComplete.COMPLETE;
    }

    @Override
    public void interrupt() {
    }

    @Override
    public String banner() {
        return "SysSim: a simulated world of machines";
    }
}
