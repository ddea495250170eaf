package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.prog.Libc;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Postfix's {@code master} with its SMTP server on port 25 (Postfix 3.7 on Debian 12): greets
 * with {@code 220 HOST ESMTP Postfix (Debian/GNU)} and answers HELO/EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP and QUIT the way smtpd does; mail is accepted ("queued") and dropped. The simulation's one
 * process does the work of master and its smtpd children.
 */
public final class PostfixMaster extends Daemon {

    public PostfixMaster() {
        super(25, 100);
    }

    @Override
    protected String pidName() {
        return "postfix";
    }

    @Override
    protected Step serve(Libc c, int conn, Endpoint peer, Supplier<Step> done) {
        return c.sys(new Syscall.Uname(), u -> {
            String host = u.data() instanceof Utsname un ? un.nodename() : "localhost";
            return send(c, conn, "220 " + host + " ESMTP Postfix (Debian/GNU)\r\n", () -> session(c, conn, host, false, new byte[0], done));
        });
    }

    private Step session(Libc c, int conn, String host, boolean inData, byte[] pending, Supplier<Step> done) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(pending, 0, pending.length);
        return readUntil(c, conn, buffer, Daemon::hasLine, data -> {
            if (data == null) return done.get();
            if (!hasLine(data)) return done.get();
            String[] split = splitLine(data);
            String line = split[0];
            byte[] rest = Libc.bytes(split[1]);
            if (inData) {
                if (line.equals(".")) {
                    return send(c, conn, "250 2.0.0 Ok: queued as 4F2A1C0E3B\r\n", () -> session(c, conn, host, false, rest, done));
                }
                return session(c, conn, host, true, rest, done);
            }
            String verb = line.split(" ")[0].toUpperCase(Locale.ROOT);
            return switch (verb) {
                case "HELO" -> send(c, conn, "250 " + host + "\r\n", () -> session(c, conn, host, false, rest, done));
                case "EHLO" -> send(c, conn, "250-" + host + "\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
                        () -> session(c, conn, host, false, rest, done));
                case "MAIL" -> send(c, conn, "250 2.1.0 Ok\r\n", () -> session(c, conn, host, false, rest, done));
                case "RCPT" -> send(c, conn, "250 2.1.5 Ok\r\n", () -> session(c, conn, host, false, rest, done));
                case "DATA" -> send(c, conn, "354 End data with <CR><LF>.<CR><LF>\r\n", () -> session(c, conn, host, true, rest, done));
                case "RSET", "NOOP" -> send(c, conn, "250 2.0.0 Ok\r\n", () -> session(c, conn, host, false, rest, done));
                case "QUIT" -> send(c, conn, "221 2.0.0 Bye\r\n", done);
                default -> send(c, conn, "502 5.5.2 Error: command not recognized\r\n", () -> session(c, conn, host, false, rest, done));
            };
        });
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "Postfix 3.7.11";
    }

    @Override
    public String manual() {
        return "master -w\n"
                + "  Postfix master process. Here it also serves SMTP on port 25: the 220 greeting, HELO/EHLO, MAIL FROM, RCPT TO, DATA, QUIT (Postfix 3.7).";
    }
}
