package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A complete kernel session in one process, over loopback: a client that sends a running kernel
 * every request type once, runs some cells and shuts the kernel down. The installer runs it under
 * {@code -XX:ArchiveClassesAtExit}, so the class-data archive holds what a real session loads.
 */
public final class Rehearsal {

    /** The key the rehearsal's client signs with; the kernel's connection must use it too. */
    public static final String KEY = "rehearsal";

    private Rehearsal() {
    }

    /**
     * Runs the session against {@code kernel}, whose connection must be signed with {@link #KEY};
     * returns when the kernel has answered the shutdown request.
     */
    public static void run(Kernel kernel, List<String> cells) throws InterruptedException {
        try (ZMQ.Context context = ZMQ.context(1)) {
            ConnectionInfo info = kernel.connection();
            WireCodec codec = new WireCodec(Signer.of("hmac-sha256", KEY));
            KernelSession client = new KernelSession("rehearsal-client");
            Channel shell = connect(context, SocketType.DEALER, info, info.shellPort(), codec, "shell");
            Channel control = connect(context, SocketType.DEALER, info, info.controlPort(), codec, "control");
            ZMQ.Socket iopub = context.socket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            iopub.connect(info.endpoint(info.iopubPort()));

            ask(shell, client, "kernel_info_request", new JsonObject());
            for (String cell : cells) {
                JsonObject execute = new JsonObject();
                execute.addProperty("code", cell);
                ask(shell, client, "execute_request", execute);
            }
            JsonObject code = new JsonObject();
            code.addProperty("code", cells.isEmpty() ? "" : cells.get(0));
            code.addProperty("cursor_pos", 2);
            ask(shell, client, "complete_request", code);
            ask(shell, client, "inspect_request", code);
            ask(shell, client, "is_complete_request", code);
            JsonObject history = new JsonObject();
            history.addProperty("hist_access_type", "search");
            history.addProperty("pattern", "*");
            ask(shell, client, "history_request", history);
            ask(shell, client, "comm_info_request", new JsonObject());
            ask(control, client, "interrupt_request", new JsonObject());
            ask(control, client, "shutdown_request", new JsonObject());
            kernel.awaitShutdownRequest();
            while (iopub.recv(ZMQ.DONTWAIT) != null) {
                // drain what was published, so the client side's receive path is loaded too
            }
            shell.close();
            control.close();
            iopub.close();
        }
    }

    private static Channel connect(ZMQ.Context context, SocketType type, ConnectionInfo info, int port,
                                   WireCodec codec, String name) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(0);
        socket.connect(info.endpoint(port));
        return new Channel(name, socket, codec);
    }

    private static void ask(Channel channel, KernelSession client, String msgType, JsonObject content) {
        channel.send(client.child(null, msgType, content));
        Optional<Message> reply;
        do {
            reply = channel.receive();
        } while (reply.isEmpty());
    }
}
