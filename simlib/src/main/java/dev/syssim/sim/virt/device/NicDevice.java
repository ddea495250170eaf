package dev.syssim.sim.virt.device;

import dev.syssim.sim.virt.Guests;

/** A network card QEMU emulates for a guest: its guest side (name, MAC, interrupt) and its host side (a tap on a bridge). */
public abstract class NicDevice {

    /** The guest's view of the card, for the guest machine's network stack. */
    public abstract Guests.Nic guestNic();

    /** The VM is gone: the tap leaves the bridge. */
    public abstract void unplug();
}
