package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What root sees of QEMU's open files in {@code /proc/PID/fd}: the image files and {@code /dev/kvm}
 * by path, and the files without a path as Linux names them ({@code anon_inode:kvm-vm},
 * {@code anon_inode:kvm-vcpu:0}, {@code anon_inode:[eventfd]}) — never an internal error.
 */
class QemuFdsTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

    @Test
    void lsOfQemusFdsShowsEveryLinkWithItsLinuxName() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512);
        assertNotNull(g);
        CommandRun.Result r = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("/bin/bash", "-c",
                "ls -l /proc/$(pgrep -x qemu-system-x86)/fd | sed 's/.* [0-9]* -> /-> /' | sort -u"), "root", "/", ENV, null), 5_000_000);
        assertEquals(0, r.status(), r.stderrText());
        String links = r.stdoutText();
        assertTrue(links.contains("-> /dev/kvm\n"), links);
        assertTrue(links.contains("-> anon_inode:kvm-vm\n"), links);
        assertTrue(links.contains("-> anon_inode:kvm-vcpu:0\n"), links);
        assertTrue(links.contains("-> anon_inode:[eventfd]\n"), links);
        assertTrue(links.contains("-> /var/lib/libvirt/images/g1.qcow2\n"), links);
    }

    @Test
    void lsOfTheFdsOfAQemuThatLibvirtStartedWorksInTheSession() {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        f.session().switchTo(f.laptop(), "root");
        String xml = "<domain type='kvm'><name>web</name><memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/libvirt/images/web.qcow2'/>"
                + "<target dev='vda' bus='virtio'/></disk><console type='pty'/></devices></domain>";
        f.run("cd /root; echo \"" + xml + "\" > web.xml; qemu-img create -q -f qcow2 -b " + Virtualization.BASE_IMAGE
                + " -F qcow2 /var/lib/libvirt/images/web.qcow2; virsh define web.xml; virsh start web; sleep 10");
        String out = f.run("ls -l /proc/$(pgrep -x qemu-system-x86)/fd | sed 's/.* [0-9]* -> /-> /' | sort -u");
        assertTrue(out.contains("-> anon_inode:kvm-vm\n") && out.contains("-> /var/log/libvirt/qemu/web.log\n"), out);
    }
}
