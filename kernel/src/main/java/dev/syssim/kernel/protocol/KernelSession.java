package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.SplittableRandom;
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
        this(newId());
    }

    KernelSession(String id) {
        this.id = id;
    }

    // A random UUID, but not from UUID.randomUUID(): its SecureRandom initialises the JDK's security
    // providers, tens of milliseconds of start-up. The id only has to be unique, not unguessable.
    private static String newId() {
        SplittableRandom random = new SplittableRandom();
        long high = (random.nextLong() & ~0xf000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(3L << 62)) | (2L << 62); // IETF variant
        return new UUID(high, low).toString();
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
        header.addProperty("date", Timestamp.now());
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
