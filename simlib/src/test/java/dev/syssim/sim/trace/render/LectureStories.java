package dev.syssim.sim.trace.render;

import static dev.syssim.sim.trace.CpuMode.HYPERVISOR;
import static dev.syssim.sim.trace.CpuMode.KERNEL;
import static dev.syssim.sim.trace.CpuMode.NONE;
import static dev.syssim.sim.trace.CpuMode.USER;
import static dev.syssim.sim.trace.EventKind.COMPUTE;
import static dev.syssim.sim.trace.EventKind.CONTEXT_SWITCH;
import static dev.syssim.sim.trace.EventKind.DEVICE_REQUEST;
import static dev.syssim.sim.trace.EventKind.EXCEPTION;
import static dev.syssim.sim.trace.EventKind.FIREWALL;
import static dev.syssim.sim.trace.EventKind.INTERRUPT;
import static dev.syssim.sim.trace.EventKind.LOG;
import static dev.syssim.sim.trace.EventKind.MEMORY;
import static dev.syssim.sim.trace.EventKind.MODE_SWITCH;
import static dev.syssim.sim.trace.EventKind.PACKET;
import static dev.syssim.sim.trace.EventKind.PROCESS;
import static dev.syssim.sim.trace.EventKind.SIGNAL;
import static dev.syssim.sim.trace.EventKind.SYSCALL_ENTER;
import static dev.syssim.sim.trace.EventKind.SYSCALL_EXIT;
import static dev.syssim.sim.trace.EventKind.BLOCK;
import static dev.syssim.sim.trace.EventKind.VM_ENTRY;
import static dev.syssim.sim.trace.EventKind.VM_EXIT;
import static dev.syssim.sim.trace.EventKind.WAKE;
import static dev.syssim.sim.trace.render.Story.START;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;

/**
 * The lecture's stories (STORYBOARD.md) written out by hand as the simulator should record them,
 * so the renderers can be checked before the simulator exists and against it afterwards.
 */
final class LectureStories {

    private LectureStories() {
    }

    /** {@code %trace full; cat /etc/motd}: the slide "a potential process flow", end to end. */
    static TraceSnapshot catMotd() {
        Lane bash = Lane.process("laptop", "bash", 1200);
        Lane cat = Lane.process("laptop", "cat", 1204);
        Lane kernel = Lane.kernel("laptop");
        Lane disk = Lane.device("laptop", "disk");
        Lane console = Lane.device("laptop", "console");
        Story s = new Story();
        long clone = s.add(0, bash, USER, SYSCALL_ENTER, "clone(child_stack=NULL, flags=SIGCHLD)", START);
        s.add(2, kernel, KERNEL, PROCESS, "fork: cat[1204] is a copy of bash[1200]", clone);
        s.add(4, bash, USER, SYSCALL_EXIT, "= 1204", clone);
        long exec = s.add(10, cat, USER, SYSCALL_ENTER, "execve(\"/bin/cat\", [\"cat\", \"/etc/motd\"], envp)", START);
        s.add(12, kernel, KERNEL, MEMORY, "load /bin/cat into cat[1204]'s memory", exec);
        s.add(30, kernel, KERNEL, MODE_SWITCH, "drop privileges: kernel -> user, jump to _start", exec);
        s.add(30, cat, USER, SYSCALL_EXIT, "= 0", exec);
        s.add(31, cat, USER, COMPUTE, "compute (12,000 instructions)", START);
        long open = s.add(43, cat, USER, SYSCALL_ENTER, "openat(AT_FDCWD, \"/etc/motd\", O_RDONLY)", START);
        s.add(45, cat, USER, SYSCALL_EXIT, "= 3", open);
        long read = s.add(46, cat, USER, SYSCALL_ENTER, "read(3, 0x7ffd5000, 131072)", START);
        long request = s.add(47, disk, NONE, DEVICE_REQUEST, "read block 2048 (4096 bytes)", read);
        s.add(48, kernel, KERNEL, BLOCK, "cat[1204] sleeps until the disk answers", read);
        s.add(49, kernel, KERNEL, CONTEXT_SWITCH, "cat[1204] -> idle", read);
        long irq = s.add(3049, disk, NONE, INTERRUPT, "IRQ 14 (disk): block 2048 ready", request);
        s.add(3050, kernel, KERNEL, MEMORY, "copy 24 bytes into cat[1204]'s buffer", irq);
        s.add(3051, kernel, KERNEL, WAKE, "cat[1204] is runnable", irq);
        s.add(3052, kernel, KERNEL, CONTEXT_SWITCH, "idle -> cat[1204]", irq);
        s.add(3053, kernel, KERNEL, MODE_SWITCH, "return to user mode", read);
        s.add(3053, cat, USER, SYSCALL_EXIT, "= 24", read);
        s.add(3054, cat, USER, COMPUTE, "compute (800 instructions)", START);
        long write = s.add(3055, cat, USER, SYSCALL_ENTER, "write(1, \"Welcome to laptop!\\n...\", 24)", START);
        s.add(3056, console, NONE, DEVICE_REQUEST, "24 bytes to the terminal", write);
        s.add(3057, cat, USER, SYSCALL_EXIT, "= 24", write);
        long eof = s.add(3058, cat, USER, SYSCALL_ENTER, "read(3, 0x7ffd5000, 131072)", START);
        s.add(3059, cat, USER, SYSCALL_EXIT, "= 0", eof);
        long close = s.add(3060, cat, USER, SYSCALL_ENTER, "close(3)", START);
        s.add(3061, cat, USER, SYSCALL_EXIT, "= 0", close);
        long exit = s.add(3062, cat, USER, SYSCALL_ENTER, "exit_group(0)", START);
        s.add(3063, kernel, KERNEL, PROCESS, "exit: cat[1204] exits with status 0", exit);
        s.add(3064, kernel, KERNEL, MEMORY, "free cat[1204]'s memory", exit);
        s.add(3065, bash, KERNEL, SIGNAL, "SIGCHLD", exit);
        return s.snapshot(TraceLevel.FULL);
    }

