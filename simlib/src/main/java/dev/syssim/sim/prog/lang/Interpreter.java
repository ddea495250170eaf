package dev.syssim.sim.prog.lang;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Traps;
import dev.syssim.sim.os.WaitStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code %%program} as a process: one instruction per step, so the scheduler can preempt it
 * anywhere and a Jupyter interrupt stops even an endless loop. The program's text travels inside
 * its executable; every run parses it afresh.
 */
public final class Interpreter implements Program {

    /** The name executables of user programs give as their program (see ExecImage). */
    public static final String PROGRAM = "syssim-program";
    /** Work of one bookkeeping instruction (set, jump): a few nanoseconds of user mode. */
    private static final long INSTRUCTION = 2;

    @Override
    public Step start(ProgramArgs args) {
        Source source;
        try {
            source = Source.parse(args.payload());
        } catch (Source.Error e) {
            String message = args.name() + ": " + e.getMessage() + "\n";
            return Step.call(new Syscall.Write(2, message.getBytes(StandardCharsets.UTF_8)), r -> Step.exit(126));
        }
        return new Run(source, args, 0, new HashMap<>()).next();
    }

    /** One running copy of a program: where it is and its variables (a fork copies both). */
    private static final class Run {
        private final Source source;
        private final ProgramArgs args;
        private int pc;
        private final Map<String, String> vars;

        Run(Source source, ProgramArgs args, int pc, Map<String, String> vars) {
            this.source = source;
            this.args = args;
            this.pc = pc;
            this.vars = vars;
        }

        Step next() {
            List<Instruction> code = source.instructions();
            if (pc >= code.size()) return Step.exit(0);
            Instruction ins = code.get(pc++);
            if (ins instanceof Instruction.Compute c) return Step.compute(c.nanos(), null, this::next);
            if (ins instanceof Instruction.Print p) return Step.call(new Syscall.Write(1, bytes(text(p.text()) + "\n")), r -> next());
            if (ins instanceof Instruction.Privileged p) return new Step.Privileged(p.text(), this::next);
            if (ins instanceof Instruction.Touch t) return new Step.Touch(address(t.address()), t.write(), this::next);
            if (ins instanceof Instruction.Set s) {
                vars.put(s.variable(), Long.toString(evaluate(s.expression())));
                return Step.compute(INSTRUCTION, "", this::next);
            }
            if (ins instanceof Instruction.Jump j) {
                if (j.condition().isEmpty() || holds(j.condition())) pc = source.target(j.label());
                return Step.compute(INSTRUCTION, "", this::next);
            }
            if (ins instanceof Instruction.Exit e) return Step.exit((int) number(e.status()));
            return call((Instruction.Call) ins);
        }

        private Step call(Instruction.Call c) {
            List<String> a = new ArrayList<>();
            for (String arg : c.args()) a.add(text(arg));
            switch (c.name()) {
                case "fork":
                    return Step.call(Syscall.Clone.fork(() -> {
                        Run child = new Run(source, args, pc, new HashMap<>(vars));
                        child.assign(c.results(), SysResult.ZERO, null);
                        return child.next();
                    }), r -> then(c, r, null));
                case "exec", "execve":
                    return Step.call(new Syscall.Execve(a.get(0), a, args.env()), r -> then(c, r, null));
                case "wait":
                    return Step.call(new Syscall.Wait4(a.isEmpty() ? -1 : (int) number(a.get(0)), 0),
                            r -> then(c, r, r.failed() ? null : Integer.toString(WaitStatus.shellStatus(Syscall.Wait4.status(r)))));
                case "read":
                    return Step.call(new Syscall.Read((int) number(a.get(0)), (int) number(a.get(1))),
                            r -> then(c, r, r.failed() ? "" : new String(r.bytes(), StandardCharsets.UTF_8)));
                case "getcwd":
                    return Step.call(new Syscall.Getcwd(), r -> then(c, r, r.failed() ? "" : (String) r.data()));
                case "pipe":
                    return Step.call(new Syscall.Pipe2(0), r -> {
                        if (r.failed()) return then(c, r, null);
                        int[] fds = Syscall.Pipe2.fds(r);
                        return then(c, SysResult.ok(fds[0]), Integer.toString(fds[1]));
                    });
                case "uname":
                    return Step.call(new Syscall.Uname(), r -> then(c, r, r.failed() ? "" : ((dev.syssim.sim.os.Utsname) r.data()).nodename()));
                default:
                    return Step.call(syscall(c.name(), a), r -> then(c, r, null));
            }
        }

