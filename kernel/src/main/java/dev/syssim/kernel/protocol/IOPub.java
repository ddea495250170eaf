package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The iopub channel: broadcasts status, inputs and outputs to every connected front end. Shell and
 * control both publish (busy/idle around their requests), so sends are serialized by a lock; that
 * keeps the socket safe to share without a relay thread and its extra hop of latency.
 */
final class IOPub {

    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final KernelSession session;
    private boolean closed;

    IOPub(ZMQ.Socket socket, WireCodec codec, KernelSession session) {
        this.socket = socket;
        this.codec = codec;
        this.session = session;
    }

    /** Publishes a message of {@code msgType} whose parent is {@code parent} (null for none). */
    synchronized void publish(Message parent, String msgType, JsonObject content) {
        if (closed) return;
        Message message = session.child(parent, msgType, content);
        List<byte[]> frames = codec.encode(message);
        try {
            // The first frame is the topic; subscribers take everything, ipykernel names topics alike.
            socket.sendMore(("kernel." + session.id() + "." + msgType).getBytes(StandardCharsets.UTF_8));
            int last = frames.size() - 1;
            for (int i = 0; i < last; i++) socket.sendMore(frames.get(i));
            socket.send(frames.get(last));
        } catch (ZMQException e) {
            Log.debug("iopub send failed with error " + e.getErrorCode());
        }
    }

    /** An iopub {@code status} message: {@code starting}, {@code busy} or {@code idle}. */
    void status(Message parent, String executionState) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", executionState);
        publish(parent, "status", content);
    }

    synchronized void close() {
        closed = true;
        socket.close();
    }
}