    /** {@code sneaky}: {@code cli} in user mode, #GP, SIGSEGV, and the process is gone. */
    static TraceSnapshot sneakyCli() {
        Lane bash = Lane.process("laptop", "bash", 1200);
        Lane sneaky = Lane.process("laptop", "sneaky", 1300);
        Lane kernel = Lane.kernel("laptop");
        Story s = new Story();
        s.add(0, sneaky, USER, COMPUTE, "compute 3", START);
        long gp = s.add(3, sneaky, USER, EXCEPTION, "#GP general protection fault (vector 13)", "cli in user mode", START);
        s.add(4, kernel, KERNEL, LOG, "traps: sneaky[1300] general protection fault ip:401003 sp:7ffc2a10 error:0", gp);
        long segv = s.add(5, sneaky, KERNEL, SIGNAL, "SIGSEGV", gp);
        long death = s.add(6, kernel, KERNEL, PROCESS, "exit: sneaky[1300] killed by SIGSEGV (status 139)", segv);
        s.add(7, kernel, KERNEL, MEMORY, "free sneaky[1300]'s memory", death);
        s.add(8, bash, KERNEL, SIGNAL, "SIGCHLD", death);
        return s.snapshot(TraceLevel.FULL);
    }

    /** {@code %trace interrupts; spin & spin & wait}: timer interrupts hand one core back and forth. */
    static TraceSnapshot twoSpinsOneCore() {
        Lane bash = Lane.process("laptop", "bash", 1200);
        Lane kernel = Lane.kernel("laptop");
        Lane timer = Lane.device("laptop", "timer");
        Story s = new Story();
        long wait = s.add(0, bash, USER, SYSCALL_ENTER, "wait4(-1, 0x7ffd3a0c, 0, NULL)", START);
        s.add(1, kernel, KERNEL, CONTEXT_SWITCH, "bash[1200] -> spin[1401]", wait);
        for (int tick = 1; tick <= 12; tick += 2) {
            long a = s.add(tick * 4000L, timer, NONE, INTERRUPT, "IRQ 0 (timer): tick", START);
            s.add(tick * 4000L + 2, kernel, KERNEL, CONTEXT_SWITCH, "spin[1401] -> spin[1402]", a);
            long b = s.add((tick + 1) * 4000L, timer, NONE, INTERRUPT, "IRQ 0 (timer): tick", START);
            s.add((tick + 1) * 4000L + 2, kernel, KERNEL, CONTEXT_SWITCH, "spin[1402] -> spin[1401]", b);
        }
        return s.snapshot(TraceLevel.INTERRUPTS);
    }

