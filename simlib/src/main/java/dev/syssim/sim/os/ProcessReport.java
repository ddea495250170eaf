package dev.syssim.sim.os;

import java.util.Locale;

/** The text of /proc/PID/status and /proc/PID/stat, in Linux's formats. */
final class ProcessReport {

    /** USER_HZ: the clock tick /proc reports times in. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessReport() {
    }

    static String status(Process p, PidNamespace ns) {
        Credentials c = p.credentials();
        Process parent = p.parent();
        int ppid = parent == null ? 0 : parent.pidIn(ns);
        StringBuilder groups = new StringBuilder();
        for (int g : c.groups()) groups.append(g).append(' ');
        StringBuilder nsPids = new StringBuilder();
        for (PidNamespace n = p.pidNamespace(); n != null; n = n.parent()) {
            if (!ns.isAncestorOf(n)) break;
            nsPids.insert(0, "\t" + p.pidIn(n));
        }
        long caps = c.capabilities();
        StringBuilder out = new StringBuilder();
        out.append("Name:\t").append(p.comm()).append('\n');
        out.append("Umask:\t").append(String.format("%04o", p.umask())).append('\n');
        out.append("State:\t").append(p.state().procStatus()).append('\n');
        out.append("Tgid:\t").append(p.pidIn(ns)).append('\n');
        out.append("Ngid:\t0\n");
        out.append("Pid:\t").append(p.pidIn(ns)).append('\n');
        out.append("PPid:\t").append(ppid).append('\n');
        out.append("TracerPid:\t0\n");
        out.append("Uid:\t").append(c.uid()).append('\t').append(c.euid()).append('\t').append(c.suid()).append('\t').append(c.euid()).append('\n');
        out.append("Gid:\t").append(c.gid()).append('\t').append(c.egid()).append('\t').append(c.sgid()).append('\t').append(c.egid()).append('\n');
        out.append("FDSize:\t64\n");
        out.append("Groups:\t").append(groups).append('\n');
        out.append("NSpid:").append(nsPids).append('\n');
        if (!p.isKernelThread()) {
            out.append(String.format(Locale.ROOT, "VmPeak:\t%8d kB%nVmSize:\t%8d kB%nVmRSS:\t%8d kB%n",
                    p.memoryKiB() * 3, p.memoryKiB() * 3, p.memoryKiB()));
        }
        out.append("Threads:\t").append(1 + p.threadGroupLeader().threads().size()).append('\n');
        out.append(String.format("SigPnd:\t%016x%n", p.pendingSignals));
        out.append(String.format("SigIgn:\t%016x%n", p.ignoredSignals >> 1));
        out.append("CapInh:\t0000000000000000\n");
        out.append(String.format("CapPrm:\t%016x%n", caps));
        out.append(String.format("CapEff:\t%016x%n", caps));
        out.append(String.format("CapBnd:\t%016x%n", Capability.FULL_SET));
        out.append("Cpus_allowed_list:\t").append(cpuList(p.cpuMask(), p.kernel().scheduler().coreCount())).append('\n');
        return out.toString();
    }

    private static String cpuList(long mask, int cores) {
        StringBuilder out = new StringBuilder();
        int c = 0;
        while (c < cores) {
            if ((mask & (1L << c)) == 0) {
                c++;
                continue;
            }
            int start = c;
            while (c + 1 < cores && (mask & (1L << (c + 1))) != 0) c++;
            if (out.length() > 0) out.append(',');
            out.append(start == c ? Integer.toString(start) : start + "-" + c);
            c++;
        }
        return out.toString();
    }

    /** The 52 fields of /proc/PID/stat; ps reads state, ppid, tty, times, start time and sizes here. */
    static String stat(Process p, PidNamespace ns, Kernel kernel) {
        Process parent = p.parent();
        int ppid = parent == null ? 0 : parent.pidIn(ns);
        Terminal t = p.terminal();
        int ttyNr = t == null ? 0 : (136 << 8) | t.index();
        int tpgid = t == null ? -1 : t.foregroundGroup();
        long utime = p.userTime() * TICKS_PER_SECOND / 1_000_000_000L;
        long stime = p.systemTime() * TICKS_PER_SECOND / 1_000_000_000L;
        long start = (p.startTime() - kernel.bootTime()) * TICKS_PER_SECOND / 1_000_000_000L;
        long vsize = (long) p.memoryKiB() * 3 * 1024;
        long rss = p.memoryKiB() / 4;
        StringBuilder out = new StringBuilder();
        out.append(p.pidIn(ns)).append(" (").append(p.comm()).append(") ").append(p.state().letter()).append(' ')
                .append(ppid).append(' ').append(p.pgid()).append(' ').append(p.sid()).append(' ').append(ttyNr).append(' ')
                .append(tpgid).append(" 4194304 0 0 0 0 ").append(utime).append(' ').append(stime).append(" 0 0 ")
                .append(20 + p.nice()).append(' ').append(p.nice()).append(" 1 0 ")
                .append(start).append(' ').append(vsize).append(' ').append(rss);
        for (int i = 25; i <= 52; i++) out.append(i == 39 ? " " + p.lastCore : " 0");
        return out.append('\n').toString();
    }
}
