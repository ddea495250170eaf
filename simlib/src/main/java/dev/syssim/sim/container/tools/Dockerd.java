package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.ContainerState;
import dev.syssim.sim.container.Device;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.container.Reference;
import dev.syssim.sim.container.Registry;
import dev.syssim.sim.container.RunSpec;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.function.Function;

/**
 * dockerd (Docker Engine 20.10.24, Debian 12's docker.io): serves the requests on
 * {@code /var/run/docker.sock} one after the other. For {@code run} it does what the real daemon
 * does, in its order: makes the container (id, name, its overlay root mounted), opens the log file
 * of a detached one, asks containerd for a task (a shim, which runs runc), and answers once runc
 * has started the process or failed to. {@code stop} sends SIGTERM, then SIGKILL after the
 * timeout; {@code kill} sends SIGKILL.
 *
 * <p>Simplifications: requests are served one at a time (the real daemon serves each on its own
 * goroutine); the log file holds the output as written (the real one is JSON lines, one per
 * line of output, with the stream and a timestamp), so {@code docker logs} gives it back on
 * standard output in the order it was written.
 */
public final class Dockerd extends Tool {

    /** {@code docker stop}'s default grace period, in simulated nanoseconds. */
    static final long STOP_TIMEOUT = 10_000_000_000L;

    @Override
    protected Step run(Libc c) {
        return c.sys(new Syscall.Mkdir("/var/lib/docker/overlay2", 0710), a -> c.sys(new Syscall.Mkdir("/var/lib/docker/containers", 0710),
                b -> c.sys(new EngineCalls.Ready(), r -> serve(c, (Engine) r.data()))));
    }

    private Step serve(Libc c, Engine e) {
        return c.sys(new EngineCalls.Accept(), r -> {
            Engine.Call call = (Engine.Call) r.data();
            return handle(c, e, call.request(), reply -> c.sys(new EngineCalls.Answer(call, reply), x -> serve(c, e)));
        });
    }

    private Step handle(Libc c, Engine e, Engine.Request r, Function<Engine.Reply, Step> answer) {
        List<String> args = r.args();
        return switch (r.command()) {
            case "run" -> run(c, e, r, answer);
            case "pull" -> answer.apply(pull(e, args.get(0)));
            case "ps" -> answer.apply(Engine.Reply.ok(Listings.ps(e, args.contains("-a") || args.contains("--all"), e.host().now(), format(args))));
            case "port" -> answer.apply(Listings.port(e, args));
            case "images" -> answer.apply(Engine.Reply.ok(Listings.images(e, e.host().now())));
            case "info" -> answer.apply(Engine.Reply.ok(Info.server(e)));
            case "history" -> answer.apply(History.reply(e, args, e.host().now()));
            case "rm" -> removeAll(c, e, args.stream().filter(x -> !x.startsWith("-")).toList(), 0, args.contains("-f") || args.contains("--force"),
                    new StringBuilder(), answer);
            case "rmi" -> answer.apply(Images.rmi(e, args));
            case "tag" -> Images.tag(c, e, args, answer);
            case "volume" -> Volumes.handle(c, e, args, answer);
            case "network" -> answer.apply(network(e, args));
            case "inspect" -> answer.apply(Inspect.reply(e, args));
            case "top" -> answer.apply(Listings.top(e, args.get(0)));
            case "stats" -> answer.apply(Listings.stats(e, args));
            case "logs" -> logs(c, e, args.get(0), answer);
            case "kill" -> kill(c, e, args.get(0), answer);
            case "stop" -> stop(c, e, args.get(0), answer);
            case "exec" -> exec(c, e, r, answer);
            case "build-from" -> buildFrom(e, args.get(0), answer);
            case "build-step" -> Builder.step(c, e, r, answer);
            default -> answer.apply(Engine.Reply.failed("page not found"));
        };
    }