    /** {@code nc -zv -w 2 10.84.0.10 22} from offcampus: border's FORWARD rule 1 drops the SYN, twice. */
    static TraceSnapshot synDroppedAtBorder() {
        Lane nc = Lane.process("offcampus", "nc", 2001);
        Lane client = Lane.kernel("offcampus");
        Lane clientNic = Lane.device("offcampus", "eth0");
        Lane outside = new Lane("outside", LaneType.NETWORK, "203.0.113.0/24");
        Lane router = Lane.kernel("border");
        Lane forward = new Lane("border", LaneType.FIREWALL, "FORWARD");
        String syn = "TCP 203.0.113.50:40312 > 10.84.0.10:22 [SYN]";
        String rule = "DROP: -i eth0 -o eth1 -m conntrack --ctstate NEW";
        Story s = new Story();
        long connect = s.add(0, nc, USER, SYSCALL_ENTER,
                "connect(3, {sa_family=AF_INET, sin_port=htons(22), sin_addr=inet_addr(\"10.84.0.10\")}, 16)", START);
        long out = s.add(2, client, KERNEL, PACKET, "OUTPUT " + syn, connect);
        long send = s.add(3, clientNic, NONE, DEVICE_REQUEST, "send frame (74 bytes)", out);
        s.add(4, nc, USER, SYSCALL_EXIT, "= -1 EINPROGRESS (Operation now in progress)", connect);
        long poll = s.add(5, nc, USER, SYSCALL_ENTER, "poll([{fd=3, events=POLLOUT}], 1, 2000)", START);
        long wire = s.add(10, outside, NONE, PACKET, syn, send);
        long in = s.add(15, router, KERNEL, PACKET, "eth0 in, route via eth1: " + syn, wire);
        s.add(16, forward, KERNEL, FIREWALL, "filter:FORWARD:rule:1", rule, in);
        long retry = s.add(1_000_005, client, KERNEL, PACKET, "retransmit " + syn, poll);
        long send2 = s.add(1_000_006, clientNic, NONE, DEVICE_REQUEST, "send frame (74 bytes)", retry);
        long wire2 = s.add(1_000_011, outside, NONE, PACKET, syn, send2);
        long in2 = s.add(1_000_016, router, KERNEL, PACKET, "eth0 in, route via eth1: " + syn, wire2);
        s.add(1_000_017, forward, KERNEL, FIREWALL, "filter:FORWARD:rule:1", rule, in2);
        s.add(2_000_005, nc, USER, SYSCALL_EXIT, "= 0 (Timeout)", poll);
        return s.snapshot(TraceLevel.SYSCALLS);
    }

    /** {@code cat /etc/motd} inside guest1: the disk's I/O port exits to the host (reason 30). */
    static TraceSnapshot vmExitIoInstruction() {
        Lane cat = Lane.process("guest1", "cat", 301);
        Lane guest = Lane.kernel("guest1");
        Lane guestDisk = Lane.device("guest1", "disk (emulated)");
        Lane qemu = Lane.process("host", "qemu", 880);
        Lane host = Lane.kernel("host");
        Lane hostDisk = Lane.device("host", "disk");
        Lane kvm = new Lane("host", LaneType.HYPERVISOR, "kvm");
        Story s = new Story();
        long read = s.add(0, cat, USER, SYSCALL_ENTER, "read(3, 0x7ffd5000, 131072)", START);
        long out = s.add(2, guestDisk, NONE, DEVICE_REQUEST, "outb 0x1f7: read sectors", read);
        long exit = s.add(3, kvm, HYPERVISOR, VM_EXIT, "30 IO_INSTRUCTION (port 0x1f7, out)", out);
        long pread = s.add(5, qemu, USER, SYSCALL_ENTER, "pread64(12, 0x7f3a2000, 4096, 1048576)", exit);
        long block = s.add(6, hostDisk, NONE, DEVICE_REQUEST, "read block 90112 (guest1.img)", pread);
        long irq = s.add(2006, hostDisk, NONE, INTERRUPT, "IRQ 14 (disk): block 90112 ready", block);
        s.add(2007, host, KERNEL, MEMORY, "copy 4096 bytes into qemu[880]'s buffer", irq);
        s.add(2008, qemu, USER, SYSCALL_EXIT, "= 4096", pread);
        long entry = s.add(2010, kvm, HYPERVISOR, VM_ENTRY, "VMRESUME guest1, inject IRQ 14", exit);
        long virq = s.add(2011, guest, KERNEL, INTERRUPT, "IRQ 14 (virtual disk): sectors ready", entry);
        s.add(2012, guest, KERNEL, MEMORY, "copy 24 bytes into cat[301]'s buffer", virq);
        s.add(2013, guest, KERNEL, WAKE, "cat[301] is runnable", virq);
        s.add(2014, cat, USER, SYSCALL_EXIT, "= 24", read);
        return s.snapshot(TraceLevel.FULL);
    }
}
