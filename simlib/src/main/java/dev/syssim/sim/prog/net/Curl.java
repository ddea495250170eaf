package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Set;

/**
 * {@code curl} 7.88.1 for {@code http://} URLs: resolve, connect (non-blocking, with
 * {@code --connect-timeout}), send a GET (or HEAD for {@code -I}), and write the body to standard
 * output ({@code -o FILE} to a file, {@code -i} with the headers). Errors in curl's words and exit
 * codes: {@code curl: (6) Could not resolve host: NAME}, {@code curl: (7) Failed to connect to HOST
 * port P after N ms: Couldn't connect to server}, {@code curl: (28) ... Timeout was reached}; the
 * milliseconds are simulated time. Not simulated: https, redirects, the progress meter curl shows
 * on standard error when standard output is not a terminal.
 */
public final class Curl extends Tool {

    private static final Set<String> LONG_FLAGS = Set.of("silent", "show-error", "verbose", "head", "include", "fail", "location", "version", "help");
    private static final Set<String> LONG_VALUED = Set.of("output", "connect-timeout", "max-time", "user-agent");

    private record Request(String host, Ipv4Address address, int port, String path, boolean head, boolean verbose,
                           boolean silent, boolean showError, boolean include, boolean fail, String output, long startedAt) {
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("curl", c.args().operands(), "sSvIifLV", "omA", LONG_FLAGS, LONG_VALUED, true);
        if (o.failed()) {
            c.eprint(o.error().replace("curl: unrecognized option", "curl: option") + ": is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
            return c.exit(2);
        }
        if (o.hasAny("V", "version")) {
            c.println("curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13");
            c.println("Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8");
            return c.exit(0);
        }
        if (o.operands().isEmpty()) {
            c.eprint("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
            return c.exit(2);
        }
        String url = o.operands().get(0);
        String rest = url;
        if (rest.contains("://")) {
            String scheme = rest.substring(0, rest.indexOf("://")).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                c.eprint("curl: (1) Protocol \"" + scheme + "\" not supported or disabled in libcurl\n");
                return c.exit(1);
            }
            rest = rest.substring(rest.indexOf("://") + 3);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int port = url.startsWith("https://") ? 443 : 80;
        String host = authority;
        if (authority.contains(":")) {
            host = authority.substring(0, authority.indexOf(':'));
            port = NetLib.portNumber(authority.substring(authority.indexOf(':') + 1));
            if (port < 0) {
                c.eprint("curl: (3) URL using bad/illegal format or missing URL\n");
                return c.exit(3);
            }
        }
        boolean silent = o.hasAny("s", "silent");
        boolean showError = o.hasAny("S", "show-error");
        String connectTimeout = o.value("connect-timeout");
        for (String[] limit : new String[][] {{"--connect-timeout", connectTimeout}, {o.value("m") != null ? "-m" : "--max-time", o.value("m", o.value("max-time"))}}) {
            if (limit[1] != null && !limit[1].matches("[0-9]*\\.?[0-9]+|[0-9]+\\.")) {
                c.eprint("curl: option " + limit[0] + ": expected a proper numerical parameter\n"
                        + "curl: try 'curl --help' or 'curl --manual' for more information\n");
                return c.exit(2);
            }
        }
        long timeoutMillis = connectTimeout == null ? 300_000 : (long) (Double.parseDouble(connectTimeout) * 1000);
        // -m/--max-time bounds the whole transfer; while connecting the nearer limit wins, and curl
        // names which one ran out (recorded on curl 7.88.1: a connect limit gives "Failed to connect
        // ... Timeout was reached", the overall one "Connection timed out after N milliseconds").
        // Simplification: the overall limit is applied to the connect only, not to the transfer.
        String maxTime = o.value("m", o.value("max-time"));
        long overallMillis = maxTime == null ? Long.MAX_VALUE : (long) (Double.parseDouble(maxTime) * 1000);
        boolean overallFirst = overallMillis < timeoutMillis;
        if (overallFirst) timeoutMillis = overallMillis;
        String h = host;
        int p = port;
        long limit = timeoutMillis;
        return Daemon.monotonic(c, start -> NetLib.resolve(c, h, addresses -> {
            if (addresses.isEmpty()) return fail(c, silent, showError, 6, "Could not resolve host: " + h);
            Request r = new Request(h, addresses.get(0), p, path, o.hasAny("I", "head"), o.hasAny("v", "verbose"), silent, showError,
                    o.hasAny("i", "include"), o.hasAny("f", "fail"), o.value("o", o.value("output")), start);
            return connect(c, r, (int) limit, overallFirst);
        }));
    }

    private static Step fail(Libc c, boolean silent, boolean showError, int code, String message) {
        if (!silent || showError) c.eprint("curl: (" + code + ") " + message + "\n");
        return c.exit(code);
    }

    private Step connect(Libc c, Request r, int timeoutMillis, boolean overallLimit) {
        if (r.verbose()) c.eprint("*   Trying " + r.address() + ":" + r.port() + "...\n");
        return c.sys(NetSyscalls.SocketCall.tcp(), s -> {
            int fd = s.intValue();
            return Nc.timeoutConnect(c, timeoutMillis, fd, new Endpoint(r.address(), r.port()), result -> Daemon.monotonic(c, now -> {
                long ms = (now - r.startedAt()) / 1_000_000L;
                if (result.timedOut()) {
                    return c.close(fd, () -> fail(c, r.silent(), r.showError(), 28, overallLimit
                            ? "Connection timed out after " + ms + " milliseconds"
                            : "Failed to connect to " + r.host() + " port " + r.port() + " after " + ms + " ms: Timeout was reached"));
                }
                if (!result.ok()) {
                    return c.close(fd, () -> fail(c, r.silent(), r.showError(), 7,
                            "Failed to connect to " + r.host() + " port " + r.port() + " after " + ms + " ms: Couldn't connect to server"));
                }
                if (r.verbose()) c.eprint("* Connected to " + r.host() + " (" + r.address() + ") port " + r.port() + " (#0)\n");
                return request(c, r, fd);
            }));
        });
    }

    private Step request(Libc c, Request r, int fd) {
        String hostHeader = r.host() + (r.port() == 80 ? "" : ":" + r.port());
        String text = (r.head() ? "HEAD " : "GET ") + r.path() + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
        if (r.verbose()) {
            for (String line : text.split("\r\n", -1)) {
                if (!line.isEmpty() || text.endsWith(line + "\r\n")) c.eprint("> " + line + "\n");
            }
        }
        return c.sys(new NetSyscalls.Sendto(fd, Libc.bytes(text), null), sent -> {
            if (sent.failed()) return c.close(fd, () -> fail(c, r.silent(), r.showError(), 55, "Failed sending data to the peer"));
            return response(c, r, fd, new ByteArrayOutputStream());
        });
    }

    /** Reads the head, then as many body bytes as Content-Length says (or until the server closes). */
    private Step response(Libc c, Request r, int fd, ByteArrayOutputStream got) {
        String sofar = got.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = sofar.indexOf("\r\n\r\n");
        if (end >= 0) {
            String head = sofar.substring(0, end);
            int length = contentLength(head);
            int bodyBytes = got.size() - end - 4;
            if (r.head() || (length >= 0 && bodyBytes >= length)) {
                byte[] all = got.toByteArray();
                byte[] body = java.util.Arrays.copyOfRange(all, end + 4, end + 4 + Math.max(0, r.head() ? 0 : length));
                return deliver(c, r, fd, head, body);
            }
        }
        return c.sys(new NetSyscalls.Recvfrom(fd, 102400), in -> {
            if (in.failed() || in.value() == 0) {
                if (end < 0) {
                    return c.close(fd, () -> fail(c, r.silent(), r.showError(), in.failed() && in.errno() == Errno.ECONNRESET ? 56 : 52,
                            in.failed() && in.errno() == Errno.ECONNRESET ? "Recv failure: Connection reset by peer" : "Empty reply from server"));
                }
                byte[] all = got.toByteArray();
                return deliver(c, r, fd, sofar.substring(0, end), java.util.Arrays.copyOfRange(all, end + 4, all.length));
            }
            byte[] data = in.data() instanceof byte[] b ? b : in.bytes();
            got.write(data, 0, data.length);
            return response(c, r, fd, got);
        });
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) return Integer.parseInt(line.substring(15).trim());
        }
        return -1;
    }

