package dev.syssim.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The heartbeat channel: echoes every ping back unchanged (all its frames) so clients know the process is alive. It
 * runs on its own thread, so a long cell never makes the kernel look dead.
 */
final class Heartbeat implements Runnable {

    private final ZMQ.Socket socket;

    Heartbeat(ZMQ.Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            while (true) {
                try {
                    echo();
                } catch (ZMQException e) {
                    if (e.getErrorCode() == zmq.ZError.ETERM) return; // the kernel is shutting down
                    Log.warn("heartbeat: ZeroMQ error " + e.getErrorCode() + ", beating on");
                }
            }
        } finally {
            socket.close();
        }
    }

    private void echo() {
        List<byte[]> ping = new ArrayList<>(1);
        do {
            ping.add(socket.recv());
        } while (socket.hasReceiveMore());
        for (int i = 0; i < ping.size() - 1; i++) socket.sendMore(ping.get(i));
        socket.send(ping.get(ping.size() - 1));
    }
}
