package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import java.util.Locale;

/** The short words every renderer uses for kinds, modes and lane types, so all formats say the same. */
public final class EventWords {

    private EventWords() {
    }

    /** A word for the kind of event, at most 9 characters: {@code syscall}, {@code irq}, {@code vm-exit}. */
    public static String kind(EventKind kind) {
        return switch (kind) {
            case SYSCALL_ENTER -> "syscall";
            case SYSCALL_EXIT -> "return";
            case PROCESS -> "process";
            case SIGNAL -> "signal";
            case PACKET -> "packet";
            case FIREWALL -> "firewall";
            case EXCEPTION -> "exception";
            case INTERRUPT -> "irq";
            case CONTEXT_SWITCH -> "switch";
            case VM_EXIT -> "vm-exit";
            case VM_ENTRY -> "vm-entry";
            case MODE_SWITCH -> "mode";
            case COMPUTE -> "compute";
            case DEVICE_REQUEST -> "device";
            case BLOCK -> "block";
            case WAKE -> "wake";
            case MEMORY -> "memory";
            case LOG -> "log";
        };
    }

    /** The privilege an event ran with: {@code user}, {@code kernel}, {@code hypervisor}, or {@code -}. */
    public static String mode(CpuMode mode) {
        return mode == CpuMode.NONE ? "-" : mode.name().toLowerCase(Locale.ROOT);
    }

    /** The lane type as a lower-case word: {@code process}, {@code firewall}. */
    public static String laneType(LaneType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** A lane as {@code machine:name}, the way the text renderer writes it. */
    public static String lane(Lane lane) {
        return lane.machine() + ":" + lane.name();
    }
}
