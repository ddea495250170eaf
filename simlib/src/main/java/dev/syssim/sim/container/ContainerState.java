package dev.syssim.sim.container;

/** A container's state as {@code docker ps -a} and {@code docker inspect} name it. */
public enum ContainerState {
    /** Made, not started (or its process could not be executed). */
    CREATED,
    RUNNING,
    EXITED
}
