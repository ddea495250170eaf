package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.link.Segment;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guests on libvirt's default network: a tap on virbr0, an address from dnsmasq, the host as
 * their NAT router to its LAN (where a server answers at 192.0.2.1), and the host's firewall
 * deciding what they may send.
 */
class GuestNetworkTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

    static CommandRun.Result onHost(Terminal.Fixture f, String command) {
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("/bin/bash", "-c", command), "root", "/", ENV, null), 5_000_000);
    }

    /** The laptop on a LAN (eth0 192.0.2.10/24) with a server at 192.0.2.1, and a guest with {@code model} on virbr0. */
    static Machine guestOnALan(Terminal.Fixture f, String model) {
        Segment lan = new Segment("lan", List.of(dev.syssim.sim.net.Cidr.parse("192.0.2.0/24")), Segment.DEFAULT_LATENCY,
                f.world().timeline(), f.world().trace(), 7);
        Interface eth0 = NetStack.of(f.laptop().kernel()).addEthernet("eth0", "02:00:c0:00:02:0a", Irq.NIC, lan);
        NetStack.of(f.laptop().kernel()).addAddress(eth0, Ipv4Address.parse("192.0.2.10"), 24);
        Machine server = Machines.debian(f.world(), "server", 1, 1_000_000);
        NetStack s = NetStack.of(server.kernel());
        s.addAddress(s.addEthernet("eth0", "02:00:c0:00:02:01", Irq.NIC, lan), Ipv4Address.parse("192.0.2.1"), 24);
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "virtio", 512, "-nic", "bridge,br=virbr0,model=" + model);
        assertNotNull(g);
        // systemd-networkd's DHCP lease comes a little after the console's login prompt
        f.world().runUntil(() -> !NetStack.of(g.kernel()).interfaceNamed("ens3").addresses().isEmpty(), 50_000_000);
        return g;
    }

    private static VirtualMachine vm(Terminal.Fixture f) {
        return Kvm.of(f.laptop().kernel()).vms().get(0);
    }

    @Test
    void guestGetsItsAddressFromDnsmasqAndVirshShowsTheLease() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "virtio-net-pci");
        String guest = Virtualization.runInGuest(f.world(), g, "ip -br addr show ens3; ip route", 2_000_000).stdoutText();
        assertTrue(guest.matches("(?s)ens3 +UP +192\\.168\\.122\\.\\d+/24 \\ndefault via 192\\.168\\.122\\.1 dev ens3 \\n.*"), guest);
        String address = guest.replaceAll("(?s).*?(192\\.168\\.122\\.\\d+)/24.*", "$1");
        String host = onHost(f, "virsh net-list; virsh net-dhcp-leases default; cat /var/lib/libvirt/dnsmasq/virbr0.status").stdoutText();
        assertTrue(host.startsWith(" Name      State    Autostart   Persistent\n--------------------------------------------\n"
                + " default   active   yes         yes\n\n"), host);
        assertTrue(host.contains("   52:54:00:12:34:56   ipv4       " + address + "/24   g1         ff:00:12:34:56:"), host);
        assertTrue(host.contains("\"ip-address\": \"" + address + "\""), host);
        assertEquals("-P FORWARD ACCEPT\n-A FORWARD -j LIBVIRT_FWX\n-A FORWARD -j LIBVIRT_FWI\n-A FORWARD -j LIBVIRT_FWO\n",
                onHost(f, "iptables -S FORWARD").stdoutText(), "libvirt's jumps, each inserted at the top");
    }

    @Test
    void pingFromTheGuestToTheLanIsMasqueradedByTheHost() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "virtio-net-pci");
        CommandRun.Result r = Virtualization.runInGuest(f.world(), g, "ping -c 2 192.0.2.1", 10_000_000);
        assertEquals(0, r.status(), r.stdoutText() + r.stderrText());
        assertTrue(r.stdoutText().contains("2 packets transmitted, 2 received, 0% packet loss"), r.stdoutText());
        // the server saw the host's LAN address, not the guest's: libvirt's MASQUERADE rule
        String nat = onHost(f, "iptables -t nat -L LIBVIRT_PRT -v -n | grep -c 'MASQUERADE'; conntrack -L 2>/dev/null | grep -c 'src=192.0.2.1 dst=192.0.2.10'").stdoutText();
        assertEquals("3\n1\n", nat);
    }

    @Test
    void aPingCostsManyExitsOnE1000AndOneOnVirtioNet() {
        long e1000 = mmioExitsOfOnePing("e1000");
        long virtio = mmioExitsOfOnePing("virtio-net-pci");
        assertTrue(e1000 >= 8, "e1000: TDT, then ICR/IMC/IMS for the sent frame and ICR/IMC/RDT/IMS for the reply: " + e1000);
        assertEquals(1, virtio, "virtio-net: one notification for the request, the reply without a register access");
    }

    /** Exits for device registers (MMIO, EPT_MISCONFIG) during a second ping (the first warmed ping's pages). */
    private static long mmioExitsOfOnePing(String model) {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, model);
        assertEquals(0, Virtualization.runInGuest(f.world(), g, "ping -c 1 192.0.2.1", 10_000_000).status());
        long before = vm(f).stats().count(ExitReason.EPT_MISCONFIG);
        CommandRun.Result r = Virtualization.runInGuest(f.world(), g, "ping -c 1 192.0.2.1", 10_000_000);
        assertEquals(0, r.status(), r.stdoutText());
        return vm(f).stats().count(ExitReason.EPT_MISCONFIG) - before;
    }

    @Test
    void aHostFirewallRuleDropsTheGuestsTraffic() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "virtio-net-pci");
        assertEquals("", onHost(f, "iptables -I FORWARD -s 192.168.122.0/24 -d 192.0.2.1 -p icmp -j DROP").stderrText());
        CommandRun.Result r = Virtualization.runInGuest(f.world(), g, "ping -c 1 -W 1 192.0.2.1", 10_000_000);
        assertEquals(1, r.status(), r.stdoutText());
        assertTrue(r.stdoutText().contains("1 packets transmitted, 0 received, 100% packet loss"), r.stdoutText());
        String counted = onHost(f, "iptables -L FORWARD -v -n -x | awk '$3 == \"DROP\" {print $1}'").stdoutText();
        assertEquals("1\n", counted, "the host's rule saw the guest's packet");
    }

    @Test
    void theHostSshesIntoTheGuestByItsLeasedAddress() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "virtio-net-pci");
        String address = NetStack.of(g.kernel()).interfaceNamed("ens3").addresses().get(0).address().toString();
        f.terminal().typed.add("yes");
        f.terminal().typed.add("student");
        String login = f.run("ssh student@" + address);
        // ssh names the host as typed and the address reached, also when both are the same address.
        assertTrue(login.contains("The authenticity of host '" + address + " (" + address + ")' can't be established."), login);
        assertTrue(login.contains("student@" + address + "'s password: \nLinux g1 "), login);
        assertEquals("g1\n", f.run("hostname"));
        assertEquals("logout\nConnection to " + address + " closed.\n", f.run("exit"));
        assertEquals("laptop\n", f.run("hostname"));
        // The student had no ~/.ssh: ssh made it (0700) to keep the guest's key.
        assertEquals("drwx------\n", f.run("stat -c %A ~/.ssh"));
        assertEquals("-rw-r--r--\n", f.run("stat -c %A ~/.ssh/known_hosts"), "fopen's 0666 under the umask 022");
        String known = f.run("cat ~/.ssh/known_hosts");
        assertTrue(known.startsWith(address + " ssh-ed25519 "), known);
    }

    @Test
    void aDomainOnTheDefaultNetworkHasItsTapOnVirbr0AndDomifaddrShowsItsLease() {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        f.session().switchTo(f.laptop(), "root");
        String xml = "<domain type='kvm'><name>web</name><memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/libvirt/images/web.qcow2'/>"
                + "<target dev='vda' bus='virtio'/></disk><interface type='network'><mac address='52:54:00:6b:3c:58'/><source network='default'/>"
                + "<model type='virtio'/></interface><console type='pty'/></devices></domain>";
        f.run("cd /root; echo \"" + xml + "\" > web.xml; qemu-img create -q -f qcow2 -b " + Virtualization.BASE_IMAGE
                + " -F qcow2 /var/lib/libvirt/images/web.qcow2; virsh define web.xml; virsh start web; sleep 15");
        assertEquals("5: vnet0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master virbr0 state forwarding priority 32 cost 2 \n",
                f.run("bridge link").replaceFirst("^\\d+:", "5:"));
        assertEquals("vnet0            UP             fe:54:00:6b:3c:58 <BROADCAST,MULTICAST,UP,LOWER_UP> \n", f.run("ip -br link show vnet0"));
        Machine g = f.world().machine("web");
        assertNotNull(g);
        String address = NetStack.of(g.kernel()).interfaceNamed("ens3").addresses().get(0).address().toString();
        assertEquals(" Name       MAC address          Protocol     Address\n" + "-".repeat(79) + "\n"
                + " vnet0      52:54:00:6b:3c:58    ipv4         " + address + "/24\n\n", f.run("virsh domifaddr web"));
    }

    @Test
    void perfKvmStatCountsTheE1000sRegisterExitsOfAPing() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "e1000");
        Virtualization.runInGuest(f.world(), g, "ping -c 1 192.0.2.1 > /dev/null; (sleep 0.2; ping -c 3 -i 0.2 192.0.2.1) > /dev/null 2>&1 &", 10_000_000);
        CommandRun.Result r = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("/bin/bash", "-c",
                "cd /root && perf kvm stat record -a sleep 2 2>/dev/null && perf kvm stat report 2>&1 | grep EPT_MISCONFIG"), "root", "/",
                Map.of("PATH", "/usr/bin:/bin"), null), 20_000_000);
        assertEquals(0, r.status(), r.stderrText());
        long samples = Long.parseLong(r.stdoutText().trim().split(" +")[1]);
        assertTrue(samples >= 3 * 8, "three pings, eight register accesses each: " + r.stdoutText());
    }

    @Test
    void aGuestsPacketIsInTheTraceWithItsExitsQemusTapWriteAndTheBridge() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "e1000");
        Virtualization.runInGuest(f.world(), g, "ping -c 1 192.168.122.1 > /dev/null", 10_000_000);
        f.world().trace().clear();
        f.world().trace().setLevel(dev.syssim.sim.trace.TraceLevel.FULL);
        Virtualization.runInGuest(f.world(), g, "ping -c 1 192.168.122.1 > /dev/null", 10_000_000);
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (dev.syssim.sim.trace.TraceEvent e : f.world().trace().snapshot().keptEvents()) {
            seen.add(e.lane().machine() + " " + e.lane().type() + " " + e.lane().name() + " | " + e.label());
        }
        String all = String.join("\n", seen);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("laptop HYPERVISOR") && l.contains("TDT (transmit descriptor tail)")), all);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("laptop PROCESS qemu-system-x86") && l.contains("| write(")), all);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("laptop PROCESS qemu-system-x86") && l.contains("| read(")), all);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("tap tap0 NETWORK") && l.contains("| ICMP")), all);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("virbr0 NETWORK") && l.contains("| ICMP")), all);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("laptop KERNEL") && l.contains("virbr0 in, INPUT")), all);
    }

    @Test
    void ethtoolInTheGuestNamesItsCardsDriver() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = guestOnALan(f, "e1000");
        assertEquals("driver: e1000\nversion: 6.1.0-27-amd64\nfirmware-version: \nexpansion-rom-version: \nbus-info: 0000:00:03.0\n"
                + "supports-statistics: yes\nsupports-test: yes\nsupports-eeprom-access: yes\nsupports-register-dump: yes\nsupports-priv-flags: no\n",
                Virtualization.runInGuest(f.world(), g, "ethtool -i ens3", 2_000_000).stdoutText());
        assertEquals("driver: tun\n", onHost(f, "ethtool -i tap0 | head -1").stdoutText());
    }
}
