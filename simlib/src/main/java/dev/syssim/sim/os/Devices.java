package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The drivers behind device nodes, found by type and major:minor as Linux does: the memory devices
 * ({@code /dev/null} 1:3, {@code zero} 1:5, {@code full} 1:7, {@code random} 1:8, {@code urandom}
 * 1:9, {@code kmsg} 1:11), terminals ({@code tty} 5:0, {@code console} 5:1, {@code pts/N} 136:N) and
 * the disk ({@code sda} 8:0). Opening checks the caller's device cgroup first.
 */
public final class Devices {

    /** What opening a device the caller's cgroup forbids yields: the open fails with EPERM. */
    static final class Denied implements FileOps {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        }
    }

    private static final Denied DENIED = new Denied();

    /** A driver another room registers for a character device (Linux's misc_register): KVM's /dev/kvm. */
    public interface CharDriver {
        /** The operations for one open of the node by {@code p}; null for ENXIO. */
        FileOps open(Kernel kernel, Process p);
    }

    private final Kernel kernel;
    private final java.util.Map<Long, CharDriver> drivers = new java.util.HashMap<>();

    Devices(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The operations for a device node, or null if no driver answers (ENXIO). */
    FileOps open(Process p, Inode node) {
        FileType type = node.type();
        int major = node.deviceMajor();
        int minor = node.deviceMinor();
        if (!kernel.cgroups().deviceAllowed(p, type, major, minor, "open")) return DENIED;
        if (type == FileType.BLOCK_DEVICE) return major == kernel.disk().major() ? rawDisk : null;
        return switch (major) {
            case 1 -> switch (minor) {
                case 3 -> NULL;
                case 5 -> ZERO;
                case 7 -> FULL;
                case 8, 9 -> random;
                case 11 -> kernel.dmesgRestricted() && !p.credentials().has(Capability.CAP_SYSLOG) ? DENIED : new Kmsg(kernel);
                default -> null;
            };
            case 5 -> switch (minor) {
                case 0 -> p.terminal() != null && p.terminal().userPresent() ? p.terminal() : null;
                case 1 -> kernel.terminal(0);
                default -> null;
            };
            case 136 -> kernel.terminal(minor);
            default -> {
                CharDriver driver = drivers.get(((long) major << 20) | minor);
                yield driver == null ? null : driver.open(kernel, p);
            }
        };
    }

    /** Registers the driver of character device {@code major:minor}. */
    public void register(int major, int minor, CharDriver driver) {
        drivers.put(((long) major << 20) | minor, driver);
    }

    /** /dev/null: reads end at once, writes vanish. */
    private static final FileOps NULL = new FileOps() {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.ok(data.length, Costs.SYSCALL);
        }
    };

    /**
     * The most one read of {@code /dev/zero} returns here. Linux fills any count; the simulation
     * holds the bytes in Java's heap, so a read beyond 16 MiB (dd bs=64M) comes back short.
     */
    static final int ZERO_READ_MAX = 16 << 20;
    /** random(4): a read of /dev/urandom returns at most 32 MiB - 1 bytes. */
    static final int URANDOM_READ_MAX = (32 << 20) - 1;

    /** /dev/zero: endless zero bytes. */
    private static final FileOps ZERO = new FileOps() {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            int n = Math.min(count, ZERO_READ_MAX);
            return Outcome.done(SysResult.ok(n, new byte[n]), Costs.copy(n));
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.ok(data.length, Costs.SYSCALL);
        }
    };

    /** /dev/full: reads like zero, every write fails with ENOSPC. */
    private static final FileOps FULL = new FileOps() {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return ZERO.read(k, p, f, count);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.ENOSPC, Costs.SYSCALL);
        }
    };

    /** /dev/random and /dev/urandom: bytes from the world's seeded generator, so runs repeat. */
    private final FileOps random = new FileOps() {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            int n = Math.min(count, URANDOM_READ_MAX);
            byte[] bytes = new byte[n];
            kernel.random().nextBytes(bytes);
            return Outcome.done(SysResult.ok(n, bytes), Costs.copy(n));
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.ok(data.length, Costs.SYSCALL);
        }
    };

    /** The raw disk: its first sector holds a DOS partition table with one Linux partition. */
    private final FileOps rawDisk = new FileOps() {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            if (f.offset() >= 4096) return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
            WaitQueue request = new WaitQueue("disk " + kernel.disk().name());
            kernel.disk().read(kernel.timeline(), count, () -> {
                kernel.traps().interrupt(0, kernel.disk().irq(), "raw read of /dev/" + kernel.disk().name() + " complete");
                kernel.scheduler().wakeAll(request);
            });
            return new Outcome.Blocked(request, "disk I/O", () -> {
                byte[] sector = new byte[(int) Math.min(count, 4096 - f.offset())];
                if (f.offset() == 0 && sector.length >= 512) {
                    sector[446 + 4] = (byte) 0x83;
                    sector[510] = 0x55;
                    sector[511] = (byte) 0xaa;
                }
                f.setOffset(f.offset() + sector.length);
                return Outcome.done(SysResult.ok(sector.length, sector), Costs.copy(sector.length));
            });
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.EROFS, Costs.SYSCALL);
        }
    };

    /**
     * /dev/kmsg: one kernel log record per read, then EAGAIN (dmesg opens it non-blocking). With
     * dmesg_restrict=1 (Debian's default) only CAP_SYSLOG may open it.
     */
    private static final class Kmsg implements FileOps {
        private final Kernel kernel;
        private long position;

        Kmsg(Kernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            List<KernelLog.Entry> entries = kernel.log().since(position);
            if (entries.isEmpty()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
            KernelLog.Entry e = entries.get(0);
            position = e.sequence() + 1;
            byte[] record = e.kmsgRecord().getBytes(StandardCharsets.UTF_8);
            if (record.length > count) record = Arrays.copyOf(record, count);
            return Outcome.done(SysResult.ok(record.length, record), Costs.copy(record.length));
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            kernel.log().log(KernelLog.KERN_INFO, kernel.now(), new String(data, StandardCharsets.UTF_8).strip());
            return Outcome.ok(data.length, Costs.SYSCALL);
        }
    }
}
