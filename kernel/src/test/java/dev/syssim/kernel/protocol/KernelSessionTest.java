package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers the kernel puts on what it sends. */
class KernelSessionTest {

    @Test
    void sessionIdIsAVersion4Uuid() {
        assertTrue(new KernelSession().id().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void headersCarryTheSessionTypeVersionAndUniqueIds() {
        KernelSession session = new KernelSession("kernel-1");
        JsonObject first = session.header("status");
        JsonObject second = session.header("status");
        assertEquals("kernel-1", first.get("session").getAsString());
        assertEquals("status", first.get("msg_type").getAsString());
        assertEquals("5.3", first.get("version").getAsString());
        assertTrue(first.get("date").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertNotEquals(first.get("msg_id").getAsString(), second.get("msg_id").getAsString());
    }

    @Test
    void aReplyGoesBackToTheSenderWithTheRequestAsParent() {
        KernelSession session = new KernelSession("kernel-1");
        Message request = new Message(List.of(new byte[] {7}), new KernelSession("client").header("kernel_info_request"),
                new JsonObject(), new JsonObject(), new JsonObject(), List.of());
        Message reply = session.reply(request, "kernel_info_reply", new JsonObject());
        assertEquals(request.header(), reply.parentHeader());
        assertEquals(7, reply.identities().get(0)[0]);
        assertEquals("kernel-1", reply.header().get("session").getAsString());
    }
}
