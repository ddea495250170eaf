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
                List<byte[]> ping = new ArrayList<>(1);
                do {
                    ping.add(socket.recv());
                } while (socket.hasReceiveMore());
                for (int i = 0; i < ping.size() - 1; i++) socket.sendMore(ping.get(i));
                socket.send(ping.get(ping.size() - 1));
            }
        } catch (ZMQException e) {
            // ETERM: the kernel is shutting down.
        } finally {
            socket.close();
        }
    }
}
