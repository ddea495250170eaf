package dev.syssim.sim.container;

import java.util.List;
import java.util.Locale;

/**
 * The capability sets Docker gives a container: the default 14 of Moby's
 * {@code oci/caps/defaults.go} (CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID,
 * SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE — {@code CapEff: 00000000a80425fb}),
 * changed by {@code --cap-add} and {@code --cap-drop} (names with or without {@code CAP_}, any
 * case, or {@code ALL}), or every one with {@code --privileged}. Names and numbers are Linux 6.1's
 * ({@code capability.h}, CAP_LAST_CAP 40).
 */
public final class Capabilities {

    /** capability.h's names, by number. */
    public static final List<String> NAMES = List.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
            "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE",
            "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME",
            "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
            "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    /** Docker's default set. */
    public static final List<String> DEFAULT = List.of("CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
            "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

    /** Every capability: the set of {@code --privileged}. */
    public static final long ALL = (1L << NAMES.size()) - 1;

    private Capabilities() {
    }

    /** A name as Docker normalises it: upper case without {@code CAP_} ({@code ALL} stays ALL). */
    static String normal(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("CAP_") ? n.substring(4) : n;
    }

    /** Docker's error for the first unknown name in {@code --cap-add} ({@code kind} CapAdd) or {@code --cap-drop}, or null. */
    public static String invalid(String kind, List<String> names) {
        for (String name : names) {
            String n = normal(name);
            if (!n.equals("ALL") && !NAMES.contains(n)) return "invalid " + kind + ": unknown capability: \"CAP_" + n + "\"";
        }
        return null;
    }

    /** The set a container gets: the default, minus the drops, plus the adds (ALL in either means every one). */
    public static long of(boolean privileged, List<String> add, List<String> drop) {
        if (privileged) return ALL;
        long set = 0;
        for (String n : DEFAULT) set |= bit(n);
        for (String d : drop) set &= normal(d).equals("ALL") ? 0 : ~bit(normal(d));
        for (String a : add) set |= normal(a).equals("ALL") ? ALL : bit(normal(a));
        return set;
    }

    private static long bit(String name) {
        return 1L << NAMES.indexOf(name);
    }
}
