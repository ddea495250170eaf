package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.zeromq.ZMQException;

/**
 * The thread body of a request channel (shell or control): receive, publish {@code busy}, handle,
 * publish {@code idle}, forever. Receiving blocks in ZeroMQ, so a request is served as soon as it
 * arrives. Nothing a message contains can end the loop: bad frames are dropped by the channel and a
 * failing handler is logged. The loop ends when the kernel terminates the ZeroMQ context.
 */
final class RequestLoop implements Runnable {

    private final Channel channel;
    private final IOPub iopub;
    private final KernelSession session;
    private final RequestHandler handler;
    private final Runnable onExit;

    RequestLoop(Channel channel, IOPub iopub, KernelSession session, RequestHandler handler, Runnable onExit) {
        this.channel = channel;
        this.iopub = iopub;
        this.session = session;
        this.handler = handler;
        this.onExit = onExit;
    }

    @Override
    public void run() {
        try {
            while (serveNext()) {
                // one request per turn
            }
        } finally {
            channel.close();
            onExit.run();
        }
    }

    /** Serves the next request; false once ZeroMQ is terminated (the kernel shuts down). */
    private boolean serveNext() {
        try {
            Optional<Message> request = channel.receive();
            if (request.isPresent()) {
                serve(request.get());
                answerAbortedQueue(handler.takeAbortedQueue());
            }
            return true;
        } catch (ZMQException e) {
            if (e.getErrorCode() == zmq.ZError.ETERM) return false;
            Log.warn(channel.name() + ": ZeroMQ error " + e.getErrorCode() + ", serving on");
            return true;
        }
    }

    private void serve(Message request) {
        iopub.status(request, "busy");
        try {
            handler.handle(channel, request);
        } catch (ZMQException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            Log.warn(channel.name() + ": failed on " + request.type() + ": " + e);
        } finally {
            iopub.status(request, "idle");
        }
    }

    // ipykernel's behaviour after an error with stop_on_error: execute requests that were already
    // waiting are answered "aborted" without running; anything else queued is served normally.
    private void answerAbortedQueue(List<Message> queue) {
        for (Message queued : queue) {
            if (queued.type().equals("execute_request")) {
                iopub.status(queued, "busy");
                JsonObject aborted = new JsonObject();
                aborted.addProperty("status", "aborted");
                channel.send(session.reply(queued, "execute_reply", aborted));
                iopub.status(queued, "idle");
            } else {
                serve(queued);
            }
        }
    }
}
