package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.ContainerState;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.container.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker inspect [--format TEMPLATE] NAME...}: a container's or an image's JSON as the API
 * gives it — the keys in Docker 20.10's order, indented as {@code json.MarshalIndent} with four
 * spaces — or, with {@code --format}, a Go template over it. Names are looked up as containers
 * first, then as images; one that is neither prints {@code []} and
 * {@code Error: No such object: NAME} (status 1).
 *
 * <p>Simplifications: the keys the simulation has nothing behind (log driver, DNS, blkio and CPU
 * tunables, AppArmor, masked paths, sandbox ids) are left out; the template language is the part
 * a lecture uses: {@code {{.Field.Field}}} and {@code {{json .Field}}}, printed as Go prints
 * strings, numbers, booleans, slices ({@code [a b]}) and maps ({@code map[k:v]}).
 */
final class Inspect {

    private Inspect() {
    }

    /** args: {@code --format TEMPLATE} (or -f) first if given, then the names. */
    static Engine.Reply reply(Engine e, List<String> args) {
        String format = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--format") || a.equals("-f")) && i + 1 < args.size()) format = args.get(++i);
            else if (a.startsWith("--format=")) format = a.substring(9);
            else names.add(a);
        }
        List<Object> found = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        for (String n : names) {
            Container c = e.container(n);
            Image i = c == null ? e.image(n) : null;
            if (c != null) found.add(container(e, c));
            else if (i != null) found.add(image(e, i));
            else errors.append("Error: No such object: ").append(n).append('\n');
        }
        StringBuilder out = new StringBuilder();
        if (format != null) {
            for (Object o : found) out.append(template(format, o)).append('\n');
        } else {
            out.append(json(found, "")).append('\n');
        }
        if (errors.isEmpty()) return Engine.Reply.ok(out.toString());
        return new Engine.Reply(out.toString(), errors.toString().stripTrailing(), 1);
    }

    // ---- the objects ----

    static Map<String, Object> container(Engine e, Container c) {
        RunSpec s = c.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Created", Listings.rfc3339(e, c.created()));
        m.put("Path", c.command().get(0));
        m.put("Args", new ArrayList<Object>(c.command().subList(1, c.command().size())));
        Map<String, Object> state = new LinkedHashMap<>();
        boolean running = c.state() == ContainerState.RUNNING;
        state.put("Status", c.state().name().toLowerCase(java.util.Locale.ROOT));
        state.put("Running", running);
        state.put("Paused", false);
        state.put("Restarting", false);
        state.put("OOMKilled", false);
        state.put("Dead", false);
        state.put("Pid", (long) c.hostPid());
        state.put("ExitCode", (long) c.exitCode());
        state.put("Error", c.startError() == null ? "" : c.startError());
        state.put("StartedAt", Listings.rfc3339(e, c.created()));
        state.put("FinishedAt", c.state() == ContainerState.EXITED ? Listings.rfc3339(e, c.finished()) : "0001-01-01T00:00:00Z");
        m.put("State", state);
        m.put("Image", c.image().id());
        String dir = "/var/lib/docker/containers/" + c.id() + "/";
        m.put("ResolvConfPath", dir + "resolv.conf");
        m.put("HostnamePath", dir + "hostname");
        m.put("HostsPath", dir + "hosts");
        m.put("LogPath", dir + c.id() + "-json.log");
        m.put("Name", "/" + c.name());
        m.put("RestartCount", 0L);
        m.put("Driver", "overlay2");
        m.put("Platform", "linux");
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("Binds", s.binds().isEmpty() ? null : new ArrayList<Object>(s.binds()));
        host.put("NetworkMode", s.network().equals("bridge") ? "default" : s.network());
        host.put("AutoRemove", s.remove());
        host.put("CapAdd", s.security().capAdd().isEmpty() ? null : new ArrayList<Object>(s.security().capAdd()));
        host.put("CapDrop", s.security().capDrop().isEmpty() ? null : new ArrayList<Object>(s.security().capDrop()));
        host.put("Privileged", s.security().privileged());
        host.put("ReadonlyRootfs", s.security().readOnly());
        host.put("Runtime", "runc");
        host.put("Memory", s.memory());
        host.put("NanoCpus", s.nanoCpus());
        List<Object> devices = new ArrayList<>();
        for (String d : s.security().devices()) {
            Map<String, Object> dev = new LinkedHashMap<>();
            String[] parts = d.split(":");
            dev.put("PathOnHost", parts[0]);
            dev.put("PathInContainer", parts.length > 1 ? parts[1] : parts[0]);
            dev.put("CgroupPermissions", "rwm");
            devices.add(dev);
        }
        host.put("Devices", devices);
        host.put("MemorySwap", s.memory() > 0 ? s.memory() * 2 : 0L);
        host.put("PidsLimit", s.pidsLimit() > 0 ? (Object) (long) s.pidsLimit() : null);
        host.put("Ulimits", null);
        host.put("MaskedPaths", s.security().privileged() ? null : new ArrayList<Object>(List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
                "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware")));
        host.put("ReadonlyPaths", s.security().privileged() ? null : new ArrayList<Object>(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                "/proc/sysrq-trigger")));
        m.put("HostConfig", host);
        List<Object> mounts = new ArrayList<>();
        for (String b : s.binds()) {
            String[] parts = b.split(":");
            boolean volume = !parts[0].startsWith("/");
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("Type", volume ? "volume" : "bind");
            if (volume) mount.put("Name", parts[0]);
            mount.put("Source", volume ? Engine.volumePath(parts[0]) : parts[0]);
            mount.put("Destination", parts[1]);
            if (volume) mount.put("Driver", "local");
            mount.put("Mode", parts.length > 2 ? parts[2] : volume ? "z" : "");
            mount.put("RW", !(parts.length > 2 && parts[2].equals("ro")));
            mount.put("Propagation", volume ? "" : "rprivate");
            mounts.add(mount);
        }
        m.put("Mounts", mounts);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", c.hostname());
        config.put("Domainname", "");
        config.put("User", s.user() != null ? s.user() : c.image().config().user());
        config.put("Env", env(RunSpec.environment(c.hostname(), c.image().env(), s.env()), true));
        config.put("Cmd", s.entrypoint() != null || !s.command().isEmpty() ? list(s.command()) : list(c.image().cmd()));
        config.put("Image", s.image());
        config.put("WorkingDir", c.image().config().workdir());
        config.put("Entrypoint", s.entrypoint() != null ? list(s.entrypoint().isEmpty() ? List.of() : List.of(s.entrypoint()))
                : list(c.image().config().entrypoint()));
        config.put("Labels", new LinkedHashMap<String, Object>(c.image().config().labels()));
        m.put("Config", config);
        Map<String, Object> net = new LinkedHashMap<>();
        Map<String, Object> networks = new LinkedHashMap<>();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        String network = s.network();
        dev.syssim.sim.container.BridgeNetwork bn = e.networkOf(c);
        dev.syssim.sim.net.Ipv4Address ip = bn == null ? null : bn.addressOf(c);
        String address = ip == null ? "" : ip.toString();
        String gateway = ip == null ? "" : bn.gateway().toString();
        String mac = ip == null ? "" : String.format("02:42:ac:%02x:%02x:%02x", ip.octet(1), ip.octet(2), ip.octet(3));
        long prefix = ip == null ? 0 : dev.syssim.sim.container.BridgeNetwork.PREFIX;
        // the top-level fields describe the default bridge only; a user-defined network's are under Networks
        boolean isDefault = network.equals("bridge");
        net.put("Gateway", isDefault ? gateway : "");
        net.put("IPAddress", isDefault ? address : "");
        net.put("IPPrefixLen", isDefault ? prefix : 0L);
        net.put("MacAddress", isDefault ? mac : "");
        for (String[] n : e.networks()) if (n[1].equals(network)) endpoint.put("NetworkID", n[0]);
        endpoint.put("Gateway", gateway);
        endpoint.put("IPAddress", address);
        endpoint.put("IPPrefixLen", prefix);
        endpoint.put("MacAddress", mac);
        networks.put(network, endpoint);
        net.put("Networks", networks);
        m.put("NetworkSettings", net);
        return m;
    }

    static Map<String, Object> image(Engine e, Image i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", i.id());
        List<Object> tags = new ArrayList<>();
        if (!i.repository().equals("<none>")) for (String t : i.tags()) tags.add(i.repository() + ":" + t);
        m.put("RepoTags", tags);
        m.put("RepoDigests", i.digest() == null ? new ArrayList<>() : new ArrayList<Object>(List.of(i.repository() + "@" + i.digest())));
        m.put("Parent", i.parent());
        m.put("Comment", "");
        m.put("Created", Listings.rfc3339Seconds(i.createdEpochSeconds()));
        m.put("DockerVersion", Engine.VERSION);
        m.put("Author", "");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", "");
        config.put("Domainname", "");
        config.put("User", i.config().user());
        if (!i.config().exposed().isEmpty()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            for (String p : i.config().exposed()) ports.put(p, new LinkedHashMap<String, Object>());
            config.put("ExposedPorts", ports);
        }
        config.put("Env", env(i.env(), false));
        config.put("Cmd", list(i.cmd()));
        config.put("Image", i.parent());
        config.put("Volumes", null);
        config.put("WorkingDir", i.config().workdir());
        config.put("Entrypoint", list(i.config().entrypoint()));
        config.put("OnBuild", null);
        config.put("Labels", i.config().labels().isEmpty() ? null : new LinkedHashMap<String, Object>(i.config().labels()));
        m.put("Config", config);
        m.put("Architecture", "amd64");
        m.put("Os", "linux");
        m.put("Size", i.sizeBytes());
        m.put("VirtualSize", i.sizeBytes());
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("Type", "layers");
        List<Object> layers = new ArrayList<>();
        for (String l : i.layers()) layers.add("sha256:" + dev.syssim.sim.container.Registry.sha256(("diff " + l).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        rootfs.put("Layers", layers);
        m.put("RootFS", rootfs);
        return m;
    }

    /** A nil slice when empty, as Docker's config has it ({@code null} in JSON). */
    private static Object list(List<String> words) {
        return words.isEmpty() ? null : new ArrayList<Object>(words);
    }

    private static Object env(Map<String, String> env, boolean always) {
        if (env.isEmpty() && !always) return null;
        List<Object> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    // ---- JSON and templates ----

    /** json.MarshalIndent(value, indent, "    "): maps keep their order (Docker's struct order). */
    static String json(Object v, String indent) {
        if (v == null) return "null";
        if (v instanceof String s) return quote(s);
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer) return v.toString();
        String inner = indent + "    ";
        if (v instanceof List<?> list) {
            if (list.isEmpty()) return "[]";
            StringBuilder b = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) b.append(inner).append(json(list.get(i), inner)).append(i < list.size() - 1 ? ",\n" : "\n");
            return b.append(indent).append(']').toString();
        }
        Map<?, ?> map = (Map<?, ?>) v;
        if (map.isEmpty()) return "{}";
        StringBuilder b = new StringBuilder("{\n");
        int n = 0;
        for (Map.Entry<?, ?> en : map.entrySet()) {
            b.append(inner).append(quote(en.getKey().toString())).append(": ").append(json(en.getValue(), inner)).append(++n < map.size() ? ",\n" : "\n");
        }
        return b.append(indent).append('}').toString();
    }

    /** The compact form the template function {@code json} prints. */
    static String compact(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return quote(s);
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer) return v.toString();
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(compact(o));
            return "[" + String.join(",", parts) + "]";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) parts.add(quote(en.getKey().toString()) + ":" + compact(en.getValue()));
        return "{" + String.join(",", parts) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    /** A Go template with {@code {{.A.B}}} and {@code {{json .A.B}}} actions over the object. */
    static String template(String format, Object root) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = format.indexOf("{{", at);
            if (open < 0) break;
            int close = format.indexOf("}}", open);
            if (close < 0) break;
            out.append(format, at, open);
            String action = format.substring(open + 2, close).strip();
            boolean json = action.startsWith("json ");
            Object v = field(root, json ? action.substring(5).strip() : action);
            out.append(json ? compact(v) : print(v));
            at = close + 2;
        }
        return out.append(format.substring(at)).toString();
    }

    private static Object field(Object root, String path) {
        Object v = root;
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) continue;
            if (!(v instanceof Map<?, ?> m)) return null;
            v = m.get(part);
        }
        return v;
    }

    /** fmt's %v of the value, as text/template prints it. */
    private static String print(Object v) {
        if (v == null) return "<no value>";
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(print(o));
            return "[" + String.join(" ", parts) + "]";
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            new java.util.TreeMap<>(map).forEach((k, val) -> parts.add(k + ":" + print(val)));
            return "map[" + String.join(" ", parts) + "]";
        }
        return v.toString();
    }
}
