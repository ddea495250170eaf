package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter client for protocol tests, written apart from the kernel's own codec: it signs with the
 * JDK's {@code javax.crypto.Mac} and checks the signature of every message it receives, so the tests
 * also check the kernel's signing against an independent implementation.
 */
final class TestClient implements AutoCloseable {

    /** A received message. */
    record Received(String channel, JsonObject header, JsonObject parent, JsonObject metadata, JsonObject content) {
        String type() {
            return header.get("msg_type").getAsString();
        }

        String parentId() {
            return parent.has("msg_id") ? parent.get("msg_id").getAsString() : "";
        }
    }

    // A safety net against a hanging test, not a timing assertion.
    private static final int RECEIVE_TIMEOUT_MS = 20_000;
    // jupyter_client's wait_for_ready gives each kernel_info_request a second before asking again.
    private static final int ASK_AGAIN_MS = 1_000;
    private static final int IOPUB_PROBE_MS = 100;

    private final ZMQ.Context context = ZMQ.context(1);
    private final String key;
    private final String session = UUID.randomUUID().toString();
    private int sent;
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket stdin;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;

    TestClient(ConnectionInfo info) {
        this.key = info.key();
        byte[] identity = session.getBytes(StandardCharsets.US_ASCII);
        shell = connect(SocketType.DEALER, info.endpoint(info.shellPort()), identity);
        control = connect(SocketType.DEALER, info.endpoint(info.controlPort()), identity);
        stdin = connect(SocketType.DEALER, info.endpoint(info.stdinPort()), identity);
        heartbeat = connect(SocketType.REQ, info.endpoint(info.hbPort()), null);
        heartbeat.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        iopub = context.socket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        iopub.connect(info.endpoint(info.iopubPort()));
        awaitReady();
    }

    /** Sends a signed request; returns its msg_id. */
    String send(ZMQ.Socket socket, String msgType, JsonObject content) {
        return send(socket, msgType, content, new JsonObject());
    }

    String send(ZMQ.Socket socket, String msgType, JsonObject content, JsonObject parent) {
        JsonObject header = header(msgType);
        sendFrames(socket, signedFrames(header, parent, content));
        return header.get("msg_id").getAsString();
    }

