package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.SignalNames;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * kill (procps-ng 4.0.2, /usr/bin/kill): send a signal (TERM unless {@code -9}, {@code -KILL},
 * {@code -SIGKILL}, {@code -s NAME}) to each pid with kill(2); a negative pid names a process group.
 * {@code -l} lists the signal names, {@code -l N} names one, {@code -l NAME} numbers one; {@code -L}
 * prints the table. Names ignore case. Bash's own {@code kill} builtin answers first at a prompt;
 * this is the program that {@code sudo kill}, {@code env kill} or {@code /usr/bin/kill} runs.
 * Messages carry argv[0] as the real one's do ({@code /usr/bin/kill: (1): Operation not permitted}).
 */
public final class Kill extends Tool {

    @Override
    protected Step run(Libc c) {
        String me = c.args().argv().isEmpty() ? "kill" : c.args().argv().get(0);
        List<String> args = c.args().operands();
        if (args.isEmpty()) return usage(c, true);
        int signal = Signal.SIGTERM.number();
        int i = 0;
        String first = args.get(0);
        if (first.equals("-h") || first.equals("--help")) return usage(c, false);
        if (first.equals("-l") || first.equals("--list") || first.startsWith("--list=")) {
            String which = first.startsWith("--list=") ? first.substring(7) : args.size() > 1 && !args.get(1).startsWith("-") ? args.get(1) : null;
            if (which == null) {
                c.print(list());
                return c.exit(0);
            }
            if (which.matches("[0-9]+")) {
                String name = which.length() < 3 ? SignalNames.name(Integer.parseInt(which)) : null;
                if (name != null) c.println(name);
                else c.eprint(me + ": unknown signal name " + which + "\n");
            } else {
                int n = SignalNames.parse(which, true);
                if (n > 0 && n < 32) c.println(Integer.toString(n));
                else c.eprint(me + ": unknown signal name " + which + "\n");
            }
            return c.exit(0);
        }
        if (first.equals("-L") || first.equals("--table")) {
            c.print(table());
            return c.exit(0);
        }
        if (first.equals("-s") || first.equals("--signal") || first.equals("-q") || first.equals("--queue")) {
            if (args.size() < 2) return invalid(c, me, first.equals("--signal") || first.equals("--queue") ? '\0' : first.charAt(1));
            if (first.endsWith("s") || first.endsWith("signal")) signal = SignalNames.parse(args.get(1), true);
            i = 2;
        } else if (first.startsWith("-") && !first.equals("--") && first.length() > 1) {
            int n = SignalNames.parse(first.substring(1), true);
            if (n < 0) return invalid(c, me, first.startsWith("--") ? '\0' : first.charAt(1));
            signal = n;
            i = 1;
        }
        if (i < args.size() && args.get(i).equals("--")) i++;
        if (i >= args.size()) return usage(c, true);
        int sent = signal;
        int[] status = {0};
        List<String> pids = args.subList(i, args.size());
        boolean[] stop = {false};
        return Libc.forEach(pids, (text, next) -> {
            if (stop[0]) return next.get();
            if (!text.matches("-?[0-9]+") || text.length() > 11) {
                c.eprint(me + ": failed to parse argument: " + Libc.quote(text) + "\n");
                status[0] = 1;
                stop[0] = true;
                return next.get();
            }
            int pid = (int) Long.parseLong(text);
            return send(c, me, pid, sent, failed -> {
                if (failed) status[0] = 1;
                return next.get();
            });
        }, () -> c.exit(status[0]));
    }

    /** kill(2) with the signal; a signal the kernel does not know (-1, or past 64) is EINVAL. */
    private static Step send(Libc c, String me, int pid, int signal, java.util.function.Function<Boolean, Step> then) {
        Signal sig = signal == 0 ? null : Signal.of(signal);
        if (signal != 0 && sig == null) {
            if (signal >= SignalNames.RTMIN && signal <= SignalNames.RTMAX) {
                // real-time signals: no program of the simulation handles them; the target's existence is still checked
                return c.sys(new Syscall.Kill(pid, null), r -> {
                    if (r.failed()) c.eprint(me + ": (" + pid + "): " + r.errno().message() + "\n");
                    return then.apply(r.failed());
                });
            }
            c.eprint(me + ": (" + pid + "): Invalid argument\n");
            return then.apply(true);
        }
        return c.sys(new Syscall.Kill(pid, sig), r -> {
            if (r.failed()) c.eprint(me + ": (" + pid + "): " + r.errno().message() + "\n");
            return then.apply(r.failed());
        });
    }

    private Step invalid(Libc c, String me, char letter) {
        c.eprint(me + ": invalid argument " + letter + "\n");
        return usage(c, true);
    }

    /** kill -l: the names on lines of at most 80 columns, as procps's unix_print_signals does. */
    private static String list() {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int n = 1; n <= 31; n++) {
            String name = SignalNames.name(n);
            if (n > 1) {
                if (pos > 73) {
                    out.append('\n');
                    pos = 0;
                } else {
                    out.append(' ');
                    pos++;
                }
            }
            out.append(name);
            pos += name.length();
        }
        return out.append('\n').toString();
    }

    /** kill -L: number and name, seven to a line; a full line ends at its last name, the last line keeps its padding. */
    private static String table() {
        StringBuilder out = new StringBuilder();
        for (int n = 1; n <= 31; n++) {
            String cell = String.format("%2d %-8s", n, SignalNames.name(n));
            if (n % 7 == 0) out.append(cell.stripTrailing()).append('\n');
            else out.append(cell).append(n == 31 ? "\n" : "");
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
        return "kill [-signal|-s signal] [--] pid...\n"
                + "  Send a signal to the processes named by pid; a negative pid names a process group. The default signal is TERM;\n"
                + "  KILL (9) cannot be caught or ignored.\n"
                + "  -<signal>, -s, --signal <signal>  the signal to send, by name (KILL, SIGKILL, kill) or number (9)\n"
                + "  -l, --list [signal]   list signal names, or convert a signal number to a name (and a name to a number)\n"
                + "  -L, --table           list signal names and numbers in a table\n"
                + "  -q, --queue <value>   send the signal with sigqueue and this value (the simulation sends it with kill)";
    }
}
