package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.Optional;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The stdin channel: asks the front end for a line ({@code input_request}) and waits for its
 * {@code input_reply}. The wait blocks in ZeroMQ and is woken by a cancellation token when the cell
 * is interrupted, so an interrupt ends an unanswered prompt at once instead of after a poll interval.
 * Used from the shell thread, except {@link #cancel()}.
 */
final class Stdin {

    private final Channel channel;
    private final KernelSession session;
    private final ZMQ.CancellationToken token;

    Stdin(Channel channel, KernelSession session) {
        this.channel = channel;
        this.session = session;
        this.token = channel.cancellationToken();
    }

    /** Clears an old cancellation; called as a cell starts, so only this cell's interrupt counts. */
    void arm() {
        token.reset();
    }

    /** Ends the current (or the cell's next) wait for input. Thread-safe. */
    void cancel() {
        token.cancel();
    }

    /**
     * Sends an {@code input_request} for the cell run by {@code request} and returns the answer, or
     * empty when the wait was cancelled by an interrupt.
     */
    Optional<String> ask(Message request, String prompt, boolean password) {
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", password);
        // Routed with the shell request's identities: jupyter_client uses one identity for shell and stdin.
        Message inputRequest = session.reply(request, "input_request", content);
        channel.send(inputRequest);
        while (true) {
            Optional<Message> received;
            try {
                received = channel.receive(token);
            } catch (ZMQException e) {
                if (e.getErrorCode() == zmq.ZError.ECANCELED) return Optional.empty();
                throw e;
            }
            if (received.isEmpty()) continue;
            Message reply = received.get();
            // jupyter_client sends input_reply without a parent header, so only a reply that names
            // another (an interrupted, older) prompt is refused.
            String answersTo = Json.string(reply.parentHeader(), "msg_id", "");
            if (reply.type().equals("input_reply") && (answersTo.isEmpty() || answersTo.equals(inputRequest.id()))) {
                return Optional.of(Json.string(reply.content(), "value", ""));
            }
            Log.warn("stdin: ignored " + reply.type() + " that does not answer " + inputRequest.id());
        }
    }

    void close() {
        channel.close();
    }
}
