package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code docker build [-t NAME] [--no-cache] [--build-arg K=V] [-q] DIR} with the legacy builder
 * (Docker 20.10's default): the client reads DIR/Dockerfile and the files COPY names (the build
 * context), and sends the daemon one step after another, printing {@code Step N/M : ...},
 * {@code ---> Running in ID}, {@code Removing intermediate container ID}, {@code ---> ID}, then
 * {@code Successfully built} and {@code Successfully tagged}. Instructions: FROM, RUN (shell form),
 * COPY and ADD (one file), ENV, ARG, WORKDIR, USER, EXPOSE, LABEL, CMD and ENTRYPOINT (exec and shell
 * form); an unknown one is Docker's parse error.
 *
 * <p>The build cache is the legacy builder's: before each step the client asks whether an image
 * was already made from the same parent by the same step — for COPY the same file content, for RUN
 * the same command with the same build arguments — and prints {@code ---> Using cache} if so; a
 * step that misses makes every later step miss too, because its image (their parent) is new.
 *
 * <p>A {@code .dockerignore} in DIR keeps the files it names out of the context: they count
 * neither in its size nor can COPY take them ({@code COPY failed: file not found in build context
 * or excluded by .dockerignore}).
 *
 * <p>With {@code DOCKER_BUILDKIT=1} in the environment the build is BuildKit's instead ({@link BuildKit}).
 *
 * <p>Simplifications: the context's size on the first line counts the files as a tar would
 * without directory entries; no variable substitution in instructions other
 * than RUN (whose shell expands the build arguments it gets as environment variables); {@code -q}
 * hides the steps but not what a RUN prints.
 */
final class Build {

    static final List<String> INSTRUCTIONS = List.of("FROM", "RUN", "COPY", "ADD", "ENV", "CMD", "ARG", "WORKDIR", "USER", "EXPOSE",
            "LABEL", "ENTRYPOINT");

    /** One instruction: its line, its keyword (upper case) and the rest of the line. */
    record Instruction(int line, String keyword, String rest) {
        String text() {
            return keyword + " " + rest;
        }
    }

    /** The command line: the context, the name, the flags. */
    record Options(String dir, String name, boolean noCache, boolean quiet, Map<String, String> buildArgs) {
    }

    /** What the client keeps across the steps: the image so far, the ARGs declared and their values. */
    private static final class State {
        Image image;
        final Map<String, String> args = new LinkedHashMap<>();
        final TreeSet<String> unused = new TreeSet<>();
    }

    private Build() {
    }

