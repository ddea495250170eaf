package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file a Jupyter client writes before it starts the kernel: where to bind, how to sign. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int iopubPort, int hbPort, String signatureScheme, String key) {

    /** Reads and checks a connection file. */
    public static ConnectionInfo read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(JsonParser.parseString(text).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException("connection file " + file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    static ConnectionInfo parse(JsonObject json) throws IOException {
        ConnectionInfo info = new ConnectionInfo(
                Json.string(json, "transport", "tcp"),
                Json.string(json, "ip", "127.0.0.1"),
                port(json, "shell_port"), port(json, "control_port"), port(json, "stdin_port"),
                port(json, "iopub_port"), port(json, "hb_port"),
                Json.string(json, "signature_scheme", "hmac-sha256"),
                Json.string(json, "key", ""));
        // JeroMQ's "ipc" is emulated over TCP and cannot talk to libzmq's Unix-socket ipc peers.
        if (!info.transport.equals("tcp")) {
            throw new IOException("transport '" + info.transport + "' is not supported, only tcp");
        }
        return info;
    }

    private static int port(JsonObject json, String key) throws IOException {
        int port = Json.integer(json, key, -1);
        if (port < 0 || port > 65535) throw new IOException("connection file lacks a valid " + key);
        return port;
    }

    /** The ZeroMQ endpoint for a port, e.g. {@code tcp://127.0.0.1:5555}. */
    public String endpoint(int port) {
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        return transport + "://" + host + ":" + port;
    }
}
