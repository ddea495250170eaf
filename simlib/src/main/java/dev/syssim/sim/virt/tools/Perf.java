package dev.syssim.sim.virt.tools;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.virt.Kvm;
import dev.syssim.sim.virt.PerfCalls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * perf (linux-perf 6.1), its {@code kvm stat} part: {@code perf kvm stat record [-p PID] COMMAND}
 * records every VM exit (kvm:kvm_exit to kvm:kvm_entry) while COMMAND runs, into
 * {@code perf.data.guest}; {@code perf kvm stat report [-i FILE] [--vcpu=N] [-p PID]} prints the
 * exits per reason in perf's own layout (builtin-kvm.c's print_result; on stderr, as perf's
 * pr_info writes it). The messages and the empty report were recorded on Debian 12.
 *
 * <p>Simplifications: perf.data.guest is a text file behind perf's magic (the real one is binary);
 * recording needs a command (the real perf also records until Ctrl-C); no {@code live}, no
 * {@code --event=ioport/mmio} breakdowns; the other perf commands are absent.
 */
public final class Perf extends Tool {

    private static final String DATA = "perf.data.guest";
    private static final String MAGIC = "PERFILE2";
    private static final String USAGE = "\n Usage: perf kvm stat <command>\n\n"
            + "# Available commands:\n\trecord: record kvm events\n\treport: report statistical data of kvm events\n\n"
            + "Otherwise, it is the alias of 'perf stat':\n";

    @Override
    protected Step run(Libc c) {
        List<String> a = c.args().operands();
        if (a.size() < 2 || !a.get(0).equals("kvm") || !a.get(1).equals("stat")) {
            if (!a.isEmpty() && a.get(0).equals("--version")) {
                c.print("perf version 6.1.112\n");
                return c.exit(0);
            }
            c.eprint("perf: this simulation has only 'perf kvm stat record' and 'perf kvm stat report'\n");
            return c.exit(1);
        }
        if (a.size() < 3) {
            c.eprint(USAGE);
            return c.exit(129);
        }
        List<String> rest = a.subList(3, a.size());
        return switch (a.get(2)) {
            case "record" -> record(c, rest);
            case "report" -> report(c, rest);
            default -> {
                c.eprint(USAGE);
                yield c.exit(129);
            }
        };
    }

    // ---- record ----