    private Step deliver(Libc c, Request r, int fd, String head, byte[] body) {
        if (r.verbose()) {
            for (String line : head.split("\r\n")) c.eprint("< " + line + "\n");
            c.eprint("< \n");
        }
        String status = head.split("\r\n")[0];
        int code = status.split(" ").length > 1 ? Integer.parseInt(status.split(" ")[1]) : 0;
        if (r.fail() && code >= 400) {
            return c.close(fd, () -> fail(c, r.silent(), r.showError(), 22, "The requested URL returned error: " + code));
        }
        StringBuilder out = new StringBuilder();
        if (r.include() || r.head()) out.append(head).append("\r\n\r\n");
        byte[] headBytes = Libc.bytes(out.toString());
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return c.close(fd, () -> {
            if (r.verbose()) c.eprint("* Connection #0 to host " + r.host() + " left intact\n");
            if (r.output() == null) return c.write(1, all, w -> c.exit(0));
            return c.create(r.output(), OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, f -> {
                if (f.failed()) return fail(c, r.silent(), r.showError(), 23, "Failure writing output to destination");
                int out2 = f.intValue();
                return c.write(out2, all, w -> c.close(out2, () -> c.exit(0)));
            });
        });
    }

    @Override
    public String source() {
        return "curl 7.88.1";
    }

    @Override
    public String manual() {
        return "curl [-sSvIif] [-o FILE] [--connect-timeout SECONDS] http://HOST[:PORT]/PATH\n"
                + "  Transfer a URL. Fetches a web page over http (curl 7.88.1) and prints its body.\n"
                + "  A refused connection is \"curl: (7) Failed to connect to HOST port 80 after N ms: Couldn't connect to server\"; with --connect-timeout a silent firewall (DROP) gives \"curl: (28) ... Timeout was reached\".\n"
                + "  -s  silent: no error messages (-S shows them again)\n"
                + "  -v  say what happens: the connection, the request and the answer's headers\n"
                + "  -I  fetch the headers only (HEAD); -i prints them before the body\n"
                + "  -o  write the body to FILE\n"
                + "  -f  fail (exit 22) on an HTTP error instead of printing the error page";
    }
}
