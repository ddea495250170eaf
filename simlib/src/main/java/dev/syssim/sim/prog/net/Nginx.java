package dev.syssim.sim.prog.net;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.function.Function;

/**
 * {@code nginx} of the registry's {@code nginx} image (1.25, run as {@code nginx -g 'daemon off;'}):
 * a web server on port 80 serving {@code /usr/share/nginx/html}, its index the "Welcome to nginx!"
 * page, 404 otherwise — the container that a published port ({@code -p 8080:80}) reaches.
 *
 * Registered by the container engine ({@code container.tools.ContainerTools}): only that image has it.
 *
 * <p>Simplification: one process serves every connection in turn (real nginx has a master and
 * worker processes), and its configuration file is not read.
 */
public final class Nginx extends HttpServer {

    /** Where the image keeps the pages. */
    public static final String ROOT = "/usr/share/nginx/html";

    public Nginx() {
        super(80, 511);
    }

    @Override
    protected String pidName() {
        return "nginx";
    }

    @Override
    protected String serverHeader() {
        return "nginx/1.25.3";
    }

    @Override
    protected Step answer(Libc c, String path, String host, Function<Reply, Step> then) {
        String clean = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (clean.contains("..")) return then.apply(notFound());
        String file = ROOT + (clean.endsWith("/") ? clean + "index.html" : clean);
        return c.readFile(file, (error, bytes) -> then.apply(bytes == null ? notFound()
                : new Reply(200, "OK", file.endsWith(".html") ? "text/html" : "application/octet-stream", Libc.text(bytes))));
    }

    private static Reply notFound() {
        return new Reply(404, "Not Found", "text/html", """
                <html>
                <head><title>404 Not Found</title></head>
                <body>
                <center><h1>404 Not Found</h1></center>
                <hr><center>nginx/1.25.3</center>
                </body>
                </html>
                """);
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "nginx 1.25.3 (the nginx image)";
    }

    @Override
    public String manual() {
        return "nginx [-g DIRECTIVES]\n  The nginx web server of the nginx image: serves /usr/share/nginx/html on port 80.";
    }
}