    /** {@code network ls [--format T] | create NAME | rm NAME...}. */
    private static Engine.Reply network(Engine e, List<String> args) {
        List<String> names = args.stream().skip(1).filter(a -> !a.startsWith("-")).toList();
        switch (args.get(0)) {
            case "create" -> {
                String name = names.get(0);
                if (name.equals("bridge") || name.equals("host") || name.equals("none") || e.userNetwork(name) != null) {
                    return new Engine.Reply("", "Error response from daemon: network with name " + name + " already exists", 1);
                }
                return Engine.Reply.ok(e.createNetwork(name).id() + "\n");
            }
            case "rm", "remove" -> {
                StringBuilder out = new StringBuilder();
                List<String> errors = new java.util.ArrayList<>();
                for (String n : names) {
                    dev.syssim.sim.container.BridgeNetwork net = e.userNetwork(n);
                    if (List.of("bridge", "host", "none").contains(n)) {
                        errors.add("Error response from daemon: " + n + " is a pre-defined network and cannot be removed");
                    } else if (net == null) {
                        errors.add("Error: No such network: " + n);
                    } else if (net.inUse()) {
                        errors.add("Error response from daemon: error while removing network: network " + n + " id " + net.id() + " has active endpoints");
                    } else {
                        e.removeNetwork(net);
                        out.append(n).append('\n');
                    }
                }
                return errors.isEmpty() ? Engine.Reply.ok(out.toString()) : new Engine.Reply(out.toString(), String.join("\n", errors), 1);
            }
            default -> {
                String format = format(args);
                if (format == null) return Engine.Reply.ok(Listings.networks(e));
                StringBuilder out = new StringBuilder();
                for (String[] n : e.networks()) {
                    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
                    fields.put("ID", n[0].substring(0, 12));
                    fields.put("Name", n[1]);
                    fields.put("Driver", n[2]);
                    fields.put("Scope", n[3]);
                    out.append(Inspect.template(format, fields)).append('\n');
                }
                return Engine.Reply.ok(out.toString());
            }
        }
    }

