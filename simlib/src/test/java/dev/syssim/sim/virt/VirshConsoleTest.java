package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import org.junit.jupiter.api.Test;

/**
 * A libvirt domain booted from a qcow2 overlay on the cloud image, driven from the notebook's
 * terminal: virsh console moves the session into the guest, Ctrl-] (a line {@code ^]}) or exit
 * brings it back; virsh shutdown presses the ACPI power button and the guest powers off.
 */
class VirshConsoleTest {

    private static final String XML = "<domain type='kvm'><name>web</name><memory unit='MiB'>512</memory><vcpu>1</vcpu>"
            + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
            + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/libvirt/images/web.qcow2'/>"
            + "<target dev='vda' bus='virtio'/></disk><console type='pty'/></devices></domain>";

    private static Terminal.Fixture runningDomain() {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        f.session().switchTo(f.laptop(), "root");
        String out = f.run("cd /root; echo \"" + XML + "\" > web.xml; qemu-img create -q -f qcow2 -b " + Virtualization.BASE_IMAGE
                + " -F qcow2 /var/lib/libvirt/images/web.qcow2; virsh define web.xml; virsh start web; sleep 10; virsh list");
        assertEquals("Domain 'web' defined from web.xml\n\nDomain 'web' started\n\n Id   Name   State\n"
                + "----------------------\n 1    web    running\n\n", out);
        return f;
    }

    @Test
    void consoleMovesTheSessionIntoTheGuestAndCtrlBracketBringsItBack() {
        Terminal.Fixture f = runningDomain();
        String connected = f.run("virsh console web");
        assertTrue(connected.startsWith("Connected to domain 'web'\nEscape character is ^] (Ctrl + ])"), connected);
        assertEquals("web\n", f.run("hostname"));
        assertTrue(f.run("ps -e -o comm=").lines().noneMatch(l -> l.startsWith("qemu")), "inside, the host's processes are out of sight");
        f.run("^]");
        assertEquals("laptop\n", f.run("hostname"));
    }

    @Test
    void exitingTheConsoleShellAlsoReturns() {
        Terminal.Fixture f = runningDomain();
        f.run("virsh console web");
        assertEquals("web\n", f.run("hostname"));
        f.run("exit");
        assertEquals("laptop\n", f.run("hostname"));
    }

    @Test
    void shutdownPowersTheGuestOffThroughAcpi() {
        Terminal.Fixture f = runningDomain();
        VirtualMachine vm = Kvm.of(f.laptop().kernel()).vms().get(0);
        assertEquals("Domain 'web' is being shutdown\n\n", f.run("virsh shutdown web"));
        f.run("sleep 5");
        assertEquals("shut off\n\n", f.run("virsh domstate web"));
        // the guest powered off (SHUT_DOWN), then QEMU exited and closed the VM (DESTROYED)
        assertEquals(VirtualMachine.State.DESTROYED, vm.state());
        assertNull(f.world().machine("web"));
        assertTrue(vm.stats().count(dev.syssim.sim.hw.ExitReason.IO_INSTRUCTION) >= 2, "the guest read the PM status and wrote S5 by port I/O");
    }

    @Test
    void destroyKillsQemuAndTheDomainIsShutOff() {
        Terminal.Fixture f = runningDomain();
        assertEquals("Domain 'web' destroyed\n\n0\n", f.run("virsh destroy web; pgrep -c qemu-system-x86"));
        assertNull(f.world().machine("web"));
    }
}
