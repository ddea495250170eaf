package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A guest's disk read seen whole: the trace has lanes for the guest process, the guest kernel,
 * the vCPU (the hypervisor lane), QEMU on the host, the host kernel and the host's disk; and
 * strace -f of QEMU shows the KVM ioctls that built and ran the VM.
 */
class VirtTraceTest {

    @Test
    void aGuestDiskReadCrossesEveryLane() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "ide", 512);
        assertNotNull(g);
        Virtualization.runInGuest(f.world(), g, "echo 3 > /proc/sys/vm/drop_caches", 2_000_000);
        f.world().trace().clear();
        f.world().trace().setLevel(TraceLevel.FULL);
        Virtualization.runInGuest(f.world(), g, "cat /etc/motd > /dev/null", 5_000_000);
        Set<String> lanes = new LinkedHashSet<>();
        for (TraceEvent e : f.world().trace().snapshot().keptEvents()) {
            lanes.add(e.lane().machine() + " " + e.lane().type() + (e.lane().type() == LaneType.PROCESS ? " " + e.lane().name().replaceAll("\\[\\d+\\]", "") : ""));
        }
        for (String lane : List.of("g1 PROCESS cat", "g1 KERNEL", "laptop HYPERVISOR", "laptop PROCESS qemu-system-x86", "laptop KERNEL",
                "laptop DEVICE")) {
            assertTrue(lanes.contains(lane), lane + " in " + lanes);
        }
    }

    @Test
    void straceOfQemuShowsTheKvmIoctls() {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        CommandRun.Result r = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("/bin/bash", "-c",
                "cd /root; qemu-img create -q -f qcow2 -b " + Virtualization.BASE_IMAGE + " -F qcow2 v.qcow2;"
                        + " strace -f -o q.strace qemu-system-x86_64 -enable-kvm -m 256 -drive file=v.qcow2,format=qcow2,if=virtio -display none &"
                        + " sleep 5; kill -9 $(pgrep -x qemu-system-x86); wait;"
                        + " grep -o 'KVM_[A-Z_]*' q.strace | sort -u"), "root", "/", Map.of("PATH", "/usr/bin:/bin"), null), 30_000_000);
        for (String ioctl : List.of("KVM_CREATE_VM", "KVM_CREATE_VCPU", "KVM_SET_USER_MEMORY_REGION", "KVM_RUN", "KVM_IOEVENTFD", "KVM_IRQFD")) {
            assertTrue(r.stdoutText().contains(ioctl + "\n"), ioctl + " in " + r.stdoutText() + r.stderrText());
        }
    }
}
