package dev.syssim.sim.world;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.MountNamespace;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.hw.Disk;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.KernelLog;
import dev.syssim.sim.os.Limits;
import dev.syssim.sim.os.ProcFs;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.prog.Binaries;
import java.util.List;
import java.util.Map;

/**
 * Builds and boots machines. Boot is part of the story: the kernel starts with every privilege,
 * installs its exception, syscall and interrupt handlers (and says so in its log), mounts the file
 * systems, and only then starts the first process, init.
 */
public final class Machines {

    /** The disk's read latency: 120 µs, an SSD's order of magnitude. */
    public static final long DISK_LATENCY = 120_000;
    /** Where pids continue after boot (services and kernel threads took the ones before). */
    public static final int FIRST_USER_PID = 1100;

    private Machines() {
    }

    /** A Debian machine with {@code cores} cores, booted, with init (1) and kthreadd (2) running. */
    public static Machine debian(World world, String name, int cores, long memoryKiB) {
        return debian(world, name, cores, memoryKiB, Limits.DEFAULT);
    }

    /** As {@link #debian(World, String, int, long)}, with other process limits. */
    public static Machine debian(World world, String name, int cores, long memoryKiB, Limits limits) {
        FileSystem rootFs = DebianImage.rootFileSystem(name, Toolbox.binaries());
        rootFs.setBudget(world.contentBudget());
        Disk disk = new Disk("sda", 8, 0, DISK_LATENCY, Irq.DISK);
        Binaries programs = Toolbox.programs();
        long seed = world.seed() * 31 + name.hashCode();
        Kernel kernel = new Kernel(name, world.timeline(), world.trace(), cores, rootFs, disk, programs, limits, seed);
        kernel.setMemoryKiB(memoryKiB);
        bootLog(kernel, cores, memoryKiB);
        dev.syssim.sim.net.stack.NetStack.attach(kernel);
        mountVirtualFileSystems(kernel);
        Process init = kernel.spawn(null, "/sbin/init", List.of("/sbin/init"), Map.of(), Credentials.root(), null, null);
        kernel.spawnKernelThread(null, "kthreadd");
        kernel.log().log(KernelLog.KERN_INFO, 50_000_000, "Run /sbin/init as init process");
        kernel.rootPidNamespace().skipTo(FIRST_USER_PID - 1);
        Machine machine = new Machine(name, kernel);
        world.add(machine);
        world.runUntil(() -> init.state() == dev.syssim.sim.os.ProcessState.BLOCKED, 10_000);
        return machine;
    }

    private static void bootLog(Kernel kernel, int cores, long memoryKiB) {
        KernelLog log = kernel.log();
        log.log(KernelLog.KERN_NOTICE, 0, "Linux version " + Kernel.RELEASE + " (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) " + Kernel.VERSION);
        log.log(KernelLog.KERN_INFO, 0, "Command line: BOOT_IMAGE=/boot/vmlinuz-" + Kernel.RELEASE + " root=/dev/sda1 ro quiet");
        log.log(KernelLog.KERN_INFO, 0, String.format("Memory: %dK/%dK available", memoryKiB - 110_000, memoryKiB));
        log.log(KernelLog.KERN_INFO, 1_000_000, "smpboot: Allowing " + cores + " CPUs, 0 hotplug CPUs");
        log.log(KernelLog.KERN_INFO, 1_200_000, "x86/idt: exception handlers: #DE divide_error (vector 0), #UD invalid_op (6), #GP general_protection (13), #PF page_fault (14)");
        log.log(KernelLog.KERN_INFO, 1_200_000, "x86/entry: syscall handler entry_SYSCALL_64 installed (MSR_LSTAR): the only way in from user mode");
        log.log(KernelLog.KERN_INFO, 2_000_000, "APIC: local timer on vector 236 for every CPU, HZ=250 (a tick every 4 ms)");
        log.log(KernelLog.KERN_INFO, 8_000_000, "smp: Brought up 1 node, " + cores + " CPUs");
        log.log(KernelLog.KERN_INFO, 30_000_000, "serio: i8042 KBD port at 0x60,0x64 irq 1 (keyboard handler on vector 33)");
        log.log(KernelLog.KERN_INFO, 31_000_000, "ata1: PATA max UDMA/100 cmd 0x1f0 ctl 0x3f6 bmdma 0xc040 irq 14 (disk handler on vector 46)");
        log.log(KernelLog.KERN_NOTICE, 32_000_000, "sd 0:0:0:0: [sda] 67108864 512-byte logical blocks: (34.4 GB/32.0 GiB)");
        log.log(KernelLog.KERN_INFO, 40_000_000, "EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.");
    }

