package dev.syssim.sim.prog.tools.processes;

import java.util.List;

/**
 * One process as procps reads it from /proc: /proc/PID/stat (state, parent, group, session,
 * terminal, times, start, sizes, last core), the Uid line of /proc/PID/status and /proc/PID/cmdline.
 */
public record ProcEntry(int pid, String comm, char state, int ppid, int pgrp, int session, int ttyNr, int tpgid,
                 long utime, long stime, long startTicks, long vsizeBytes, long rssPages, int processor,
                 int priority, int nice, int ruid, int euid, int rgid, int egid, List<String> cmdline) {

    /** USER_HZ: the clock ticks /proc counts times in. */
    public static final long HZ = 100;

    /** Parses the text of /proc/PID/stat (the command name is in parentheses and may contain spaces). */
    public static ProcEntry parse(String stat, String status, String cmdline) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < 0) return null;
        int pid = Integer.parseInt(stat.substring(0, open).strip());
        String comm = stat.substring(open + 1, close);
        String[] f = stat.substring(close + 2).strip().split(" ");
        // f[0] is field 3 (state); field N is f[N - 3]
        int[] uids = {0, 0};
        int[] gids = {0, 0};
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) ids(line, uids);
            if (line.startsWith("Gid:")) ids(line, gids);
        }
        List<String> args = cmdline.isEmpty() ? List.of() : List.of(cmdline.split("\0"));
        return new ProcEntry(pid, comm, f[0].charAt(0), i(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5]),
                l(f[11]), l(f[12]), l(f[19]), l(f[20]), l(f[21]), f.length > 36 ? i(f[36]) : 0, i(f[15]), i(f[16]),
                uids[0], uids[1], gids[0], gids[1], args);
    }

    /** The real and effective id of a {@code Uid:} or {@code Gid:} line of /proc/PID/status. */
    private static void ids(String line, int[] into) {
        String[] ids = line.substring(4).strip().split("\\s+");
        into[0] = Integer.parseInt(ids[0]);
        into[1] = Integer.parseInt(ids[1]);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    private static long l(String s) {
        return Long.parseLong(s);
    }

    /** The terminal's name from tty_nr: {@code pts/0}, {@code tty1}, or {@code ?} for none. */
    public String tty() {
        if (ttyNr == 0) return "?";
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        return switch (major) {
            case 136, 137, 138, 139 -> "pts/" + ((major - 136) * 256 + minor);
            case 4 -> minor < 64 ? "tty" + minor : "ttyS" + (minor - 64);
            case 5 -> minor == 1 ? "console" : "tty";
            default -> "?";
        };
    }

    /** Seconds of CPU time, user and system. */
    public long cpuSeconds() {
        return (utime + stime) / HZ;
    }

    /** ps's CMD (args): the command line, or the name in brackets when there is none (kernel threads). */
    public String args() {
        String base = cmdline.isEmpty() ? "[" + comm + "]" : String.join(" ", cmdline);
        return state == 'Z' ? base + " <defunct>" : base;
    }

    /** ps's COMMAND/CMD of the short forms (ucmd): the name only. */
    public String ucmd() {
        return state == 'Z' ? comm + " <defunct>" : comm;
    }
}
