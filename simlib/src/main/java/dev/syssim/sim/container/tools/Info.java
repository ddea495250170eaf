package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.ContainerState;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Utsname;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code docker info}'s server part as dockerd 20.10 lays it out, for the fields the simulation has
 * something behind: the counts, the storage and cgroup setup, the kernel's release and the operating
 * system (PRETTY_NAME of the engine machine's {@code /etc/os-release}: Debian's on the laptop,
 * {@code Docker Desktop} in Docker Desktop's VM), CPUs and memory of the machine dockerd runs on.
 *
 * <p>Simplifications: the plugin, runtime and security lists are Debian 12's docker.io's fixed ones;
 * the ID is derived from the machine's name (Docker makes a random one on first start); no
 * warnings (the simulated machines have cgroup v2 with every controller).
 */
final class Info {

    private Info() {
    }

    /** The client's lines (Docker 20.10 prints them before it asks the server). */
    static final String CLIENT = "Client:\n Context:    default\n Debug Mode: false\n\n";

    static String server(Engine e) {
        Kernel k = e.host();
        int running = 0;
        int stopped = 0;
        for (Container c : e.containers()) {
            if (c.state() == ContainerState.RUNNING) running++;
            else stopped++;
        }
        Set<String> ids = new HashSet<>();
        for (Image i : e.images()) ids.add(i.id());
        Utsname u = k.identity();
        StringBuilder b = new StringBuilder("Server:\n");
        b.append(" Containers: ").append(running + stopped).append('\n')
                .append("  Running: ").append(running).append('\n')
                .append("  Paused: 0\n")
                .append("  Stopped: ").append(stopped).append('\n')
                .append(" Images: ").append(ids.size()).append('\n')
                .append(" Server Version: ").append(Engine.VERSION).append('\n')
                .append(" Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Native Overlay Diff: true\n  userxattr: false\n")
                .append(" Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n")
                .append(" Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n")
                .append("  Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog\n")
                .append(" Swarm: inactive\n Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc\n Default Runtime: runc\n")
                .append(" Init Binary: docker-init\n")
                .append(" Security Options:\n  seccomp\n   Profile: default\n  cgroupns\n")
                .append(" Kernel Version: ").append(u.release()).append('\n')
                .append(" Operating System: ").append(prettyName(k)).append('\n')
                .append(" OSType: ").append(u.sysname().toLowerCase()).append('\n')
                .append(" Architecture: ").append(u.machine()).append('\n')
                .append(" CPUs: ").append(k.scheduler().coreCount()).append('\n')
                .append(" Total Memory: ").append(bytesSize(k.memoryKiB() * 1024)).append('\n')
                .append(" Name: ").append(k.machineName()).append('\n')
                .append(" ID: ").append(engineId(k)).append('\n')
                .append(" Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Registry: https://index.docker.io/v1/\n Labels:\n")
                .append(" Experimental: false\n Insecure Registries:\n  127.0.0.0/8\n Live Restore Enabled: false\n\n");
        return b.toString();
    }

    /** 20.10's engine ID's shape (a libtrust key id: twelve groups of four base32 characters), derived from the machine's name. */
    static String engineId(Kernel k) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String hex = dev.syssim.sim.container.Registry.sha256((k.machineName() + " engine id").getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            if (i > 0 && i % 4 == 0) id.append(':');
            id.append(alphabet.charAt(Integer.parseInt(hex.substring(i, i + 2), 16) % 32));
        }
        return id.toString();
    }

    /** PRETTY_NAME from /etc/os-release of the engine's machine (Docker reads the same file), or Linux's default. */
    static String prettyName(Kernel k) {
        PathWalker.Result r = PathWalker.resolve(k.init(), "/etc/os-release", true);
        if (r.ok()) {
            for (String line : new String(r.inode().fs().contentOf(r.inode()), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("PRETTY_NAME=")) return line.substring(12).replace("\"", "");
            }
        }
        return "Linux";
    }

    /** Go's units.BytesSize: binary units, four significant digits ({@code 3.842GiB}). */
    static String bytesSize(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double size = bytes;
        int i = 0;
        while (size >= 1024 && i < units.length - 1) {
            size /= 1024;
            i++;
        }
        return new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros().toPlainString() + units[i];
    }
}