    /** Mounts /proc, /sys, /dev (devtmpfs with the machine's devices), /dev/pts and /run, as systemd does at boot. */
    static void mountVirtualFileSystems(Kernel kernel) {
        MountNamespace mounts = kernel.rootMounts();
        Location root = mounts.root();
        ProcFs proc = new ProcFs(kernel, kernel.rootPidNamespace(), kernel.nextAnonymousDevice(), kernel.procSysFiles());
        mounts.mount(proc, proc.root(), at(kernel, "/proc"), "rw,nosuid,nodev,noexec,relatime");
        FileSystem sys = new FileSystem("sysfs", "sysfs", kernel.nextAnonymousDevice(), false, 1);
        mounts.mount(sys, sys.root(), at(kernel, "/sys"), "rw,nosuid,nodev,noexec,relatime");
        sys.mkdir(sys.mkdir(sys.root(), "fs", 0755, 0, 0), "cgroup", 0755, 0, 0);
        dev.syssim.sim.os.CgroupFs cgroups = new dev.syssim.sim.os.CgroupFs(kernel, kernel.rootCgroup(), kernel.nextAnonymousDevice());
        mounts.mount(cgroups, cgroups.root(), at(kernel, "/sys/fs/cgroup"), "rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot");
        FileSystem dev = devices(kernel);
        mounts.mount(dev, dev.root(), at(kernel, "/dev"), "rw,nosuid,relatime,size=1990000k,nr_inodes=497500,mode=755");
        FileSystem pts = new FileSystem("devpts", "devpts", kernel.nextAnonymousDevice(), false, 1);
        pts.root().setPermissions(0755);
        pts.mknod(pts.root(), "ptmx", FileType.CHAR_DEVICE, 0000, 5, 2, 0, 0);
        mounts.mount(pts, pts.root(), at(kernel, "/dev/pts"), "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000");
        kernel.setDevpts(pts);
        FileSystem run = new FileSystem("tmpfs", "tmpfs", kernel.nextAnonymousDevice(), false, 1);
        run.root().setPermissions(0755);
        run.setCapacity(402_000L * 1024, 0, 497_500);
        run.setBudget(kernel.rootFs().budget());
        mounts.mount(run, run.root(), at(kernel, "/run"), "rw,nosuid,nodev,noexec,relatime,size=402000k,mode=755");
        // POSIX shared memory, as systemd mounts it on Debian 12: a tmpfs of half the RAM, writable by all
        FileSystem shm = new FileSystem("tmpfs", "tmpfs", kernel.nextAnonymousDevice(), false, 1);
        shm.root().setPermissions(01777);
        shm.setCapacity(kernel.memoryKiB() * 1024 / 2, 0, kernel.memoryKiB() / 4);
        shm.setBudget(kernel.rootFs().budget());
        mounts.mount(shm, shm.root(), at(kernel, "/dev/shm"), "rw,nosuid,nodev");
        if (root == null) throw new IllegalStateException("no root mount");
    }

    private static Location at(Kernel kernel, String path) {
        PathWalker.Result r = PathWalker.resolve(new RootView(kernel), path, true);
        if (!r.ok()) throw new IllegalStateException("cannot mount on " + path + ": " + r.error());
        return r.location();
    }

    /** The /dev tree devtmpfs provides: memory devices, terminals, the disk. */
    static FileSystem devices(Kernel kernel) {
        FileSystem dev = new FileSystem("devtmpfs", "udev", kernel.nextAnonymousDevice(), false, 1);
        dev.setBudget(kernel.rootFs().budget());
        dev.setCapacity(1_990_000L * 1024, 0, 497_500);
        Inode root = dev.root();
        root.setPermissions(0755);
        dev.mknod(root, "null", FileType.CHAR_DEVICE, 0666, 1, 3, 0, 0);
        dev.mknod(root, "zero", FileType.CHAR_DEVICE, 0666, 1, 5, 0, 0);
        dev.mknod(root, "full", FileType.CHAR_DEVICE, 0666, 1, 7, 0, 0);
        dev.mknod(root, "random", FileType.CHAR_DEVICE, 0666, 1, 8, 0, 0);
        dev.mknod(root, "urandom", FileType.CHAR_DEVICE, 0666, 1, 9, 0, 0);
        dev.mknod(root, "kmsg", FileType.CHAR_DEVICE, 0644, 1, 11, 0, 0);
        dev.mknod(root, "tty", FileType.CHAR_DEVICE, 0666, 5, 0, 0, 5);
        dev.mknod(root, "console", FileType.CHAR_DEVICE, 0600, 5, 1, 0, 0);
        Disk disk = kernel.disk();
        dev.mknod(root, disk.name(), FileType.BLOCK_DEVICE, 0660, disk.major(), 0, 0, 6);
        dev.mknod(root, disk.name() + "1", FileType.BLOCK_DEVICE, 0660, disk.major(), 1, 0, 6);
        dev.mkdir(root, "pts", 0755, 0, 0);
        dev.mkdir(root, "shm", 01777, 0, 0);
        dev.symlink(root, "ptmx", "pts/ptmx", 0, 0);
        dev.symlink(root, "fd", "/proc/self/fd", 0, 0);
        dev.symlink(root, "stdin", "/proc/self/fd/0", 0, 0);
        dev.symlink(root, "stdout", "/proc/self/fd/1", 0, 0);
        dev.symlink(root, "stderr", "/proc/self/fd/2", 0, 0);
        return dev;
    }
}
