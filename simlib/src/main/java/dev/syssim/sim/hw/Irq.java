package dev.syssim.sim.hw;

/**
 * A hardware interrupt line as {@code /proc/interrupts} lists it: the IRQ number (or a name such as
 * {@code LOC} for the local APIC timer), the interrupt chip and trigger, and the device's name. The
 * CPU sees it at IDT vector {@code vector}.
 */
public record Irq(String number, int vector, String chip, String device, String description) {

    /** The per-core local APIC timer; Linux counts it on the LOC row. */
    public static final Irq LOCAL_TIMER = new Irq("LOC", 236, "", "", "Local timer interrupts");
    public static final Irq KEYBOARD = new Irq("1", 33, "IO-APIC   1-edge", "i8042", "");
    public static final Irq DISK = new Irq("14", 46, "IO-APIC  14-edge", "ata_piix", "");
    public static final Irq NIC = new Irq("11", 43, "IO-APIC  11-fasteoi", "eth0", "");

    /** The label a trace shows: {@code IRQ 14 ata_piix} or {@code LOC timer}. */
    public String label() {
        return number.equals("LOC") ? "timer interrupt (LOC, vector " + vector + ")"
                : "IRQ " + number + " " + device + " (vector " + vector + ")";
    }
}
