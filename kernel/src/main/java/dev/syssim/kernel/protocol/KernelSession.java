package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kernel's side of a Jupyter session: its own session id, which every message it sends carries
 * in its header, and the counter behind unique message ids. Builds replies and publications with the
 * request's header as parent, as the spec asks, so clients can route outputs to the right cell.
 */
public final class KernelSession {

    /** The messaging protocol version the kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    private final String id;
    private final AtomicLong sent = new AtomicLong();

    public KernelSession() {
        this(UUID.randomUUID().toString());
    }

    KernelSession(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A header for a new message of {@code msgType}; its date is protocol metadata, not output. */
    JsonObject header(String msgType) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id + "_" + sent.incrementAndGet());
        header.addProperty("session", id);
        header.addProperty("username", "kernel");
        // jupyter_client parses dates with at most six fractional digits.
        header.addProperty("date", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        header.addProperty("msg_type", msgType);
        header.addProperty("version", PROTOCOL_VERSION);
        return header;
    }

    /** A reply to {@code request}, routed back to its sender. */
    Message reply(Message request, String msgType, JsonObject content) {
        return new Message(request.identities(), header(msgType), request.header(), new JsonObject(),
                content, List.of());
    }

    /** A message whose parent is {@code parent} (null for none), without routing identities. */
    Message child(Message parent, String msgType, JsonObject content) {
        JsonObject parentHeader = parent == null ? new JsonObject() : parent.header();
        return new Message(List.of(), header(msgType), parentHeader, new JsonObject(), content, List.of());
    }
}
