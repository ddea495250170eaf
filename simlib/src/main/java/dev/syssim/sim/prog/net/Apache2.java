package dev.syssim.sim.prog.net;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.function.Function;

/**
 * {@code apache2}, the web server (Apache 2.4.62 on Debian 12), on port 80: serves the files of
 * {@code /var/www/html} ({@code index.html} for a directory), 404 for anything else. One process
 * serves every connection in turn (a real Apache has a pool of workers).
 */
public final class Apache2 extends HttpServer {

    public static final String DOCUMENT_ROOT = "/var/www/html";

    public Apache2() {
        super(80, 511);
    }

    @Override
    protected String pidName() {
        return "apache2";
    }

    @Override
    protected String serverHeader() {
        return "Apache/2.4.62 (Debian)";
    }

    @Override
    protected Step answer(Libc c, String path, String host, Function<Reply, Step> then) {
        String clean = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String file = DOCUMENT_ROOT + (clean.endsWith("/") ? clean + "index.html" : clean);
        if (clean.contains("..")) return then.apply(notFound(host));
        return c.readFile(file, (error, bytes) -> {
            if (bytes == null) return then.apply(notFound(host));
            String type = file.endsWith(".html") ? "text/html" : file.endsWith(".txt") ? "text/plain" : "application/octet-stream";
            return then.apply(new Reply(200, "OK", type, Libc.text(bytes)));
        });
    }

    private Reply notFound(String host) {
        String where = host.isEmpty() ? "localhost" : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return new Reply(404, "Not Found", "text/html; charset=iso-8859-1", """
                <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
                <html><head>
                <title>404 Not Found</title>
                </head><body>
                <h1>Not Found</h1>
                <p>The requested URL was not found on this server.</p>
                <hr>
                <address>Apache/2.4.62 (Debian) Server at %s Port 80</address>
                </body></html>
                """.formatted(where));
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "Apache 2.4.62";
    }

    @Override
    public String manual() {
        return "apache2 -k start\n"
                + "  Apache Hypertext Transfer Protocol Server. Started at boot on the machines that serve the web, it answers GET and HEAD for the files under /var/www/html on port 80 (Apache 2.4.62).";
    }
}
