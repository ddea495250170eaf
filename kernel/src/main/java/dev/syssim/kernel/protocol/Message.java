package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Jupyter message: the routing identities of the sender, then header, parent header, metadata and
 * content as JSON objects, and any binary buffers.
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                      JsonObject metadata, JsonObject content, List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    /** The {@code msg_type} of the header, e.g. {@code execute_request}. */
    public String type() {
        return Json.string(header, "msg_type", "");
    }

    public String id() {
        return Json.string(header, "msg_id", "");
    }
}
