package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A VM seen from both sides: the host sees one QEMU process (the guest's processes are not its
 * processes), the guest sees only its own, the guest's RAM is the QEMU process's memory, and
 * killing the VMM kills the guest.
 */
class VmIsolationTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

    private static CommandRun.Result onHost(Terminal.Fixture f, String command) {
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("/bin/bash", "-c", command), "root", "/", ENV, null), 5_000_000);
    }

    @Test
    void theHostSeesOneQemuProcessAndNoneOfTheGuests() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512);
        assertNotNull(g);
        Virtualization.runInGuest(f.world(), g, "sleep 100 &", 2_000_000);
        String host = onHost(f, "ps -e -o comm=").stdoutText();
        assertEquals(1, host.lines().filter(l -> l.equals("qemu-system-x86")).count(), host);
        assertFalse(host.lines().anyMatch(l -> l.equals("sleep") || l.equals("agetty")), "the guest's processes are not the host's: " + host);
        // the vCPU is a thread of QEMU, named as QEMU names it
        int tid = Kvm.of(f.laptop().kernel()).vms().get(0).vcpu(0).thread().pid();
        String threads = onHost(f, "grep Threads /proc/$(pgrep -x qemu-system-x86)/status; cat /proc/" + tid + "/comm").stdoutText();
        assertEquals("Threads:\t2\nCPU 0/KVM\n", threads);
    }

    @Test
    void theGuestSeesOnlyItsOwnProcesses() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512);
        assertNotNull(g);
        String guest = Virtualization.runInGuest(f.world(), g, "ps -e -o comm=; hostname", 2_000_000).stdoutText();
        assertFalse(guest.contains("qemu-system"), guest);
        assertFalse(guest.contains("libvirtd"), guest);
        assertTrue(guest.endsWith("g1\n"), guest);
        assertTrue(guest.lines().anyMatch(l -> l.equals("init") || l.equals("systemd")), "the guest has its own pid 1: " + guest);
    }

    @Test
    void theGuestsMemoryIsQemusMemoryOnTheHost() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512);
        assertNotNull(g);
        long vsz = Long.parseLong(onHost(f, "ps -o vsz= -C qemu-system-x86_64").stdoutText().strip());
        assertTrue(vsz >= 512 * 1024, "QEMU maps the guest's 512 MiB of RAM: VSZ " + vsz + " KiB");
        String meminfo = Virtualization.runInGuest(f.world(), g, "head -1 /proc/meminfo", 2_000_000).stdoutText();
        assertTrue(meminfo.matches("MemTotal:\\s+\\d+ kB\\n") && Long.parseLong(meminfo.replaceAll("\\D", "")) <= 512 * 1024, meminfo);
    }

    @Test
    void killingTheVmmKillsTheGuest() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512);
        assertNotNull(g);
        VirtualMachine vm = Kvm.of(f.laptop().kernel()).vms().get(0);
        CommandRun.Result r = onHost(f, "kill -9 $(pgrep -x qemu-system-x86); sleep 1; pgrep -c qemu-system-x86; echo $?");
        assertEquals("0\n1\n", r.stdoutText());
        assertEquals(VirtualMachine.State.DESTROYED, vm.state());
        assertNull(f.world().machine("g1"), "the guest machine is gone with its VMM");
    }
}
