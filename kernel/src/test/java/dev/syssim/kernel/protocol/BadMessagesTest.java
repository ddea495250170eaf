package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages the kernel must drop without a reply, and keep serving after. Each test sends the bad
 * message and then a good one on the same socket: channels serve in order, so the first reply must
 * answer the good one; a reply to the bad one would come first.
 */
class BadMessagesTest extends KernelTestBase {

    private void assertNextReplyAnswers(String goodId) {
        assertEquals(goodId, client.nextShell().parentId());
    }

    private String sendGoodKernelInfo() {
        return client.send(client.shell, "kernel_info_request", new JsonObject());
    }

    private List<byte[]> framesOf(String msgType) {
        return new java.util.ArrayList<>(client.signedFrames(client.header(msgType), new JsonObject(), new JsonObject()));
    }

    @Test
    void messageWithABadSignatureIsDropped() {
        List<byte[]> frames = framesOf("kernel_info_request");
        frames.set(1, TestClient.utf8("0".repeat(64)));
        client.sendFrames(client.shell, frames);
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void messageSignedWithAnotherKeyIsDroppedAgainAndAgain() {
        for (int i = 0; i < 3; i++) {
            List<byte[]> frames = framesOf("execute_request");
            frames.set(1, TestClient.utf8(new StringBuilder(new String(frames.get(1))).reverse().toString()));
            client.sendFrames(client.shell, frames);
        }
        assertNextReplyAnswers(sendGoodKernelInfo());
        assertEquals("ok", client.execute("print alive").content().get("status").getAsString());
    }

    @Test
    void messageWithMalformedJsonIsDropped() {
        JsonObject header = client.header("kernel_info_request");
        byte[][] parts = {TestClient.utf8(header.toString()), TestClient.utf8("{}"), TestClient.utf8("{}"),
            TestClient.utf8("{\"code\": ")};
        client.sendFrames(client.shell, List.of(TestClient.utf8("<IDS|MSG>"), TestClient.utf8(client.sign(parts)),
                parts[0], parts[1], parts[2], parts[3]));
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void messageWhoseContentIsNotAnObjectIsDropped() {
        JsonObject header = client.header("kernel_info_request");
        byte[][] parts = {TestClient.utf8(header.toString()), TestClient.utf8("{}"), TestClient.utf8("{}"),
            TestClient.utf8("[1, 2]")};
        client.sendFrames(client.shell, List.of(TestClient.utf8("<IDS|MSG>"), TestClient.utf8(client.sign(parts)),
                parts[0], parts[1], parts[2], parts[3]));
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void messageWithMissingFramesIsDropped() {
        List<byte[]> frames = framesOf("kernel_info_request");
        client.sendFrames(client.shell, frames.subList(0, 4));
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void messageWithoutDelimiterIsDropped() {
        List<byte[]> frames = framesOf("kernel_info_request");
        client.sendFrames(client.shell, frames.subList(1, frames.size()));
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void headerWithoutMsgTypeIsDropped() {
        JsonObject header = client.header("kernel_info_request");
        header.remove("msg_type");
        client.sendFrames(client.shell, client.signedFrames(header, new JsonObject(), new JsonObject()));
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void unknownShellMessageTypeGetsNoReply() {
        client.send(client.shell, "no_such_request", new JsonObject());
        assertNextReplyAnswers(sendGoodKernelInfo());
    }

    @Test
    void badMessagesOnControlAreDroppedToo() {
        List<byte[]> frames = framesOf("shutdown_request");
        frames.set(1, TestClient.utf8("f".repeat(64)));
        client.sendFrames(client.control, frames);
        String good = client.send(client.control, "kernel_info_request", new JsonObject());
        assertEquals(good, client.nextControl().parentId());
    }
}