    /** The value of {@code --format X} or {@code --format=X} among the arguments, or null. */
    private static String format(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--format") && i + 1 < args.size()) return args.get(i + 1);
            if (args.get(i).startsWith("--format=")) return args.get(i).substring(9);
        }
        return null;
    }

    /** {@code docker pull}: the mirror's image into the store, with Docker's non-terminal progress lines. */
    static Engine.Reply pull(Engine e, String reference) {
        Reference ref = Reference.parse(reference);
        if (!Registry.has(ref.repository())) {
            return Engine.Reply.failed("pull access denied for " + ref.repository() + ", repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
        }
        if (!Registry.hasTag(ref.repository(), ref.tag())) return Engine.Reply.failed("manifest for " + ref + " not found: manifest unknown: manifest unknown");
        Image image = Registry.fetch(ref.repository(), ref.tag());
        StringBuilder out = new StringBuilder(ref.tag() + ": Pulling from library/" + ref.repository() + "\n");
        if (e.image(ref.toString()) != null) {
            out.append("Digest: ").append(image.digest()).append("\nStatus: Image is up to date for ").append(ref).append('\n');
            return new Engine.Reply(out.toString(), null, e.image(ref.toString()));
        }
        // a layer already in the store (the same image under another tag) is not fetched again
        boolean have = e.image(image.id()) != null;
        for (String layer : image.layers()) {
            if (have) {
                out.append(layer).append(": Already exists\n");
                continue;
            }
            for (String step : List.of("Pulling fs layer", "Verifying Checksum", "Download complete", "Pull complete")) {
                out.append(layer).append(": ").append(step).append('\n');
            }
        }
        out.append("Digest: ").append(image.digest()).append("\nStatus: Downloaded newer image for ").append(ref).append('\n');
        e.store(image, ref.tag());
        return new Engine.Reply(out.toString(), null, image);
    }

    private Step run(Libc c, Engine e, Engine.Request r, Function<Engine.Reply, Step> answer) {
        RunSpec spec = r.run();
        Image image = e.image(spec.image());
        if (image == null) return answer.apply(Engine.Reply.failed("No such image: " + Reference.parse(spec.image())));
        List<String> command = spec.entrypoint() != null ? entrypoint(spec) : image.commandFor(spec.command());
        if (command.isEmpty()) return answer.apply(new Engine.Reply("", "No command specified", 125));
        if (spec.name() != null && !spec.name().matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            return answer.apply(new Engine.Reply("", "Invalid container name (" + spec.name() + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", 125));
        }
        if (!List.of("bridge", "none", "host").contains(spec.network()) && e.userNetwork(spec.network()) == null) {
            return answer.apply(new Engine.Reply("", "network " + spec.network() + " not found", 125));
        }
        int cores = e.host().scheduler().coreCount();
        if (spec.nanoCpus() != 0 && (spec.nanoCpus() < 10_000_000L || spec.nanoCpus() > cores * 1_000_000_000L)) {
            // the daemon's verifyContainerResources
            return answer.apply(new Engine.Reply("", "Range of CPUs is from 0.01 to " + cores + ".00, as there are only " + cores + " CPUs available", 125));
        }
        String badCaps = dev.syssim.sim.container.Capabilities.invalid("CapAdd", spec.security().capAdd());
        if (badCaps == null) badCaps = dev.syssim.sim.container.Capabilities.invalid("CapDrop", spec.security().capDrop());
        if (badCaps != null) return answer.apply(new Engine.Reply("", badCaps, 125));
        if (spec.name() != null && e.container(spec.name()) != null && e.container(spec.name()).name().equals(spec.name())) {
            return answer.apply(new Engine.Reply("", "Conflict. The container name \"/" + spec.name() + "\" is already in use by container \""
                    + e.container(spec.name()).id() + "\". You have to remove (or rename) that container to be able to reuse that name.", 125));
        }
        return Volumes.forRun(c, e, spec, () -> devices(c, spec, (devices, error) -> {
            if (error != null) return answer.apply(new Engine.Reply("", error, 127));
            return create(c, r, spec, image, command, devices, answer);
        }));
    }

    /** {@code --entrypoint WORD}: it and the command given; the image's CMD is not used then. */
    private static List<String> entrypoint(RunSpec spec) {
        List<String> all = new java.util.ArrayList<>();
        if (!spec.entrypoint().isEmpty()) all.add(spec.entrypoint());
        all.addAll(spec.command());
        return all;
    }

    /** The nodes runc makes in every container's /dev; {@code --privileged} adds the host's others. */
    private static final List<String> DEFAULT_NODES = List.of("null", "zero", "full", "random", "urandom", "tty", "console", "ptmx");

    /**
     * {@code --device HOST[:CONTAINER]}: the host's node looked up (stat) for its type, numbers and
     * mode; {@code --privileged}: every device node in the host's /dev as well (Simplification: the
     * top level of /dev only, not its subdirectories).
     */
    private static Step devices(Libc c, RunSpec spec, java.util.function.BiFunction<List<Device>, String, Step> then) {
        if (!spec.security().privileged()) return devices(c, spec.security().devices(), then);
        return c.listDirectory("/dev", false, (err, entries) -> {
            List<String> all = new java.util.ArrayList<>(spec.security().devices());
            if (entries != null) {
                for (dev.syssim.sim.fs.Dirent e : entries) {
                    boolean node = e.type() == FileType.CHAR_DEVICE || e.type() == FileType.BLOCK_DEVICE;
                    if (node && !DEFAULT_NODES.contains(e.name()) && !all.contains("/dev/" + e.name())) all.add("/dev/" + e.name());
                }
            }
            return devices(c, all, then);
        });
    }

    private static Step devices(Libc c, List<String> asked, java.util.function.BiFunction<List<Device>, String, Step> then) {
        List<Device> found = new java.util.ArrayList<>();
        String[] error = {null};
        return Libc.forEach(asked, (d, next) -> {
            String[] parts = d.split(":");
            return c.statOf(parts[0], true, (err, st) -> {
                if (err != null || (st.type() != FileType.CHAR_DEVICE && st.type() != FileType.BLOCK_DEVICE)) {
                    if (error[0] == null) error[0] = "error gathering device information while adding custom device \"" + parts[0] + "\": "
                            + (err != null ? err.message().toLowerCase(java.util.Locale.ROOT) : "not a device node");
                } else {
                    found.add(new Device(parts.length > 1 ? parts[1] : parts[0], st.type() == FileType.BLOCK_DEVICE, st.rdevMajor(), st.rdevMinor(),
                            st.permissions() & 07777));
                }
                return next.get();
            });
        }, () -> then.apply(found, error[0]));
    }

    private Step create(Libc c, Engine.Request r, RunSpec spec, Image image, List<String> command, List<Device> devices,
                        Function<Engine.Reply, Step> answer) {
        return c.sys(new EngineCalls.CreateContainer(image, spec, command, devices), made -> {
            Container ct = (Container) made.data();
            return c.sys(new EngineCalls.MountRootfs(ct), m -> logFile(c, ct, spec.detach(), logFd ->
                    c.sys(new EngineCalls.CreateTask(ct, r.stdio(), logFd), t -> closeLog(c, logFd, () ->
                            c.sys(new EngineCalls.AwaitStart(ct), s -> answer.apply(ct.startError() != null
                                    ? new Engine.Reply("", ct.startError(), ct)
                                    : new Engine.Reply("", null, ct)))))));
        });
    }

    /** A detached container writes to /var/lib/docker/containers/ID/ID-json.log; an attached one to the client. */
    private static Step logFile(Libc c, Container ct, boolean detached, java.util.function.IntFunction<Step> then) {
        if (!detached) return then.apply(-1);
        String dir = "/var/lib/docker/containers/" + ct.id();
        return c.sys(new Syscall.Mkdir(dir, 0710), m -> c.create(dir + "/" + ct.id() + "-json.log", OpenFlags.O_WRONLY | OpenFlags.O_APPEND, 0640,
                f -> then.apply(f.failed() ? -1 : f.intValue())));
    }

    private static Step closeLog(Libc c, int fd, java.util.function.Supplier<Step> then) {
        return fd < 0 ? then.get() : c.close(fd, then);
    }

    /** {@code docker rm [-f] NAME...}: one after the other, each name printed; the first error ends it (as the reply's error). */
    private static Step removeAll(Libc c, Engine e, List<String> names, int i, boolean force, StringBuilder out, Function<Engine.Reply, Step> answer) {
        if (i >= names.size()) return answer.apply(Engine.Reply.ok(out.toString()));
        return remove(c, e, names.get(i), force, reply -> {
            out.append(reply.out());
            if (reply.error() != null) return answer.apply(new Engine.Reply(out.toString(), reply.error(), null));
            return removeAll(c, e, names, i + 1, force, out, answer);
        });
    }

    /** {@code docker rm [-f]}: a running container is refused, or with -f killed first (SIGKILL) and then removed. */
    private static Step remove(Libc c, Engine e, String key, boolean force, Function<Engine.Reply, Step> answer) {
        Container ct = e.container(key);
        if (ct == null) return answer.apply(Engine.Reply.failed("No such container: " + key));
        if (ct.state() == ContainerState.RUNNING && force) {
            return c.sys(new Syscall.Kill(ct.hostPid(), Signal.SIGKILL), k -> c.sys(new EngineCalls.AwaitExit(ct),
                    w -> remove(c, e, key, false, answer)));
        }
        if (ct.state() == ContainerState.RUNNING) {
            return answer.apply(Engine.Reply.failed("You cannot remove a running container " + ct.id()
                    + ". Stop the container before attempting removal or force remove"));
        }
        return c.sys(new EngineCalls.Remove(ct), r -> answer.apply(Engine.Reply.ok(key + "\n")));
    }

    private static Step logs(Libc c, Engine e, String key, Function<Engine.Reply, Step> answer) {
        Container ct = e.container(key);
        if (ct == null) return answer.apply(Engine.Reply.failed("No such container: " + key));
        return c.readFile("/var/lib/docker/containers/" + ct.id() + "/" + ct.id() + "-json.log",
                (err, bytes) -> answer.apply(Engine.Reply.ok(err == null ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : "")));
    }

    private static Step kill(Libc c, Engine e, String key, Function<Engine.Reply, Step> answer) {
        Container ct = e.container(key);
        if (ct == null) return answer.apply(Engine.Reply.failed("Cannot kill container: " + key + ": No such container: " + key));
        if (ct.state() != ContainerState.RUNNING) {
            return answer.apply(Engine.Reply.failed("Cannot kill container: " + key + ": Container " + ct.id() + " is not running"));
        }
        return c.sys(new Syscall.Kill(ct.hostPid(), Signal.SIGKILL), k -> c.sys(new EngineCalls.AwaitExit(ct),
                w -> answer.apply(Engine.Reply.ok(key + "\n"))));
    }

    /** SIGTERM; if the container is still up after the timeout, SIGKILL (PID 1 ignores SIGTERM without a handler). */
    private static Step stop(Libc c, Engine e, String key, Function<Engine.Reply, Step> answer) {
        Container ct = e.container(key);
        if (ct == null) return answer.apply(Engine.Reply.failed("No such container: " + key));
        if (ct.state() != ContainerState.RUNNING) return answer.apply(Engine.Reply.ok(key + "\n"));
        return c.sys(new Syscall.Kill(ct.hostPid(), Signal.SIGTERM), k -> grace(c, ct, STOP_TIMEOUT, () -> {
            if (ct.state() != ContainerState.RUNNING) return answer.apply(Engine.Reply.ok(key + "\n"));
            return c.sys(new Syscall.Kill(ct.hostPid(), Signal.SIGKILL), x -> c.sys(new EngineCalls.AwaitExit(ct),
                    y -> answer.apply(Engine.Reply.ok(key + "\n"))));
        }));
    }

    /** Waits up to {@code left} for the container to end, looking every 100 ms (each look a sleep: no Java recursion). */
    private static Step grace(Libc c, Container ct, long left, java.util.function.Supplier<Step> then) {
        if (ct.state() != ContainerState.RUNNING || left <= 0) return then.get();
        return c.sleep(100_000_000L, x -> grace(c, ct, left - 100_000_000L, then));
    }

    /** FROM: the base image, pulled from the registry if it is not here. */
    private static Step buildFrom(Engine e, String reference, Function<Engine.Reply, Step> answer) {
        Image image = e.image(reference);
        if (image != null) return answer.apply(new Engine.Reply("", null, image));
        Engine.Reply pulled = pull(e, reference);
        if (pulled.error() != null) return answer.apply(pulled);
        return answer.apply(new Engine.Reply(pulled.out(), null, e.image(reference)));
    }

    /** {@code docker exec}: args are the container, then {@code -e} values up to {@code --}, then the command. */
    private static Step exec(Libc c, Engine e, Engine.Request r, Function<Engine.Reply, Step> answer) {
        List<String> args = r.args();
        Container ct = e.container(args.get(0));
        if (ct == null) return answer.apply(Engine.Reply.failed("No such container: " + args.get(0)));
        if (ct.state() != ContainerState.RUNNING) return answer.apply(Engine.Reply.failed("Container " + ct.id() + " is not running"));
        int dash = args.indexOf("--");
        List<String> env = args.subList(1, dash);
        List<String> command = args.subList(dash + 1, args.size());
        return c.sys(new EngineCalls.StartExec(ct, r.stdio(), command, env), s -> answer.apply(new Engine.Reply("", null, s.data())));
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "docker.io 20.10.24";
    }

    @Override
    public String manual() {
        return "dockerd [OPTIONS]\n"
                + "  The Docker daemon: serves the Docker API on /var/run/docker.sock (0660 root:docker) and runs containers through containerd.";
    }
}
