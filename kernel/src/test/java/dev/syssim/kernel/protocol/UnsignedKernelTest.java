package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** A connection file with an empty key: no signatures either way, as jupyter_client does it. */
class UnsignedKernelTest extends KernelTestBase {

    @Override
    ConnectionInfo connection() {
        return new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, "hmac-sha256", "");
    }

    @Test
    void unsignedRequestsAreServed() {
        assertEquals("ok", client.request("kernel_info_request", new JsonObject()).content().get("status").getAsString());
    }
}
