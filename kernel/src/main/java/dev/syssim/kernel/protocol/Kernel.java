package dev.syssim.kernel.protocol;

import dev.syssim.kernel.eval.Interpreter;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A running Jupyter kernel: binds the five sockets of a connection file and serves them on three
 * daemon threads (shell, control, heartbeat) until a {@code shutdown_request} arrives. Control has
 * its own thread so interrupts and shutdowns are answered while the shell thread runs a cell.
 */
public final class Kernel implements AutoCloseable {

    // How long closing waits for unsent messages (the shutdown_reply) to leave; normally microseconds.
    private static final int LINGER_MS = 1000;
    private static final long CLOSE_TIMEOUT_MS = 2000;

    private final ZMQ.Context context;
    private final ConnectionInfo bound;
    private final KernelSession session;
    private final IOPub iopub;
    private final Execution execution;
    private final Shutdown shutdown;

    private Kernel(ConnectionInfo info, Interpreter interpreter) {
        context = ZMQ.context(1);
        session = new KernelSession();
        WireCodec codec = new WireCodec(Signer.of(info.signatureScheme(), info.key()));
        ZMQ.Socket shellSocket = socket(SocketType.ROUTER);
        ZMQ.Socket controlSocket = socket(SocketType.ROUTER);
        ZMQ.Socket stdinSocket = socket(SocketType.ROUTER);
        ZMQ.Socket iopubSocket = socket(SocketType.PUB);
        ZMQ.Socket hbSocket = socket(SocketType.REP);
        bound = new ConnectionInfo(info.transport(), info.ip(),
                bind(shellSocket, info, info.shellPort()), bind(controlSocket, info, info.controlPort()),
                bind(stdinSocket, info, info.stdinPort()), bind(iopubSocket, info, info.iopubPort()),
                bind(hbSocket, info, info.hbPort()), info.signatureScheme(), info.key());

        iopub = new IOPub(iopubSocket, codec, session);
        Stdin stdin = new Stdin(new Channel("stdin", stdinSocket, codec), session);
        HistoryStore history = new HistoryStore();
        execution = new Execution(interpreter, session, iopub, stdin, history);
        shutdown = new Shutdown(session, execution);
        ShellRequests shellRequests = new ShellRequests(interpreter, session, iopub, execution, history, shutdown);
        ControlRequests controlRequests = new ControlRequests(interpreter, session, execution, shutdown);

        daemon("syssim-heartbeat", new Heartbeat(hbSocket));
        daemon("syssim-control", new RequestLoop(new Channel("control", controlSocket, codec), iopub,
                session, controlRequests, () -> { }));
        daemon("syssim-shell", new RequestLoop(new Channel("shell", shellSocket, codec), iopub,
                session, shellRequests, stdin::close));
        // As ipykernel does; usually no one has subscribed yet, and clients ask kernel_info instead.
        iopub.status(null, "starting");
    }

    /** Binds the connection file's ports (0 picks a free one) and starts serving. */
    public static Kernel start(ConnectionInfo info, Interpreter interpreter) {
        return new Kernel(info, interpreter);
    }

    /** The connection the kernel serves, with the ports it actually bound. */
    public ConnectionInfo connection() {
        return bound;
    }

    public String sessionId() {
        return session.id();
    }

    /** Interrupts the running cell, as an {@code interrupt_request} would (used for SIGINT). */
    public void interrupt() {
        execution.interrupt();
    }

    /** Blocks until a client has asked the kernel to shut down (and has been answered). */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdown.await();
    }

    /**
     * Closes the sockets and terminates ZeroMQ, waiting at most two seconds for unsent messages.
     * The loops see ETERM and close their own sockets, as ZeroMQ wants each socket closed by its thread.
     */
    @Override
    public void close() {
        iopub.close();
        Thread terminator = new Thread(context::term, "syssim-zmq-term");
        terminator.setDaemon(true);
        terminator.start();
        try {
            terminator.join(CLOSE_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminator.isAlive()) Log.warn("ZeroMQ did not terminate in time (a cell ignored the interrupt?)");
    }

    private ZMQ.Socket socket(SocketType type) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(LINGER_MS);
        return socket;
    }

    private static int bind(ZMQ.Socket socket, ConnectionInfo info, int port) {
        if (port != 0) {
            socket.bind(info.endpoint(port));
            return port;
        }
        socket.bind(info.transport() + "://" + info.ip() + ":*");
        String endpoint = socket.getLastEndpoint();
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
