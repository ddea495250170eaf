package dev.syssim.sim.virt.tools;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Threads;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.EventFd;
import dev.syssim.sim.virt.KvmCalls;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VmExit;
import dev.syssim.sim.virt.device.AhciDisk;
import dev.syssim.sim.virt.device.BlockDevice;
import dev.syssim.sim.virt.device.IdeDisk;
import dev.syssim.sim.virt.device.VirtioBlk;
import dev.syssim.sim.virt.device.E1000;
import dev.syssim.sim.virt.device.VirtioNet;
import dev.syssim.sim.virt.TapFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * qemu-system-x86_64 (QEMU 7.2 with KVM): the VMM. Its main thread opens the disk images and
 * {@code /dev/kvm}, creates the VM, maps the guest's RAM, sets up the emulated devices (eventfds
 * registered with KVM for virtio), starts one thread per vCPU ({@code CPU 0/KVM}) and then serves
 * its main loop: ppoll on its eventfds, and for each request the devices left — pread64 of the
 * image, an interrupt for the guest. Each vCPU thread calls KVM_RUN in a loop; when it returns, the
 * exit is one QEMU emulates (a port or register access), and the thread emulates it before entering
 * again. Messages are QEMU's own ({@code Could not access KVM kernel module: ...},
 * {@code cannot set up guest memory 'pc.ram': ...}, {@code -foo: invalid option}).
 *
 * <p>Not simulated: TCG (software emulation without KVM); QEMU's helper threads (call_rcu, the
 * block layer's workers: the main loop reads the image itself here); the monitor.
 */
public final class Qemu extends Tool {

    static final String NAME = "qemu-system-x86_64";
    static final String VERSION = "7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)";
    /** The qemu64 CPU model as a Linux guest sees it: no VMX, and the hypervisor bit. */
    static final String QEMU64_FLAGS = "fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 "
            + "ht syscall nx lm constant_tsc rep_good nopl xtopology cpuid tsc_known_freq pni cx16 x2apic hypervisor lahf_lm abm "
            + "3dnowprefetch cpuid_fault pti";
    private static final long VIRTIO_BLK_NOTIFY = 0xfebf1000L;

    /** Everything one QEMU process knows while it runs. */
    private static final class State {
        QemuOptions options;
        int vmFd;
        VirtualMachine vm;
        int notifierFd;
        final List<Integer> pollFds = new ArrayList<>();
        final List<int[]> driveFds = new ArrayList<>();
        final List<DiskImage> images = new ArrayList<>();
        Signal terminating;
    }

    @Override
    protected Step run(Libc c) {
        QemuOptions o = QemuOptions.parse(c.args().operands());
        if (o.version) {
            c.print("QEMU emulator version " + VERSION + "\nCopyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers\n");
            return c.exit(0);
        }
        if (o.help) return help(c);
        if (o.error != null) return fail(c, o.error);
        if (!o.kvm) {
            return fail(c, "this simulation runs guests with KVM only (no TCG): add -enable-kvm or -accel kvm");
        }
        State s = new State();
        s.options = o;
        if (o.daemonize) {
            // os_daemonize: the parent returns once the child runs on its own
            return c.sys(Syscall.Clone.fork(() -> c.sys(new Syscall.Setpgid(0, 0), r -> openDrives(c, s, 0))), r -> c.exitQuietly(0));
        }
        return openDrives(c, s, 0);
    }

    private static Step fail(Libc c, String message) {
        c.eprint(NAME + ": " + message + "\n");
        return c.exit(1);
    }

    // ---- the disks ----

