package dev.syssim.sim.container;

import dev.syssim.sim.fs.Mount;
import dev.syssim.sim.os.WaitQueue;

/**
 * One container: its id and name, the image and command it runs, where its root is mounted on the
 * host, and its life cycle (created, running with a pid, exited with a status). The engine owns it;
 * dockerd, the shim and runc change it through {@link EngineCalls}.
 */
public final class Container {

    private final String id;
    private final String name;
    private final Image image;
    private final RunSpec spec;
    private final java.util.List<String> command;
    private final long created;
    private final java.util.List<Device> devices;
    private final String hostName;
    final WaitQueue changes = new WaitQueue("container_wait");
    private ContainerState state = ContainerState.CREATED;
    private int hostPid;
    private int exitCode;
    private long finished;
    private String startError;
    private boolean startDecided;
    private Mount rootfs;

    Container(String id, String name, Image image, RunSpec spec, java.util.List<String> command, long created, java.util.List<Device> devices,
              String hostName) {
        this.hostName = hostName;
        this.devices = java.util.List.copyOf(devices);
        this.id = id;
        this.name = name;
        this.image = image;
        this.spec = spec;
        this.command = java.util.List.copyOf(command);
        this.created = created;
    }

    public String id() {
        return id;
    }

    /** The 12 hex digits ps shows, and the container's hostname. */
    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    public Image image() {
        return image;
    }

    public RunSpec spec() {
        return spec;
    }

    /** The command it runs: the one given, else the image's CMD. */
    public java.util.List<String> command() {
        return command;
    }

    /** The host devices it was given ({@code --device}). */
    public java.util.List<Device> devices() {
        return devices;
    }

    /** The user its process runs as: {@code --user}, else the image's USER ({@code ""}: root). */
    public String user() {
        return spec.user() != null ? spec.user() : image.config().user();
    }

    /** The directory its process starts in: {@code --workdir} (or a build step's), else the image's WORKDIR, else /. */
    public String workdir() {
        String w = spec.workdir() != null ? spec.workdir() : image.config().workdir();
        return w.isEmpty() ? "/" : w;
    }

    public long created() {
        return created;
    }

    public ContainerState state() {
        return state;
    }

    public int hostPid() {
        return hostPid;
    }

    public int exitCode() {
        return exitCode;
    }

    public long finished() {
        return finished;
    }

    /** Why runc could not start it (Docker's text after {@code Error response from daemon: }), or null. */
    public String startError() {
        return startError;
    }

    /** Whether runc has said started or failed. */
    public boolean startDecided() {
        return startDecided;
    }

    /** The host path of its merged root: /var/lib/docker/overlay2/ID/merged. */
    public String rootPath() {
        return "/var/lib/docker/overlay2/" + id + "/merged";
    }

    /** The cgroup runc makes for it (Docker's systemd cgroup driver names it so). */
    public String cgroupPath() {
        return "/sys/fs/cgroup/system.slice/docker-" + id + ".scope";
    }

    /** {@code --hostname}, else the short id; on the host's network, the host's name (Docker gives it the host's, as its /etc/hostname). */
    public String hostname() {
        if (spec.hostname() != null) return spec.hostname();
        return spec.network().equals("host") ? hostName : shortId();
    }

    Mount rootfs() {
        return rootfs;
    }

    void setRootfs(Mount m) {
        this.rootfs = m;
    }

    void started(int pid) {
        state = ContainerState.RUNNING;
        hostPid = pid;
        startDecided = true;
    }

    void startFailed(String error, int status) {
        startError = error;
        exitCode = status;
        startDecided = true;
    }

    void exited(int status, long at) {
        if (state == ContainerState.RUNNING) {
            state = ContainerState.EXITED;
            exitCode = status;
        }
        finished = at;
        hostPid = 0;
        startDecided = true;
    }
}
