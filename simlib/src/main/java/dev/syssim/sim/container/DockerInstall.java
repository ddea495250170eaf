package dev.syssim.sim.container;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Debian 12's docker.io, containerd and runc on a machine: the executables, the {@code docker}
 * group (with the student in it, as Docker's post-install steps say), {@code /var/lib/docker},
 * the socket {@code /var/run/docker.sock} (0660 root:docker), and the two daemons running, as
 * systemd starts them at boot (containerd.service, then docker.service).
 *
 * <p>Simplification: the daemons are started directly by the kernel as children of init, not by
 * systemd units (the simulated machines have no systemd); {@code ps} shows them the same.
 */
public final class DockerInstall {

    /** The docker group: a dynamic system group; this is the simulated machines' number. */
    public static final int DOCKER_GID = 106;

    /** Path, program, resident KiB. */
    private static final List<String[]> BINARIES = List.of(
            new String[] {"/usr/bin/docker", "docker", "40000"},
            new String[] {"/usr/sbin/dockerd", "dockerd", "78000"},
            new String[] {"/usr/bin/containerd", "containerd", "42000"},
            new String[] {"/usr/bin/containerd-shim-runc-v2", "containerd-shim-runc-v2", "11000"},
            new String[] {"/usr/sbin/runc", "runc", "9000"});

    private DockerInstall() {
    }

    /** Installs the packages on {@code k}; {@code studentInGroup} puts the student into the docker group. */
    public static void install(Kernel k, boolean studentInGroup) {
        FileSystem fs = k.rootFs();
        for (String[] b : BINARIES) {
            put(fs, b[0], ExecImage.dynamic(b[1], Integer.parseInt(b[2]), "libc.so.6").toBytes(), 0755);
        }
        append(fs, "/etc/group", "docker:x:" + DOCKER_GID + ":" + (studentInGroup ? "student" : "") + "\n");
        mkdirs(fs, "/var/lib/docker", 0710);
        mkdirs(fs, "/var/lib/containerd", 0711);
        Inode var = find(fs, "/var");
        if (!var.entries().containsKey("run")) fs.symlink(var, "run", "/run", 0, 0);
        // /run is a tmpfs mounted at boot: the socket goes into what is mounted there
        dev.syssim.sim.fs.PathWalker.Result run = dev.syssim.sim.fs.PathWalker.resolve(k.init(), "/run", true);
        FileSystem runFs = run.location().mount().fs();
        if (runFs.lookup(k.init(), run.inode(), "docker.sock") == null) {
            Inode sock = runFs.mknod(run.inode(), "docker.sock", FileType.SOCKET, 0660, 0, 0, 0, DOCKER_GID);
            sock.setPermissions(0660);
        }
        Map<String, String> env = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8");
        Process containerd = k.spawn(k.init(), "/usr/bin/containerd", List.of("/usr/bin/containerd"), env, Credentials.root(), null, null);
        Process dockerd = k.spawn(k.init(), "/usr/sbin/dockerd",
                List.of("/usr/sbin/dockerd", "-H", "fd://", "--containerd=/run/containerd/containerd.sock"), env, Credentials.root(), null, null);
        Engine.of(k).setDaemons(dockerd, containerd);
        // dockerd makes docker0 when it starts
        BridgeNetwork.install(k);
    }

    private static Inode find(FileSystem fs, String path) {
        Inode at = fs.root();
        for (String part : path.substring(1).split("/")) {
            at = at.entries().get(part);
            if (at == null) return null;
        }
        return at;
    }

    private static Inode mkdirs(FileSystem fs, String path, int mode) {
        Inode at = fs.root();
        for (String part : path.substring(1).split("/")) {
            Inode next = at.entries().get(part);
            if (next == null) {
                next = fs.mkdir(at, part, 0755, 0, 0);
                next.setPermissions(0755);
            }
            at = next;
        }
        at.setPermissions(mode);
        return at;
    }

    private static void put(FileSystem fs, String path, byte[] data, int mode) {
        int slash = path.lastIndexOf('/');
        Inode dir = find(fs, path.substring(0, slash));
        String name = path.substring(slash + 1);
        if (dir.entries().containsKey(name)) fs.unlink(dir, name);
        fs.createFile(dir, name, mode, 0, 0, data).setPermissions(mode);
    }

    private static void append(FileSystem fs, String path, String text) {
        Inode file = find(fs, path);
        if (file == null) return;
        String old = new String(fs.contentOf(file), StandardCharsets.UTF_8);
        if (old.contains(text)) return;
        fs.writeContent(file, fs.sizeOf(file), text.getBytes(StandardCharsets.UTF_8), true);
    }
}
