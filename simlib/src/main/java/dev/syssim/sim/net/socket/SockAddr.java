package dev.syssim.sim.net.socket;

import dev.syssim.sim.net.stack.Endpoint;

/** How strace prints a {@code struct sockaddr_in}. */
public final class SockAddr {

    private SockAddr() {
    }

    public static String of(Endpoint e) {
        return "{sa_family=AF_INET, sin_port=htons(" + e.port() + "), sin_addr=inet_addr(\"" + e.address() + "\")}";
    }

    /** The poll event bits by name, {@code POLLIN|POLLOUT}. */
    public static String pollEvents(int bits) {
        StringBuilder b = new StringBuilder();
        if ((bits & Socket.POLLIN) != 0) b.append("POLLIN|");
        if ((bits & Socket.POLLOUT) != 0) b.append("POLLOUT|");
        if ((bits & Socket.POLLERR) != 0) b.append("POLLERR|");
        if ((bits & Socket.POLLHUP) != 0) b.append("POLLHUP|");
        return b.length() == 0 ? "0" : b.substring(0, b.length() - 1);
    }
}
