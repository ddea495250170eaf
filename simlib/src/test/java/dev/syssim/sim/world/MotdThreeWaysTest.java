package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.virt.CostCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lecture's closing table for virtual machines: the same cold {@code cat /etc/motd} on bare
 * metal, in a container (unshare + chroot) and in a VM (emulated IDE disk, then virtio-blk), each
 * counted from the world's trace. The rules it checks are the issue's: the program itself makes
 * the same syscalls everywhere (a container is no layer, and a guest's syscall does not exit);
 * only the VM pays VM exits, host syscalls in QEMU and a second interrupt per disk read; the
 * paravirtual disk needs fewer exits than the emulated one. The lecture's markdown table shows
 * these very counts, so it cannot drift from what the cells measure.
 */
class MotdThreeWaysTest {

    static final String COLD = "echo 3 > /proc/sys/vm/drop_caches";

    /** Runs the lecture's commands in its order and counts each way. */
    static Map<String, CostCounts> measure() {
        World world = Scenarios.named("virt").orElseThrow().build(42, RunLimits.DEFAULT);
        Terminal terminal = new Terminal();
        Session session = new Session(world, terminal);
        session.switchTo(world.machine("laptop"), "root");
        Terminal.Fixture f = new Terminal.Fixture(world, world.machine("laptop"), session, terminal);
        f.run("virsh start guest1; virsh start guest2");
        f.run("debootstrap --variant=minbase bookworm /srv/debian > /dev/null; cp /etc/motd /etc/ld.so.cache /srv/debian/etc/");
        Map<String, CostCounts> out = new LinkedHashMap<>();
        out.put("bare metal", counted(f, COLD, "cat /etc/motd > /dev/null"));
        out.put("container", counted(f, COLD, "unshare --pid --fork --mount-proc chroot /srv/debian cat /etc/motd > /dev/null"));
        for (String guest : List.of("guest2", "guest1")) {
            f.run("sleep 10; virsh console " + guest);
            out.put(guest, counted(f, COLD, "cat /etc/motd > /dev/null"));
            f.run("^]");
        }
        return out;
    }

    private static CostCounts counted(Terminal.Fixture f, String before, String command) {
        f.run(before);
        f.world().trace().clear();
        f.world().trace().setLevel(TraceLevel.FULL);
        f.run(command);
        f.world().trace().setLevel(TraceLevel.OFF);
        return CostCounts.of(f.world().trace().snapshot(), "cat");
    }

    @Test
    void onlyTheVmPaysExitsAndVirtioPaysFewer() {
        Map<String, CostCounts> m = measure();
        CostCounts bare = m.get("bare metal"), box = m.get("container"), ide = m.get("guest2"), virtio = m.get("guest1");
        // the program is the same program: its own syscalls do not change, not even in a guest
        for (CostCounts c : m.values()) assertEquals(bare.programSyscalls(), c.programSyscalls(), m.toString());
        // a container is the host's kernel: no exits; a VM exits, the emulated disk far more often
        assertEquals(0, bare.vmExits());
        assertEquals(0, box.vmExits());
        assertTrue(virtio.vmExits() > 0 && 2 * virtio.vmExits() < ide.vmExits(), m.toString());
        // each guest disk read is two interrupts: the host disk's under QEMU's pread64, the one KVM injects
        assertEquals(2 * bare.interrupts(), ide.interrupts(), m.toString());
        assertEquals(2 * bare.interrupts(), virtio.interrupts(), m.toString());
        // the machinery around cat: a container's setup (sudo, unshare, chroot) costs syscalls and switches
        // once; a VM costs them on every read (QEMU's syscalls on the host), fewer with virtio
        assertTrue(bare.otherSyscalls() < box.otherSyscalls() && bare.otherSyscalls() < virtio.otherSyscalls(), m.toString());
        assertTrue(virtio.otherSyscalls() < ide.otherSyscalls(), m.toString());
        assertTrue(bare.contextSwitches() < box.contextSwitches() && virtio.contextSwitches() < ide.contextSwitches(), m.toString());
    }
}
