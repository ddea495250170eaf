package dev.syssim.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns ZeroMQ frames into a {@link Message} and back, following the wire format of the messaging
 * spec: {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content,
 * buffers...]}. The signature is checked before any JSON is parsed, so unauthenticated bytes never
 * reach the parser.
 */
final class WireCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final String[] PART_NAMES = {"header", "parent_header", "metadata", "content"};

    private final Signer signer;

    WireCodec(Signer signer) {
        this.signer = signer;
    }

    Message decode(List<byte[]> frames) throws BadMessage {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) throw new BadMessage("no <IDS|MSG> delimiter in " + frames.size() + " frames");
        int first = delimiter + 2;
        if (frames.size() < first + PART_NAMES.length) {
            throw new BadMessage("missing frames: " + (frames.size() - delimiter - 1) + " after the delimiter, need 5");
        }
        byte[][] raw = frames.subList(first, first + PART_NAMES.length).toArray(new byte[0][]);
        if (!signer.verify(frames.get(delimiter + 1), raw)) throw new BadMessage("bad signature");
        JsonObject[] parts = new JsonObject[PART_NAMES.length];
        for (int i = 0; i < parts.length; i++) parts[i] = parseObject(PART_NAMES[i], raw[i]);
        if (Json.string(parts[0], "msg_type", "").isEmpty()) throw new BadMessage("header has no msg_type");
        if (Json.string(parts[0], "msg_id", "").isEmpty()) throw new BadMessage("header has no msg_id");
        return new Message(frames.subList(0, delimiter), parts[0], parts[1], parts[2], parts[3],
                frames.subList(first + PART_NAMES.length, frames.size()));
    }

    List<byte[]> encode(Message message) {
        byte[][] raw = {
            bytes(message.header()), bytes(message.parentHeader()),
            bytes(message.metadata()), bytes(message.content())
        };
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(raw));
        frames.addAll(Arrays.asList(raw));
        frames.addAll(message.buffers());
        return frames;
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) return i;
        }
        return -1;
    }

    private static JsonObject parseObject(String name, byte[] raw) throws BadMessage {
        try {
            JsonElement element = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) throw new BadMessage(name + " is not a JSON object");
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadMessage("malformed JSON in " + name + ": " + e.getMessage());
        }
    }

    private static byte[] bytes(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
