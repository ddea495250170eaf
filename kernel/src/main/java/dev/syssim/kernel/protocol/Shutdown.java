package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.concurrent.CountDownLatch;

/**
 * Answers {@code shutdown_request} (on control or shell) and tells the kernel to stop. A restart is
 * the client's job: it waits for this process to exit and starts a new one, so the reply only echoes
 * {@code restart}.
 */
final class Shutdown {

    private final KernelSession session;
    private final Execution execution;
    private final CountDownLatch requested = new CountDownLatch(1);

    Shutdown(KernelSession session, Execution execution) {
        this.session = session;
        this.execution = execution;
    }

    void handle(Channel channel, Message request) {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.addProperty("restart", Json.bool(request.content(), "restart", false));
        channel.send(session.reply(request, "shutdown_reply", reply));
        // A running cell would keep the shell thread (and its socket) busy: stop it first.
        execution.interrupt();
        requested.countDown();
    }

    void await() throws InterruptedException {
        requested.await();
    }
}
