package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.UserPrograms;
import org.junit.jupiter.api.Test;

/** Sharing cores: timer interrupts preempt, a blocked process gives its core away, affinity pins. */
class SchedulerTest {

    @Test
    void twoProgramsPinnedToOneCoreAlternateOnTimerInterrupts() throws Exception {
        var p = Probe.as("student");
        UserPrograms.install(p.fixture.laptop(), "spin", "compute 20ms\nexit 0\n", 1000, 1000);
        Kernel k = p.fixture.laptop().kernel();
        long ticksBefore = k.scheduler().core(0).interruptCount(Irq.LOCAL_TIMER);
        p.fixture.world().trace().setLevel(TraceLevel.INTERRUPTS);
        p.fixture.world().trace().clear();
        // the probe pins itself to cpu0, then starts two spins that inherit the pinning
        p.call(new Syscall.SchedSetaffinity(0, 1))
                .call(Syscall.Clone.fork(() -> Step.call(new Syscall.Execve("/usr/local/bin/spin", java.util.List.of("spin"), java.util.Map.of()), r -> Step.exit(1))))
                .call(Syscall.Clone.fork(() -> Step.call(new Syscall.Execve("/usr/local/bin/spin", java.util.List.of("spin"), java.util.Map.of()), r -> Step.exit(1))))
                .call(new Syscall.Wait4(-1, 0)).call(new Syscall.Wait4(-1, 0)).run();
        long ticks = k.scheduler().core(0).interruptCount(Irq.LOCAL_TIMER) - ticksBefore;
        assertTrue(ticks >= 8, "40 ms of work on one core takes about ten 4 ms ticks: " + ticks);
        long switches = p.fixture.world().trace().snapshot().keptEvents().stream()
                .filter(e -> e.kind() == EventKind.CONTEXT_SWITCH && e.label().startsWith("cpu0: spin[") && e.label().contains("-> spin[")).count();
        assertTrue(switches >= 4, "the two spins take turns on cpu0: " + switches);
    }

    @Test
    void aProcessWaitingForTheDiskLeavesItsCoreIdle() {
        var p = Probe.as("student");
        p.fixture.world().trace().setLevel(TraceLevel.FULL);
        p.fixture.world().trace().clear();
        p.call(new Syscall.OpenAt("/etc/motd", OpenFlags.O_RDONLY)).call(prev -> new Syscall.Read(prev.get(0).intValue(), 1000)).run();
        var events = p.fixture.world().trace().snapshot().keptEvents();
        int sleep = indexOf(events, EventKind.BLOCK, "sleeps: disk I/O");
        int idle = indexOf(events, EventKind.CONTEXT_SWITCH, "probe[", sleep);
        int irq = indexOf(events, EventKind.INTERRUPT, "IRQ 14", sleep);
        assertTrue(sleep >= 0 && idle > sleep && irq > idle, "sleep, the core leaves the process, then the disk interrupt: " + sleep + " " + idle + " " + irq);
        assertTrue(events.get(idle).label().endsWith("-> idle"), events.get(idle).label());
    }

    @Test
    void theSecondReadComesFromThePageCache() {
        var p = Probe.as("student");
        Kernel k = p.fixture.laptop().kernel();
        long before = k.disk().reads();
        p.call(new Syscall.OpenAt("/etc/motd", OpenFlags.O_RDONLY)).call(prev -> new Syscall.Read(prev.get(0).intValue(), 1000))
                .call(new Syscall.OpenAt("/etc/motd", OpenFlags.O_RDONLY)).call(prev -> new Syscall.Read(prev.get(2).intValue(), 1000)).run();
        assertEquals(1, k.disk().reads() - before);
    }

    private static int indexOf(java.util.List<TraceEvent> events, EventKind kind, String text) {
        return indexOf(events, kind, text, 0);
    }

    private static int indexOf(java.util.List<TraceEvent> events, EventKind kind, String text, int from) {
        for (int i = Math.max(0, from); i < events.size(); i++) if (events.get(i).kind() == kind && events.get(i).label().contains(text)) return i;
        return -1;
    }
}
