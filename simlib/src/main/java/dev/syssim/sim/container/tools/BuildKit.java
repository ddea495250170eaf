package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.container.Registry;
import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code DOCKER_BUILDKIT=1 docker build --progress=plain [-t NAME] [--no-cache] [--build-arg K=V] DIR}:
 * the same Dockerfile and the same daemon steps as the legacy {@link Build}, shown as BuildKit's
 * plain progress on standard error, as Docker 20.10.24 prints it (testdata/oracle/docker/
 * buildkit-20.10.24.txt): one block a vertex, {@code #N NAME}, {@code #N sha256:DIGEST}, what it
 * printed, then {@code #N DONE 0.1s}, {@code #N CACHED} or {@code #N ERROR: ...}; a blank line
 * between blocks. The vertices: {@code [internal] load build definition from Dockerfile},
 * {@code [internal] load .dockerignore}, {@code [internal] load metadata for} the base image,
 * {@code [1/N] FROM}, {@code [internal] load build context} (when a COPY needs it), one
 * {@code [i/N]} for each step that changes files (RUN, COPY, ADD, WORKDIR: the others only change
 * the image's config, and have no vertex), and {@code exporting to image}.
 *
 * <p>{@code FROM} shows {@code CACHED} when the first step after it has to run (is not cached, or
 * fails) and BuildKit already holds the base from an earlier build, so its snapshot comes out of the
 * cache; otherwise {@code DONE}: on the base's first use, or when the next step is cached and FROM is
 * only resolved. That is the rule every recorded case follows.
 *
 * <p>Vertices are numbered in the order the Dockerfile's LLB names them (the build context just
 * before the first COPY that reads it) but printed in the order they finish; the context is loaded
 * alongside the first steps and finishes before them. The sizes of {@code transferring dockerfile:}
 * and {@code transferring context:} are those of BuildKit's file sync, measured on the recording:
 * 2 bytes, and per file its content plus 25 bytes plus its name's length, or, for a file the
 * daemon already holds unchanged from an earlier build, only 19 bytes plus its name's length.
 * Times are simulated (the clock of the client's machine), never the wall clock.
 *
 * <p>Simplifications: the output is printed once the build ends (the real client prints each
 * block as it finishes); a RUN's lines all carry the time its command ended (the real one stamps
 * each line as it arrives); the base image is not pulled (its lines
 * would not show); with {@code -q} a failing build prints its blocks still; a missing Dockerfile is the
 * legacy client's error; the TTY progress display is not simulated ({@code plain} always).
 */
final class BuildKit {

    /** The steps that make a vertex of their own; the others only change the image's config. */
    private static final List<String> VERTICES = List.of("FROM", "RUN", "COPY", "ADD", "WORKDIR");

    /** What the build prints and keeps as it goes: the finished blocks, the image so far, the build arguments. */
    private static final class Progress {
        final StringBuilder blocks = new StringBuilder();
        final List<String> order = new ArrayList<>();
        Image image;
        final java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
        boolean exported;
        int number;
        /** Whether BuildKit held the base image's snapshot from an earlier build. */
        boolean baseHeld;
        /** How FROM shows: null until the first step after it decides (see the class comment). */
        Boolean fromCached;

        String fromEnd() {
            return Boolean.TRUE.equals(fromCached) ? "CACHED" : "DONE 0.0s";
        }

        void block(String text) {
            if (blocks.length() > 0) blocks.append('\n');
            blocks.append(text);
        }
    }

    private BuildKit() {
    }

    /** Runs once the client has read the Dockerfile ({@code bytes}) and .dockerignore ({@code ignore}, or null). */
    static Step run(Libc c, Build.Options o, byte[] dockerfile, byte[] ignore, Predicate<String> ignored) {
        Progress p = new Progress();
        String dir = absolute(c, o.dir());
        return c.sys(new EngineCalls.Connect(), conn -> {
            if (conn.failed()) {
                c.eprint("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n");
                return c.exit(1);
            }
            return sync(c, List.of(new Sent(dir + "/Dockerfile", "Dockerfile", dockerfile)), size -> {
                p.block(vertex(++p.number, "[internal] load build definition from Dockerfile", List.of("transferring dockerfile: " + size + "B done"), "DONE 0.0s"));
                List<Sent> ig = ignore == null ? List.of() : List.of(new Sent(dir + "/.dockerignore", ".dockerignore", ignore));
                return sync(c, ig, isize -> {
                    p.block(vertex(++p.number, "[internal] load .dockerignore", List.of("transferring context: " + isize + "B done"), "DONE 0.0s"));
                    return parsed(c, o, p, dir, dockerfile, ignored);
                });
            });
        });
    }

    /** A file the client sends the daemon: its path, its name in the context, its content. */
    private record Sent(String path, String name, byte[] content) {
    }

    private static Step parsed(Libc c, Build.Options o, Progress p, String dir, byte[] dockerfile, Predicate<String> ignored) {
        List<Build.Instruction> steps = new ArrayList<>();
        String[] lines = new String(dockerfile, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int space = line.indexOf(' ');
            String word = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            if (!Build.INSTRUCTIONS.contains(word)) {
                return failed(c, p, "failed to solve with frontend dockerfile.v0: failed to create LLB definition: dockerfile parse error line " + (i + 1)
                        + ": unknown instruction: " + word);
            }
            steps.add(new Build.Instruction(i + 1, word, rest));
        }
        if (steps.isEmpty() || !steps.get(0).keyword().equals("FROM")) {
            return failed(c, p, "failed to solve with frontend dockerfile.v0: failed to create LLB definition: "
                    + (steps.isEmpty() ? "the Dockerfile cannot be empty" : "no build stage in current context"));
        }
        // the context: the COPY sources that exist and are not ignored, each once
        List<Sent> context = new ArrayList<>();
        List<Build.Instruction> copies = steps.stream().filter(BuildKit::copies).toList();
        return Libc.forEach(copies, (in, next) -> {
            String src = source(in);
            if (ignored.test(src) || context.stream().anyMatch(s -> s.name().equals(src))) return next.get();
            return c.readFile(dir + "/" + src, (err, data) -> {
                if (err == null) context.add(new Sent(dir + "/" + src, src, data));
                return next.get();
            });
        }, () -> from(c, o, p, steps, context));
    }

    private static Step from(Libc c, Build.Options o, Progress p, List<Build.Instruction> steps, List<Sent> context) {
        String base = steps.get(0).rest().split("\\s+")[0];
        String ref = reference(base);
        int total = (int) steps.stream().filter(in -> VERTICES.contains(in.keyword())).count();
        p.block(vertex(++p.number, "[internal] load metadata for " + (ref.contains(":") ? ref : ref + ":latest"), List.of(), "DONE 0.0s"));
        int fromNumber = ++p.number;
        // the numbers of the other vertices, in LLB order: the context just before the first COPY
        int[] numbers = new int[steps.size()];
        int contextNumber = 0;
        for (int i = 1; i < steps.size(); i++) {
            Build.Instruction in = steps.get(i);
            if (!VERTICES.contains(in.keyword())) continue;
            if (copies(in) && contextNumber == 0) contextNumber = ++p.number;
            numbers[i] = ++p.number;
        }
        int ctx = contextNumber;
        return c.sys(new EngineCalls.Rpc("build-from", List.of(base), null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null) return failed(c, p, "failed to solve with frontend dockerfile.v0: failed to create LLB definition: " + reply.error());
            p.image = (Image) reply.data();
            List<String> held = new ArrayList<>();
            return c.sys(new EngineCalls.Rpc("build-step", List.of("SYNC", "image " + p.image.id(), p.image.id()), null), b -> {
                // --no-cache: nothing comes out of the cache, the base's snapshot neither
                p.baseHeld = !o.noCache() && Boolean.TRUE.equals(((Engine.Reply) b.data()).data());
                return sync(c, context, size -> {
                String fromName = "[1/" + total + "] FROM " + ref;
                if (ctx != 0) held.add(vertex(ctx, "[internal] load build context", List.of("transferring context: " + size + "B done"), "DONE 0.0s"));
                return step(c, o, p, steps, context, numbers, 1, 1, total, fromNumber, fromName, held);
                });
            });
        });
    }

    /**
     * Step i of the Dockerfile ({@code vertex} the number of file-changing steps so far). The FROM's
     * and context's blocks wait in {@code held} until the build's outcome decides how FROM shows.
     */
    private static Step step(Libc c, Build.Options o, Progress p, List<Build.Instruction> steps, List<Sent> context, int[] numbers, int i, int vertex,
                             int total, int fromNumber, String fromName, List<String> held) {
        if (i >= steps.size()) {
            p.block(vertex(fromNumber, fromName, List.of(), p.fromEnd()));
            held.forEach(p::block);
            p.order.forEach(p::block);
            return export(c, o, p);
        }
        Build.Instruction in = steps.get(i);
        boolean hasVertex = VERTICES.contains(in.keyword());
        String name = "[" + (vertex + 1) + "/" + total + "] " + (in.keyword().equals("RUN") ? "RUN " + expanded(in.rest(), p) : in.text());
        int next = hasVertex ? vertex + 1 : vertex;
        if (in.keyword().equals("FROM")) {
            String error = "multi-stage builds are not simulated";
            return fail(c, p, fromNumber, fromName, held, numbers[i], name, List.of(), error, error);
        }
        if (hasVertex && p.fromCached == null) {
            // decided below when the step is cached; a step that has to run loads the base
            p.fromCached = p.baseHeld;
        }
        if (copies(in) && context.stream().noneMatch(s -> s.name().equals(source(in)))) {
            String error = "\"/" + source(in) + "\" not found: not found";
            return fail(c, p, fromNumber, fromName, held, numbers[i], name, List.of(), error, "failed to compute cache key: " + error);
        }
        if (in.keyword().equals("ARG")) declare(o, p, in.rest());
        byte[] file = copies(in) ? context.stream().filter(s -> s.name().equals(source(in))).findFirst().orElseThrow().content() : null;
        String key = "buildkit " + key(in, file, p);
        java.util.function.Supplier<Step> build = () -> c.clock(ClockGettime.CLOCK_MONOTONIC, t0 -> run(c, p, in, file, key, (error, out) -> c.clock(
                ClockGettime.CLOCK_MONOTONIC, t1 -> {
                    List<String> lines = new ArrayList<>();
                    for (String l : out.isEmpty() ? new String[0] : out.split("\n")) lines.add(String.format(Locale.ROOT, "%.3f %s", (t1 - t0) / 1e9, l));
                    if (error != null) {
                        return fail(c, p, fromNumber, fromName, held, numbers[i], name, lines, error, error);
                    }
                    if (hasVertex) {
                        p.exported = true;
                        p.order.add(vertex(numbers[i], name, lines, String.format(Locale.ROOT, "DONE %.1fs", (t1 - t0) / 1e9)));
                    }
                    return step(c, o, p, steps, context, numbers, i + 1, next, total, fromNumber, fromName, held);
                })));
        if (o.noCache()) return build.get();
        return c.sys(new EngineCalls.Rpc("build-step", List.of("CACHE", p.image.id(), key), null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.data() instanceof Image hit) {
                p.image = hit;
                if (hasVertex && vertex == 1) p.fromCached = false;
                if (hasVertex) p.order.add(vertex(numbers[i], name, List.of(), "CACHED"));
                return step(c, o, p, steps, context, numbers, i + 1, next, total, fromNumber, fromName, held);
            }
            return build.get();
        });
    }

    /** A RUN's command as its vertex names it: the build arguments in force put in for {@code $NAME} and {@code ${NAME}} (recorded). */
    private static String expanded(String command, Progress p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(?:\\{(\\w+)\\}|(\\w+))").matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = p.args.get(name);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What the daemon answers for one step: an error (or null) and what the step printed. */
    private interface Ran {
        Step apply(String error, String out);
    }

    /** One step on the daemon: RUN with its output captured, COPY, or a change of the config (through an intermediate container, as {@link Build}). */
    private static Step run(Libc c, Progress p, Build.Instruction in, byte[] file, String key, Ran then) {
        Image image = p.image;
        if (copies(in)) {
            String[] parts = in.rest().split("\\s+");
            String src = parts[0];
            String dst = parts[parts.length - 1];
            if (dst.equals(".") || dst.endsWith("/")) dst = (dst.equals(".") ? "" : dst) + src.substring(src.lastIndexOf('/') + 1);
            if (!dst.startsWith("/")) dst = Build.joined(image.config().workdir(), dst);
            List<String> request = List.of("COPY", image.id(), key, dst, new String(file, StandardCharsets.ISO_8859_1));
            return c.sys(new EngineCalls.Rpc("build-step", request, null), r -> answered(p, (Engine.Reply) r.data(), false, then));
        }
        if (in.keyword().equals("RUN")) {
            List<String> request = new ArrayList<>(List.of("BKRUN", image.id(), key, in.rest()));
            p.args.forEach((n, v) -> request.add(n + "=" + v));
            return c.sys(new EngineCalls.Rpc("build-step", request, null), r -> answered(p, (Engine.Reply) r.data(), true, then));
        }
        return c.sys(new EngineCalls.Rpc("build-step", List.of("NOP", image.id(), key, in.rest()), null), r -> {
            Engine.Reply made = (Engine.Reply) r.data();
            if (made.error() != null) return then.apply(made.error(), "");
            List<String> meta = new ArrayList<>(List.of("META", image.id(), key, made.out(), in.keyword()));
            meta.addAll(Build.operands(in, image));
            return c.sys(new EngineCalls.Rpc("build-step", meta, null), s -> answered(p, (Engine.Reply) s.data(), false, then));
        });
    }

    /** The daemon's answer: the new image kept; {@code output} says whether its text is what the step printed (a RUN's) or an id. */
    private static Step answered(Progress p, Engine.Reply reply, boolean output, Ran then) {
        if (reply.error() == null) p.image = (Image) reply.data();
        return then.apply(reply.error(), output ? reply.out() : "");
    }

    /** ARG NAME[=default], as {@link Build} declares it. */
    private static void declare(Build.Options o, Progress p, String rest) {
        int eq = rest.indexOf('=');
        String name = eq < 0 ? rest.strip() : rest.substring(0, eq);
        String value = o.buildArgs().containsKey(name) ? o.buildArgs().get(name) : eq < 0 ? null : rest.substring(eq + 1).replaceAll("^\"|\"$", "");
        if (value != null) p.args.put(name, value);
    }

    /** The cache key of a step: as the legacy builder's (a COPY with its file's checksum, a RUN with the build arguments), in a cache of its own. */
    private static String key(Build.Instruction in, byte[] file, Progress p) {
        if (file != null) return in.text() + " sha256:" + Registry.sha256(file);
        if (in.keyword().equals("RUN") && !p.args.isEmpty()) {
            StringBuilder k = new StringBuilder("|" + p.args.size());
            p.args.forEach((n, v) -> k.append(' ').append(n).append('=').append(v));
            return k.append(' ').append(in.text()).toString();
        }
        return in.text();
    }

    /**
     * A failing step: the blocks so far, the step's block
     * ending in {@code ERROR: shown}, the box naming the step, and the build's {@code error}; status 1.
     */
    private static Step fail(Libc c, Progress p, int fromNumber, String fromName, List<String> held, int number, String name, List<String> lines,
                             String shown, String error) {
        p.block(vertex(fromNumber, fromName, List.of(), p.fromEnd()));
        held.forEach(p::block);
        p.order.forEach(p::block);
        p.block(vertex(number, name, lines, "ERROR: " + shown));
        p.blocks.append("------\n > ").append(name).append(":\n------\n");
        c.eprint(p.blocks.toString());
        c.eprint(error + "\n");
        return c.exit(1);
    }

    /** An error before any step ran: the blocks so far, then the error. */
    private static Step failed(Libc c, Progress p, String error) {
        c.eprint(p.blocks.toString());
        c.eprint(error + "\n");
        return c.exit(1);
    }

    /** The last vertex: the image written and named; layers show a time only when a step made one. */
    private static Step export(Libc c, Build.Options o, Progress p) {
        List<String> lines = new ArrayList<>();
        lines.add("exporting layers" + (p.exported ? " 0.0s" : "") + " done");
        lines.add("writing image " + p.image.id() + " done");
        if (o.name() != null) lines.add("naming to " + reference(o.name().endsWith(":latest") ? o.name().substring(0, o.name().length() - 7) : o.name()) + " done");
        p.block(vertex(++p.number, "exporting to image", lines, "DONE 0.0s"));
        // -q: no progress, only the image's id on standard output
        if (o.quiet()) c.print(p.image.id() + "\n");
        else c.eprint(p.blocks.toString());
        if (o.name() == null) return c.exit(0);
        return c.sys(new EngineCalls.Rpc("build-step", List.of("TAG", p.image.id(), o.name()), null), t -> c.exit(0));
    }

    /** One block: {@code #N NAME}, {@code #N sha256:DIGEST} (of the vertex's name), its lines, its end. */
    private static String vertex(int number, String name, List<String> lines, String end) {
        StringBuilder b = new StringBuilder();
        b.append('#').append(number).append(' ').append(name).append('\n');
        b.append('#').append(number).append(" sha256:").append(Registry.sha256(name.getBytes(StandardCharsets.UTF_8))).append('\n');
        for (String l : lines) b.append('#').append(number).append(' ').append(l).append('\n');
        b.append('#').append(number).append(' ').append(end).append('\n');
        return b.toString();
    }

    /**
     * The sync's byte count for these files: 2, and per file its content, 25 and its name, or only
     * 19 and its name when the daemon holds it unchanged (asked of the daemon, which remembers).
     */
    private static Step sync(Libc c, List<Sent> files, java.util.function.LongFunction<Step> then) {
        long[] size = {2};
        return Libc.forEach(files, (f, next) -> c.sys(new EngineCalls.Rpc("build-step", List.of("SYNC", f.path(), Registry.sha256(f.content())), null), r -> {
            boolean held = Boolean.TRUE.equals(((Engine.Reply) r.data()).data());
            size[0] += (held ? 19 : 25 + f.content().length) + f.name().length();
            return next.get();
        }), () -> then.apply(size[0]));
    }

    /** {@code busybox} as BuildKit names it: {@code docker.io/library/busybox}. */
    private static String reference(String name) {
        if (name.contains("/")) return name.contains(".") && name.indexOf('.') < name.indexOf('/') ? name : "docker.io/" + name;
        return "docker.io/library/" + name;
    }

    private static boolean copies(Build.Instruction in) {
        return in.keyword().equals("COPY") || in.keyword().equals("ADD");
    }

    private static String source(Build.Instruction in) {
        return in.rest().split("\\s+")[0];
    }

    private static String absolute(Libc c, String dir) {
        if (dir.startsWith("/")) return dir;
        String pwd = c.env("PWD");
        return (pwd == null ? "" : pwd) + "/" + dir;
    }
}
