package dev.syssim.sim.container;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import java.util.List;
import java.util.Map;

/**
 * The calls of the engine's processes. On Linux the client speaks HTTP to dockerd over the Unix
 * socket, dockerd speaks gRPC to containerd, and the shim learns from runc through pipes and
 * files; here each message travels as data in one call named after the socket call that carries
 * it, so strace and the trace show connect, sendmsg and recvmsg where the real ones are. The
 * permission check on the socket is the real one: connect(2) on a Unix socket needs write
 * permission on its file.
 */
public final class EngineCalls {

    private EngineCalls() {
    }

    /**
     * connect(2) to {@code /var/run/docker.sock}: ENOENT without the socket file, EACCES without
     * write permission on it (the docker group's reason to exist), ECONNREFUSED when no daemon listens.
     */
    public record Connect() implements Syscall {
        public String name() { return "connect"; }

        public Outcome enter(Kernel k, Process p) {
            PathWalker.Result sock = PathWalker.resolve(p, Engine.SOCKET, true);
            if (!sock.ok()) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
            if (!dev.syssim.sim.fs.Access.WRITE.allowed(sock.inode(), p.subject())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
            if (!Engine.of(k).dockerdRunning()) return Outcome.error(Errno.ECONNREFUSED, Costs.SYSCALL);
            return Outcome.ok(0, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "3, {sa_family=AF_UNIX, sun_path=\"" + Engine.SOCKET + "\"}, 23"; }
    }

    /**
     * One request to dockerd and its answer: the HTTP request written, the response read. For
     * {@code run} the client's standard descriptors travel with it (Docker attaches the streams
     * over the socket; here the container is handed the client's open files, as SCM_RIGHTS would).
     */
    public record Rpc(String command, List<String> args, RunSpec run) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Engine e = Engine.of(k);
            if (!e.dockerdRunning()) return Outcome.done(SysResult.ok(0, Engine.Reply.failed("EOF")), Costs.SYSCALL);
            OpenFile[] stdio = {p.fds().get(0), p.fds().get(1), p.fds().get(2)};
            Engine.Call call = e.submit(new Engine.Request(command, args, run, stdio));
            return answer(e, call);
        }

        private Outcome answer(Engine e, Engine.Call call) {
            if (call.reply() != null) return Outcome.done(SysResult.ok(0, call.reply()), Costs.SYSCALL * 2);
            if (!e.dockerdRunning()) return Outcome.done(SysResult.ok(0, Engine.Reply.failed("EOF")), Costs.SYSCALL);
            return new Outcome.Blocked(call.client, "unix_stream_recvmsg", () -> answer(e, call));
        }

        public String straceArgs(SysResult r) {
            return "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"POST /v1.41/" + command + " HTTP/1.1\\r\\nHost: api.moby.localhost\"..., iov_len=192}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
        public String straceResult(SysResult r) { return "192"; }
    }

    /** dockerd waits for a request on its socket (epoll_wait in Go's runtime). */
    public record Accept() implements Syscall {
        public String name() { return "epoll_pwait"; }

        public Outcome enter(Kernel k, Process p) {
            Engine e = Engine.of(k);
            Engine.Call c = e.takeRequest();
            if (c != null) return Outcome.done(SysResult.ok(1, c), Costs.SYSCALL);
            return new Outcome.Blocked(e.socket, "ep_poll", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "4, [{events=EPOLLIN, data={u32=1, u64=1}}], 128, -1, NULL, 0"; }
    }

    /** dockerd answers a request. */
    public record Answer(Engine.Call call, Engine.Reply reply) implements Syscall {
        public String name() { return "write"; }

        public Outcome enter(Kernel k, Process p) {
            Engine.of(k).answer(call, reply);
            return Outcome.ok(192, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "5, \"HTTP/1.1 200 OK\\r\\nApi-Version: 1.41\\r\\n\"..., 192"; }
    }

    /** dockerd (for containerd's snapshotter) makes a container's root: the result's data is the {@link Container}. */
    public record CreateContainer(Image image, RunSpec spec, List<String> command, List<Device> devices) implements Syscall {
        public CreateContainer(Image image, RunSpec spec, List<String> command) {
            this(image, spec, command, List.of());
        }

