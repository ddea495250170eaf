package dev.syssim.sim.os;

/** The Linux capabilities the simulated kernel checks, with their numbers from capability.h. */
public enum Capability {
    CAP_CHOWN(0),
    CAP_DAC_OVERRIDE(1),
    CAP_DAC_READ_SEARCH(2),
    CAP_FOWNER(3),
    CAP_KILL(5),
    CAP_SETGID(6),
    CAP_SETUID(7),
    CAP_NET_BIND_SERVICE(10),
    CAP_NET_ADMIN(12),
    CAP_NET_RAW(13),
    CAP_SYS_CHROOT(18),
    CAP_SYS_PTRACE(19),
    CAP_SYS_ADMIN(21),
    CAP_SYS_BOOT(22),
    CAP_SYS_NICE(23),
    CAP_SYS_RESOURCE(24),
    CAP_MKNOD(27),
    CAP_SYSLOG(34);

    private final int number;

    Capability(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public long bit() {
        return 1L << number;
    }

    /** All capabilities root holds: the bounding set of a fresh boot (CAP_LAST_CAP = 40). */
    public static final long FULL_SET = (1L << 41) - 1;
}