    private Step openDrives(Libc c, State s, int i) {
        if (i == s.options.drives.size()) return openKvm(c, s);
        QemuOptions.Drive d = s.options.drives.get(i);
        String where = d.option().startsWith("-blockdev") ? "" : d.option() + ": ";
        return c.open(d.file(), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, probe -> {
            if (probe.failed()) return fail(c, where + "Could not open '" + d.file() + "': " + probe.errno().message());
            int fd = probe.intValue();
            return c.sys(new KvmCalls.ImageOf(fd), img -> c.close(fd, () -> {
                DiskImage image = img.dataAs(DiskImage.class);
                if ("qcow2".equals(d.format()) && image.format() != DiskImage.Format.QCOW2) {
                    return fail(c, where + "Image is not in qcow2 format");
                }
                if (d.format() == null && image.format() == DiskImage.Format.RAW) {
                    c.eprint("WARNING: Image format was not specified for '" + d.file() + "' and probing guessed raw.\n"
                            + "         Automatically detecting the format is dangerous for raw images, write operations on block 0 will be restricted.\n"
                            + "         Specify the 'raw' format explicitly to remove the restrictions.\n");
                }
                return c.open(d.file(), OpenFlags.O_RDWR | OpenFlags.O_DIRECT | OpenFlags.O_CLOEXEC, rw -> {
                    if (rw.failed()) return fail(c, where + "Could not open '" + d.file() + "': " + rw.errno().message());
                    if (image.backingPath() == null) return opened(c, s, i, image, rw.intValue(), -1);
                    String backing = resolve(d.file(), image.backingPath());
                    return c.open(backing, OpenFlags.O_RDONLY | OpenFlags.O_DIRECT | OpenFlags.O_CLOEXEC, b -> {
                        if (b.failed()) {
                            return fail(c, where + "Could not open backing file: Could not open '" + backing + "': " + b.errno().message());
                        }
                        return c.sys(new KvmCalls.ImageOf(b.intValue()), bi -> {
                            image.setBacking(bi.dataAs(DiskImage.class));
                            return opened(c, s, i, image, rw.intValue(), b.intValue());
                        });
                    });
                });
            }));
        });
    }

    private Step opened(Libc c, State s, int i, DiskImage image, int fd, int backingFd) {
        s.images.add(image);
        s.driveFds.add(new int[] {fd, backingFd});
        return openDrives(c, s, i + 1);
    }

    /** A backing file name is relative to the image's directory. */
    private static String resolve(String image, String backing) {
        if (backing.startsWith("/")) return backing;
        int slash = image.lastIndexOf('/');
        return slash < 0 ? backing : image.substring(0, slash + 1) + backing;
    }

    // ---- KVM and the VM ----

    private Step openKvm(Libc c, State s) {
        return c.open("/dev/kvm", OpenFlags.O_RDWR | OpenFlags.O_CLOEXEC, k -> {
            if (k.failed()) {
                String why = k.errno().message();
                c.eprint("Could not access KVM kernel module: " + why + "\n");
                return fail(c, "failed to initialize kvm: " + why);
            }
            int kvmFd = k.intValue();
            return c.sys(new KvmCalls.GetApiVersion(kvmFd), v -> c.sys(new KvmCalls.CreateVm(kvmFd), vm -> {
                if (vm.failed()) return fail(c, "failed to initialize kvm: " + vm.errno().message());
                s.vmFd = vm.intValue();
                s.vm = vm.dataAs(VirtualMachine.class);
                return c.sys(new KvmCalls.CreateIrqchip(s.vmFd), r -> configure(c, s));
            }));
        });
    }

    private Step configure(Libc c, State s) {
        QemuOptions o = s.options;
        String flags = cpuFlags(c, s);
        String name = o.name != null ? o.name : "vm" + s.vm.number();
        s.vm.configure(new VirtualMachine.GuestSetup(name, o.vcpus, o.memoryBytes / 1024, flags, flags.contains(" vmx")));
        return c.sys(new KvmCalls.MmapGuestRam(o.memoryBytes), ram -> {
            if (ram.failed()) return fail(c, "cannot set up guest memory 'pc.ram': " + ram.errno().message());
            return c.sys(new KvmCalls.SetUserMemoryRegion(s.vmFd, 0, 0, o.memoryBytes, ram.value()),
                    r -> c.sys(new KvmCalls.Eventfd2(), n -> {
                        s.notifierFd = n.intValue();
                        s.pollFds.add(s.notifierFd);
                        s.vm.setNotifier(n.dataAs(EventFd.class));
                        return devices(c, s, 0);
                    }));
        });
    }

