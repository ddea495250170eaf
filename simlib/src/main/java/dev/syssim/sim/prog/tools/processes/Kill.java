package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * kill (procps-ng 4.0.2, /usr/bin/kill): send a signal (SIGTERM unless {@code -9}, {@code -KILL},
 * {@code -s NAME}) to each pid, with kill(2). {@code -l} lists the signal names, {@code -l N} names
 * one. Bash's own {@code kill} builtin answers first at a prompt; this is the program that
 * {@code sudo kill} or {@code /usr/bin/kill} runs.
 */
public final class Kill extends Tool {

    /** Linux's names for signals 1 to 31, as procps lists them. */
    static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
            "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
            "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS");

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.isEmpty()) return usage(c, true);
        int signal = 15;
        int i = 0;
        String first = args.get(0);
        if (first.equals("-h") || first.equals("--help")) return usage(c, false);
        if (first.equals("-l") || first.equals("--list") || first.equals("-L") || first.equals("--table")) {
            if (args.size() > 1) {
                String which = args.get(1);
                Integer number = number(which);
                if (which.matches("[0-9]+")) {
                    int n = Integer.parseInt(which);
                    if (n >= 1 && n <= NAMES.size()) c.println(NAMES.get(n - 1));
                    else c.eprint("kill: unknown signal name " + which + "\n");
                } else if (number != null) {
                    c.println(Integer.toString(number));
                } else {
                    c.eprint("kill: unknown signal name " + which + "\n");
                }
                return c.exit(0);
            }
            c.print(first.equals("-L") || first.equals("--table") ? table() : list());
            return c.exit(0);
        }
        if (first.equals("-s") || first.equals("--signal")) {
            if (args.size() < 2) return usage(c, true);
            Integer n = number(args.get(1));
            if (n == null) {
                c.eprint("kill: unknown signal name " + args.get(1) + "\n");
                return c.exit(1);
            }
            signal = n;
            i = 2;
        } else if (first.startsWith("-") && first.length() > 1 && !first.matches("-[0-9]+") || first.matches("-[0-9]+") && args.size() > 1) {
            Integer n = number(first.substring(1));
            if (n == null) {
                c.eprint("kill: unknown signal name " + first.substring(1) + "\n");
                return c.exit(1);
            }
            signal = n;
            i = 1;
        }
        if (i < args.size() && args.get(i).equals("--")) i++;
        if (i >= args.size()) return usage(c, true);
        List<Long> pids = new ArrayList<>();
        for (String a : args.subList(i, args.size())) {
            try {
                pids.add(Long.parseLong(a));
            } catch (NumberFormatException e) {
                c.eprint("kill: failed to parse argument: " + Libc.quote(a) + "\n");
                return c.exit(1);
            }
        }
        Signal sig = signal == 0 ? null : Signal.of(signal);
        if (signal != 0 && sig == null) {
            c.eprint("kill: (" + pids.get(0) + "): Invalid argument\n");
            return c.exit(1);
        }
        int[] status = {0};
        return Libc.forEach(pids, (pid, next) -> c.sys(new Syscall.Kill((int) (long) pid, sig), r -> {
            if (r.failed()) {
                c.error("(" + pid + ")", r.errno());
                status[0] = 1;
            }
            return next.get();
        }), () -> c.exit(status[0]));
    }

    /** A signal given as a number or a name (with or without SIG, any case); null if unknown. */
    static Integer number(String text) {
        if (text.matches("[0-9]+")) {
            int n = Integer.parseInt(text);
            return n <= 64 ? n : null;
        }
        String name = text.toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith("SIG")) name = name.substring(3);
        if (name.equals("IO")) name = "POLL";
        if (name.equals("CLD")) name = "CHLD";
        if (name.equals("IOT")) name = "ABRT";
        int index = NAMES.indexOf(name);
        return index < 0 ? null : index + 1;
    }

    /** kill -l: the names on lines of at most 80 columns, as procps's unix_print_signals does. */
    private static String list() {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int i = 0; i < NAMES.size(); i++) {
            if (i > 0) {
                if (pos > 73) {
                    out.append('\n');
                    pos = 0;
                } else {
                    out.append(' ');
                    pos++;
                }
            }
            out.append(NAMES.get(i));
            pos += NAMES.get(i).length();
        }
        return out.append('\n').toString();
    }

    /** kill -L: number and name, seven to a line. */
    private static String table() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            out.append(String.format("%2d %-8s", i + 1, NAMES.get(i)));
            if (i % 7 == 6 || i == NAMES.size() - 1) {
                int end = out.length();
                while (end > 0 && out.charAt(end - 1) == ' ') end--;
                out.setLength(end);
                out.append('\n');
            }
        }
        return out.toString();
    }

    private Step usage(Libc c, boolean error) {
        String text = "\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n"
                + " <pid> [...]            send signal to every <pid> listed\n"
                + " -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n"
                + " -q, --queue <value>    integer value to be sent with the signal\n"
                + " -l, --list=[<signal>]  list all signal names, or convert one to a name\n"
                + " -L, --table            list all signal names in a nice table\n\n"
                + " -h, --help     display this help and exit\n -V, --version  output version information and exit\n\n"
                + "For more details see kill(1).\n";
        if (error) {
            c.eprint(text);
            return c.exit(1);
        }
        c.print(text);
        return c.exit(0);
    }

    @Override
    public String whatis() {
        return "send a signal to a process";
    }

    @Override
    public String manual() {
        return "kill [-signal|-s signal|-p] [-q value] [-a] [--timeout milliseconds signal] [--] pid|name...\n"
                + "  Send a signal to the processes named by pid. The default signal is TERM; -9 or -KILL cannot be caught or ignored.\n"
                + "  -l, --list [signal]   list signal names, or convert a signal number to a name\n"
                + "  -L, --table           list signal names and numbers in a table\n"
                + "  -s, --signal signal   the signal to send, by name or number";
    }
}
