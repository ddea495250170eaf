package dev.syssim.sim.virt;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.hw.Disk;
import dev.syssim.sim.os.Kernel;
import java.util.List;

/**
 * What the world does for this room: a guest is a whole machine of the world, built the way every
 * machine is built (the world's image of Debian, its programs, its boot), only on virtual
 * hardware. The world implements this and hands it to {@link Kvm#load}; so the room needs no
 * dependency on the world.
 */
public interface Guests {

    /**
     * The files of a fresh installation of {@code os} (e.g. {@code debian-12}, a cloud image) whose
     * host name will be {@code hostname}: the content of a bootable disk image.
     */
    FileSystem installedSystem(String os, String hostname);

    /** Builds the guest's kernel on {@code hardware}, boots it (init starts) and adds the machine to the world. */
    Kernel boot(GuestHardware hardware);

    /** The guest's machine is switched off (powered off, or its VMM is gone): it leaves the world. */
    void remove(Kernel guest);

    /** What a guest machine is made of: all of it provided by the host's VMM. */
    record GuestHardware(String name, int vcpus, long memoryKiB, Disk disk, FileSystem rootFs, String cpuFlags,
                         List<Nic> nics, VirtualMachine vm) {
        public GuestHardware {
            nics = List.copyOf(nics);
        }
    }

    /**
     * A guest network card: its name in the guest, MAC address, interrupt line, the cable it is
     * plugged into (the host tap's), the device model between it and the guest's stack, and the
     * network whose dnsmasq answers its DHCP request (null: no DHCP server, the guest has no address).
     */
    record Nic(String name, String mac, dev.syssim.sim.hw.Irq irq, dev.syssim.sim.net.link.Segment cable,
               dev.syssim.sim.net.link.Nic.Device device, VirtualNetwork dhcp) {
    }
}