    /** The guest's CPU: qemu64 (no VMX) unless -cpu host; VMX only where KVM allows nesting. */
    private static String cpuFlags(Libc c, State s) {
        String model = s.options.cpu.split(",")[0];
        boolean wantVmx = s.options.cpu.contains("+vmx") || s.options.cpu.contains("vmx=on");
        boolean nested = s.vm.kvm().nested();
        String flags;
        if (model.equals("host") || model.equals("max")) {
            flags = s.vm.kvm().host().cpuFlags().replace(" vmx", "").replace(" hypervisor", "") + " hypervisor";
            if (nested && !s.options.cpu.contains("-vmx")) flags = flags.replace(" pni", " pni vmx");
        } else {
            flags = QEMU64_FLAGS;
            if (wantVmx && nested) flags = flags.replace(" pni", " pni vmx");
        }
        if (wantVmx && !nested) c.eprint(NAME + ": warning: host doesn't support requested feature: CPUID.01H:ECX.vmx [bit 5]\n");
        return flags;
    }

    private Step devices(Libc c, State s, int i) {
        if (i == s.images.size()) return nics(c, s, 0);
        QemuOptions.Drive d = s.options.drives.get(i);
        DiskImage image = s.images.get(i);
        int fd = s.driveFds.get(i)[0];
        int backingFd = s.driveFds.get(i)[1];
        if (d.bus().equals("virtio")) {
            long address = VIRTIO_BLK_NOTIFY + 0x1000L * i;
            return c.sys(new KvmCalls.Eventfd2(), n -> c.sys(new KvmCalls.Ioeventfd(s.vmFd, n.intValue(), address),
                    r -> c.sys(new KvmCalls.Eventfd2(), irq -> c.sys(new KvmCalls.Irqfd(s.vmFd, irq.intValue(), VirtioBlk.GSI), r2 -> {
                        s.pollFds.add(n.intValue());
                        s.vm.addDisk(new VirtioBlk(s.vm, image, fd, backingFd, n.dataAs(EventFd.class), irq.intValue()));
                        return devices(c, s, i + 1);
                    }))));
        }
        boolean ahci = d.bus().equals("sata") || (d.bus().equals("ide") && s.options.machine.contains("q35"));
        BlockDevice disk = ahci ? new AhciDisk(s.vm, image, fd, backingFd, s.vmFd) : new IdeDisk(s.vm, image, fd, backingFd, s.vmFd);
        s.vm.addDisk(disk);
        return devices(c, s, i + 1);
    }

    // ---- the network cards ----

    private static final long VIRTIO_NET_NOTIFY = 0xfebf8000L;

