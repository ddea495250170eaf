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
        return c.sys(new DockerDesktop.Forward(args), r -> {
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
