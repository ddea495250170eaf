package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;

/**
 * Comms: the kernel registers no comm targets (no widgets), so {@code comm_info} lists none and a
 * {@code comm_open} is answered with an immediate {@code comm_close}, as the spec asks for an unknown
 * target, so the front end does not keep a half-open comm.
 */
final class Comms {

    private Comms() {
    }

    static JsonObject info() {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("comms", new JsonObject());
        return reply;
    }

    static void refuse(IOPub iopub, Message commOpen) {
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", Json.string(commOpen.content(), "comm_id", ""));
        close.add("data", new JsonObject());
        iopub.publish(commOpen, "comm_close", close);
    }
}
