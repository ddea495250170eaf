package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import dev.syssim.kernel.protocol.TestClient.Received;
import org.junit.jupiter.api.Test;

/** The control channel: served on its own thread, so it answers while a cell runs. */
class ControlChannelTest extends KernelTestBase {

    @Test
    void interruptStopsTheRunningCellAndTheNextCellRuns() {
        String running = client.send(client.shell, "execute_request", TestClient.executeContent("loop"));
        interpreter.awaitLooping();
        Received interruptReply = client.request(client.control, "interrupt_request");
        assertEquals("interrupt_reply", interruptReply.type());
        assertEquals("ok", interruptReply.content().get("status").getAsString());

        Received reply = client.nextShell();
        assertEquals(running, reply.parentId());
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("Interrupted", reply.content().get("ename").getAsString());
        assertEquals("ok", client.execute("print next").content().get("status").getAsString());
    }

    @Test
    void interruptWhileIdleDoesNotStopTheNextCell() {
        client.request(client.control, "interrupt_request");
        assertEquals("not interrupted\n", outputOf("check"));
    }

    @Test
    void anInterruptIsKeptUntilTheCellLooksForIt() {
        String id = client.send(client.shell, "execute_request", TestClient.executeContent("block then check"));
        interpreter.awaitBlocked();
        client.request(client.control, "interrupt_request");
        interpreter.release();
        client.nextShell();
        assertEquals("interrupted\n", streamOf(id));
    }

    @Test
    void anInterruptTheCellNeverSawDoesNotStopTheNextCell() {
        client.send(client.shell, "execute_request", TestClient.executeContent("block"));
        interpreter.awaitBlocked();
        client.request(client.control, "interrupt_request");
        interpreter.release(); // the cell ends without looking
        client.nextShell();
        assertEquals("not interrupted\n", outputOf("check"));
    }

    private String outputOf(String code) {
        String id = client.send(client.shell, "execute_request", TestClient.executeContent(code));
        client.nextShell();
        return streamOf(id);
    }

    private String streamOf(String id) {
        return client.iopubOf(id).stream().filter(message -> message.type().equals("stream"))
                .map(message -> message.content().get("text").getAsString()).findFirst().orElse("");
    }

    @Test
    void kernelInfoIsAnsweredOnControlWhileTheShellIsBusy() {
        client.send(client.shell, "execute_request", TestClient.executeContent("block"));
        interpreter.awaitBlocked();
        Received info = client.request(client.control, "kernel_info_request");
        assertEquals("ok", info.content().get("status").getAsString());
        interpreter.release();
        assertEquals("ok", client.nextShell().content().get("status").getAsString());
    }

    @Test
    void shutdownOnControlIsAnsweredWithRestartFlagAndStopsTheKernel() throws InterruptedException {
        Received reply = client.request(client.control, "shutdown_request");
        assertEquals("shutdown_reply", reply.type());
        assertEquals("ok", reply.content().get("status").getAsString());
        assertFalse(reply.content().get("restart").getAsBoolean());
        kernel.awaitShutdownRequest();
    }

    @Test
    void shutdownWhileACellRunsInterruptsIt() throws InterruptedException {
        String running = client.send(client.shell, "execute_request", TestClient.executeContent("loop"));
        interpreter.awaitLooping();
        client.request(client.control, "shutdown_request");
        kernel.awaitShutdownRequest();
        Received reply = client.nextShell();
        assertEquals(running, reply.parentId());
        assertEquals("Interrupted", reply.content().get("ename").getAsString());
    }

    @Test
    void shellRequestsSentToControlGetNoReplyAndControlServesOn() {
        String executeOnControl = client.send(client.control, "execute_request", TestClient.executeContent("print x"));
        Received info = client.request(client.control, "kernel_info_request");
        assertEquals("kernel_info_reply", info.type());
        assertEquals(false, info.parentId().equals(executeOnControl));
    }
}