    /**
     * Each -nic / -netdev card: a tap on its bridge (libvirt's {@code vnetN}, the bridge helper's
     * {@code tapN}), then the device model: e1000 by default, virtio-net with its ioeventfd and irqfd.
     * A card without a bridge (QEMU's user-mode network, slirp) is not simulated and left out.
     */
    private Step nics(Libc c, State s, int i) {
        if (i == s.options.nics.size()) return startVcpus(c, s, 0);
        QemuOptions.Nic n = s.options.nics.get(i);
        if (n.bridge() == null) return nics(c, s, i + 1);
        String mac = n.mac() != null ? n.mac() : String.format("52:54:00:12:34:%02x", 0x56 + i);
        return c.sys(new KvmCalls.OpenTap(n.bridge(), n.tapFd() >= 0 ? "vnet" : "tap", mac), t -> {
            if (t.failed()) {
                c.eprint("failed to get mtu of bridge `" + n.bridge() + "': " + t.errno().message() + "\n");
                return fail(c, "-nic bridge,br=" + n.bridge() + ": bridge helper failed");
            }
            int tapFd = t.intValue();
            TapFile tap = t.dataAs(TapFile.class);
            if (!n.model().startsWith("virtio")) {
                s.vm.addNic(new E1000(s.vm, tap, tapFd, mac, s.vmFd));
                return nics(c, s, i + 1);
            }
            long address = VIRTIO_NET_NOTIFY + 0x1000L * i;
            return c.sys(new KvmCalls.Eventfd2(), e -> c.sys(new KvmCalls.Ioeventfd(s.vmFd, e.intValue(), address),
                    r -> c.sys(new KvmCalls.Eventfd2(), irq -> c.sys(new KvmCalls.Irqfd(s.vmFd, irq.intValue(), VirtioNet.GSI), r2 -> {
                        s.pollFds.add(e.intValue());
                        s.vm.addNic(new VirtioNet(s.vm, tap, tapFd, mac, e.dataAs(EventFd.class), irq.intValue()));
                        return nics(c, s, i + 1);
                    }))));
        });
    }

    // ---- the vCPU threads ----

    private Step startVcpus(Libc c, State s, int i) {
        if (i == s.options.vcpus) return started(c, s);
        return c.sys(new Threads.Clone3("CPU " + i + "/KVM", () -> vcpuThread(c, s, i)), r -> startVcpus(c, s, i + 1));
    }

    private Step vcpuThread(Libc c, State s, int index) {
        return c.sys(new KvmCalls.CreateVcpu(s.vmFd, index), r -> r.failed() ? parked(c)
                : kvmRun(c, s, r.intValue()));
    }

    /** The vCPU thread's loop: KVM_RUN; emulate what came back; KVM_RUN again. */
    private Step kvmRun(Libc c, State s, int vcpuFd) {
        return c.sys(new KvmCalls.Run(vcpuFd), r -> {
            if (r.failed()) {
                if (r.errno() == dev.syssim.sim.os.Errno.EINTR) return kvmRun(c, s, vcpuFd);
                return parked(c);
            }
            VmExit exit = r.data() instanceof VmExit e ? e : null;
            if (exit == null) return kvmRun(c, s, vcpuFd);
            return c.compute(2_000, "QEMU emulates " + exit.what() + ": " + exit.emulation(), () -> {
                exit.emulate().run();
                if (!exit.wakesMainLoop()) return kvmRun(c, s, vcpuFd);
                return c.sys(new Syscall.Write(s.notifierFd, EventFd.value(1)), w -> kvmRun(c, s, vcpuFd));
            });
        });
    }

    /** The VM is gone: the thread waits for the process to end. */
    private static Step parked(Libc c) {
        return c.sys(new Syscall.Pause(), r -> parked(c));
    }

    // ---- running ----

    private Step started(Libc c, State s) {
        QemuOptions o = s.options;
        if (!o.nographic && !o.displayNone && !o.daemonize) {
            c.eprint("qemu: module ui-ui-gtk not found, do you want to install qemu-system-gui package?\n"
                    + "qemu: module ui-ui-sdl not found, do you want to install qemu-system-gui package?\n");
            c.print("VNC server running on 127.0.0.1:5900\n");
            c.flushStdout();
        }
        Runnable onSignal = () -> { };
        return c.sys(new Syscall.Sigaction(Signal.SIGTERM, () -> s.terminating = Signal.SIGTERM),
                a -> c.sys(new Syscall.Sigaction(Signal.SIGINT, () -> s.terminating = Signal.SIGINT),
                        b -> c.sys(new Syscall.Sigaction(Signal.SIGHUP, () -> s.terminating = Signal.SIGHUP), h -> {
                            onSignal.run();
                            return mainLoop(c, s);
                        })));
    }

