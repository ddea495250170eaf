package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What makes a guest leave non-root mode, counted per exit reason: a guest syscall stays in the
 * guest; a disk read exits to QEMU with port I/O on IDE, with MMIO on AHCI, and with one doorbell
 * write (an ioeventfd, EPT_MISCONFIG) on virtio-blk; an idle guest halts.
 */
class VmExitTest {

    /** A booted guest on a fresh laptop, its disk on {@code bus}, the page cache warm for cat. */
    private record Guest(Terminal.Fixture f, Machine machine, VirtualMachine vm) {
        static Guest boot(String bus) {
            Terminal.Fixture f = Terminal.laptop();
            Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", bus, 512);
            assertNotNull(g, "the guest boots from its " + bus + " disk");
            VirtualMachine vm = Kvm.of(f.laptop().kernel()).vms().get(0);
            Guest guest = new Guest(f, g, vm);
            guest.run("cat /etc/motd >/dev/null");
            return guest;
        }

        CommandRun.Result run(String command) {
            CommandRun.Result r = Virtualization.runInGuest(f.world(), machine, command, 5_000_000);
            assertEquals(0, r.status(), command + ": " + r.stderrText());
            return r;
        }

        /** The exits {@code command} caused, by reason. */
        Map<ExitReason, Long> exitsOf(String command) {
            Map<ExitReason, Long> before = snapshot();
            run(command);
            Map<ExitReason, Long> out = new EnumMap<>(ExitReason.class);
            snapshot().forEach((reason, n) -> {
                long d = n - before.getOrDefault(reason, 0L);
                if (d != 0) out.put(reason, d);
            });
            return out;
        }

        Map<ExitReason, Long> snapshot() {
            Map<ExitReason, Long> out = new EnumMap<>(ExitReason.class);
            vm.stats().byReason().forEach((reason, t) -> out.put(reason, t.count()));
            return out;
        }
    }

    private static final String COLD_READ = "echo 3 > /proc/sys/vm/drop_caches; cat /etc/motd > /dev/null";

    private static long all(Map<ExitReason, Long> exits) {
        return exits.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void guestSyscallsDoNotExitOnlyTheIdleGuestHalts() {
        Guest g = Guest.boot("virtio");
        Map<ExitReason, Long> exits = g.exitsOf("cat /etc/motd > /dev/null; cat /etc/motd > /dev/null");
        // dozens of syscalls (execve, openat, read, write, exit_group ...) and not one exit: the
        // guest kernel handles them in non-root mode; the only exit is the HLT once nothing runs
        exits.remove(ExitReason.HLT);
        assertEquals(Map.of(), exits);
    }

    @Test
    void anEmulatedIdeDiskReadExitsOnPortIoManyTimes() {
        Map<ExitReason, Long> exits = Guest.boot("ide").exitsOf(COLD_READ);
        assertTrue(exits.getOrDefault(ExitReason.IO_INSTRUCTION, 0L) >= 10, "the ATA driver programs the controller by in/out: " + exits);
        assertEquals(0L, exits.getOrDefault(ExitReason.EPT_MISCONFIG, 0L), "no MMIO on IDE: " + exits);
    }

    @Test
    void anAhciDiskReadExitsOnMmio() {
        Map<ExitReason, Long> exits = Guest.boot("ahci").exitsOf(COLD_READ);
        assertTrue(exits.getOrDefault(ExitReason.EPT_MISCONFIG, 0L) >= 4, "AHCI's registers are memory-mapped: " + exits);
        assertEquals(0L, exits.getOrDefault(ExitReason.IO_INSTRUCTION, 0L), exits.toString());
    }

    @Test
    void aVirtioDiskReadExitsOncePerRequestAndFarLessThanIde() {
        Map<ExitReason, Long> virtio = Guest.boot("virtio").exitsOf(COLD_READ);
        Map<ExitReason, Long> ide = Guest.boot("ide").exitsOf(COLD_READ);
        assertEquals(0L, virtio.getOrDefault(ExitReason.IO_INSTRUCTION, 0L), "virtio needs no port I/O: " + virtio);
        assertTrue(virtio.getOrDefault(ExitReason.EPT_MISCONFIG, 0L) >= 1, "the doorbell write (an ioeventfd) exits: " + virtio);
        virtio.remove(ExitReason.HLT);
        ide.remove(ExitReason.HLT);
        assertTrue(all(ide) >= 5 * all(virtio), "ide " + ide + " vs virtio " + virtio);
    }

    @Test
    void anIdleGuestHaltsAndTheTimerWakesItWithoutExits() {
        Guest g = Guest.boot("virtio");
        Map<ExitReason, Long> before = g.snapshot();
        long injectionsBefore = g.vm.vcpu(0).stats().kvmCounters().get("irq_injections");
        long start = g.f.world().timeline().now();
        g.f.world().runUntil(() -> g.f.world().timeline().now() >= start + 2_000_000_000L, 5_000_000);
        Map<ExitReason, Long> after = g.snapshot();
        // halted in KVM: nothing exits while the guest sleeps; its timer interrupts are injected into the halted vCPU
        long exits = 0;
        for (Map.Entry<ExitReason, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (e.getKey() != ExitReason.HLT) exits += d;
        }
        assertEquals(0, exits, "an idle guest exits only by HLT: " + before + " -> " + after);
        assertEquals(Vcpu.State.HALTED, g.vm.vcpu(0).state());
        assertTrue(g.vm.vcpu(0).stats().kvmCounters().get("irq_injections") >= injectionsBefore);
    }
}
