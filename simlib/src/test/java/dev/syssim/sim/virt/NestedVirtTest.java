package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import org.junit.jupiter.api.Test;

/**
 * Nested virtualization, one level: QEMU's default CPU (qemu64) has no VMX, so a guest's QEMU gets
 * KVM's error; with {@code -cpu host} on a host whose KVM allows nesting the guest has VMX and
 * /dev/kvm and runs a guest of its own, and each time that inner guest resumes after an exit, the
 * middle guest's VMRESUME exits to the host.
 */
class NestedVirtTest {

    @Test
    void aGuestWithoutVmxHasNoKvmAndQemuSaysSo() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512);
        assertNotNull(g);
        CommandRun.Result r = Virtualization.runInGuest(f.world(), g, "grep -c vmx /proc/cpuinfo; qemu-system-x86_64 -enable-kvm -m 64 -display none",
                2_000_000);
        assertEquals("0\n", r.stdoutText());
        assertEquals("Could not access KVM kernel module: No such file or directory\n"
                + "qemu-system-x86_64: failed to initialize kvm: No such file or directory\n", r.stderrText());
        assertEquals(1, r.status());
    }

    @Test
    void withCpuHostTheGuestRunsAGuestOfItsOwn() {
        Terminal.Fixture f = Terminal.laptop();
        Machine l1 = Virtualization.startGuest(f.world(), f.laptop(), "l1", "virtio", 2048, "-cpu", "host");
        assertNotNull(l1);
        assertEquals("crw-rw---- root kvm\n1\n",
                Virtualization.runInGuest(f.world(), l1, "ls -l /dev/kvm | cut -d' ' -f1,3,4; grep -c vmx /proc/cpuinfo", 2_000_000).stdoutText());
        VirtualMachine outer = Kvm.of(f.laptop().kernel()).vms().get(0);
        long resumes = outer.stats().count(ExitReason.VMRESUME);
        Machine l2 = Virtualization.startGuest(f.world(), l1, "l2", "virtio", 256);
        assertNotNull(l2, "the nested guest boots");
        assertEquals("l2\n", Virtualization.runInGuest(f.world(), l2, "hostname", 2_000_000).stdoutText());
        assertTrue(outer.stats().count(ExitReason.VMRESUME) > resumes, "L1's VMRESUMEs exit to the host");
    }
}
