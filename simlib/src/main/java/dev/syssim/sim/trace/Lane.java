package dev.syssim.sim.trace;

/**
 * One swimlane of the diagram: an actor on a machine, such as {@code cat[1204]} on {@code laptop},
 * the kernel of {@code border}, or the disk of {@code guest1}.
 */
public record Lane(String machine, LaneType type, String name) {

    public static Lane process(String machine, String command, int pid) {
        return new Lane(machine, LaneType.PROCESS, command + "[" + pid + "]");
    }

    public static Lane kernel(String machine) {
        return new Lane(machine, LaneType.KERNEL, "kernel");
    }

    public static Lane device(String machine, String device) {
        return new Lane(machine, LaneType.DEVICE, device);
    }

    /** The label a renderer prints at the head of the lane: {@code laptop: cat[1204]}. */
    public String title() {
        return machine + ": " + name;
    }
}