        public String name() { return "mkdirat"; }

        public Outcome enter(Kernel k, Process p) {
            return Outcome.done(SysResult.ok(0, Engine.of(k).create(image, spec, command, devices)), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) {
            String id = r != null && r.data() instanceof Container c ? c.id() : "…";
            return "AT_FDCWD, \"/var/lib/docker/overlay2/" + id + "\", 0710";
        }
    }

    /**
     * mount(2) of the container's root: an overlay of the image's layer with a writable layer on
     * top, on {@code /var/lib/docker/overlay2/ID/merged}. Simplification: the writable layer starts
     * as a whole copy of the image's tree (no copy-up on first write); what a student sees inside is
     * the same, and the image stays untouched.
     */
    public record MountRootfs(Container container) implements Syscall {
        public String name() { return "mount"; }

        public Outcome enter(Kernel k, Process p) {
            PathWalker.Result parent = PathWalker.resolve(p, "/var/lib/docker/overlay2", true);
            if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
            FileSystem fs = parent.inode().fs();
            dev.syssim.sim.fs.Inode dir = fs.lookup(p, parent.inode(), container.id());
            if (dir == null) dir = fs.mkdir(parent.inode(), container.id(), 0710, 0, 0);
            fs.mkdir(dir, "diff", 0755, 0, 0);
            dev.syssim.sim.fs.Inode merged = fs.mkdir(dir, "merged", 0755, 0, 0);
            FileSystem copy = TreeCopy.of(container.image().root(), k.nextAnonymousDevice());
            dev.syssim.sim.fs.Mount m = p.mounts().mount(copy, copy.root(), new dev.syssim.sim.fs.Location(parent.location().mount(), merged),
                    "rw,relatime,lowerdir=/var/lib/docker/overlay2/l/" + container.image().layers().get(0).toUpperCase() + ",upperdir=/var/lib/docker/overlay2/"
                            + container.id() + "/diff,workdir=/var/lib/docker/overlay2/" + container.id() + "/work");
            container.setRootfs(m);
            return Outcome.ok(0, Costs.SYSCALL * 4);
        }

        public String straceArgs(SysResult r) {
            return "\"overlay\", \"" + container.rootPath() + "\", \"overlay\", 0, \"lowerdir=/var/lib/docker/overlay2/l/"
                    + container.image().layers().get(0).toUpperCase() + ",upperdir=...\"";
        }
    }

    /**
     * containerd starts the task: a {@code containerd-shim-runc-v2} process, child of containerd,
     * whose standard descriptors are the client's (attached) or dockerd's descriptor {@code logFd}
     * on the container's log file (detached).
     */
    public record CreateTask(Container container, OpenFile[] stdio, int logFd) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Engine e = Engine.of(k);
            Process containerd = e.containerd();
            if (containerd == null) return Outcome.error(Errno.ECONNREFUSED, Costs.SYSCALL);
            OpenFile[] streams = stdio;
            if (logFd >= 0) {
                OpenFile log = p.fds().get(logFd);
                streams = new OpenFile[] {null, log, log};
            }
            k.spawnWithStdio(containerd, "/usr/bin/containerd-shim-runc-v2",
                    List.of("/usr/bin/containerd-shim-runc-v2", "-namespace", "moby", "-id", container.id(), "-address", "/run/containerd/containerd.sock"),
                    Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), Credentials.root(), null, streams);
            return Outcome.ok(64, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) {
            return "7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"\\0\\0\\0\\0\\0\\0\\0\\1/containerd.task.v2.Task/Create\"..., iov_len=64}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
        public String straceResult(SysResult r) { return r.failed() ? r.errno().straceResult() : "64"; }
    }

    /** dockerd waits until runc has started the container or failed to. */
    public record AwaitStart(Container container) implements Syscall {
        public String name() { return "recvmsg"; }

        public Outcome enter(Kernel k, Process p) {
            if (container.startDecided()) return Outcome.ok(0, Costs.SYSCALL);
            return new Outcome.Blocked(container.changes, "unix_stream_recvmsg", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"...\", iov_len=4096}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0"; }
    }

