package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Socket;
import dev.syssim.sim.net.stack.PingSocketState;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ping} from iputils 20221126: ICMP echo requests through an ICMP datagram socket, one per
 * second ({@code -i}), {@code -c} of them (else until interrupted), then the statistics. Round-trip
 * times come from the simulated clock, so they are the same on every run. ICMP errors about the
 * requests (a REJECT, an unreachable host) are printed as ping prints them ("From 10.84.0.1
 * icmp_seq=1 Destination Host Prohibited"). After the last request ping waits up to 10 s
 * ({@code -W}) for late replies.
 */
public final class Ping extends Tool {

    private static final long SECOND = 1_000_000_000L;
    private static final long LINGER = 10 * SECOND;
    private static final int PAYLOAD = 56;

    private static final class Run {
        int count = -1;
        long interval = SECOND;
        long linger = LINGER;
        boolean quiet;
        String target;
        String shownName;
        Ipv4Address address;
        int fd;
        int transmitted;
        int received;
        int errors;
        long start = -1;
        long lastActivity;
        long nextSend;
        final long[] sentAt = new long[65536];
        final List<Long> rtts = new ArrayList<>();
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("ping", c.args().operands(), "4nqv", "ciWw");
        if (o.failed()) {
            c.eprint(o.error().replace("ping: ", "ping: ") + "\n");
            return c.exit(2);
        }
        if (o.operands().isEmpty()) {
            c.eprint("ping: usage error: Destination address required\n");
            return c.exit(1);
        }
        Run r = new Run();
        if (o.value("c") != null) r.count = Integer.parseInt(o.value("c"));
        if (o.value("i") != null) r.interval = (long) (Double.parseDouble(o.value("i")) * SECOND);
        if (o.value("W") != null) r.linger = (long) (Double.parseDouble(o.value("W")) * SECOND);
        r.quiet = o.has("q");
        r.target = o.operands().get(o.operands().size() - 1);
        boolean numeric = Ipv4Address.tryParse(r.target).isPresent();
        return NetLib.resolve(c, r.target, addresses -> {
            if (addresses.isEmpty()) {
                c.eprint("ping: " + r.target + ": Name or service not known\n");
                return c.exit(2);
            }
            r.address = addresses.get(0);
            r.shownName = numeric ? null : r.target;
            return c.sys(NetSyscalls.SocketCall.ping(), s -> {
                if (s.failed()) {
                    c.eprint("ping: socket: " + s.errno().message() + "\n");
                    return c.exit(2);
                }
                r.fd = s.intValue();
                return probe(c, r, () -> start(c, r));
            });
        });
    }

    /**
     * iputils first connect()s a UDP probe socket to the target (port 1025) to learn its source
     * address: with no route (an empty network namespace, lo down) that fails and ping stops
     * before sending anything, status 2. Simplification: the probe's other errors (EACCES for a
     * broadcast without -b) are not simulated.
     */
    private static Step probe(Libc c, Run r, java.util.function.Supplier<Step> then) {
        return c.sys(NetSyscalls.SocketCall.udp(), u -> {
            if (u.failed()) return then.get();
            int probe = u.intValue();
            return c.sys(new NetSyscalls.Connect(probe, new dev.syssim.sim.net.stack.Endpoint(r.address, 1025)), k -> c.close(probe, () -> {
                if (!k.failed()) return then.get();
                c.eprint("ping: connect: " + k.errno().message() + "\n");
                return c.exit(2);
            }));
        });
    }

    private Step start(Libc c, Run r) {
        c.println("PING " + r.target + " (" + r.address + ") " + PAYLOAD + "(" + (PAYLOAD + 28) + ") bytes of data.");
        return Daemon.monotonic(c, now -> {
            r.start = now;
            r.nextSend = now;
            return loop(c, r);
        });
    }

    /** Send when due, else wait for a reply until the next send (or the linger after the last). */
    private Step loop(Libc c, Run r) {
        return Daemon.monotonic(c, now -> {
            boolean allSent = r.count >= 0 && r.transmitted >= r.count;
            if (allSent && r.received + r.errors >= r.transmitted) return finish(c, r);
            if (!allSent && now >= r.nextSend) return send(c, r, now);
            long until = allSent ? (r.nextSend - r.interval) + r.linger : r.nextSend;
            if (now >= until) return finish(c, r);
            int waitMillis = (int) Math.max(1, (until - now + 999_999) / 1_000_000);
            NetSyscalls.Poll poll = new NetSyscalls.Poll(List.of(new NetSyscalls.PollFd(r.fd, Socket.POLLIN)), waitMillis);
            return c.sys(poll, p -> {
                if (p.value() == 0) return loop(c, r);
                return c.sys(new NetSyscalls.RecvEcho(r.fd), m -> Daemon.monotonic(c, at -> {
                    if (!m.failed() && m.data() instanceof PingSocketState.Message msg) report(c, r, msg, at);
                    return loop(c, r);
                }));
            });
        });
    }

    private Step send(Libc c, Run r, long now) {
        int seq = r.transmitted + 1;
        return c.sys(new NetSyscalls.SendEcho(r.fd, r.address, seq, PAYLOAD), s -> {
            if (s.failed()) {
                c.eprint("ping: sendmsg: " + s.errno().message() + "\n");
            } else {
                r.sentAt[seq & 0xFFFF] = now;
            }
            r.transmitted++;
            r.lastActivity = now;
            r.nextSend = now + r.interval;
            return loop(c, r);
        });
    }

    private void report(Libc c, Run r, PingSocketState.Message m, long at) {
        r.lastActivity = at;
        String from = r.shownName == null ? m.from().toString()
                : (m.from().equals(r.address) ? r.shownName + " (" + m.from() + ")" : m.from().toString());
        if (m.isError()) {
            r.errors++;
            if (!r.quiet) c.println("From " + m.from() + " icmp_seq=" + m.sequence() + " " + errorText(m.errorType(), m.errorCode()));
            return;
        }
        r.received++;
        long rtt = at - r.sentAt[m.sequence() & 0xFFFF];
        r.rtts.add(rtt);
        if (!r.quiet) c.println(m.bytes() + " bytes from " + from + ": icmp_seq=" + m.sequence() + " ttl=" + m.ttl() + " time=" + replyTime(rtt) + " ms");
    }

    private Step finish(Libc c, Run r) {
        c.println("");
        c.println("--- " + r.target + " ping statistics ---");
        int loss = r.transmitted == 0 ? 0 : (int) ((r.transmitted - r.received) * 100L / r.transmitted);
        long time = (r.lastActivity - r.start) / 1_000_000L;
        c.println(r.transmitted + " packets transmitted, " + r.received + " received"
                + (r.errors > 0 ? ", +" + r.errors + " errors" : "") + ", " + loss + "% packet loss, time " + time + "ms");
        if (!r.rtts.isEmpty()) {
            long min = Long.MAX_VALUE;
            long max = 0;
            double sum = 0;
            double squares = 0;
            for (long t : r.rtts) {
                long us = t / 1000;
                min = Math.min(min, us);
                max = Math.max(max, us);
                sum += us;
                squares += (double) us * us;
            }
            double avg = sum / r.rtts.size();
            long mdev = (long) Math.sqrt(Math.max(0, squares / r.rtts.size() - avg * avg));
            c.println("rtt min/avg/max/mdev = " + ms(min) + "/" + ms((long) avg) + "/" + ms(max) + "/" + ms(mdev) + " ms");
        }
        return c.close(r.fd, () -> c.exit(r.received > 0 ? 0 : 1));
    }

    /** Microseconds as {@code 0.083}: milliseconds with three decimals. */
    private static String ms(long micros) {
        return String.format("%d.%03d", micros / 1000, micros % 1000);
    }

    /** ping's precision for one reply: 3 decimals under 1 ms ... none from 100 ms. */
    private static String replyTime(long nanos) {
        long us = nanos / 1000;
        if (us >= 100_000) return Long.toString(us / 1000);
        if (us >= 10_000) return String.format("%d.%01d", us / 1000, (us % 1000) / 100);
        if (us >= 1_000) return String.format("%d.%02d", us / 1000, (us % 1000) / 10);
        return String.format("%d.%03d", us / 1000, us % 1000);
    }

    /** iputils' words for an ICMP error. */
    static String errorText(int type, int code) {
        if (type == Icmp.TIME_EXCEEDED) return "Time to live exceeded";
        if (type != Icmp.DEST_UNREACH) return "Bad ICMP type: " + type;
        return switch (code) {
            case Icmp.NET_UNREACH -> "Destination Net Unreachable";
            case Icmp.HOST_UNREACH -> "Destination Host Unreachable";
            case Icmp.PROT_UNREACH -> "Destination Protocol Unreachable";
            case Icmp.PORT_UNREACH -> "Destination Port Unreachable";
            case Icmp.FRAG_NEEDED -> "Frag needed";
            case Icmp.NET_PROHIBITED -> "Destination Net Prohibited";
            case Icmp.HOST_PROHIBITED -> "Destination Host Prohibited";
            case Icmp.ADMIN_PROHIBITED -> "Packet filtered";
            default -> "Dest Unreachable, Bad Code: " + code;
        };
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "iputils 20221126";
    }

    @Override
    public String manual() {
        return "ping [-c count] [-i interval] [-W timeout] [-q] destination\n"
                + "  Send ICMP ECHO_REQUEST to network hosts. Reports each reply with its round-trip time, the ICMP errors routers send back, and the statistics (iputils 20221126). Without -c ping runs until interrupted.\n"
                + "  -c  stop after count requests\n"
                + "  -i  seconds between requests (1)\n"
                + "  -W  seconds to wait for replies after the last request (10)\n"
                + "  -q  quiet: only the statistics";
    }
}