    JsonObject header(String msgType) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", session + "-" + (++sent));
        header.addProperty("session", session);
        header.addProperty("username", "test");
        header.addProperty("date", "2026-01-01T00:00:00.000Z");
        header.addProperty("msg_type", msgType);
        header.addProperty("version", "5.3");
        return header;
    }

    /** {@code <IDS|MSG>}, signature, header, parent, metadata, content: a well-formed request. */
    List<byte[]> signedFrames(JsonObject header, JsonObject parent, JsonObject content) {
        byte[][] parts = {utf8(header.toString()), utf8(parent.toString()), utf8("{}"), utf8(content.toString())};
        List<byte[]> frames = new ArrayList<>();
        frames.add(utf8("<IDS|MSG>"));
        frames.add(utf8(sign(parts)));
        frames.addAll(List.of(parts));
        return frames;
    }

    void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size() - 1; i++) socket.sendMore(frames.get(i));
        socket.send(frames.get(frames.size() - 1));
    }

    /** The next message on a DEALER socket (shell, control, stdin), signature checked. */
    Received next(ZMQ.Socket socket, String channel) {
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        Received message = receiveOrNull(socket, channel);
        assertNotNull(message, "no message on " + channel);
        return message;
    }

    Received nextShell() {
        return next(shell, "shell");
    }

    Received nextControl() {
        return next(control, "control");
    }

    Received nextStdin() {
        return next(stdin, "stdin");
    }

    Received nextIopub() {
        Received message = receiveIopubOrNull();
        assertNotNull(message, "no message on iopub");
        return message;
    }

    /** The iopub messages of one request, from its busy to its idle status, both included. */
    List<Received> iopubOf(String msgId) {
        List<Received> messages = new ArrayList<>();
        while (true) {
            Received message = nextIopub();
            if (!message.parentId().equals(msgId)) continue;
            messages.add(message);
            if (message.type().equals("status") && message.content().get("execution_state").getAsString().equals("idle")) {
                return messages;
            }
        }
    }

    /** Sends on shell and returns the reply, which must answer this request. */
    Received request(String msgType, JsonObject content) {
        String id = send(shell, msgType, content);
        Received reply = nextShell();
        assertEquals(id, reply.parentId(), "reply answers another request");
        return reply;
    }

    /** Sends an empty-content request on a DEALER and returns the reply, which must answer it. */
    Received request(ZMQ.Socket socket, String msgType) {
        String id = send(socket, msgType, new JsonObject());
        Received reply = next(socket, "control");
        assertEquals(id, reply.parentId(), "reply answers another request");
        return reply;
    }

    Received execute(String code) {
        return request("execute_request", executeContent(code));
    }

    static JsonObject executeContent(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return content;
    }

    String sign(byte[]... parts) {
        if (key.isEmpty()) return "";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(utf8(key), "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (ZMQ.Socket socket : List.of(shell, control, stdin, iopub, heartbeat)) {
            socket.setLinger(0);
            socket.close();
        }
        context.term();
    }

    private ZMQ.Socket connect(SocketType type, String endpoint, byte[] identity) {
        ZMQ.Socket socket = context.socket(type);
        if (identity != null) socket.setIdentity(identity);
        socket.connect(endpoint);
        return socket;
    }

    private Received decode(String channel, List<byte[]> frames) {
        int delimiter = 0;
        while (!new String(frames.get(delimiter), StandardCharsets.UTF_8).equals("<IDS|MSG>")) delimiter++;
        byte[][] parts = frames.subList(delimiter + 2, delimiter + 6).toArray(new byte[0][]);
        assertEquals(sign(parts), new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII),
                "kernel's signature on " + channel);
        return new Received(channel, parse(parts[0]), parse(parts[1]), parse(parts[2]), parse(parts[3]));
    }

    private static JsonObject parse(byte[] json) {
        return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    // A SUB socket misses what is published before its subscription reaches the kernel ("slow
    // joiner"), and the first request on a fresh connection can be lost if ZeroMQ reconnects during
    // its handshake. So, as jupyter_client's wait_for_ready does: ask kernel_info, give the reply a
    // second, ask again; done once a reply has come and iopub has delivered something.
    private void awaitReady() {
        List<String> unanswered = new ArrayList<>();
        String lastAnswered = null;
        long deadline = System.nanoTime() + RECEIVE_TIMEOUT_MS * 1_000_000L;
        shell.setReceiveTimeOut(ASK_AGAIN_MS);
        iopub.setReceiveTimeOut(IOPUB_PROBE_MS);
        try {
            while (System.nanoTime() < deadline) {
                unanswered.add(send(shell, "kernel_info_request", new JsonObject()));
                Received reply = receiveOrNull(shell, "shell");
                if (reply == null) continue;
                lastAnswered = answered(unanswered, reply);
                Received published = receiveIopubOrNull();
                if (published == null) continue;
                finishHandshake(unanswered, lastAnswered, published);
                return;
            }
            throw new AssertionError((lastAnswered == null ? "no kernel_info_reply on shell" : "iopub never delivered a message")
                    + " within " + RECEIVE_TIMEOUT_MS + " ms; kernel threads:\n" + kernelThreads());
        } finally {
            shell.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
            iopub.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        }
    }

    // Leaves both sockets clean for the test: late replies to earlier asks are taken off shell, and
    // iopub is read up to the idle status of the last request the kernel served (it serves in order).
    private void finishHandshake(List<String> unanswered, String lastAnswered, Received published) {
        shell.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        iopub.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        while (!unanswered.isEmpty()) {
            Received late = receiveOrNull(shell, "shell");
            if (late == null) break; // lost as well: nothing more will come
            lastAnswered = answered(unanswered, late);
        }
        if (isIdleOf(published, lastAnswered)) return;
        while (!isIdleOf(nextIopub(), lastAnswered)) {
            // an earlier ask's status, or its kernel_info busy
        }
    }

    // The kernel serves one connection's requests in order, so asks older than an answered one
    // that are still unanswered were lost on the way: only younger ones may still be answered.
    private static String answered(List<String> unanswered, Received reply) {
        int index = unanswered.indexOf(reply.parentId());
        assertTrue(index >= 0, "reply answers another request");
        unanswered.subList(0, index + 1).clear();
        return reply.parentId();
    }

    private static boolean isIdleOf(Received message, String msgId) {
        return message.parentId().equals(msgId) && message.type().equals("status")
                && message.content().get("execution_state").getAsString().equals("idle");
    }

    private Received receiveOrNull(ZMQ.Socket socket, String channel) {
        byte[] first = socket.recv();
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv());
        return decode(channel, frames);
    }

    private Received receiveIopubOrNull() {
        byte[] topic = iopub.recv();
        if (topic == null) return null;
        List<byte[]> frames = new ArrayList<>();
        while (iopub.hasReceiveMore()) frames.add(iopub.recv());
        return decode("iopub", frames);
    }

    // What the kernel's threads were doing, for the message of a failed handshake.
    private static String kernelThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!thread.getName().startsWith("syssim-") && !thread.getName().startsWith("iothread")
                    && !thread.getName().startsWith("reaper")) return;
            dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
            for (int i = 0; i < Math.min(stack.length, 12); i++) dump.append("    at ").append(stack[i]).append('\n');
        });
        return dump.toString();
    }
}