    static Step run(Libc c, List<String> args) {
        String tag = null;
        String dir = null;
        boolean noCache = false;
        boolean quiet = false;
        boolean buildKit = "1".equals(c.env("DOCKER_BUILDKIT"));
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-t") || a.equals("--tag")) && i + 1 < args.size()) tag = args.get(++i);
            else if (a.startsWith("--tag=")) tag = a.substring(6);
            else if (a.equals("--no-cache")) noCache = true;
            // BuildKit's progress display: only plain is simulated; the legacy builder ignores the flag, as 20.10's does
            else if (a.equals("--progress") && i + 1 < args.size()) i++;
            else if (a.startsWith("--progress=")) continue;
            else if (a.equals("-q") || a.equals("--quiet")) quiet = true;
            else if (a.equals("--build-arg") && i + 1 < args.size()) buildArg(buildArgs, args.get(++i), c);
            else if (a.startsWith("--build-arg=")) buildArg(buildArgs, a.substring(12), c);
            else dir = a;
        }
        if (dir == null) {
            c.eprint("\"docker build\" requires exactly 1 argument.\nSee 'docker build --help'.\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\n"
                    + "Build an image from a Dockerfile\n");
            return c.exit(1);
        }
        String name = tag == null ? null : tag.contains(":") ? tag : tag + ":latest";
        Options o = new Options(dir, name, noCache, quiet, buildArgs);
        return c.readFile(dir + "/.dockerignore", (none, ignore) -> c.readFile(o.dir() + "/Dockerfile", (err, bytes) -> {
            java.util.function.Predicate<String> ignored = ignoring(ignore);
            if (err != null) {
                c.eprint("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat " + absolute(c, o.dir()) + "/Dockerfile: "
                        + err.message().toLowerCase(java.util.Locale.ROOT) + "\n");
                return c.exit(1);
            }
            if (buildKit) return BuildKit.run(c, o, bytes, ignore, ignored);
            List<Instruction> steps = new ArrayList<>();
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int space = line.indexOf(' ');
                String word = (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
                String rest = space < 0 ? "" : line.substring(space + 1).strip();
                if (!INSTRUCTIONS.contains(word)) {
                    int number = i + 1;
                    return contextSize(c, o.dir(), ignored, size -> {
                        if (!o.quiet()) c.print("Sending build context to Docker daemon  " + Listings.size(size, 4) + "\r\r\n");
                        c.eprint("Error response from daemon: dockerfile parse error line " + number + ": unknown instruction: " + word + "\n");
                        return c.exit(1);
                    });
                }
                steps.add(new Instruction(i + 1, word, rest));
            }
            return readContext(c, o.dir(), steps, ignored, files -> contextSize(c, o.dir(), ignored, size -> {
                // the real client ends its progress line with two carriage returns
                if (!o.quiet()) c.print("Sending build context to Docker daemon  " + Listings.size(size, 4) + "\r\r\n");
                return c.sys(new EngineCalls.Connect(), conn -> {
                    if (conn.failed()) {
                        c.eprint("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n");
                        return c.exit(1);
                    }
                    State state = new State();
                    state.unused.addAll(o.buildArgs().keySet());
                    return step(c, o, steps, files, 0, state);
                });
            }));
        }));
    }

    /**
     * The .dockerignore's patterns as a test on a context path: one pattern a line ({@code #} a
     * comment), globs with {@code *} and {@code ?}, a leading {@code !} taking a path back in, the
     * last matching line deciding. The Dockerfile and .dockerignore themselves are always sent.
     */
    static java.util.function.Predicate<String> ignoring(byte[] file) {
        List<String> lines = new ArrayList<>();
        if (file != null) {
            for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) lines.add(t);
            }
        }
        return path -> {
            String p = path.startsWith("./") ? path.substring(2) : path;
            if (p.equals("Dockerfile") || p.equals(".dockerignore")) return false;
            boolean out = false;
            for (String line : lines) {
                boolean keep = line.startsWith("!");
                String glob = (keep ? line.substring(1) : line).replaceFirst("^/", "");
                String regex = glob.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]*").replace("?", "[^/]").replace("\u0000", ".*");
                if (p.matches(regex) || p.startsWith(glob + "/")) out = !keep;
            }
            return out;
        };
    }

    private static void buildArg(Map<String, String> into, String kv, Libc c) {
        int eq = kv.indexOf('=');
        // --build-arg NAME without a value takes the client's environment variable, as docker does
        if (eq < 0) into.put(kv, c.env(kv) == null ? "" : c.env(kv));
        else into.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    /** The context's size as a tar of its files: a 512-byte header and the data in 512-byte blocks each, and 1 KiB at the end (top-level files only). */
    private static Step contextSize(Libc c, String dir, java.util.function.Predicate<String> ignored, java.util.function.LongFunction<Step> then) {
        return c.listDirectory(dir, false, (err, entries) -> {
            long[] size = {1024};
            List<String> names = new ArrayList<>();
            if (err == null) {
                for (dev.syssim.sim.fs.Dirent e : entries) if (e.type() == dev.syssim.sim.fs.FileType.REGULAR && !ignored.test(e.name())) names.add(e.name());
            }
            return Libc.forEach(names, (n, next) -> c.statOf(dir + "/" + n, true, (e, st) -> {
                if (e == null) size[0] += 512 + 512 * ((st.size() + 511) / 512);
                return next.get();
            }), () -> then.apply(size[0]));
        });
    }

    private static String absolute(Libc c, String dir) {
        if (dir.startsWith("/")) return dir;
        String pwd = c.env("PWD");
        return (pwd == null ? "" : pwd) + "/" + dir;
    }

    /** The content of each COPY's source (null for other instructions), read one after the other. */
    private static Step readContext(Libc c, String dir, List<Instruction> steps, java.util.function.Predicate<String> ignored,
                                    java.util.function.Function<List<byte[]>, Step> then) {
        List<byte[]> files = new ArrayList<>();
        return Libc.forEach(steps, (in, next) -> {
            if (!copies(in)) {
                files.add(null);
                return next.get();
            }
            String src = in.rest().split("\\s+")[0];
            if (ignored.test(src)) {
                files.add(null);
                return next.get();
            }
            return c.readFile(dir + "/" + src, (err, data) -> {
                files.add(err != null ? null : data);
                return next.get();
            });
        }, () -> then.apply(files));
    }

    private static void out(Libc c, Options o, String text) {
        if (!o.quiet()) c.print(text);
    }

    private static Step step(Libc c, Options o, List<Instruction> steps, List<byte[]> files, int i, State st) {
        if (i >= steps.size()) return finish(c, o, st);
        Instruction in = steps.get(i);
        out(c, o, "Step " + (i + 1) + "/" + steps.size() + " : " + in.text() + "\n");
        c.flushStdout();
        if (in.keyword().equals("FROM")) {
            return c.sys(new EngineCalls.Rpc("build-from", List.of(in.rest()), null), r -> {
                Engine.Reply reply = (Engine.Reply) r.data();
                if (reply.error() != null) return fail(c, reply.error(), 1);
                out(c, o, reply.out());
                st.image = (Image) reply.data();
                return next(c, o, steps, files, i, st);
            });
        }
        if (st.image == null) return fail(c, "No build stage in current context", 1);
        if (copies(in) && files.get(i) == null) {
            return fail(c, in.keyword() + " failed: file not found in build context or excluded by .dockerignore: stat " + in.rest().split("\\s+")[0]
                    + ": file does not exist", 1);
        }
        if (in.keyword().equals("ARG")) declare(o, st, in.rest());
        String key = key(in, files.get(i), st);
        if (o.noCache()) return build(c, o, steps, files, i, st, key);
        return c.sys(new EngineCalls.Rpc("build-step", List.of("CACHE", st.image.id(), key), null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.data() instanceof Image hit) {
                out(c, o, " ---> Using cache\n");
                st.image = hit;
                return next(c, o, steps, files, i, st);
            }
            return build(c, o, steps, files, i, st, key);
        });
    }

    /** ARG NAME[=default]: the value is the --build-arg given, else the default; a declared name is no longer unused. */
    private static void declare(Options o, State st, String rest) {
        int eq = rest.indexOf('=');
        String name = eq < 0 ? rest.strip() : rest.substring(0, eq);
        st.unused.remove(name);
        String value = o.buildArgs().containsKey(name) ? o.buildArgs().get(name) : eq < 0 ? null : unquote(rest.substring(eq + 1));
        if (value != null) st.args.put(name, value);
    }

    /**
     * The step's cache key, as the legacy builder compares: the instruction, for COPY with its
     * file's checksum, for RUN with the build arguments in force ({@code |1 WHO=world}), so a
     * changed file or argument misses the cache.
     */
    private static String key(Instruction in, byte[] file, State st) {
        if (copies(in)) return in.text() + " sha256:" + dev.syssim.sim.container.Registry.sha256(file);
        if (in.keyword().equals("RUN") && !st.args.isEmpty()) {
            StringBuilder k = new StringBuilder("|" + st.args.size());
            st.args.forEach((n, v) -> k.append(' ').append(n).append('=').append(v));
            return k.append(' ').append(in.text()).toString();
        }
        return in.text();
    }

    private static Step build(Libc c, Options o, List<Instruction> steps, List<byte[]> files, int i, State st, String key) {
        Instruction in = steps.get(i);
        Image image = st.image;
        if (copies(in)) {
            String[] parts = in.rest().split("\\s+");
            String src = parts[0];
            String dst = parts[parts.length - 1];
            if (dst.equals(".") || dst.endsWith("/")) dst = (dst.equals(".") ? "" : dst) + src.substring(src.lastIndexOf('/') + 1);
            if (!dst.startsWith("/")) dst = joined(image.config().workdir(), dst);
            List<String> request = List.of("COPY", image.id(), key, dst, new String(files.get(i), StandardCharsets.ISO_8859_1));
            return c.sys(new EngineCalls.Rpc("build-step", request, null), r -> {
                Engine.Reply reply = (Engine.Reply) r.data();
                if (reply.error() != null) return fail(c, reply.error(), 1);
                st.image = (Image) reply.data();
                return next(c, o, steps, files, i, st);
            });
        }
        List<String> first = new ArrayList<>(List.of(in.keyword().equals("RUN") ? "RUN" : "NOP", image.id(), key, in.rest()));
        if (in.keyword().equals("RUN")) st.args.forEach((n, v) -> first.add(n + "=" + v));
        return c.sys(new EngineCalls.Rpc("build-step", first, null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null) return fail(c, reply.error(), 1);
            String id = reply.out();
            out(c, o, " ---> Running in " + id + "\n");
            c.flushStdout();
            List<String> second = new ArrayList<>(List.of(in.keyword().equals("RUN") ? "START" : "META", image.id(), key, id));
            if (!in.keyword().equals("RUN")) {
                second.add(in.keyword());
                second.addAll(operands(in, image));
            }
            return c.sys(new EngineCalls.Rpc("build-step", second, null), s -> {
                Engine.Reply ran = (Engine.Reply) s.data();
                if (ran.error() != null) return fail(c, ran.error(), ran.data() instanceof Integer status ? status : 1);
                out(c, o, "Removing intermediate container " + id + "\n");
                st.image = (Image) ran.data();
                return next(c, o, steps, files, i, st);
            });
        });
    }

    /**
     * COPY, and ADD, which for a plain local file does the same. Simplification: ADD's other powers
     * (unpacking a local tar archive, fetching a URL) are not simulated.
     */
    private static boolean copies(Instruction in) {
        return in.keyword().equals("COPY") || in.keyword().equals("ADD");
    }

    /** What a metadata instruction sets, parsed: ENV's name and value, CMD's and ENTRYPOINT's words, WORKDIR's absolute path, ... */
    static List<String> operands(Instruction in, Image image) {
        String rest = in.rest();
        switch (in.keyword()) {
            case "ENV" -> {
                int eq = rest.indexOf('=');
                int sp = rest.indexOf(' ');
                boolean equals = eq > 0 && (sp < 0 || eq < sp);
                return List.of(equals ? rest.substring(0, eq) : rest.substring(0, sp), unquote(equals ? rest.substring(eq + 1) : rest.substring(sp + 1).strip()));
            }
            case "CMD", "ENTRYPOINT" -> {
                return cmd(rest);
            }
            case "WORKDIR" -> {
                return List.of(rest.startsWith("/") ? normal(rest) : joined(image.config().workdir(), rest));
            }
            case "EXPOSE" -> {
                List<String> ports = new ArrayList<>();
                for (String p : rest.split("\\s+")) ports.add(p.contains("/") ? p.toLowerCase(java.util.Locale.ROOT) : p + "/tcp");
                return ports;
            }
            case "LABEL" -> {
                List<String> pairs = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^\\s=]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)").matcher(rest);
                while (m.find()) {
                    pairs.add(unquote(m.group(1)));
                    pairs.add(unquote(m.group(2)));
                }
                return pairs;
            }
            case "USER" -> {
                return List.of(rest.strip());
            }
            default -> {
                return List.of();
            }
        }
    }

    /** A relative path against a WORKDIR ({@code ""} is /), normalised. */
    static String joined(String workdir, String path) {
        return normal((workdir.isEmpty() ? "/" : workdir) + "/" + path);
    }

    private static String normal(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) parts.pollLast();
            else parts.addLast(p);
        }
        return "/" + String.join("/", parts);
    }

    private static Step finish(Libc c, Options o, State st) {
        if (st.image == null) {
            c.eprint("Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n");
            return c.exit(1);
        }
        if (!st.unused.isEmpty()) out(c, o, "[Warning] One or more build-args [" + String.join(" ", st.unused) + "] were not consumed\n");
        out(c, o, "Successfully built " + st.image.shortId() + "\n");
        if (o.quiet()) c.print(st.image.id() + "\n");
        if (o.name() == null) return c.exit(0);
        return c.sys(new EngineCalls.Rpc("build-step", List.of("TAG", st.image.id(), o.name()), null), t -> {
            out(c, o, "Successfully tagged " + o.name() + "\n");
            return c.exit(0);
        });
    }

    private static Step next(Libc c, Options o, List<Instruction> steps, List<byte[]> files, int i, State st) {
        out(c, o, " ---> " + st.image.shortId() + "\n");
        return step(c, o, steps, files, i + 1, st);
    }

    private static Step fail(Libc c, String error, int status) {
        c.eprint(error + "\n");
        return c.exit(status);
    }

    /** CMD's and ENTRYPOINT's exec form (a JSON array of strings) or shell form ({@code /bin/sh -c TEXT}). */
    static List<String> cmd(String rest) {
        String t = rest.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            List<String> words = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(t);
            while (m.find()) words.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            return words;
        }
        return List.of("/bin/sh", "-c", t);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