    /** runc reads the bundle's config.json: the result's data is the {@link Container} (ENOENT if it is gone). */
    public record Bundle(String id) implements Syscall {
        public String name() { return "openat"; }

        public Outcome enter(Kernel k, Process p) {
            Container c = Engine.of(k).container(id);
            if (c == null) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
            return Outcome.done(SysResult.ok(3, c), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "AT_FDCWD, \"/run/containerd/io.containerd.runtime.v2.task/moby/" + id + "/config.json\", O_RDONLY|O_CLOEXEC"; }
    }

    /** runc tells the shim (through its pid file) that the container's process runs as host pid {@code pid}. */
    public record Started(Container container, int pid) implements Syscall {
        public String name() { return "write"; }

        public Outcome enter(Kernel k, Process p) {
            container.started(pid);
            Engine.of(k).changed(container);
            return Outcome.ok(Integer.toString(pid).length(), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "5, \"" + pid + "\", " + Integer.toString(pid).length(); }
    }

    /**
     * The container's network on the default bridge (libnetwork's work, done before the process
     * runs): a veth pair between the child's new network namespace ({@code eth0}) and docker0.
     * Shown as the netlink message that creates the pair.
     */
    public record ConnectBridge(Container container, int pid) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Process child = k.process(pid);
            if (child == null || !(child.namespaces().net() instanceof dev.syssim.sim.net.stack.NetStack inside)) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
            BridgeNetwork network = Engine.of(k).networkOf(container);
            if (network == null || !network.connect(k, container, inside)) return Outcome.error(Errno.ENODEV, Costs.SYSCALL);
            return Outcome.ok(60, Costs.SYSCALL * 6);
        }

        public String straceArgs(SysResult r) {
            return "5, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[{nlmsg_len=60, nlmsg_type=RTM_NEWLINK, "
                    + "nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL}, {ifi_family=AF_UNSPEC}, [{nla_type=IFLA_IFNAME}, \"veth\"], "
                    + "[{nla_type=IFLA_LINKINFO}, {IFLA_INFO_KIND, \"veth\"}]]\"..., iov_len=60}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
        public String straceResult(SysResult r) { return r.failed() ? r.errno().straceResult() : "60"; }
    }

    /**
     * {@code --network none}: the new network namespace keeps only {@code lo}, which runc's loopback
     * setup brings up (an RTM_NEWLINK with IFF_UP), so 127.0.0.1 answers inside.
     */
    public record LoopbackUp(int pid) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Process child = k.process(pid);
            if (child == null || !(child.namespaces().net() instanceof dev.syssim.sim.net.stack.NetStack inside)) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
            inside.setLinkUp(inside.loopback(), true);
            return Outcome.ok(32, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) {
            return "5, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[{nlmsg_len=32, nlmsg_type=RTM_NEWLINK, "
                    + "nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK}, {ifi_family=AF_UNSPEC, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP, ifi_change=0x1}], iov_len=32}], "
                    + "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
        public String straceResult(SysResult r) { return r.failed() ? r.errno().straceResult() : "32"; }
    }

    /** runc reports that the container's process could not be executed: Docker's message and the status it maps to. */
    public record StartFailed(Container container, String error, int status) implements Syscall {
        public String name() { return "write"; }

        public Outcome enter(Kernel k, Process p) {
            container.startFailed(error, status);
            Engine.of(k).changed(container);
            return Outcome.ok(error.length(), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "2, \"{\\\"level\\\":\\\"error\\\",\\\"msg\\\":\\\"" + error + "\\\"}\"..., " + error.length(); }
    }

    /** The shim reports the container's end (its exit status); with --rm the engine removes it. */
    public record TaskExit(Container container, int status) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Engine e = Engine.of(k);
            container.exited(status, k.now());
            if (e.networkOf(container) != null) e.networkOf(container).disconnect(k, container);
            if (container.spec().remove()) e.remove(container);
            e.changed(container);
            return Outcome.ok(48, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"/tasks/exit\"..., iov_len=48}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0"; }
        public String straceResult(SysResult r) { return "48"; }
    }

