package dev.syssim.sim.trace;

/**
 * Events a bounded trace did not keep one by one, counted by what they were: e.g. 9,412 ×
 * {@code SYSCALL_ENTER} on {@code laptop: yes[1301]} labelled {@code write}.
 */
public record OmittedGroup(Lane lane, EventKind kind, String label, long count) {
}
