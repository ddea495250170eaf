package dev.syssim.sim.virt.tools;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.virt.Domain;
import dev.syssim.sim.virt.DomainXml;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line libvirt 9.0 gives QEMU for a domain (as {@code ps -ef} shows it, and as the
 * domain's log records it): the machine, KVM, the CPU model, memory, vCPUs, each disk as a
 * {@code -blockdev} pair and a {@code -device}, each network card on its tap, the serial console
 * on a pty, and the sandbox.
 */
final class QemuCommand {

    private QemuCommand() {
    }

    static List<String> argv(Domain d, Kernel host) {
        DomainXml x = d.definition();
        List<String> a = new ArrayList<>();
        a.add("/usr/bin/qemu-system-x86_64");
        add(a, "-name", "guest=" + x.name() + ",debug-threads=on");
        a.add("-S");
        add(a, "-object", "{\"qom-type\":\"secret\",\"id\":\"masterKey0\",\"format\":\"raw\",\"file\":\"/var/lib/libvirt/qemu/domain-"
                + x.name() + "/master-key.aes\"}");
        add(a, "-machine", "pc-i440fx-7.2,usb=off,dump-guest-core=off,memory-backend=pc.ram");
        add(a, "-accel", "kvm");
        add(a, "-cpu", "host-passthrough".equals(x.cpuMode()) || "host-model".equals(x.cpuMode()) ? "host,migratable=on" : "qemu64");
        add(a, "-m", Long.toString(x.memoryKiB() / 1024));
        add(a, "-object", "{\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\",\"size\":" + x.memoryKiB() * 1024 + "}");
        add(a, "-overcommit", "mem-lock=off");
        add(a, "-smp", x.vcpus() + ",sockets=" + x.vcpus() + ",cores=1,threads=1");
        add(a, "-uuid", x.uuid());
        add(a, "-display", "none");
        a.add("-no-user-config");
        a.add("-nodefaults");
        add(a, "-chardev", "socket,id=charmonitor,fd=28,server=on,wait=off");
        add(a, "-mon", "chardev=charmonitor,id=monitor,mode=control");
        add(a, "-rtc", "base=utc");
        a.add("-no-shutdown");
        add(a, "-boot", "strict=on");
        add(a, "-device", "{\"driver\":\"piix3-usb-uhci\",\"id\":\"usb\",\"bus\":\"pci.0\",\"addr\":\"0x1.0x2\"}");
        boolean sata = false;
        for (DomainXml.Disk disk : x.disks()) sata |= disk.bus().equals("sata");
        if (sata) add(a, "-device", "{\"driver\":\"ich9-ahci\",\"id\":\"sata0\",\"bus\":\"pci.0\",\"addr\":\"0x6\"}");
        int n = x.disks().size();
        int slot = 4;
        for (int i = 0; i < n; i++) {
            DomainXml.Disk disk = x.disks().get(i);
            int node = n - i;
            add(a, "-blockdev", "{\"driver\":\"file\",\"filename\":\"" + disk.source() + "\",\"node-name\":\"libvirt-" + node
                    + "-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}");
            add(a, "-blockdev", "{\"node-name\":\"libvirt-" + node + "-format\",\"read-only\":false,\"driver\":\"" + disk.format()
                    + "\",\"file\":\"libvirt-" + node + "-storage\",\"backing\":null}");
            String device = switch (disk.bus()) {
                case "virtio" -> "{\"driver\":\"virtio-blk-pci\",\"bus\":\"pci.0\",\"addr\":\"0x" + Integer.toHexString(slot++)
                        + "\",\"drive\":\"libvirt-" + node + "-format\",\"id\":\"virtio-disk" + i + "\",\"bootindex\":" + (i + 1) + "}";
                case "sata" -> "{\"driver\":\"ide-hd\",\"bus\":\"sata0.0\",\"drive\":\"libvirt-" + node + "-format\",\"id\":\"sata0-0-0\",\"bootindex\":"
                        + (i + 1) + "}";
                default -> "{\"driver\":\"ide-hd\",\"bus\":\"ide.0\",\"unit\":" + i + ",\"drive\":\"libvirt-" + node + "-format\",\"id\":\"ide0-0-"
                        + i + "\",\"bootindex\":" + (i + 1) + "}";
            };
            add(a, "-device", device);
        }
        for (int i = 0; i < x.interfaces().size(); i++) {
            DomainXml.Interface nic = x.interfaces().get(i);
            String model = nic.model().equals("virtio") ? "virtio-net-pci" : nic.model();
            add(a, "-netdev", "{\"type\":\"tap\",\"fd\":\"" + (30 + i) + "\",\"br\":\"" + bridge(nic) + "\",\"id\":\"hostnet" + i + "\"}");
            add(a, "-device", "{\"driver\":\"" + model + "\",\"netdev\":\"hostnet" + i + "\",\"id\":\"net" + i + "\",\"mac\":\"" + nic.mac()
                    + "\",\"bus\":\"pci.0\",\"addr\":\"0x3\"}");
        }
        add(a, "-chardev", "pty,id=charserial0");
        add(a, "-device", "{\"driver\":\"isa-serial\",\"chardev\":\"charserial0\",\"id\":\"serial0\",\"index\":0}");
        add(a, "-audiodev", "{\"id\":\"audio1\",\"driver\":\"none\"}");
        add(a, "-device", "{\"driver\":\"virtio-balloon-pci\",\"id\":\"balloon0\",\"bus\":\"pci.0\",\"addr\":\"0x5\"}");
        add(a, "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
        add(a, "-msg", "timestamp=on");
        return a;
    }

    /** The bridge a network interface plugs into: the network's ({@code default}: virbr0), or the named bridge. */
    private static String bridge(DomainXml.Interface nic) {
        if (nic.type().equals("bridge")) return nic.source();
        return "virbr0";
    }

    private static void add(List<String> a, String option, String value) {
        a.add(option);
        a.add(value);
    }
}
