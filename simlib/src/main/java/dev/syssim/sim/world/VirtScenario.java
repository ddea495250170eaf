package dev.syssim.sim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %scenario virt}: the student laptop with KVM, QEMU and libvirt installed, and two
 * libvirt domains defined and shut off, each on a qcow2 overlay of the Debian cloud image:
 * {@code guest1} with a virtio-blk disk and {@code guest2} with an emulated IDE disk, so a
 * lecture or a homework compares their exits ({@code virsh start guest1; virsh console guest1}).
 * student is in the libvirt group.
 */
final class VirtScenario implements Scenario {

    /** The domains: name, disk bus, target device, network card model, its MAC. */
    private static final String[][] DOMAINS = {{"guest1", "virtio", "vda", "virtio", "52:54:00:4e:9a:01"},
        {"guest2", "ide", "hda", "e1000", "52:54:00:4e:9a:02"}};

    @Override
    public String name() {
        return "virt";
    }

    @Override
    public String description() {
        return "the laptop with KVM, QEMU and libvirt; domains guest1 (virtio disk and NIC) and guest2 (emulated IDE disk, e1000 NIC), shut off";
    }

    @Override
    public World build(long seed, RunLimits limits) {
        World world = new World(seed, limits);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        Virtualization.install(world, laptop);
        StringBuilder script = new StringBuilder("set -e\n");
        for (String[] d : DOMAINS) {
            String image = "/var/lib/libvirt/images/" + d[0] + ".qcow2";
            script.append("qemu-img create -q -f qcow2 -b ").append(Virtualization.BASE_IMAGE).append(" -F qcow2 ").append(image).append('\n');
            script.append("cat > /etc/libvirt/qemu/").append(d[0]).append(".xml <<'XML'\n").append(xml(d[0], image, d[1], d[2], d[3], d[4])).append("XML\n");
            script.append("chmod 600 /etc/libvirt/qemu/").append(d[0]).append(".xml\n");
        }
        CommandRun.Result r = CommandRun.run(world, laptop, new CommandRun.Command(List.of("/bin/bash", "-c", script.toString()), "root", "/",
                Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), null), 10_000_000);
        if (r.status() != 0) throw new IllegalStateException("virt scenario: " + r.stderrText());
        return world;
    }

    /** A domain as virt-install would define it, the part the simulation reads (formatdomain.html). */
    private static String xml(String name, String image, String bus, String target, String nic, String mac) {
        return "<domain type='kvm'>\n  <name>" + name + "</name>\n  <memory unit='MiB'>512</memory>\n  <vcpu>1</vcpu>\n"
                + "  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n  <devices>\n"
                + "    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source file='" + image + "'/>\n"
                + "      <target dev='" + target + "' bus='" + bus + "'/>\n    </disk>\n"
                + "    <interface type='network'>\n      <mac address='" + mac + "'/>\n      <source network='default'/>\n"
                + "      <model type='" + nic + "'/>\n    </interface>\n    <console type='pty'/>\n  </devices>\n</domain>\n";
    }

    @Override
    public String startMachine() {
        return "laptop";
    }


    @Override
    public List<String> tableHeader() {
        return List.of("machine or domain", "what", "disk and NIC");
    }

    @Override
    public List<List<String>> table(World world) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("laptop", "host: 2 cores, 4 GiB, KVM (/dev/kvm), QEMU 7.2, libvirt 9.0", "-"));
        for (String[] d : DOMAINS) {
            rows.add(List.of(d[0], "libvirt domain, 1 vCPU, 512 MiB", "/var/lib/libvirt/images/" + d[0] + ".qcow2 (" + d[1] + "), NIC " + d[3]
                    + " on virbr0 (libvirt's NAT network default, 192.168.122.0/24)"));
        }
        return rows;
    }
}
