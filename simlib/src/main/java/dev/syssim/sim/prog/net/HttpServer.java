package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An HTTP/1.1 server loop as Apache and CUPS run it: read a request head, answer it, and keep the
 * connection open for the next request (keep-alive) until the client closes it. Only GET and HEAD
 * are served; subclasses decide the answer.
 */
public abstract class HttpServer extends Daemon {

    /** What to send back: status line's code and reason, content type, body. */
    protected record Reply(int status, String reason, String contentType, String body) {
    }

    protected HttpServer(int port, int backlog) {
        super(port, backlog);
    }

    /** The {@code Server:} header. */
    protected abstract String serverHeader();

    /** The answer for a GET of {@code path} from {@code host} (the Host header, or the address). */
    protected abstract Step answer(Libc c, String path, String host, Function<Reply, Step> then);

    @Override
    protected Step serve(Libc c, int conn, Endpoint peer, Supplier<Step> done) {
        return readUntil(c, conn, new ByteArrayOutputStream(), HttpServer::headComplete, request -> {
            if (request == null) return done.get();
            String head = Libc.text(request);
            String[] lines = head.split("\r?\n");
            String[] first = lines[0].split(" ");
            String method = first[0];
            String path = first.length > 1 ? first[1] : "/";
            String host = "";
            boolean close = first.length > 2 && first[2].equals("HTTP/1.0");
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("host:")) host = line.substring(5).trim();
                if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            boolean keepAlive = !close;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return respond(c, conn, new Reply(405, "Method Not Allowed", "text/html; charset=iso-8859-1", ""), false, false, done);
            }
            return answer(c, path, host, reply -> respond(c, conn, reply, method.equals("HEAD"), keepAlive, done));
        });
    }

    private Step respond(Libc c, int conn, Reply reply, boolean head, boolean keepAlive, Supplier<Step> done) {
        return wallClock(c, now -> {
            String date = httpDate(now);
            StringBuilder out = new StringBuilder();
            out.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reply.reason()).append("\r\n");
            out.append("Date: ").append(date).append("\r\n");
            out.append("Server: ").append(serverHeader()).append("\r\n");
            byte[] body = Libc.bytes(reply.body());
            if (reply.status() == 200) {
                out.append("Last-Modified: ").append(date).append("\r\n");
                out.append("ETag: \"").append(Integer.toHexString(body.length)).append("-5f4a1c0e3b2d8\"\r\n");
                out.append("Accept-Ranges: bytes\r\n");
            }
            out.append("Content-Length: ").append(body.length).append("\r\n");
            if (reply.status() == 200) out.append("Vary: Accept-Encoding\r\n");
            if (!keepAlive) out.append("Connection: close\r\n");
            out.append("Content-Type: ").append(reply.contentType()).append("\r\n\r\n");
            if (!head) out.append(reply.body());
            return send(c, conn, out.toString(), () -> keepAlive ? serve(c, conn, null, done) : done.get());
        });
    }

    private static boolean headComplete(byte[] data) {
        String text = Libc.text(data);
        return text.contains("\r\n\r\n") || text.contains("\n\n");
    }

    /** RFC 7231's date: {@code Mon, 05 Jan 2026 10:00:12 GMT}. */
    static String httpDate(long epochNanos) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(Instant.ofEpochSecond(epochNanos / 1_000_000_000L).atOffset(ZoneOffset.UTC));
    }
}
