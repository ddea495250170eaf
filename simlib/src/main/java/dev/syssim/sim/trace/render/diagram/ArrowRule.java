package dev.syssim.sim.trace.render.diagram;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.render.TraceView;
import java.util.Optional;

/**
 * Decides which events are arrows between two lanes, and which way they point. An event is drawn
 * on the lane where it lands; where it came from is implied by its kind on the same machine (a
 * syscall on a process lane traps into that machine's kernel, an interrupt on a device lane goes
 * to the kernel) or else by its cause: a packet on the wire comes from the NIC that sent it, a VM
 * exit on the hypervisor lane from the guest lane that caused it.
 */
public final class ArrowRule {

    /** How far up the cause chain to look for the lane an event came from. */
    private static final int MAX_CAUSE_STEPS = 16;

    /** An arrow between two lanes. */
    public record Link(Lane from, Lane to, ArrowStyle style) {
    }

    private final TraceView view;

    public ArrowRule(TraceView view) {
        this.view = view;
    }

    /** The arrow for {@code event}, or empty when it is drawn as a dot on its lane. */
    public Optional<Link> arrow(TraceEvent event) {
        Lane lane = event.lane();
        Lane kernel = Lane.kernel(event.machine());
        boolean onProcess = lane.type() == LaneType.PROCESS;
        return switch (event.kind()) {
            case SYSCALL_ENTER -> onProcess ? link(lane, kernel, ArrowStyle.TRAP) : fromCause(event, ArrowStyle.TRAP);
            case EXCEPTION -> onProcess ? link(lane, kernel, ArrowStyle.FAULT) : fromCause(event, ArrowStyle.FAULT);
            case SYSCALL_EXIT -> onProcess ? link(kernel, lane, ArrowStyle.RETURN) : backToCause(event);
            case SIGNAL -> onProcess ? link(kernel, lane, ArrowStyle.SIGNAL) : fromCause(event, ArrowStyle.SIGNAL);
            case INTERRUPT -> lane.type() == LaneType.DEVICE
                    ? link(lane, kernel, ArrowStyle.INTERRUPT) : fromCause(event, ArrowStyle.INTERRUPT);
            case DEVICE_REQUEST -> lane.type() == LaneType.DEVICE
                    ? link(kernel, lane, ArrowStyle.REQUEST) : fromCause(event, ArrowStyle.REQUEST);
            case VM_ENTRY -> resumeGuest(event);
            case VM_EXIT -> fromCause(event, ArrowStyle.VM_EXIT);
            case PACKET -> fromCause(event, ArrowStyle.PACKET);
            case FIREWALL -> fromCause(event, ArrowStyle.VERDICT);
            default -> Optional.empty();
        };
    }

    private Optional<Link> link(Lane from, Lane to, ArrowStyle style) {
        if (from.equals(to) || !view.lanes().contains(from) || !view.lanes().contains(to)) return Optional.empty();
        return Optional.of(new Link(from, to, style));
    }

    private Optional<Link> fromCause(TraceEvent event, ArrowStyle style) {
        return origin(event).flatMap(from -> link(from.lane(), event.lane(), style));
    }

    /** A return on the kernel lane goes back to the lane the call came from. */
    private Optional<Link> backToCause(TraceEvent event) {
        return origin(event).flatMap(from -> link(event.lane(), from.lane(), ArrowStyle.RETURN));
    }

    /** VM entry resumes the kernel of the guest whose exit it answers. */
    private Optional<Link> resumeGuest(TraceEvent event) {
        return origin(event).flatMap(from -> {
            Lane guestKernel = Lane.kernel(from.machine());
            Lane to = view.lanes().contains(guestKernel) ? guestKernel : from.lane();
            return link(event.lane(), to, ArrowStyle.RETURN);
        });
    }

    /** The nearest kept event up the cause chain that happened on another lane. */
    private Optional<TraceEvent> origin(TraceEvent event) {
        TraceEvent current = event;
        for (int step = 0; step < MAX_CAUSE_STEPS && current.hasCause(); step++) {
            Optional<TraceEvent> cause = view.event(current.cause());
            if (cause.isEmpty()) return Optional.empty();
            current = cause.get();
            if (!current.lane().equals(event.lane())) return Optional.of(current);
        }
        return Optional.empty();
    }
}
