package dev.syssim.sim.world;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.KernelLog;
import dev.syssim.sim.os.Limits;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.tools.Executable;
import dev.syssim.sim.virt.DiskImages;
import dev.syssim.sim.virt.Guests;
import dev.syssim.sim.virt.Kvm;
import dev.syssim.sim.virt.Qcow2;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.tools.VirtTools;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The virtualization packages on a machine (Debian 12's qemu-system-x86, qemu-utils,
 * libvirt-daemon-system, libvirt-clients, linux-perf): their programs, the users and groups they
 * create ({@code libvirt-qemu} uid 64055, Debian's fixed id; groups {@code kvm} and {@code libvirt}),
 * libvirt's directories and default network, a Debian cloud image to boot guests from, and KVM
 * loaded with {@code /dev/kvm} (0660 root:kvm, as udev makes it). And the guests: whole machines of
 * the world, built here on the hardware their VMM provides ({@link Guests}).
 */
public final class Virtualization {

    /** The cloud image guests boot from (Debian's genericcloud build): 2 GiB virtual, 317 MiB of clusters. */
    public static final String BASE_IMAGE = "/var/lib/libvirt/images/debian-12-genericcloud-amd64.qcow2";
    public static final long BASE_IMAGE_SIZE = 2L << 30;
    private static final long BASE_IMAGE_LENGTH = 5_072L * Qcow2.CLUSTER;
    public static final int KVM_GID = dev.syssim.sim.virt.Libvirt.KVM_GID;
    public static final int LIBVIRT_GID = dev.syssim.sim.virt.Libvirt.LIBVIRT_GID;
    public static final int LIBVIRT_QEMU_UID = dev.syssim.sim.virt.Libvirt.LIBVIRT_QEMU_UID;
    /** Where a guest's pids continue after its boot (systemd's services took the ones before). */
    private static final int GUEST_FIRST_PID = 480;

    private Virtualization() {
    }

    /** Installs the packages on {@code machine} and loads KVM (its CPU has VMX); {@code student} may use libvirt. */
    public static void install(World world, Machine machine) {
        Kernel k = machine.kernel();
        installFiles(k.rootFs(), true);
        loadKvm(world, k, true);
        Inode image = writeBaseImage(k.rootFs());
        DiskImages.of(k).installed(image, "debian-12");
        // libvirtd.service ran at boot and started its autostart network: virbr0, NAT, dnsmasq
        dev.syssim.sim.virt.VirtualNetwork.of(k).start();
    }

    // ---- a guest from Java (the docker room's Docker Desktop VM, tests, benchmarks) ----

    /** Simulation steps a guest gets to boot: firmware, kernel and init take a few simulated seconds. */
    private static final long BOOT_STEPS = 20_000_000;

    /**
     * Starts a guest on {@code host} as root does by hand: a qcow2 overlay on the cloud image
     * ({@code qemu-img create -b}), then {@code qemu-system-x86_64 -enable-kvm -daemonize} with the
     * disk on {@code bus} ({@code virtio}, {@code ide}, or {@code ahci}: an ICH9 SATA controller); returns the guest machine once
     * its console login runs, or null if it did not boot. Installs the packages first if needed.
     * {@code qemuOptions} go on QEMU's command line as they are ({@code -cpu host}).
     */
    public static Machine startGuest(World world, Machine host, String name, String bus, int memoryMiB, String... qemuOptions) {
        Kernel k = host.kernel();
        if (Kvm.of(k) == null) install(world, host);
        Map<String, String> env = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
        String disk = "/var/lib/libvirt/images/" + name + ".qcow2";
        // AHCI as libvirt asks for it: the image as a -blockdev pair, an ich9-ahci controller, the disk on its port 0
        String drive = bus.equals("ahci")
                ? "-blockdev '{\"driver\":\"file\",\"filename\":\"" + disk + "\",\"node-name\":\"d0-storage\"}'"
                  + " -blockdev '{\"node-name\":\"d0\",\"driver\":\"qcow2\",\"file\":\"d0-storage\"}'"
                  + " -device '{\"driver\":\"ich9-ahci\",\"id\":\"sata0\"}' -device '{\"driver\":\"ide-hd\",\"bus\":\"sata0.0\",\"drive\":\"d0\"}'"
                : "-drive file=" + disk + ",format=qcow2,if=" + bus;
        String script = "qemu-img create -q -f qcow2 -b " + BASE_IMAGE + " -F qcow2 " + disk
                + " && qemu-system-x86_64 -enable-kvm -m " + memoryMiB + " -name " + name + " " + drive + " -display none -daemonize"
                + (qemuOptions.length == 0 ? "" : " " + String.join(" ", qemuOptions));
        CommandRun.Result r = CommandRun.run(world, host, new CommandRun.Command(List.of("/bin/sh", "-c", script), "root", "/root", env, null),
                BOOT_STEPS);
        if (r.status() != 0) return null;
        // -daemonize returns once QEMU runs on its own, perhaps before it created the VM
        world.runUntil(() -> vmNamed(k, name) != null, BOOT_STEPS);
        VirtualMachine v = vmNamed(k, name);
        if (v == null) return null;
        world.runUntil(() -> v.state() == VirtualMachine.State.SHUT_DOWN || v.state() == VirtualMachine.State.DESTROYED
                || v.serial().loginShell() != null, BOOT_STEPS);
        Kernel guest = v.guest();
        return guest == null || v.serial().loginShell() == null ? null : world.machine(guest.machineName());
    }

    private static VirtualMachine vmNamed(Kernel host, String name) {
        for (VirtualMachine each : Kvm.of(host).vms()) if (each.setup() != null && each.name().equals(name)) return each;
        return null;
    }

    /** Runs {@code command} (a bash command line) in a guest as root; its status and output. */
    public static CommandRun.Result runInGuest(World world, Machine guest, String command, long maxSteps) {
        Map<String, String> env = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
        return CommandRun.run(world, guest, new CommandRun.Command(List.of("/bin/bash", "-c", command), "root", "/root", env, null), maxSteps);
    }

    /** KVM on {@code k} (if its CPU has VMX) and its device node. */
    static void loadKvm(World world, Kernel k, boolean nested) {
        if (!(" " + k.cpuFlags() + " ").contains(" vmx ")) return;
        Kvm.load(k, new GuestMachines(world), nested);
        PathWalker.Result dev = PathWalker.resolve(new RootView(k), "/dev", true);
        if (!dev.ok()) return;
        FileSystem devFs = dev.location().mount().fs();
        if (devFs.lookup(new RootView(k), dev.inode(), "kvm") == null) {
            devFs.mknod(dev.inode(), "kvm", FileType.CHAR_DEVICE, 0660, Kvm.MISC_MAJOR, Kvm.MINOR, 0, KVM_GID);
        }
    }

    /** The packages' files on a root file system (a host's, or a guest image's: the course's image has them too). */
    static void installFiles(FileSystem fs, boolean studentUsesLibvirt) {
        for (Executable b : VirtTools.BINARIES) {
            ExecImage image = ExecImage.dynamic(b.program(), b.memoryKiB(), b.libraries().toArray(String[]::new));
            put(fs, b.path(), image.toBytes(), b.mode(), 0, 0).setCached(true);
        }
        append(fs, "/etc/passwd", "libvirt-qemu:x:" + LIBVIRT_QEMU_UID + ":" + KVM_GID + ":Libvirt Qemu,,,:/var/lib/libvirt:/usr/sbin/nologin\n");
        append(fs, "/etc/group", "kvm:x:" + KVM_GID + ":\nlibvirt:x:" + LIBVIRT_GID + ":" + (studentUsesLibvirt ? "student" : "")
                + "\nlibvirt-qemu:x:" + LIBVIRT_QEMU_UID + ":libvirt-qemu\n");
        append(fs, "/etc/shadow", "libvirt-qemu:!:20458::::::\n");
        mkdirs(fs, "/etc/libvirt/qemu/networks/autostart", 0755, 0, 0);
        put(fs, "/etc/libvirt/qemu/networks/default.xml", bytes(DEFAULT_NETWORK), 0600, 0, 0);
        fs.symlink(find(fs, "/etc/libvirt/qemu/networks/autostart"), "default.xml", "/etc/libvirt/qemu/networks/default.xml", 0, 0);
        put(fs, "/etc/libvirt/libvirt.conf", bytes("#\n# This can be used to setup URI aliases for frequently\n# used connection URIs.\n#\n"
                + "#uri_default = \"qemu:///system\"\n"), 0644, 0, 0);
        mkdirs(fs, "/var/lib/libvirt/images", 0711, 0, 0);
        mkdirs(fs, "/var/lib/libvirt/qemu", 0751, LIBVIRT_QEMU_UID, KVM_GID);
        mkdirs(fs, "/var/log/libvirt/qemu", 0751, 0, 0);
        if (studentUsesLibvirt && find(fs, "/home/student") != null) {
            // a non-root virsh would talk to its own session daemon; this makes it use the system's, as courses set it up
            mkdirs(fs, "/home/student/.config/libvirt", 0755, 1000, 1000);
            find(fs, "/home/student/.config").setOwner(1000, 1000);
            put(fs, "/home/student/.config/libvirt/libvirt.conf", bytes("uri_default = \"qemu:///system\"\n"), 0644, 1000, 1000);
        }
    }

    /** libvirt's default NAT network: virbr0, 192.168.122.1/24, DHCP for .2 to .254. */
    static final String DEFAULT_NETWORK = """
            <network>
              <name>default</name>
              <uuid>2b1e5d2c-9f0a-4c6e-8b3d-7e1f0a9c4d5b</uuid>
              <forward mode='nat'/>
              <bridge name='virbr0' stp='on' delay='0'/>
              <mac address='52:54:00:3c:9a:01'/>
              <ip address='192.168.122.1' netmask='255.255.255.0'>
                <dhcp>
                  <range start='192.168.122.2' end='192.168.122.254'/>
                </dhcp>
              </ip>
            </network>
            """;

    /**
     * The cloud image: a qcow2 header without a backing file, then its data clusters (one-byte runs:
     * the guest's files are kept apart, see {@link dev.syssim.sim.virt.DiskImage}).
     */
    private static Inode writeBaseImage(FileSystem fs) {
        byte[] header = Qcow2.freshImage(BASE_IMAGE_SIZE, null, null);
        Inode file = put(fs, BASE_IMAGE, header, 0644, 0, 0);
        byte[] cluster = new byte[Qcow2.CLUSTER];
        for (long at = 4L * Qcow2.CLUSTER; at < BASE_IMAGE_LENGTH; at += Qcow2.CLUSTER) fs.writeContent(file, at, cluster, true);
        return file;
    }

    // ---- the guests ----

    /** How the world builds a guest: a Debian machine on virtual hardware, booted from its disk. */
    static final class GuestMachines implements Guests {

        private final World world;

        GuestMachines(World world) {
            this.world = world;
        }

        @Override
        public FileSystem installedSystem(String os, String hostname) {
            FileSystem fs = DebianImage.rootFileSystem(hostname, Toolbox.binaries());
            installFiles(fs, false);
            put(fs, "/etc/fstab", bytes("# /etc/fstab: static file system information (cloud image)\nPARTUUID=4f1e2d3c-01  /  ext4  rw,discard,errors=remount-ro,x-systemd.growfs  0  1\n"), 0644, 0, 0);
            // the cloud image's openssh-server: cloud-init makes the host keys on the first boot (here: one per host name)
            String key = ("AAAAC3NzaC1lZDI1NTE5AAAAI" + hostname + "GuestHostKey0000000000000000000000000000000000000000").substring(0, 68);
            put(fs, "/etc/ssh/ssh_host_ed25519_key.pub", bytes("ssh-ed25519 " + key + " root@" + hostname + "\n"), 0644, 0, 0);
            put(fs, "/etc/ssh/sshd_config", bytes("Include /etc/ssh/sshd_config.d/*.conf\nKbdInteractiveAuthentication no\nUsePAM yes\n"
                    + "PasswordAuthentication yes\nPermitRootLogin prohibit-password\n"), 0644, 0, 0);
            return fs;
        }

        @Override
        public Kernel boot(GuestHardware hw) {
            String name = uniqueName(hw.name());
            long now = world.timeline().now();
            long seed = world.seed() * 31 + name.hashCode() + now;
            Kernel k = new Kernel(name, world.timeline(), world.trace(), hw.vcpus(), hw.rootFs(), hw.disk(), Toolbox.programs(),
                    Limits.DEFAULT, seed);
            k.setMemoryKiB(hw.memoryKiB());
            k.setBootTime(now);
            k.setCpuFlags(hw.cpuFlags());
            bootLog(k, hw);
            NetStack stack = NetStack.attach(k);
            attachNics(k, stack, hw, name);
            Machines.mountVirtualFileSystems(k);
            loadKvm(world, k, false);
            if (Kvm.of(k) != null) {
                PathWalker.Result base = PathWalker.resolve(new RootView(k), BASE_IMAGE, true);
                Inode image = base.ok() ? base.inode() : writeBaseImage(k.rootFs());
                DiskImages.of(k).installed(image, "debian-12");
            }
            world.add(new Machine(name, k));
            world.timeline().after(dev.syssim.sim.virt.VirtualMachine.KERNEL_BOOT, () -> {
                if (world.machine(name) == null || world.machine(name).kernel() != k) return;
                k.spawn(null, "/sbin/init", List.of("/sbin/init"), Map.of(), Credentials.root(), null, null);
                k.spawnKernelThread(null, "kthreadd");
                k.log().log(KernelLog.KERN_INFO, world.timeline().now() - now, "Run /sbin/init as init process");
                k.rootPidNamespace().skipTo(GUEST_FIRST_PID - 1);
            });
            return k;
        }

        /**
         * The guest's network cards on their taps' cables, each with its device model; a card on
         * libvirt's network gets its address from dnsmasq once systemd-networkd runs (a few seconds
         * into the boot), with the default route through the host.
         */
        private void attachNics(Kernel k, NetStack stack, GuestHardware hw, String name) {
            for (Guests.Nic nic : hw.nics()) {
                dev.syssim.sim.net.stack.Interface iface = stack.addEthernet(nic.name(), nic.mac(), nic.irq(), nic.cable());
                iface.nic().setDevice(nic.device());
                if (nic.dhcp() == null) continue;
                world.timeline().after(dev.syssim.sim.virt.VirtualMachine.KERNEL_BOOT + NETWORK_UP, () -> {
                    if (world.machine(name) == null || world.machine(name).kernel() != k) return;
                    dev.syssim.sim.virt.VirtualNetwork.Lease lease = nic.dhcp().offer(nic.mac(), name);
                    if (lease == null) return;
                    stack.addAddress(iface, lease.address(), lease.prefix());
                    stack.addDefaultRoute(lease.gateway());
                    startSshd(k);
                    k.log().log(KernelLog.KERN_INFO, world.timeline().now() - k.bootTime(),
                            nic.name() + ": DHCPv4 address " + lease.address() + "/" + lease.prefix() + ", gateway " + lease.gateway()
                                    + " acquired from " + lease.gateway());
                });
            }
        }

        /** ssh.service, once the network is up: sshd listening on port 22 (so the host can ssh in by the leased address). */
        private static void startSshd(Kernel k) {
            if (!PathWalker.resolve(new RootView(k), "/usr/sbin/sshd", true).ok()) return;
            for (Process p : k.allProcesses()) if (p.comm().equals("sshd")) return;
            k.spawn(k.init(), "/usr/sbin/sshd", List.of("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"),
                    Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), Credentials.root(), null, null);
        }

        /** When systemd-networkd has the guest's DHCP lease, after the kernel's boot. */
        private static final long NETWORK_UP = 2_000_000_000L;

        private String uniqueName(String wanted) {
            if (world.machine(wanted) == null) return wanted;
            for (int i = 2; ; i++) if (world.machine(wanted + "-" + i) == null) return wanted + "-" + i;
        }

        @Override
        public void remove(Kernel guest) {
            world.remove(guest.machineName());
            int killed = WaitStatus.killed(Signal.SIGKILL, false);
            for (Process p : guest.allProcesses()) {
                if (p != guest.init() && p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD) guest.processes().terminate(p, killed);
            }
            if (guest.init() != null) guest.processes().terminate(guest.init(), killed);
        }

        private static void bootLog(Kernel k, GuestHardware hw) {
            KernelLog log = k.log();
            long mem = hw.memoryKiB();
            log.log(KernelLog.KERN_NOTICE, 0, "Linux version " + Kernel.RELEASE + " (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) " + Kernel.VERSION);
            log.log(KernelLog.KERN_INFO, 0, "Command line: BOOT_IMAGE=/boot/vmlinuz-" + Kernel.RELEASE + " root=PARTUUID=4f1e2d3c-01 ro console=tty0 console=ttyS0,115200");
            log.log(KernelLog.KERN_INFO, 0, "Hypervisor detected: KVM");
            log.log(KernelLog.KERN_INFO, 0, "kvm-clock: Using msrs 4b564d01 and 4b564d00");
            log.log(KernelLog.KERN_INFO, 0, String.format("Memory: %dK/%dK available", mem * 9 / 10, mem));
            log.log(KernelLog.KERN_INFO, 1_000_000, "smpboot: Allowing " + hw.vcpus() + " CPUs, 0 hotplug CPUs");
            log.log(KernelLog.KERN_INFO, 1_200_000, "x86/idt: exception handlers: #DE divide_error (vector 0), #UD invalid_op (6), #GP general_protection (13), #PF page_fault (14)");
            log.log(KernelLog.KERN_INFO, 1_200_000, "x86/entry: syscall handler entry_SYSCALL_64 installed (MSR_LSTAR): the only way in from user mode");
            log.log(KernelLog.KERN_INFO, 2_000_000, "APIC: local timer on vector 236 for every CPU (TSC deadline: KVM's preemption timer)");
            log.log(KernelLog.KERN_INFO, 30_000_000, "serial8250: ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A");
            String disk = hw.disk().name();
            if (disk.startsWith("vd")) {
                log.log(KernelLog.KERN_INFO, 31_000_000, "virtio_blk virtio2: [" + disk + "] 4194304 512-byte logical blocks (2.15 GB/2.00 GiB)");
            } else {
                log.log(KernelLog.KERN_INFO, 31_000_000, "ata1.00: ATA-7: QEMU HARDDISK, 2.5+, max UDMA/100");
                log.log(KernelLog.KERN_NOTICE, 31_500_000, "sd 0:0:0:0: [" + disk + "] 4194304 512-byte logical blocks: (2.15 GB/2.00 GiB)");
            }
            log.log(KernelLog.KERN_INFO, 40_000_000, "EXT4-fs (" + disk + "1): mounted filesystem with ordered data mode. Quota mode: none.");
        }
    }

    // ---- files ----

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Inode find(FileSystem fs, String path) {
        Inode at = fs.root();
        for (String part : path.substring(1).split("/")) {
            Inode next = at.entries().get(part);
            if (next == null) return null;
            at = next;
        }
        return at;
    }

    private static Inode mkdirs(FileSystem fs, String path, int mode, int uid, int gid) {
        Inode at = fs.root();
        String[] parts = path.substring(1).split("/");
        for (int i = 0; i < parts.length; i++) {
            Inode next = at.entries().get(parts[i]);
            if (next == null) {
                boolean last = i == parts.length - 1;
                next = DebianImage.dir(fs, at, parts[i], last ? mode : 0755);
                if (last) next.setOwner(uid, gid);
            }
            at = next;
        }
        return at;
    }

    /** Creates or replaces a file (its directories made as needed). */
    private static Inode put(FileSystem fs, String path, byte[] data, int mode, int uid, int gid) {
        int slash = path.lastIndexOf('/');
        Inode dir = mkdirs(fs, path.substring(0, slash), 0755, 0, 0);
        String name = path.substring(slash + 1);
        if (dir.entries().containsKey(name)) fs.unlink(dir, name);
        Inode file = DebianImage.file(fs, dir, name, mode, data);
        file.setOwner(uid, gid);
        return file;
    }

    private static void append(FileSystem fs, String path, String text) {
        Inode file = find(fs, path);
        if (file == null) return;
        String old = new String(fs.contentOf(file), StandardCharsets.UTF_8);
        if (old.contains(text)) return;
        fs.writeContent(file, file.size(), bytes(text), true);
    }
}
