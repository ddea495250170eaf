package dev.syssim.sim.virt;

import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.StraceText;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitQueue;
import java.util.List;

/**
 * The syscalls a VMM makes, as strace prints them: the KVM ioctls on {@code /dev/kvm}, a VM's file
 * and a vCPU's file (include/uapi/linux/kvm.h), and the few other calls QEMU's threads live on —
 * eventfd2, ppoll, pread64, and the mmap of guest RAM. Each checks what Linux checks: the ioctl on
 * the wrong kind of file is ENOTTY, an unknown descriptor EBADF.
 */
public final class KvmCalls {

    /** Addresses strace prints for a struct it does not decode. */
    private static final String STACK_STRUCT = "0x7ffd5c2b1380";

    private KvmCalls() {
    }

    private static <T extends FileOps> T file(Process p, int fd, Class<T> kind) {
        OpenFile f = p.fds().get(fd);
        return f != null && kind.isInstance(f.ops()) ? kind.cast(f.ops()) : null;
    }

    private static Outcome wrongFile(Process p, int fd) {
        return p.fds().get(fd) == null ? Outcome.error(Errno.EBADF, Costs.SYSCALL) : Outcome.error(Errno.ENOTTY, Costs.SYSCALL);
    }

    /** The VM behind QEMU's descriptor {@code vmFd}, or null. */
    public static VirtualMachine vm(Process p, int vmFd) {
        Kvm.VmFile f = file(p, vmFd, Kvm.VmFile.class);
        return f == null ? null : f.vm();
    }

    /** The vCPU behind QEMU's descriptor {@code vcpuFd}, or null. */
    public static Vcpu vcpu(Process p, int vcpuFd) {
        Kvm.VcpuFile f = file(p, vcpuFd, Kvm.VcpuFile.class);
        return f == null ? null : f.vcpu();
    }

    /** The eventfd behind {@code fd}, or null. */
    public static EventFd eventFd(Process p, int fd) {
        return file(p, fd, EventFd.class);
    }

    private static int install(Process p, FileOps ops, String path) {
        return p.fds().install(new OpenFile(ops, null, path, OpenFlags.O_RDWR | OpenFlags.O_CLOEXEC, null), true, p.fdLimit());
    }

    // ---- /dev/kvm ----

