package dev.syssim.sim.container;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.WaitQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker engine's state on one host: the local image store, the containers, and the queue of
 * requests on {@code /var/run/docker.sock} that dockerd serves. The daemons themselves are
 * processes ({@code container.tools.Dockerd} and {@code Containerd}); this is what they keep in
 * memory (dockerd's /var/lib/docker, as data).
 */
public final class Engine {

    /** Docker's socket, 0660 root:docker. */
    public static final String SOCKET = "/var/run/docker.sock";
    /** The engine's version, Debian 12's docker.io. */
    public static final String VERSION = "20.10.24+dfsg1";

    /** A request: the client's command, its arguments, and (for run) the parsed options and the client's stdio. */
    public record Request(String command, List<String> args, RunSpec run, dev.syssim.sim.os.OpenFile[] stdio) {
        public Request {
            args = List.copyOf(args);
        }
    }

    /** The daemon's answer: text for the client's stdout, or Docker's error; {@code data} for a run, the container. */
    public record Reply(String out, String error, Object data) {
        public static Reply ok(String out) {
            return new Reply(out, null, null);
        }

        public static Reply failed(String error) {
            return new Reply("", error, null);
        }
    }

    /** One request on its way; the client sleeps on {@code client} until it is answered. */
    public static final class Call {
        private final Request request;
        private Reply reply;
        final WaitQueue client = new WaitQueue("docker_client");

        Call(Request request) {
            this.request = request;
        }

        public Request request() {
            return request;
        }

        Reply reply() {
            return reply;
        }
    }

    private static final String[] ADJECTIVES = {"admiring", "brave", "clever", "eager", "focused", "gifted", "happy", "jolly",
        "keen", "loving", "modest", "nifty", "quirky", "serene", "tender", "vibrant"};
    private static final String[] NAMES = {"turing", "hopper", "lovelace", "ritchie", "thompson", "torvalds", "knuth", "dijkstra",
        "liskov", "hamilton", "kernighan", "tanenbaum", "lamport", "shannon", "babbage", "noether"};

    private final Kernel host;
    private final Map<String, Image> images = new LinkedHashMap<>();
    /** Every image by id, the build's intermediate ones too. */
    private final Map<String, Image> byId = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final ArrayDeque<Call> requests = new ArrayDeque<>();
    /** The {@code docker exec} sessions, by container id and number (runc exec's --process file). */
    final Map<String, EngineCalls.ExecSession> execs = new LinkedHashMap<>();
    final WaitQueue socket = new WaitQueue("docker_sock");
    private Process dockerd;
    private Process containerd;
    private int made;

    private Engine(Kernel host) {
        this.host = host;
    }

    /** The engine of {@code host}, made on first use. */
    public static Engine of(Kernel host) {
        Engine e = host.room(Engine.class);
        if (e == null) {
            e = new Engine(host);
            host.attachRoom(Engine.class, e);
        }
        return e;
    }

    public Kernel host() {
        return host;
    }

    // ---- the daemons ----

    public void setDaemons(Process dockerd, Process containerd) {
        this.dockerd = dockerd;
        this.containerd = containerd;
    }

    private static boolean alive(Process p) {
        return p != null && p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD;
    }

    public boolean dockerdRunning() {
        return alive(dockerd);
    }

    /** containerd, the parent of every shim. */
    public Process containerd() {
        return alive(containerd) ? containerd : null;
    }

    Call submit(Request r) {
        Call c = new Call(r);
        requests.addLast(c);
        host.scheduler().wakeAll(socket);
        return c;
    }

    Call takeRequest() {
        return requests.pollFirst();
    }

    void answer(Call call, Reply reply) {
        call.reply = reply;
        host.scheduler().wakeAll(call.client);
    }

    // ---- images ----

    /** The image a reference names ({@code alpine}, {@code alpine:3.18}), or null. */
    public Image image(String reference) {
        if (reference.startsWith("sha256:")) return byId.get(reference);
        Reference r = Reference.parse(reference);
        Image i = images.get(r.repository());
        return i != null && i.tags().contains(r.tag()) ? i : null;
    }

    /** The images, newest first, as {@code docker images} lists them. */
    public List<Image> images() {
        List<Image> all = new ArrayList<>(images.values());
        all.sort((a, b) -> Long.compare(b.createdEpochSeconds(), a.createdEpochSeconds()));
        return all;
    }

    /** Stores a pulled image (a second tag of a stored one joins it). */
    public void store(Image image, String tag) {
        byId.put(image.id(), image);
        Image existing = images.get(image.repository());
        images.put(image.repository(), existing == null ? image : existing.withTag(tag));
    }

    /** A build step's image: {@code from} with a new tree or new metadata; its id a sha256 of its parent's and the step. */
    Image derive(Image from, String step, dev.syssim.sim.fs.FileSystem root, List<String> cmd, Map<String, String> env, long now) {
        String id = "sha256:" + Registry.sha256(from.id() + "\n" + step);
        List<String> layers = new ArrayList<>(from.layers());
        if (root != from.root()) layers.add(id.substring(7, 19));
        Image made = new Image("<none>", List.of(), id, null, layers, cmd, env, from.sizeBytes(), host.bootEpochSeconds() + now / 1_000_000_000L, root);
        byId.put(id, made);
        return made;
    }

    /** {@code docker build -t NAME}: the image gets the name (a previous image of that name loses it). */
    void tag(Image image, String reference) {
        Reference r = Reference.parse(reference);
        Image named = new Image(r.repository(), List.of(r.tag()), image.id(), image.digest(), image.layers(), image.cmd(), image.env(),
                image.sizeBytes(), image.createdEpochSeconds(), image.root());
        images.put(r.repository(), named);
        byId.put(image.id(), named);
    }

    // ---- containers ----

    /** A container by full id, unique id prefix, or name; null if none. */
    public Container container(String key) {
        for (Container c : containers.values()) if (c.name().equals(key) || c.id().equals(key)) return c;
        Container found = null;
        for (Container c : containers.values()) {
            if (c.id().startsWith(key)) {
                if (found != null) return null;
                found = c;
            }
        }
        return found;
    }

    /** All containers, newest first. */
    public List<Container> containers() {
        List<Container> all = new ArrayList<>(containers.values());
        java.util.Collections.reverse(all);
        return all;
    }

    /** A new container: its id a sha256 of the host and a counter (same on every run), its name given or made. */
    Container create(Image image, RunSpec spec, List<String> command) {
        made++;
        String id = Registry.sha256(host.machineName() + " container " + made);
        String name = spec.name() != null ? spec.name()
                : ADJECTIVES[(made * 7) % ADJECTIVES.length] + "_" + NAMES[(made * 5) % NAMES.length];
        Container c = new Container(id, name, image, spec, command, host.now());
        containers.put(id, c);
        return c;
    }

    void remove(Container c) {
        containers.remove(c.id());
        if (c.rootfs() != null) host.init().mounts().unmount(c.rootfs());
    }

    void changed(Container c) {
        host.scheduler().wakeAll(c.changes);
    }
}
