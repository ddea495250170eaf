package dev.syssim.kernel.protocol;

import java.util.List;

/** What a channel does with one request; the {@link RequestLoop} around it publishes busy and idle. */
interface RequestHandler {

    /** Handles {@code request}, replying on {@code channel} where the spec asks for a reply. */
    void handle(Channel channel, Message request);

    /**
     * Requests taken off the queue after an error with {@code stop_on_error}: their execute requests
     * are to be answered {@code aborted}, the rest served. Asking empties the list.
     */
    default List<Message> takeAbortedQueue() {
        return List.of();
    }
}