        private Syscall syscall(String name, List<String> a) {
            return switch (name) {
                case "open", "openat" -> new Syscall.OpenAt(OpenFlags.AT_FDCWD, a.get(0), flags(a.size() > 1 ? a.get(1) : "O_RDONLY"), 0644);
                case "write" -> new Syscall.Write((int) number(a.get(0)), bytes(String.join(" ", a.subList(1, a.size()))));
                case "close" -> new Syscall.Close((int) number(a.get(0)));
                case "getpid", "getppid", "getuid", "geteuid" -> new Syscall.GetId(name);
                case "kill" -> new Syscall.Kill((int) number(a.get(0)), signal(a.get(1)));
                case "sleep" -> new Syscall.ClockNanosleep(durationOf(a.get(0)));
                case "mkdir" -> new Syscall.Mkdir(a.get(0), a.size() > 1 ? (int) octal(a.get(1)) : 0755);
                case "unlink" -> Syscall.Unlinkat.unlink(a.get(0));
                case "chdir" -> new Syscall.Chdir(a.get(0));
                case "chmod" -> new Syscall.Chmod(a.get(0), (int) octal(a.get(1)));
                case "setuid" -> new Syscall.Setuid((int) number(a.get(0)));
                case "chroot" -> new Syscall.Chroot(a.get(0));
                case "stat" -> Syscall.NewFstatAt.stat(a.get(0));
                case "dup2" -> new Syscall.Dup2((int) number(a.get(0)), (int) number(a.get(1)));
                case "sethostname" -> new Syscall.Sethostname(a.get(0));
                case "mount" -> new Syscall.Mount(a.get(0), a.get(1), a.get(2), 0, null);
                default -> throw new IllegalStateException("no syscall " + name);
            };
        }

        /** Stores a call's results: the return value (or -errno), a second value if asked, and $error. */
        private Step then(Instruction.Call c, SysResult r, String second) {
            assign(c.results(), r, second);
            return next();
        }

        private void assign(List<String> results, SysResult r, String second) {
            vars.put("error", r.failed() ? r.errno().name() + " (" + r.errno().message() + ")" : "");
            if (results.isEmpty()) return;
            vars.put(results.get(0), Long.toString(r.value()));
            if (results.size() > 1) vars.put(results.get(1), second == null ? "" : second);
        }

        private String text(String raw) {
            String s = raw;
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\\' && i + 1 < s.length()) {
                    char e = s.charAt(++i);
                    out.append(e == 'n' ? "\n" : e == 't' ? "\t" : String.valueOf(e));
                } else if (ch == '$' && i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                    int end = i + 1;
                    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) end++;
                    out.append(vars.getOrDefault(s.substring(i + 1, end), ""));
                    i = end - 1;
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        }

        private long evaluate(List<String> expression) {
            long value = number(text(expression.get(0)));
            for (int i = 1; i + 1 < expression.size(); i += 2) {
                long rhs = number(text(expression.get(i + 1)));
                value = switch (expression.get(i)) {
                    case "+" -> value + rhs;
                    case "-" -> value - rhs;
                    case "*" -> value * rhs;
                    case "/" -> rhs == 0 ? 0 : value / rhs;
                    case "%" -> rhs == 0 ? 0 : value % rhs;
                    default -> value;
                };
            }
            return value;
        }

        private boolean holds(List<String> condition) {
            long a = number(text(condition.get(0)));
            long b = number(text(condition.get(2)));
            return switch (condition.get(1)) {
                case "==" -> a == b;
                case "!=" -> a != b;
                case "<" -> a < b;
                case ">" -> a > b;
                case "<=" -> a <= b;
                default -> a >= b;
            };
        }

        private long address(String raw) {
            String t = text(raw);
            return switch (t) {
                case "null" -> 0;
                case "kernel" -> 0xffffffff81000000L;
                case "code" -> Traps.USER_TEXT;
                case "stack" -> Traps.USER_STACK_TOP - 64;
                default -> number(t);
            };
        }

        private static long number(String text) {
            String t = text.strip();
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static long octal(String text) {
            try {
                return Long.parseLong(text, 8);
            } catch (NumberFormatException e) {
                return 0644;
            }
        }

        private static long durationOf(String text) {
            try {
                return Source.duration(0, text);
            } catch (Source.Error e) {
                return 0;
            }
        }

        private static int flags(String text) {
            int flags = 0;
            for (String f : text.split("\\|")) {
                flags |= switch (f.strip()) {
                    case "O_WRONLY" -> OpenFlags.O_WRONLY;
                    case "O_RDWR" -> OpenFlags.O_RDWR;
                    case "O_CREAT" -> OpenFlags.O_CREAT;
                    case "O_TRUNC" -> OpenFlags.O_TRUNC;
                    case "O_APPEND" -> OpenFlags.O_APPEND;
                    case "O_EXCL" -> OpenFlags.O_EXCL;
                    default -> 0;
                };
            }
            return flags;
        }

        private static Signal signal(String text) {
            Signal s = Signal.parse(text);
            return s == null ? Signal.SIGTERM : s;
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