    /** QEMU's main loop: wait for an eventfd, read it, do the devices' jobs. */
    private Step mainLoop(Libc c, State s) {
        if (s.terminating != null) {
            c.eprint(NAME + ": terminating on signal " + s.terminating.number() + "\n");
            return c.exit(0);
        }
        if (s.vm.shutdownRequested()) return c.exit(0);
        return c.sys(new KvmCalls.Ppoll(s.pollFds), r -> {
            if (r.failed()) return mainLoop(c, s);
            int[] revents = KvmCalls.Ppoll.revents(r);
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < revents.length; i++) if (revents[i] != 0) ready.add(s.pollFds.get(i));
            return readEventFds(c, ready, 0, () -> jobs(c, s, s.vm.takeJobs(), 0));
        });
    }

    private Step readEventFds(Libc c, List<Integer> fds, int i, Supplier<Step> then) {
        if (i == fds.size()) return then.get();
        return c.sys(new Syscall.Read(fds.get(i), 8), r -> readEventFds(c, fds, i + 1, then));
    }

    private Step jobs(Libc c, State s, List<QemuWork.Job> jobs, int i) {
        if (i == jobs.size()) {
            List<QemuWork.Job> more = s.vm.takeJobs();
            return more.isEmpty() ? mainLoop(c, s) : jobs(c, s, more, 0);
        }
        return work(c, jobs.get(i).work(), 0, () -> jobs(c, s, jobs, i + 1));
    }

    /** Does a device's work item by item, with the syscalls each needs. */
    static Step work(Libc c, List<QemuWork> items, int from, Supplier<Step> then) {
        int i = from;
        while (i < items.size() && items.get(i) instanceof QemuWork.Effect e) {
            e.action().run();
            i++;
        }
        if (i == items.size()) return then.get();
        int next = i + 1;
        QemuWork w = items.get(i);
        if (w instanceof QemuWork.Compute cmp) return c.compute(cmp.nanos(), "QEMU: " + cmp.label(), () -> work(c, items, next, then));
        if (w instanceof QemuWork.ReadImage ri) {
            return c.sys(new KvmCalls.Pread64(ri.fd(), ri.count(), ri.offset()), r -> work(c, items, next, then));
        }
        if (w instanceof QemuWork.RaiseIrqLine l) {
            return c.sys(new KvmCalls.IrqLineStatus(l.vmFd(), l.gsi(), 1),
                    r -> c.sys(new KvmCalls.IrqLineStatus(l.vmFd(), l.gsi(), 0), r2 -> work(c, items, next, then)));
        }
        if (w instanceof QemuWork.SignalMsi m) return c.sys(new KvmCalls.SignalMsi(m.vmFd(), m.gsi()), r -> work(c, items, next, then));
        if (w instanceof QemuWork.SignalIrqfd f) return c.sys(new Syscall.Write(f.fd(), EventFd.value(1)), r -> work(c, items, next, then));
        if (w instanceof QemuWork.WriteFd wf) return c.sys(new Syscall.Write(wf.fd(), wf.data()), r -> work(c, items, next, then));
        if (w instanceof QemuWork.ReadFd rf) return c.sys(new Syscall.Read(rf.fd(), rf.count()), r -> work(c, items, next, then));
        throw new IllegalStateException("unknown QEMU work " + w);
    }

    @Override
    public String manual() {
        return "qemu-system-x86_64 [options] [disk_image]\n"
                + "  QEMU, the machine emulator: with -enable-kvm the guest runs on the CPU under KVM, and QEMU emulates its devices.\n"
                + "  -enable-kvm, -accel kvm  use KVM   -m SIZE  guest RAM (default 128M)   -smp N  vCPUs   -cpu MODEL  qemu64 (default) or host\n"
                + "  -drive file=F[,format=qcow2|raw][,if=ide|virtio]   -hda F   -machine pc|q35   -name NAME\n"
                + "  -nic bridge,br=virbr0[,model=e1000|virtio-net-pci]   -nographic (serial console on the terminal)   -display none   -daemonize\n"
                + "  --version";
    }

    @Override
    public String source() {
        return "QEMU 7.2";
    }
}
