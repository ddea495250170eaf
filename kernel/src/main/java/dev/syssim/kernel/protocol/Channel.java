package dev.syssim.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A ROUTER socket that speaks signed Jupyter messages (shell, control or stdin). Receiving blocks in
 * ZeroMQ until frames arrive, so a request is handled the moment it lands. Frames that do not make a
 * valid message are logged and dropped here, and the caller simply receives the next one. Used by one
 * thread only, as ZeroMQ sockets require.
 */
final class Channel {

    private final String name;
    private final ZMQ.Socket socket;
    private final WireCodec codec;

    Channel(String name, ZMQ.Socket socket, WireCodec codec) {
        this.name = name;
        this.socket = socket;
        this.codec = codec;
    }

    String name() {
        return name;
    }

    /**
     * Waits for the next valid message. Empty when the frames were dropped.
     *
     * @throws ZMQException with ETERM when the kernel shuts down
     */
    Optional<Message> receive() {
        return decode(receiveFrames(0, null));
    }

    /** Like {@link #receive()}, but gives up with ECANCELED when {@code token} is cancelled. */
    Optional<Message> receive(ZMQ.CancellationToken token) {
        return decode(receiveFrames(0, token));
    }

    /** Every valid message already queued on the socket, without waiting for more. */
    List<Message> drainQueued() {
        List<Message> queued = new ArrayList<>();
        while (true) {
            List<byte[]> frames = receiveFrames(ZMQ.DONTWAIT, null);
            if (frames == null) return queued;
            decode(frames).ifPresent(queued::add);
        }
    }

    void send(Message message) {
        List<byte[]> frames = codec.encode(message);
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) socket.sendMore(frames.get(i));
        socket.send(frames.get(last));
    }

    ZMQ.CancellationToken cancellationToken() {
        return socket.createCancellationToken();
    }

    void close() {
        socket.close();
    }

    private List<byte[]> receiveFrames(int flags, ZMQ.CancellationToken token) {
        byte[] first = token == null ? socket.recv(flags) : socket.recv(flags, token);
        if (first == null) return null; // nothing queued (DONTWAIT)
        List<byte[]> frames = new ArrayList<>(8);
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv());
        return frames;
    }

    private Optional<Message> decode(List<byte[]> frames) {
        try {
            Message message = codec.decode(frames);
            Log.debug(name + " <- " + message.type() + " " + message.id());
            return Optional.of(message);
        } catch (BadMessage e) {
            Log.warn("dropped a message on " + name + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
