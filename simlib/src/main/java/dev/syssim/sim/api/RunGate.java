package dev.syssim.sim.api;

/**
 * The door every API call that runs or reads the simulation goes through: {@link #enter()} before
 * the world takes its first step (or is read), {@link #exit()} after its last, on the calling
 * thread. A world is not thread-safe, so a program that lets several threads drive one world (the
 * Jupyter kernel, whose Java cells may start threads) gives it a gate that lets one in at a time,
 * and that refuses entry while it is stopping them. Alone, a world's gate is {@link #OPEN}.
 */
public interface RunGate {

    /** A gate that lets every call through: for a world one thread drives. */
    RunGate OPEN = new RunGate() {
        @Override
        public void enter() {
        }

        @Override
        public void exit() {
        }
    };

    /**
     * Called before the simulation runs; may block until the caller's turn, or throw to refuse
     * (the simulation then does not run and the exception reaches the API's caller).
     */
    void enter();

    /** Called after the simulation ran (also when it failed), once for every {@link #enter()} that returned. */
    void exit();
}
