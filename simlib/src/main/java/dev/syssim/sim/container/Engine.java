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
    /** The build cache: parent image id and step key to the image id that step made. */
    private final Map<String, String> cache = new java.util.HashMap<>();
    private final java.util.SortedSet<String> volumes = new java.util.TreeSet<>();
    /** The build step that made each built image: its cache key (the instruction, and for COPY the file's checksum). */
    private final Map<String, String> madeBy = new java.util.HashMap<>();
    /** BuildKit's file sync: the checksum of each context file as last sent, by its path. */
    private final Map<String, String> synced = new java.util.HashMap<>();
    private final BridgeNetwork bridge;
    /** The user-defined networks by name; {@code created} counts them for their subnets (172.18, 172.19, ...: not reused at once). */
    private final Map<String, BridgeNetwork> userNetworks = new java.util.TreeMap<>();
    private int createdNetworks;
    /** The {@code docker exec} sessions, by container id and number (runc exec's --process file). */
    final Map<String, EngineCalls.ExecSession> execs = new LinkedHashMap<>();
    final WaitQueue socket = new WaitQueue("docker_sock");
    private Process dockerd;
    private Process containerd;
    private int made;

    private Engine(Kernel host) {
        this.host = host;
        this.bridge = new BridgeNetwork("bridge", Registry.sha256(host.machineName() + " network bridge"), "docker0", 17);
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

    /** The default bridge network: docker0 and the containers' addresses on it. */
    public BridgeNetwork bridge() {
        return bridge;
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

    /**
     * A build step's image: {@code from} with a new tree or new metadata; its id a sha256 of its
     * parent's and the step's cache key, so the same step on the same parent is the same image.
     */
    Image derive(Image from, String key, dev.syssim.sim.fs.FileSystem root, List<String> cmd, Map<String, String> env, ImageConfig config, long now) {
        String id = "sha256:" + Registry.sha256(from.id() + "\n" + key);
        List<String> layers = new ArrayList<>(from.layers());
        if (root != from.root()) layers.add(id.substring(7, 19));
        Image made = new Image("<none>", List.of(), id, null, layers, cmd, env, from.sizeBytes(), host.bootEpochSeconds() + now / 1_000_000_000L, root,
                config, from.id());
        byId.putIfAbsent(id, made);
        madeBy.putIfAbsent(id, key);
        cache.put(from.id() + "\n" + key, id);
        return byId.get(id);
    }

    /** The cache key of the build step that made the image {@code id}, or null for a pulled one. */
    public String madeBy(String id) {
        return madeBy.get(id);
    }

    /**
     * Whether BuildKit already holds this content of {@code path} from an earlier build (then the
     * client sends only its metadata), noting it as held now.
     */
    public boolean alreadySynced(String path, String checksum) {
        return checksum.equals(synced.put(path, checksum));
    }

    /** The legacy builder's cache: the image an earlier build made from {@code parent} by the step with this key, or null. */
    public Image cached(String parent, String key) {
        String id = cache.get(parent + "\n" + key);
        return id == null ? null : byId.get(id);
    }

    /** {@code docker tag} and {@code docker build -t NAME}: the image gets the name (a previous image of that name loses it). */
    void tag(Image image, String reference) {
        Reference r = Reference.parse(reference);
        Image named = image.named(r.repository(), r.tag());
        images.put(r.repository(), named);
        if (image.repository().equals("<none>")) byId.put(image.id(), named);
        else byId.putIfAbsent(image.id(), named);
    }

    /** Whether a name of the store refers to the image with this id. */
    private boolean tagged(String id) {
        for (Image i : images.values()) if (i.id().equals(id)) return true;
        return false;
    }

    /** Whether another stored image was built on this one. */
    private boolean hasChildren(String id) {
        for (Image i : byId.values()) if (i.parent().equals(id)) return true;
        return false;
    }

    /**
     * {@code docker rmi REF}: the name removed ({@code Untagged: ...}); if no other name refers to
     * the image, it and every untagged parent without other children are deleted
     * ({@code Deleted: sha256:...}), as the legacy builder's chain of step images is. The caller
     * has checked that no container uses it.
     */
    public List<String> untag(Image image, String reference) {
        Reference r = Reference.parse(reference);
        List<String> lines = new ArrayList<>();
        images.remove(r.repository());
        lines.add("Untagged: " + r);
        if (image.digest() != null) lines.add("Untagged: " + r.repository() + "@" + image.digest());
        String id = image.id();
        while (id != null && !id.isEmpty() && !tagged(id) && !hasChildren(id) && !usedByContainer(id)) {
            Image gone = byId.remove(id);
            cache.values().removeIf(id::equals);
            lines.add("Deleted: " + id);
            id = gone == null ? null : gone.parent();
        }
        return lines;
    }

    /** A container (running or not) made from the image with this id, or null. */
    public Container userOf(String imageId) {
        for (Container c : containers.values()) if (c.image().id().equals(imageId)) return c;
        return null;
    }

    private boolean usedByContainer(String id) {
        return userOf(id) != null;
    }

    // ---- volumes and networks ----

    /** The named volumes, by name in Docker's order (sorted). */
    public java.util.SortedSet<String> volumes() {
        return java.util.Collections.unmodifiableSortedSet(volumes);
    }

    public void addVolume(String name) {
        volumes.add(name);
    }

    public void removeVolume(String name) {
        volumes.remove(name);
    }

    /** A container whose {@code -v} names the volume, or null: {@code docker volume rm} refuses then. */
    public Container volumeUser(String name) {
        for (Container c : containers.values()) {
            for (String b : c.spec().binds()) if (b.startsWith(name + ":")) return c;
        }
        return null;
    }

    /** The host directory of a named volume, as the local driver keeps it. */
    public static String volumePath(String name) {
        return "/var/lib/docker/volumes/" + name + "/_data";
    }

    /**
     * The networks, by name as {@code docker network ls} sorts them: the three dockerd makes at
     * start — {@code bridge} (docker0), {@code host}, {@code none} — and the user-defined ones; each
     * as id, name, driver, scope (ids random on a real host; here sha256 sums of the host's name
     * and the network's).
     */
    public List<String[]> networks() {
        java.util.TreeMap<String, String[]> all = new java.util.TreeMap<>();
        all.put("bridge", new String[] {bridge.id(), "bridge", "bridge", "local"});
        for (String[] n : new String[][] {{"host", "host"}, {"none", "null"}}) {
            all.put(n[0], new String[] {Registry.sha256(host.machineName() + " network " + n[0]), n[0], n[1], "local"});
        }
        for (BridgeNetwork n : userNetworks.values()) all.put(n.name(), new String[] {n.id(), n.name(), "bridge", "local"});
        return new ArrayList<>(all.values());
    }

    /** A user-defined network by name, or null. */
    public BridgeNetwork userNetwork(String name) {
        return userNetworks.get(name);
    }

    /** {@code docker network create NAME}: a new bridge network on the next 172.N.0.0/16. */
    public BridgeNetwork createNetwork(String name) {
        createdNetworks++;
        BridgeNetwork n = BridgeNetwork.create(host, name, Registry.sha256(host.machineName() + " network " + name + " " + createdNetworks), 17 + createdNetworks);
        userNetworks.put(name, n);
        return n;
    }

    /** {@code docker network rm NAME}. */
    public void removeNetwork(BridgeNetwork n) {
        userNetworks.remove(n.name());
        n.remove(host);
    }

    /** The bridge network a container joins ({@code --network bridge} or a user-defined one), or null for none and host. */
    public BridgeNetwork networkOf(Container c) {
        String n = c.spec().network();
        return n.equals("bridge") ? bridge : userNetworks.get(n);
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
    Container create(Image image, RunSpec spec, List<String> command, List<Device> devices) {
        made++;
        String id = Registry.sha256(host.machineName() + " container " + made);
        String name = spec.name() != null ? spec.name()
                : ADJECTIVES[(made * 7) % ADJECTIVES.length] + "_" + NAMES[(made * 5) % NAMES.length];
        Container c = new Container(id, name, image, spec, command, host.now(), devices, host.init().uts().hostname());
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