    private Step record(Libc c, List<String> args) {
        int pid = 0;
        String output = DATA;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!command.isEmpty()) {
                command.add(s);
            } else if (s.equals("-p") && i + 1 < args.size()) {
                pid = parse(args.get(++i));
            } else if (s.equals("-o") && i + 1 < args.size()) {
                output = args.get(++i);
            } else if (s.equals("-a") || s.equals("--")) {
                continue;
            } else if (s.startsWith("-")) {
                c.eprint("  Error: unknown switch `" + s.replaceFirst("^-+", "") + "'\n");
                return c.exit(129);
            } else {
                command.add(s);
            }
        }
        if (command.isEmpty()) {
            c.eprint("perf: in this simulation 'perf kvm stat record' records while a command runs: perf kvm stat record sleep 1\n");
            return c.exit(129);
        }
        String out = output;
        return c.sys(new PerfCalls.OpenKvmTracepoints(pid), open -> {
            if (open.failed()) {
                c.eprint(open.errno() == Errno.EACCES
                        ? "Error:\nAccess to performance monitoring and observability operations is limited.\n"
                          + "Consider adjusting /proc/sys/kernel/perf_event_paranoid setting to open\naccess to performance monitoring and observability operations for processes\n"
                          + "without CAP_PERFMON, CAP_SYS_PTRACE or CAP_SYS_ADMIN Linux capability.\n"
                        : "Error:\nThe sys_perf_event_open() syscall returned with " + open.errno().number() + " (" + open.errno().message()
                          + ") for event (kvm:kvm_exit).\n");
                return c.exit(255);
            }
            Kvm.Recording rec = open.dataAs(Kvm.Recording.class);
            return c.sys(Syscall.Clone.fork(() -> child(c, command)), child -> c.sys(new Syscall.Wait4(child.intValue(), 0),
                    w -> c.sys(new PerfCalls.CloseKvmTracepoints(rec), closed -> write(c, out, rec, Syscall.Wait4.status(w)))));
        });
    }

    private static Step child(Libc parent, List<String> command) {
        Libc c = new Libc(parent.args());
        return c.execvp(command, new TreeMap<>(c.args().env()), e -> {
            c.eprint("Workload failed: " + e.message() + "\n");
            return c.exit(127);
        });
    }

    private static Step write(Libc c, String file, Kvm.Recording rec, int status) {
        StringBuilder data = new StringBuilder(MAGIC).append("\n# syssim: kvm:kvm_exit samples, one a line: pid vcpu exit_reason nanoseconds\n");
        for (Kvm.Sample s : rec.samples()) {
            data.append(s.pid()).append(' ').append(s.vcpu()).append(' ').append(s.reason().name()).append(' ').append(s.nanos()).append('\n');
        }
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        return c.create(file, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC | OpenFlags.O_CLOEXEC, 0600, f -> {
            if (f.failed()) {
                c.eprint("failed to create '" + file + "': " + f.errno().message() + "\n");
                return c.exit(255);
            }
            int fd = f.intValue();
            return c.write(fd, bytes, w -> c.close(fd, () -> {
                // perf's size counts its headers and ring-buffer pages: 0.090 MB when empty (recorded)
                double mb = (94_400 + bytes.length * 3.0) / (1024 * 1024);
                c.eprint("[ perf record: Woken up 1 times to write data ]\n[ perf record: Captured and wrote "
                        + String.format(Locale.ROOT, "%.3f", mb) + " MB " + file + " ]\n");
                return c.exit(WaitStatus.isExited(status) ? WaitStatus.exitCode(status) : 0);
            }));
        });
    }

    // ---- report ----

    private record Stats(long count, long total, long min, long max, double sumSquares) {
        Stats add(long nanos) {
            return new Stats(count + 1, total + nanos, count == 0 ? nanos : Math.min(min, nanos), Math.max(max, nanos),
                    sumSquares + (double) nanos * nanos);
        }

        /** perf's rel_stddev_stats: the standard deviation of the mean, in percent of the mean. */
        double relativeStddev() {
            if (count < 2) return 0;
            double mean = (double) total / count;
            double variance = (sumSquares - count * mean * mean) / (count - 1);
            double ofMean = Math.sqrt(Math.max(0, variance) / count);
            return mean == 0 ? 0 : 100 * ofMean / mean;
        }
    }

    private Step report(Libc c, List<String> args) {
        String input = DATA;
        int vcpu = -1;
        String pids = null;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("-i") && i + 1 < args.size()) input = args.get(++i);
            else if (s.startsWith("--vcpu=")) vcpu = parse(s.substring(7));
            else if (s.equals("--vcpu") && i + 1 < args.size()) vcpu = parse(args.get(++i));
            else if (s.equals("-p") && i + 1 < args.size()) pids = args.get(++i);
            else if (s.startsWith("--event=") && !s.equals("--event=vmexit")) {
                c.eprint("perf: this simulation reports only --event=vmexit\n");
                return c.exit(129);
            }
        }
        String file = input;
        int onlyVcpu = vcpu;
        String onlyPids = pids;
        return c.readFile(file, (err, bytes) -> {
            if (err != null) {
                c.eprint("failed to open " + file + ": " + err.message() + "\nInitializing perf session failed\n");
                return c.exit(255);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.startsWith(MAGIC)) {
                c.eprint("file " + file + " not a perf file\nInitializing perf session failed\n");
                return c.exit(255);
            }
            Map<ExitReason, Stats> by = new EnumMap<>(ExitReason.class);
            for (String line : text.split("\n")) {
                String[] f = line.split(" ");
                if (f.length != 4 || line.startsWith("#")) continue;
                if (onlyVcpu >= 0 && parse(f[1]) != onlyVcpu) continue;
                if (onlyPids != null && !List.of(onlyPids.split(",")).contains(f[0])) continue;
                ExitReason reason = ExitReason.valueOf(f[2]);
                by.put(reason, by.getOrDefault(reason, new Stats(0, 0, 0, 0, 0)).add(Long.parseLong(f[3])));
            }
            c.eprint(format(by, onlyVcpu, onlyPids));
            return c.exit(0);
        });
    }

    /** builtin-kvm.c's print_vcpu_info and print_result, sorted by samples as perf sorts by default. */
    static String format(Map<ExitReason, Stats> by, int vcpu, String pids) {
        StringBuilder o = new StringBuilder("\n\nAnalyze events for ");
        o.append(pids == null ? "all VMs, " : "pid(s) " + pids + ", ");
        o.append(vcpu < 0 ? "all VCPUs:\n\n" : "VCPU " + vcpu + ":\n\n");
        o.append(String.format(Locale.ROOT, "%20s %10s %9s %9s %11s %11s %16s \n\n", "VM-EXIT", "Samples", "Samples%", "Time%",
                "Min Time", "Max Time", "Avg time"));
        long count = 0;
        long time = 0;
        for (Stats s : by.values()) {
            count += s.count();
            time += s.total();
        }
        List<Map.Entry<ExitReason, Stats>> rows = new ArrayList<>(by.entrySet());
        rows.sort(Comparator.<Map.Entry<ExitReason, Stats>>comparingLong(e -> -e.getValue().count())
                .thenComparingInt(e -> e.getKey().number()));
        for (Map.Entry<ExitReason, Stats> e : rows) {
            Stats s = e.getValue();
            o.append(String.format(Locale.ROOT, "%20s %10d %8.2f%% %8.2f%% %9.2fus %9.2fus %9.2fus ( +-%7.2f%% )\n", e.getKey().name(), s.count(),
                    100.0 * s.count() / count, time == 0 ? 0.0 : 100.0 * s.total() / time, s.min() / 1000.0, s.max() / 1000.0,
                    (double) s.total() / s.count() / 1000.0, s.relativeStddev()));
        }
        o.append(String.format(Locale.ROOT, "\nTotal Samples:%d, Total events handled time:%.2fus.\n\n", count, time / 1000.0));
        return o.toString();
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String manual() {
        return "perf kvm stat record [-p PID] COMMAND [ARGS]   record the VM exits of all VMs (or one VMM) while COMMAND runs\n"
                + "perf kvm stat report [-i FILE] [--vcpu=N] [-p PID]   the exits per reason: samples, share, time, min, max, average";
    }

    @Override
    public String source() {
        return "linux-perf 6.1";
    }
}
