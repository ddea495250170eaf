package dev.syssim.sim.prog.net;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.function.Function;

/**
 * {@code cupsd}, the print server (CUPS 2.4.2), listening on port 631 on every address — the
 * laptop's exposed print server of the lecture. Its web interface answers GET with a short page.
 */
public final class Cupsd extends HttpServer {

    public Cupsd() {
        super(631, 128);
    }

    @Override
    protected String pidName() {
        return "cupsd";
    }

    @Override
    protected String serverHeader() {
        return "CUPS/2.4 IPP/2.1";
    }

    @Override
    protected Step answer(Libc c, String path, String host, Function<Reply, Step> then) {
        return c.sys(new dev.syssim.sim.os.Syscall.Uname(), u -> {
            String name = u.data() instanceof dev.syssim.sim.os.Utsname un ? un.nodename() : "localhost";
            return then.apply(new Reply(200, "OK", "text/html;charset=utf-8", """
                    <!DOCTYPE HTML>
                    <html>
                    <head><title>Home - CUPS 2.4.2</title></head>
                    <body>
                    <h1>CUPS 2.4.2 on %s</h1>
                    <p>CUPS is the standards-based, open source printing system.</p>
                    <p>Printers: none. Administration: <a href="/admin">/admin</a></p>
                    </body>
                    </html>
                    """.formatted(name)));
        });
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "CUPS 2.4.2";
    }

    @Override
    public String manual() {
        return "cupsd -l\n"
                + "  CUPS scheduler. The print server: IPP and its web interface on port 631, on every address of the machine (CUPS 2.4.2).";
    }
}
