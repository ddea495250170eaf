package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames to messages and back, and the reasons frames are refused. */
class WireCodecTest {

    private final WireCodec codec = new WireCodec(Signer.of("hmac-sha256", "k"));
    private final KernelSession session = new KernelSession("s");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Message request() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "echo hi");
        return new Message(List.of(bytes("client-1")), session.header("execute_request"), new JsonObject(),
                new JsonObject(), content, List.of(bytes("buffer")));
    }

    @Test
    void encodeThenDecodeGivesTheSameMessage() throws BadMessage {
        Message sent = request();
        Message received = codec.decode(codec.encode(sent));
        assertArrayEquals(bytes("client-1"), received.identities().get(0));
        assertEquals(sent.header(), received.header());
        assertEquals(sent.content(), received.content());
        assertArrayEquals(bytes("buffer"), received.buffers().get(0));
        assertEquals("execute_request", received.type());
    }

    @Test
    void encodedFramesFollowTheWireFormat() {
        List<byte[]> frames = codec.encode(request());
        assertEquals(8, frames.size());
        assertEquals("<IDS|MSG>", new String(frames.get(1), StandardCharsets.US_ASCII));
        assertEquals(64, frames.get(2).length);
    }

    private String refusal(List<byte[]> frames) {
        return assertThrows(BadMessage.class, () -> codec.decode(frames)).getMessage();
    }

    @Test
    void framesWithoutDelimiterAreRefused() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.remove(1);
        assertTrue(refusal(frames).contains("delimiter"));
    }

    @Test
    void framesMissingContentAreRefused() {
        List<byte[]> frames = codec.encode(request()).subList(0, 6);
        assertTrue(refusal(frames).contains("missing frames"));
    }

    @Test
    void framesWithATamperedHeaderAreRefusedForTheirSignature() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.set(3, bytes("{\"msg_type\":\"shutdown_request\",\"msg_id\":\"x\"}"));
        assertEquals("bad signature", refusal(frames));
    }

    @Test
    void correctlySignedMalformedJsonIsRefused() {
        byte[][] parts = {bytes("{\"msg_type\":\"x\",\"msg_id\":\"1\"}"), bytes("{}"), bytes("{}"), bytes("{oops")};
        List<byte[]> frames = new ArrayList<>(List.of(WireCodec.DELIMITER, Signer.of("hmac-sha256", "k").sign(parts)));
        frames.addAll(List.of(parts));
        assertTrue(refusal(frames).contains("content"));
    }
}
