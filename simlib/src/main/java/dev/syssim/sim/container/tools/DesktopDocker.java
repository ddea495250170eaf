package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.DockerDesktop;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * docker on a Docker Desktop host ({@code /usr/local/bin/docker}): the same client, whose socket's
 * other end is in Docker Desktop's VM ({@link DockerDesktop}). {@code docker --version} answers on
 * the host; every other command goes over the socket and prints what the engine's side printed,
 * with its status. Without the VM's engine, Docker's {@code Cannot connect} message and status 1.
 */
public final class DesktopDocker extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (!args.isEmpty() && (args.get(0).equals("--version") || args.get(0).equals("-v"))) {
            c.print("Docker version " + Engine.VERSION + ", build 297e128\n");
            return c.exit(0);
        }
        if (!wantsStdin(args)) return forward(c, args, new byte[0]);
        // -i from a pipe or file: what the client reads goes along; from a terminal nothing does (see DockerDesktop)
        return c.isatty(0, tty -> {
            if (tty) return forward(c, args, new byte[0]);
            java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
            return c.readAll(0, in, err -> forward(c, args, in.toByteArray()));
        });
    }

    /** {@code run} or {@code exec} with {@code -i} (alone or in a group such as {@code -it}) before the image or container. */
    static boolean wantsStdin(List<String> args) {
        if (args.isEmpty() || !(args.get(0).equals("run") || args.get(0).equals("exec"))) return false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-") || a.equals("--")) return false;
            if (a.equals("--interactive")) return true;
            if (RunOptions.WITH_VALUE.contains(a)) i++;
            else if (!a.startsWith("--") && a.indexOf('i') > 0) return true;
        }
        return false;
    }

    private static Step forward(Libc c, List<String> args, byte[] stdin) {
        return c.sys(new DockerDesktop.Forward(args, stdin), r -> {
            if (r.failed()) {
                String reason = r.errno() == Errno.EACCES
                        ? "permission denied while trying to connect to the Docker daemon socket at unix://" + Engine.SOCKET
                        : "Cannot connect to the Docker daemon at unix://" + Engine.SOCKET + ". Is the docker daemon running?";
                c.eprint(reason + "\n");
                return c.exit(1);
            }
            DockerDesktop.Forwarded f = (DockerDesktop.Forwarded) r.data();
            return c.sys(new DockerDesktop.AwaitForwarded(f), done -> {
                c.printBytes(f.out().bytes());
                c.flushStdout();
                c.eprintBytes(f.err().bytes());
                return c.exitQuietly((int) done.value());
            });
        });
    }

    @Override
    public String manual() {
        return "docker [OPTIONS] COMMAND\n  Docker Desktop's docker client: the same commands as docker's; the engine runs in Docker Desktop's Linux VM.";
    }
}
