package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code test} and {@code [}: file tests (which stat the file, like the real builtin), string and
 * integer comparisons, {@code !}. Exit 0 for true, 1 for false, 2 for a malformed expression.
 */
final class TestCommand {

    private TestCommand() {
    }

    static Step run(Shell shell, List<String> args, String name, IntFunction<Step> k) {
        if (args.isEmpty()) return k.apply(1);
        if (args.get(0).equals("!")) return run(shell, args.subList(1, args.size()), name, status -> k.apply(status == 2 ? 2 : 1 - status));
        if (args.size() == 1) return k.apply(args.get(0).isEmpty() ? 1 : 0);
        if (args.size() == 2) return unary(shell, args.get(0), args.get(1), name, k);
        if (args.size() == 3) return k.apply(binary(shell, args.get(0), args.get(1), args.get(2), name));
        shell.c().eprint(shell.messagePrefix() + name + ": too many arguments\n");
        return k.apply(2);
    }

    private static Step unary(Shell shell, String op, String operand, String name, IntFunction<Step> k) {
        switch (op) {
            case "-z":
                return k.apply(operand.isEmpty() ? 0 : 1);
            case "-n":
                return k.apply(operand.isEmpty() ? 1 : 0);
            case "-e", "-f", "-d", "-s", "-L", "-h", "-b", "-c", "-p":
                boolean follow = !op.equals("-L") && !op.equals("-h");
                return shell.c().statOf(operand, follow, (err, st) -> {
                    if (err != null) return k.apply(1);
                    boolean result = switch (op) {
                        case "-f" -> st.type() == FileType.REGULAR;
                        case "-d" -> st.type() == FileType.DIRECTORY;
                        case "-s" -> st.size() > 0;
                        case "-L", "-h" -> st.type() == FileType.SYMLINK;
                        case "-b" -> st.type() == FileType.BLOCK_DEVICE;
                        case "-c" -> st.type() == FileType.CHAR_DEVICE;
                        case "-p" -> st.type() == FileType.FIFO;
                        default -> true;
                    };
                    return k.apply(result ? 0 : 1);
                });
            case "-r", "-w", "-x":
                int mode = op.equals("-r") ? 4 : op.equals("-w") ? 2 : 1;
                return shell.c().sys(new Syscall.Access(operand, mode), r -> k.apply(r.failed() ? 1 : 0));
            default:
                shell.c().eprint(shell.messagePrefix() + name + ": " + op + ": unary operator expected\n");
                return k.apply(2);
        }
    }

    private static int binary(Shell shell, String a, String op, String b, String name) {
        switch (op) {
            case "=", "==":
                return a.equals(b) ? 0 : 1;
            case "!=":
                return a.equals(b) ? 1 : 0;
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
                long x;
                long y;
                try {
                    x = Long.parseLong(a.strip());
                } catch (NumberFormatException e) {
                    shell.c().eprint(shell.messagePrefix() + name + ": " + a + ": integer expression expected\n");
                    return 2;
                }
                try {
                    y = Long.parseLong(b.strip());
                } catch (NumberFormatException e) {
                    shell.c().eprint(shell.messagePrefix() + name + ": " + b + ": integer expression expected\n");
                    return 2;
                }
                boolean r = switch (op) {
                    case "-eq" -> x == y;
                    case "-ne" -> x != y;
                    case "-lt" -> x < y;
                    case "-le" -> x <= y;
                    case "-gt" -> x > y;
                    default -> x >= y;
                };
                return r ? 0 : 1;
            default:
                shell.c().eprint(shell.messagePrefix() + name + ": " + op + ": binary operator expected\n");
                return 2;
        }
    }
}