    /** The client of an attached run waits for the container to end (POST /containers/ID/wait); the result is its status. */
    public record WaitExit(Container container) implements Syscall {
        public String name() { return "recvmsg"; }

        public Outcome enter(Kernel k, Process p) {
            if (container.state() != ContainerState.RUNNING && container.startDecided()) return Outcome.ok(container.exitCode(), Costs.SYSCALL);
            return new Outcome.Blocked(container.changes, "unix_stream_recvmsg", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"{\\\"StatusCode\\\":...\", iov_len=4096}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0"; }
        public String straceResult(SysResult r) { return "27"; }
    }

    /** dockerd finds its engine (not a Linux call: how the daemon reaches the state it keeps; shown as its listen). */
    public record Ready() implements Syscall {
        public String name() { return "listen"; }

        public Outcome enter(Kernel k, Process p) {
            return Outcome.done(SysResult.ok(0, Engine.of(k)), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "4, 4096"; }
    }

    /** dockerd waits for a container it signalled to end. */
    public record AwaitExit(Container container) implements Syscall {
        public String name() { return "futex"; }

        public Outcome enter(Kernel k, Process p) {
            if (container.state() != ContainerState.RUNNING) return Outcome.ok(0, Costs.SYSCALL);
            return new Outcome.Blocked(container.changes, "futex_wait_queue", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "0xc000100148, FUTEX_WAIT_PRIVATE, 0, NULL"; }
    }

    /** {@code docker rm}: the container's root unmounted and its directories removed. */
    public record Remove(Container container) implements Syscall {
        public String name() { return "umount2"; }

        public Outcome enter(Kernel k, Process p) {
            Engine.of(k).remove(container);
            return Outcome.ok(0, Costs.SYSCALL * 2);
        }

        public String straceArgs(SysResult r) { return "\"" + container.rootPath() + "\", MNT_DETACH"; }
    }

    /** A {@code docker exec}: the command, and once it has ended, its status; the client sleeps on {@code done}. */
    public static final class ExecSession {
        private final Container container;
        private final List<String> command;
        private final List<String> env;
        final dev.syssim.sim.os.WaitQueue done = new dev.syssim.sim.os.WaitQueue("exec_wait");
        private Integer status;

        ExecSession(Container container, List<String> command, List<String> env) {
            this.container = container;
            this.command = List.copyOf(command);
            this.env = List.copyOf(env);
        }

        public Container container() {
            return container;
        }

        public List<String> command() {
            return command;
        }

        public List<String> env() {
            return env;
        }
    }

    /**
     * containerd starts {@code runc exec} for a running container (in the real engine, through the
     * container's shim), with the client's standard descriptors; the result's data is the session.
     */
    public record StartExec(Container container, OpenFile[] stdio, List<String> command, List<String> env) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            Engine e = Engine.of(k);
            Process containerd = e.containerd();
            if (containerd == null) return Outcome.error(Errno.ECONNREFUSED, Costs.SYSCALL);
            ExecSession session = new ExecSession(container, command, env);
            e.execs.put(container.id() + "/" + e.execs.size(), session);
            java.util.List<String> argv = new java.util.ArrayList<>(List.of("runc", "--root", "/var/run/docker/runtime-runc/moby", "exec",
                    "--process", "/tmp/runc-process" + (e.execs.size() - 1), container.id()));
            k.spawnWithStdio(containerd, "/usr/sbin/runc", argv, Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                    Credentials.root(), null, stdio);
            return Outcome.done(SysResult.ok(64, session), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) {
            return "7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"\\0\\0\\0\\0\\0\\0\\0\\1/containerd.task.v2.Task/Exec\"..., iov_len=64}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0";
        }
        public String straceResult(SysResult r) { return r.failed() ? r.errno().straceResult() : "64"; }
    }

    /** runc exec reads its process.json: the result's data is the {@link ExecSession}. */
    public record ExecProcess(String key) implements Syscall {
        public String name() { return "openat"; }

        public Outcome enter(Kernel k, Process p) {
            ExecSession s = Engine.of(k).execs.get(key);
            if (s == null) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
            return Outcome.done(SysResult.ok(3, s), Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "AT_FDCWD, \"/tmp/runc-process" + key.substring(key.indexOf('/') + 1) + "\", O_RDONLY|O_CLOEXEC"; }
    }