    public record GetApiVersion(int fd) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            return file(p, fd, Kvm.SystemFile.class) == null ? wrongFile(p, fd) : Outcome.ok(Kvm.API_VERSION, Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) { return fd + ", KVM_GET_API_VERSION, 0"; }
    }

    public record CreateVm(int fd) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            Kvm.SystemFile sys = file(p, fd, Kvm.SystemFile.class);
            if (sys == null) return wrongFile(p, fd);
            VirtualMachine vm = sys.createVm(p);
            int vmFd = install(p, new Kvm.VmFile(vm), "anon_inode:kvm-vm");
            if (vmFd < 0) return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
            return Outcome.done(SysResult.ok(vmFd, vm), Costs.SYSCALL * 20);
        }
        public String straceArgs(SysResult r) { return fd + ", KVM_CREATE_VM, 0"; }
    }

    // ---- a VM ----

    public record CreateIrqchip(int vmFd) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            return vm(p, vmFd) == null ? wrongFile(p, vmFd) : Outcome.ok(0, Costs.SYSCALL * 4);
        }
        public String straceArgs(SysResult r) { return vmFd + ", KVM_CREATE_IRQCHIP, 0"; }
    }

    /** KVM_SET_USER_MEMORY_REGION: guest-physical memory from {@code guestPhysical} is QEMU's memory at {@code userspaceAddress}. */
    public record SetUserMemoryRegion(int vmFd, int slot, long guestPhysical, long size, long userspaceAddress) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            VirtualMachine vm = vm(p, vmFd);
            if (vm == null) return wrongFile(p, vmFd);
            vm.setMemory(new VirtualMachine.MemorySlot(slot, guestPhysical, size, userspaceAddress));
            return Outcome.ok(0, Costs.SYSCALL * 2);
        }
        public String straceArgs(SysResult r) {
            return vmFd + ", KVM_SET_USER_MEMORY_REGION, {slot=" + slot + ", flags=0, guest_phys_addr="
                    + (guestPhysical == 0 ? "0" : "0x" + Long.toHexString(guestPhysical)) + ", memory_size=" + size
                    + ", userspace_addr=0x" + Long.toHexString(userspaceAddress) + "}";
        }
    }

    public record CreateVcpu(int vmFd, int id) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            VirtualMachine vm = vm(p, vmFd);
            if (vm == null) return wrongFile(p, vmFd);
            if (vm.vcpu(id) != null) return Outcome.error(Errno.EEXIST, Costs.SYSCALL);
            Vcpu vcpu = vm.createVcpu(id);
            vcpu.setThread(p);
            int fd = install(p, new Kvm.VcpuFile(vcpu), "anon_inode:kvm-vcpu:" + id);
            return Outcome.done(SysResult.ok(fd, vcpu), Costs.SYSCALL * 10);
        }
        public String straceArgs(SysResult r) { return vmFd + ", KVM_CREATE_VCPU, " + id; }
    }

    /** KVM_IOEVENTFD: the guest's write to {@code address} signals the eventfd {@code eventFd} inside KVM. */
    public record Ioeventfd(int vmFd, int eventFd, long address) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            VirtualMachine vm = vm(p, vmFd);
            EventFd e = KvmCalls.eventFd(p, eventFd);
            if (vm == null) return wrongFile(p, vmFd);
            if (e == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            vm.ioeventfd(address, e);
            return Outcome.ok(0, Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) { return vmFd + ", KVM_IOEVENTFD, " + STACK_STRUCT; }
    }

    /** KVM_IRQFD: a write to {@code eventFd} raises {@code gsi} in the guest. */
    public record Irqfd(int vmFd, int eventFd, int gsi) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            VirtualMachine vm = vm(p, vmFd);
            EventFd e = KvmCalls.eventFd(p, eventFd);
            if (vm == null) return wrongFile(p, vmFd);
            if (e == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            vm.irqfd(e, gsi);
            return Outcome.ok(0, Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) { return vmFd + ", KVM_IRQFD, " + STACK_STRUCT; }
    }

    /** KVM_IRQ_LINE_STATUS: QEMU sets a legacy interrupt line (the IDE controller's IRQ 14). */
    public record IrqLineStatus(int vmFd, int gsi, int level) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            VirtualMachine vm = vm(p, vmFd);
            if (vm == null) return wrongFile(p, vmFd);
            if (level == 1) vm.raise(gsi);
            return Outcome.ok(0, Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) { return vmFd + ", KVM_IRQ_LINE_STATUS, " + STACK_STRUCT; }
    }

    /** KVM_SIGNAL_MSI: QEMU sends a message-signalled interrupt. */
    public record SignalMsi(int vmFd, int gsi) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            VirtualMachine vm = vm(p, vmFd);
            if (vm == null) return wrongFile(p, vmFd);
            vm.raise(gsi);
            return Outcome.ok(1, Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) { return vmFd + ", KVM_SIGNAL_MSI, " + STACK_STRUCT; }
    }

    // ---- a vCPU ----

    /** KVM_RUN: run the guest on this vCPU until an exit QEMU must handle; the result's data is that {@link VmExit}. */
    public record Run(int vcpuFd) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            Vcpu v = vcpu(p, vcpuFd);
            return v == null ? wrongFile(p, vcpuFd) : v.kvmRun(p);
        }
        public String straceArgs(SysResult r) { return vcpuFd + ", KVM_RUN, 0"; }
    }

    // ---- QEMU's other calls ----

    /**
     * What QEMU's block layer makes of an open image file: its format, size and backing chain, and
     * the guest's contents (the simulation's stand-in for the file systems inside the clusters). Not
     * a syscall of Linux — QEMU parses the bytes itself — so it is invisible to strace and traces.
     */
    public record ImageOf(int fd) implements Syscall {
        public String name() { return "fstat"; }
        public Outcome enter(Kernel k, Process p) {
            OpenFile f = p.fds().get(fd);
            if (f == null || f.location() == null) return Outcome.error(Errno.EBADF, 0);
            return Outcome.done(SysResult.ok(0, DiskImages.of(k).of(f.location().inode())), 0);
        }
        public String straceArgs(SysResult r) { return Integer.toString(fd); }
        public boolean quiet() { return true; }
    }

    /**
     * A tap on {@code bridge} for a guest's NIC: what {@code openat("/dev/net/tun")} and
     * {@code ioctl(TUNSETIFF)} do, with the bridge helper's (or libvirtd's) {@code ip link set
     * vnetN master BRIDGE up}. The tap is named {@code prefix} and the first free number
     * ({@code vnet0}: libvirt's name, with the guest's MAC behind {@code fe:}; {@code tap0}: QEMU's
     * bridge helper's, a random MAC). ENODEV without the bridge.
     * Simplification: one call where Linux has several, and no permission check (the real helper is
     * setuid root and allows the bridges /etc/qemu/bridge.conf lists; libvirtd is root).
     */
    public record OpenTap(String bridge, String prefix, String guestMac) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) {
            dev.syssim.sim.net.stack.NetStack stack = dev.syssim.sim.net.stack.NetStack.of(k);
            dev.syssim.sim.net.stack.Interface br = stack == null ? null : stack.interfaceNamed(bridge);
            if (br == null || br.kind() != dev.syssim.sim.net.stack.LinkKind.BRIDGE) return Outcome.error(Errno.ENODEV, Costs.SYSCALL);
            int n = 0;
            while (stack.interfaceNamed(prefix + n) != null) n++;
            dev.syssim.sim.net.stack.Interface tap = stack.addTap(prefix + n);
            // libvirt gives its taps the guest's MAC with fe: in front (the bridge never takes a tap's address as its own)
            if (prefix.equals("vnet")) stack.setMac(tap, "fe" + guestMac.substring(2));
            stack.enslave(tap, br);
            stack.setLinkUp(tap, true);
            TapFile file = new TapFile(tap);
            int fd = install(p, file, "/dev/net/tun");
            return fd < 0 ? Outcome.error(Errno.EMFILE, Costs.SYSCALL) : Outcome.done(SysResult.ok(fd, file), Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) {
            return (r.failed() ? "-1" : Long.toString(r.value())) + ", TUNSETIFF, {ifr_name=\"" + prefix + "%d\", ifr_flags=IFF_TAP|IFF_NO_PI|IFF_VNET_HDR}";
        }
    }

    /** eventfd2(0, EFD_CLOEXEC). */
    public record Eventfd2() implements Syscall {
        public String name() { return "eventfd2"; }
        public Outcome enter(Kernel k, Process p) {
            EventFd e = new EventFd(k);
            int fd = install(p, e, "anon_inode:[eventfd]");
            return fd < 0 ? Outcome.error(Errno.EMFILE, Costs.SYSCALL) : Outcome.done(SysResult.ok(fd, e), Costs.SYSCALL);
        }
        public String straceArgs(SysResult r) { return "0, EFD_CLOEXEC"; }
    }

    /** ppoll(fds, n, NULL, NULL, 8): sleep until one of the eventfds or taps is readable. */
    public record Ppoll(List<Integer> fds) implements Syscall {
        public Ppoll {
            fds = List.copyOf(fds);
        }
        public String name() { return "ppoll"; }
        public Outcome enter(Kernel k, Process p) {
            return poll(k, p, new WaitQueue("do_sys_poll"));
        }
        private Outcome poll(Kernel k, Process p, WaitQueue q) {
            int[] revents = new int[fds.size()];
            int ready = 0;
            for (int i = 0; i < fds.size(); i++) {
                OpenFile f = p.fds().get(fds.get(i));
                if (f == null) {
                    revents[i] = 0x020; // POLLNVAL
                } else if (f.ops() instanceof Pollable pollable && pollable.readable()) {
                    revents[i] = Pollable.POLLIN;
                }
                if (revents[i] != 0) ready++;
            }
            if (ready > 0) return Outcome.done(SysResult.ok(ready, revents), Costs.SYSCALL);
            for (int fd : fds) {
                OpenFile f = p.fds().get(fd);
                if (f != null && f.ops() instanceof Pollable pollable) pollable.watch(q);
            }
            return new Outcome.Blocked(q, "do_sys_poll", () -> poll(k, p, q));
        }
        public String straceArgs(SysResult r) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < fds.size(); i++) b.append(i > 0 ? ", " : "").append("{fd=").append(fds.get(i)).append(", events=POLLIN}");
            return b.append("], ").append(fds.size()).append(", NULL, NULL, 8").toString();
        }
        public String straceResult(SysResult r) {
            if (r.failed()) return r.errno().straceResult();
            int[] revents = revents(r);
            StringBuilder b = new StringBuilder().append(r.value()).append(" ([");
            boolean first = true;
            for (int i = 0; i < fds.size() && i < revents.length; i++) {
                if (revents[i] == 0) continue;
                b.append(first ? "" : ", ").append("{fd=").append(fds.get(i)).append(", revents=")
                        .append(revents[i] == Pollable.POLLIN ? "POLLIN" : "POLLNVAL").append('}');
                first = false;
            }
            return b.append("])").toString();
        }
        /** The revents of each descriptor, in the order asked. */
        public static int[] revents(SysResult r) {
            return r.data() instanceof int[] a ? a : new int[0];
        }
    }

    /** pread64(fd, buf, count, offset): read at an offset without moving the file's position. */
    public record Pread64(int fd, int count, long offset) implements Syscall {
        public String name() { return "pread64"; }
        public Outcome enter(Kernel k, Process p) {
            OpenFile f = p.fds().get(fd);
            if (f == null || !f.readable()) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            long saved = f.offset();
            f.setOffset(offset);
            return restore(f.ops().read(k, p, f, count), f, saved);
        }
        private Outcome restore(Outcome o, OpenFile f, long saved) {
            if (o instanceof Outcome.Blocked b) {
                f.setOffset(saved);
                return new Outcome.Blocked(b.queue(), b.reason(), () -> {
                    long again = f.offset();
                    f.setOffset(offset);
                    return restore(b.retry().get(), f, again);
                });
            }
            f.setOffset(saved);
            return o;
        }
        public String straceArgs(SysResult r) {
            String buffer = r == null || r.failed() ? "0x7f3a1c000000" : StraceText.quote(r.bytes());
            return fd + ", " + buffer + ", " + count + ", " + offset;
        }
    }

    /**
     * The guest's RAM: mmap(NULL, size, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE,
     * -1, 0). It counts as the VMM's memory (simplification: at once, as if the guest had touched
     * all of it); Linux's overcommit heuristic refuses a mapping larger than the machine's RAM.
     */
    public record MmapGuestRam(long size) implements Syscall {
        public static final long ADDRESS = 0x7f3a0be00000L;
        public String name() { return "mmap"; }
        public Outcome enter(Kernel k, Process p) {
            if (size / 1024 > k.memoryKiB()) return Outcome.error(Errno.ENOMEM, Costs.SYSCALL);
            p.threadGroupLeader().mapMemory(size / 1024);
            return Outcome.ok(ADDRESS, Costs.SYSCALL * 4);
        }
        public String straceArgs(SysResult r) {
            return "NULL, " + size + ", PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0";
        }
        public String straceResult(SysResult r) {
            return r.failed() ? r.errno().straceResult() : "0x" + Long.toHexString(r.value());
        }
    }
}
