package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import dev.syssim.kernel.eval.Interpreter;

/**
 * The control channel's requests: interrupt and shutdown, plus kernel_info and comm_info, which need
 * no interpreter. It has its own thread, so it answers while the shell thread runs a cell; requests
 * that would touch the interpreter mid-cell (execute, complete, ...) are not served here.
 */
final class ControlRequests implements RequestHandler {

    private final Interpreter interpreter;
    private final KernelSession session;
    private final Execution execution;
    private final Shutdown shutdown;

    ControlRequests(Interpreter interpreter, KernelSession session, Execution execution, Shutdown shutdown) {
        this.interpreter = interpreter;
        this.session = session;
        this.execution = execution;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(Channel control, Message request) {
        switch (request.type()) {
            case "interrupt_request" -> {
                execution.interrupt();
                JsonObject reply = new JsonObject();
                reply.addProperty("status", "ok");
                control.send(session.reply(request, "interrupt_reply", reply));
            }
            case "shutdown_request" -> shutdown.handle(control, request);
            case "kernel_info_request" -> control.send(session.reply(request, "kernel_info_reply",
                    KernelInfo.content(interpreter.banner(), interpreter.languageInfo())));
            case "comm_info_request" -> control.send(session.reply(request, "comm_info_reply", Comms.info()));
            default -> Log.warn("control: " + request.type() + " is not served on control, no reply");
        }
    }
}
