package dev.syssim.kernel.display;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.Trace;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;

/** Traces recorded through {@link Trace} as the simulator records them. */
final class TraceFixtures {

    private TraceFixtures() {
    }

    /** {@code cat /etc/motd} at level full: about thirty events, the size of a typical lecture cell. */
    static TraceSnapshot catMotd() {
        Trace trace = new Trace(500, 500);
        trace.setLevel(TraceLevel.FULL);
        Lane cat = Lane.process("laptop", "cat", 1204);
        Lane kernel = Lane.kernel("laptop");
        Lane disk = Lane.device("laptop", "disk");
        Lane console = Lane.device("laptop", "console");
        long t = 0;
        long exec = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "execve(\"/bin/cat\", [\"cat\", \"/etc/motd\"], envp)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.MEMORY, "load /bin/cat into cat[1204]'s memory", "", exec);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.MODE_SWITCH, "drop privileges: kernel -> user", "", exec);
        trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 0", "", exec);
        String[][] calls = {{"openat(AT_FDCWD, \"/etc/motd\", O_RDONLY)", "= 3"}, {"read(3, 0x7ffd5000, 131072)", "= 24"},
            {"write(1, \"Welcome to laptop!\\n...\", 24)", "= 24"}, {"read(3, 0x7ffd5000, 131072)", "= 0"}, {"close(3)", "= 0"}};
        for (String[] call : calls) {
            trace.record(t += 1000, cat, CpuMode.USER, EventKind.COMPUTE, "compute (800 instructions)", "", TraceEvent.NO_CAUSE);
            long enter = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, call[0], "", TraceEvent.NO_CAUSE);
            if (call[1].equals("= 24") && call[0].startsWith("read")) {
                long request = trace.record(t += 1000, disk, CpuMode.NONE, EventKind.DEVICE_REQUEST, "read block 2048 (4096 bytes)", "", enter);
                trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.BLOCK, "cat[1204] sleeps until the disk answers", "", enter);
                long irq = trace.record(t += 3_000_000, disk, CpuMode.NONE, EventKind.INTERRUPT, "IRQ 14 (disk): block 2048 ready", "", request);
                trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.MEMORY, "copy 24 bytes into cat[1204]'s buffer", "", irq);
                trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.WAKE, "cat[1204] is runnable", "", irq);
            }
            if (call[0].startsWith("write")) {
                trace.record(t += 1000, console, CpuMode.NONE, EventKind.DEVICE_REQUEST, "24 bytes to the terminal", "", enter);
            }
            trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, call[1], "", enter);
        }
        long exit = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "exit_group(0)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.PROCESS, "exit: cat[1204] exits with status 0", "", exit);
        trace.record(t + 1000, kernel, CpuMode.KERNEL, EventKind.MEMORY, "free cat[1204]'s memory", "", exit);
        return trace.snapshot();
    }

    /**
     * A long simulation: 100,000 events of two processes taking turns on a core, writing, with
     * timer interrupts, recorded through a bounded trace that keeps {@code head} and {@code tail}.
     */
    static TraceSnapshot hundredThousandEvents(int head, int tail) {
        Trace trace = new Trace(head, tail);
        trace.setLevel(TraceLevel.FULL);
        Lane[] procs = {Lane.process("laptop", "yes", 1301), Lane.process("laptop", "spin", 1302)};
        Lane kernel = Lane.kernel("laptop");
        Lane timer = Lane.device("laptop", "timer");
        Lane console = Lane.device("laptop", "console");
        long t = 0;
        int turn = 0;
        while (trace.total() < 100_000) {
            Lane p = procs[turn % 2];
            long w = trace.record(t += 1000, p, CpuMode.USER, EventKind.SYSCALL_ENTER, "write(1, \"y\\ny\\n...\", 4096)", "", TraceEvent.NO_CAUSE);
            trace.record(t += 100, console, CpuMode.NONE, EventKind.DEVICE_REQUEST, "4096 bytes to the terminal", "", w);
            trace.record(t += 100, p, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 4096", "", w);
            if (t % 50_000 < 1300) {
                long irq = trace.record(t += 100, timer, CpuMode.NONE, EventKind.INTERRUPT, "IRQ 0 (timer): tick", "", TraceEvent.NO_CAUSE);
                trace.record(t += 100, kernel, CpuMode.KERNEL, EventKind.CONTEXT_SWITCH, p.name() + " -> " + procs[(turn + 1) % 2].name(), "", irq);
                turn++;
            }
        }
        return trace.snapshot();
    }
}
