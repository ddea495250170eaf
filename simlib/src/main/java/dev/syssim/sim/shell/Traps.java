package dev.syssim.sim.shell;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signal names as bash knows them ({@code kill -l}, {@code trap -l}: the 31 standard signals and
 * the real-time ones), and the {@code trap} builtin: a command for a signal is a handler the kernel
 * calls (bash's handler only notes the signal; the command runs between commands), {@code ''}
 * ignores it, {@code -} restores the default; EXIT, ERR, DEBUG and RETURN are the shell's own.
 */
final class Traps {

    private Traps() {
    }

    /** The name of signal {@code n} without "SIG", as bash lists it; null for 32 and 33 and beyond 64. */
    static String name(int n) {
        if (n >= 1 && n <= 31) {
            Signal s = Signal.of(n);
            return s == null ? null : s.shortName();
        }
        if (n == 34) return "RTMIN";
        if (n >= 35 && n <= 49) return "RTMIN+" + (n - 34);
        if (n >= 50 && n <= 63) return "RTMAX-" + (64 - n);
        if (n == 64) return "RTMAX";
        return null;
    }

    /** The number of a signal spec ({@code 9}, {@code KILL}, {@code SIGKILL}, {@code kill}); -1 if unknown. */
    static int number(String spec) {
        String s = spec.toUpperCase(java.util.Locale.ROOT);
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
            try {
                int n = Integer.parseInt(s);
                return n == 0 || name(n) != null ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (s.startsWith("SIG")) s = s.substring(3);
        for (int n = 1; n <= 64; n++) if (s.equals(name(n))) return n;
        return -1;
    }

    /** The kernel signal a trap name stands for, or null for the shell's own traps. */
    static Signal signal(String name) {
        int n = number(name);
        return n > 0 ? Signal.of(n) : null;
    }

    /** {@code kill -l} and {@code trap -l}: five a line, each {@code NN) SIGNAME}. */
    static String list() {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int n = 1; n <= 64; n++) {
            String name = name(n);
            if (name == null) continue;
            out.append(String.format("%2d) SIG%s", n, name));
            if (++column < 5) {
                out.append('\t');
            } else {
                out.append('\n');
                column = 0;
            }
        }
        if (column != 0) out.append('\n');
        return out.toString();
    }

    /** The trap name of a spec: {@code EXIT}, {@code ERR}, {@code DEBUG}, {@code RETURN}, or a signal's short name; null if invalid. */
    static String trapName(String spec) {
        String s = spec.toUpperCase(java.util.Locale.ROOT);
        switch (s) {
            case "EXIT", "0", "SIGEXIT" -> {
                return "EXIT";
            }
            case "ERR", "DEBUG", "RETURN" -> {
                return s;
            }
            default -> {
                int n = number(spec);
                return n > 0 ? name(n) : null;
            }
        }
    }

    static final Builtin TRAP = Traps::trap;

    private static Step trap(Shell sh, List<String> argv) {
        ShellState st = sh.st;
        int i = 1;
        boolean print = false;
        boolean listSignals = false;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (sh.st.dash && a.startsWith("-") && a.length() > 1) {
                sh.builtinError("trap", "Illegal option " + a.substring(0, 2)); // dash's trap has no options
                return sh.done(2);
            }
            if (a.equals("-p")) print = true;
            else if (a.equals("-l")) listSignals = true;
            else if (a.startsWith("-") && a.length() > 1) {
                sh.builtinError("trap", a + ": invalid option");
                sh.err("trap: usage: trap [-lp] [[arg] signal_spec ...]\n");
                return sh.done(2);
            } else {
                break;
            }
        }
        List<String> args = argv.subList(i, argv.size());
        if (listSignals) {
            sh.out(list());
            return sh.done(0);
        }
        if (print || args.isEmpty()) {
            int status = 0;
            List<String> names = new ArrayList<>();
            if (args.isEmpty()) {
                for (String key : order(st)) names.add(key);
            } else {
                for (String a : args) {
                    String n = trapName(a);
                    if (n == null) {
                        sh.builtinError("trap", a + ": invalid signal specification");
                        status = 1;
                        continue;
                    }
                    if (st.traps.containsKey(n)) names.add(n);
                }
            }
            for (String n : names) sh.out("trap -- " + Quote.single(st.traps.get(n)) + " " + (st.dash ? n : shown(n)) + "\n");
            return sh.done(status);
        }
        String action = args.get(0);
        List<String> specs = args.subList(1, args.size());
        // "trap SIG": one operand that is a signal resets it, as does "trap - SIG"
        if (specs.isEmpty()) {
            if (trapName(action) != null) {
                specs = args;
                action = "-";
            } else {
                sh.builtinError("trap", action + ": invalid signal specification");
                return sh.done(1);
            }
        } else if (number(action) >= 0 && action.chars().allMatch(Character::isDigit)) {
            specs = args;
            action = "-";
        }
        int status = 0;
        List<Object[]> changes = new ArrayList<>();
        for (String spec : specs) {
            String n = trapName(spec);
            if (sh.st.dash && n != null && (n.equals("ERR") || n.equals("DEBUG") || n.equals("RETURN"))) n = null;
            if (n == null && sh.st.dash) {
                sh.err("trap: " + spec + ": bad trap\n"); // dash's wording, without its usual prefix
                status = 1;
                continue;
            }
            if (n == null) {
                sh.builtinError("trap", spec + ": invalid signal specification");
                status = 1;
                continue;
            }
            if (action.equals("-")) st.traps.remove(n);
            else st.traps.put(n, action);
            Signal signal = signal(n);
            if (signal != null && signal != Signal.SIGKILL && signal != Signal.SIGSTOP) changes.add(new Object[] {signal, action});
        }
        int result = status;
        return dev.syssim.sim.prog.Libc.forEach(changes, (c, more) -> {
            Signal signal = (Signal) c[0];
            String a = (String) c[1];
            if (a.equals("-")) {
                boolean prompt = st.interactive && !st.subshell;
                // back to what the shell itself does with it (see Bash.interactive)
                if (prompt && (signal == Signal.SIGQUIT || signal == Signal.SIGTERM)) {
                    return sh.c.sys(new Syscall.Sigaction(signal, () -> { }), r -> more.get());
                }
                return sh.c.sys(new Syscall.RtSigaction(signal, prompt && signal == Signal.SIGINT), r -> more.get());
            }
            if (a.isEmpty()) return sh.c.sys(new Syscall.RtSigaction(signal, true), r -> more.get());
            return sh.c.sys(new Syscall.Sigaction(signal, () -> sh.caught.add(signal)), r -> more.get());
        }, () -> sh.done(result));
    }

    /** Trap names in bash's listing order: EXIT first, then signals by number, then DEBUG, ERR, RETURN. */
    private static List<String> order(ShellState st) {
        List<String> out = new ArrayList<>();
        if (st.traps.containsKey("EXIT")) out.add("EXIT");
        for (int n = 1; n <= 64; n++) {
            String name = name(n);
            if (name != null && st.traps.containsKey(name)) out.add(name);
        }
        for (String special : new String[] {"DEBUG", "ERR", "RETURN"}) if (st.traps.containsKey(special)) out.add(special);
        return out;
    }

    private static String shown(String name) {
        return switch (name) {
            case "EXIT", "ERR", "DEBUG", "RETURN" -> name;
            default -> "SIG" + name;
        };
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
