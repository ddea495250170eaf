package dev.syssim.kernel.protocol;

/** What a channel does with one request; the {@link RequestLoop} around it publishes busy and idle. */
interface RequestHandler {

    /** Handles {@code request}, replying on {@code channel} where the spec asks for a reply. */
    void handle(Channel channel, Message request);

    /**
     * Whether the execute requests now queued must be answered {@code aborted} (after an error with
     * {@code stop_on_error}). Asking clears the flag.
     */
    default boolean takeAbortQueued() {
        return false;
    }
}