    /** runc exec reports the status of the process it ran. */
    public record ExecExit(ExecSession session, int status) implements Syscall {
        public String name() { return "sendmsg"; }

        public Outcome enter(Kernel k, Process p) {
            session.status = status;
            k.scheduler().wakeAll(session.done);
            return Outcome.ok(48, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"/tasks/exec-exit\"..., iov_len=48}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0"; }
        public String straceResult(SysResult r) { return "48"; }
    }

    /** The client of {@code docker exec} waits for the command's status. */
    public record ExecWait(ExecSession session) implements Syscall {
        public String name() { return "recvmsg"; }

        public Outcome enter(Kernel k, Process p) {
            if (session.status != null) return Outcome.ok(session.status, Costs.SYSCALL);
            return new Outcome.Blocked(session.done, "unix_stream_recvmsg", () -> enter(k, p));
        }

        public String straceArgs(SysResult r) { return "3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"{\\\"ExitCode\\\":...\", iov_len=4096}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0"; }
        public String straceResult(SysResult r) { return "27"; }
    }

    /**
     * A build step's new image: the container's root as it is now (RUN: a new layer), or a file
     * added (COPY), or a directory made (WORKDIR), or new metadata (ENV, CMD, ENTRYPOINT, USER,
     * EXPOSE, LABEL, ARG); {@code key} is the step's cache key. The result's data is the {@link Image}.
     */
    public record Commit(Image from, String key, Container container, String copyTo, byte[] data, List<String> cmd, Map<String, String> env,
                         ImageConfig config, String makeDir) implements Syscall {
        public String name() { return "mkdirat"; }

        public Outcome enter(Kernel k, Process p) {
            Engine e = Engine.of(k);
            FileSystem root = from.root();
            if (container != null) root = TreeCopy.of(container.rootfs().fs(), 0);
            if (copyTo != null) {
                root = TreeCopy.of(from.root(), 0);
                dev.syssim.sim.fs.Inode dir = directories(root, copyTo.substring(0, copyTo.lastIndexOf('/')));
                String name = copyTo.substring(copyTo.lastIndexOf('/') + 1);
                if (dir.entries().containsKey(name)) root.unlink(dir, name);
                root.createFile(dir, name, 0644, 0, 0, data);
            }
            if (makeDir != null && !exists(root, makeDir)) {
                root = TreeCopy.of(from.root(), 0);
                directories(root, makeDir);
            }
            return Outcome.done(SysResult.ok(0, e.derive(from, key, root, cmd, env, config, k.now())), Costs.SYSCALL * 4);
        }

        private static boolean exists(FileSystem root, String path) {
            dev.syssim.sim.fs.Inode dir = root.root();
            for (String part : path.split("/")) {
                if (part.isEmpty()) continue;
                dir = dir.entries().get(part);
                if (dir == null) return false;
            }
            return true;
        }

        /** The directories of an absolute path, made where missing (0755 root, as the builder makes them). */
        private static dev.syssim.sim.fs.Inode directories(FileSystem root, String path) {
            dev.syssim.sim.fs.Inode dir = root.root();
            for (String part : path.split("/")) {
                if (part.isEmpty()) continue;
                dev.syssim.sim.fs.Inode next = dir.entries().get(part);
                if (next == null) next = root.mkdir(dir, part, 0755, 0, 0);
                dir = next;
            }
            return dir;
        }

        public String straceArgs(SysResult r) {
            String id = r != null && r.data() instanceof Image i ? i.id().substring(7) : "…";
            return "AT_FDCWD, \"/var/lib/docker/image/overlay2/imagedb/content/sha256/" + id + "\", 0700";
        }
    }

    /** The built image gets its name. */
    public record Tag(Image image, String reference) implements Syscall {
        public String name() { return "rename"; }

        public Outcome enter(Kernel k, Process p) {
            Engine.of(k).tag(image, reference);
            return Outcome.ok(0, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "\"/var/lib/docker/image/overlay2/repositories.json.tmp\", \"/var/lib/docker/image/overlay2/repositories.json\""; }
    }
}
