package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker build -t NAME DIR} with the legacy builder (Docker 20.10's default): the client
 * reads DIR/Dockerfile and the files COPY names (the build context), and sends the daemon one
 * step after another, printing {@code Step N/M : ...}, {@code ---> Running in ID},
 * {@code Removing intermediate container ID}, {@code ---> ID}, then {@code Successfully built}
 * and {@code Successfully tagged}. Instructions: FROM, RUN (shell form), COPY (one file), ENV,
 * CMD (exec and shell form); an unknown one is Docker's parse error.
 *
 * <p>Simplifications: the context's size on the first line counts the files as a tar would
 * without directory entries; no build cache; no .dockerignore, ARG, WORKDIR, USER, ENTRYPOINT yet.
 */
final class Build {

    /** One instruction: its line, its keyword (upper case) and the rest of the line. */
    record Instruction(int line, String keyword, String rest) {
        String text() {
            return keyword + " " + rest;
        }
    }

    private Build() {
    }

    static Step run(Libc c, List<String> args) {
        String tag = null;
        String dir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-t") || a.equals("--tag")) && i + 1 < args.size()) tag = args.get(++i);
            else if (a.startsWith("--tag=")) tag = a.substring(6);
            else dir = a;
        }
        if (dir == null) {
            c.eprint("\"docker build\" requires exactly 1 argument.\nSee 'docker build --help'.\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\n"
                    + "Build an image from a Dockerfile\n");
            return c.exit(1);
        }
        String context = dir;
        String name = tag == null ? null : tag.contains(":") ? tag : tag + ":latest";
        return c.readFile(context + "/Dockerfile", (err, bytes) -> {
            if (err != null) {
                c.eprint("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat " + absolute(c, context) + "/Dockerfile: "
                        + err.message().toLowerCase(java.util.Locale.ROOT) + "\n");
                return c.exit(1);
            }
            List<Instruction> steps = new ArrayList<>();
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int space = line.indexOf(' ');
                String word = (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
                String rest = space < 0 ? "" : line.substring(space + 1).strip();
                if (!List.of("FROM", "RUN", "COPY", "ENV", "CMD").contains(word)) {
                    int number = i + 1;
                    String bad = (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
                    return contextSize(c, context, size -> {
                        c.print("Sending build context to Docker daemon  " + Listings.size(size, 4) + "\r\r\n");
                        c.eprint("Error response from daemon: dockerfile parse error line " + number + ": unknown instruction: " + bad + "\n");
                        return c.exit(1);
                    });
                }
                steps.add(new Instruction(i + 1, word, rest));
            }
            return readContext(c, context, steps, 0, new ArrayList<>(), files -> contextSize(c, context, size -> {
                // the real client ends its progress line with two carriage returns
                c.print("Sending build context to Docker daemon  " + Listings.size(size, 4) + "\r\r\n");
                return c.sys(new EngineCalls.Connect(), conn -> {
                    if (conn.failed()) {
                        c.eprint("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n");
                        return c.exit(1);
                    }
                    return step(c, steps, files, 0, null, name);
                });
            }));
        });
    }

    /** The context's size as a tar of its files: a 512-byte header and the data in 512-byte blocks each, and 1 KiB at the end (top-level files only). */
    private static Step contextSize(Libc c, String dir, java.util.function.LongFunction<Step> then) {
        return c.listDirectory(dir, false, (err, entries) -> {
            long[] size = {1024};
            List<String> names = new ArrayList<>();
            if (err == null) for (dev.syssim.sim.fs.Dirent e : entries) if (e.type() == dev.syssim.sim.fs.FileType.REGULAR) names.add(e.name());
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

    /** The content of each COPY's source (null for other instructions). */
    private static Step readContext(Libc c, String dir, List<Instruction> steps, int i, List<byte[]> files,
                                    java.util.function.Function<List<byte[]>, Step> then) {
        if (i >= steps.size()) return then.apply(files);
        Instruction in = steps.get(i);
        if (!in.keyword().equals("COPY")) {
            files.add(null);
            return readContext(c, dir, steps, i + 1, files, then);
        }
        String src = in.rest().split("\\s+")[0];
        return c.readFile(dir + "/" + src, (err, data) -> {
            files.add(err != null ? null : data);
            return readContext(c, dir, steps, i + 1, files, then);
        });
    }

    private static Step step(Libc c, List<Instruction> steps, List<byte[]> files, int i, Image image, String name) {
        if (i >= steps.size()) {
            if (image == null) {
                c.eprint("Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n");
                return c.exit(1);
            }
            c.print("Successfully built " + image.shortId() + "\n");
            if (name == null) return c.exit(0);
            return c.sys(new EngineCalls.Rpc("build-step", List.of(image.id(), "", "TAG", name), null), t -> {
                c.print("Successfully tagged " + name + "\n");
                return c.exit(0);
            });
        }
        Instruction in = steps.get(i);
        c.print("Step " + (i + 1) + "/" + steps.size() + " : " + in.text() + "\n");
        c.flushStdout();
        if (in.keyword().equals("FROM")) {
            return c.sys(new EngineCalls.Rpc("build-from", List.of(in.rest()), null), r -> {
                Engine.Reply reply = (Engine.Reply) r.data();
                if (reply.error() != null) return fail(c, reply.error(), 1);
                c.print(reply.out());
                return next(c, steps, files, i, (Image) reply.data(), name);
            });
        }
        if (image == null) return fail(c, "No build stage in current context", 1);
        List<String> request = new ArrayList<>(List.of(image.id(), in.text(), in.keyword()));
        switch (in.keyword()) {
            case "RUN" -> request.add(in.rest());
            case "COPY" -> {
                String[] parts = in.rest().split("\\s+");
                if (files.get(i) == null) {
                    return fail(c, "COPY failed: file not found in build context or excluded by .dockerignore: stat " + parts[0] + ": file does not exist", 1);
                }
                String src = parts[0];
                String dst = parts[parts.length - 1];
                if (dst.endsWith("/")) dst = dst + src.substring(src.lastIndexOf('/') + 1);
                request.add(dst);
                request.add(new String(files.get(i), StandardCharsets.ISO_8859_1));
            }
            case "ENV" -> {
                String rest = in.rest();
                int eq = rest.indexOf('=');
                int sp = rest.indexOf(' ');
                boolean equals = eq > 0 && (sp < 0 || eq < sp);
                request.add(equals ? rest.substring(0, eq) : rest.substring(0, sp));
                request.add(unquote(equals ? rest.substring(eq + 1) : rest.substring(sp + 1).strip()));
            }
            default -> request.addAll(cmd(in.rest()));
        }
        return c.sys(new EngineCalls.Rpc("build-step", request, null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null) return fail(c, reply.error(), reply.data() instanceof Integer s ? s : 1);
            if (in.keyword().equals("COPY")) return next(c, steps, files, i, (Image) reply.data(), name);
            String id = reply.out();
            c.print(" ---> Running in " + id + "\n");
            c.flushStdout();
            List<String> second = new ArrayList<>(List.of(image.id(), in.text()));
            if (in.keyword().equals("RUN")) {
                second.addAll(List.of("START", id));
            } else {
                second.addAll(List.of("META", id, in.keyword()));
                second.addAll(request.subList(3, request.size()));
            }
            return c.sys(new EngineCalls.Rpc("build-step", second, null), s -> {
                Engine.Reply ran = (Engine.Reply) s.data();
                if (ran.error() != null) return fail(c, ran.error(), ran.data() instanceof Integer st ? st : 1);
                c.print("Removing intermediate container " + id + "\n");
                return next(c, steps, files, i, (Image) ran.data(), name);
            });
        });
    }

    private static Step next(Libc c, List<Instruction> steps, List<byte[]> files, int i, Image image, String name) {
        c.print(" ---> " + image.shortId() + "\n");
        return step(c, steps, files, i + 1, image, name);
    }

    private static Step fail(Libc c, String error, int status) {
        c.eprint(error + "\n");
        return c.exit(status);
    }

    /** CMD's exec form (a JSON array of strings) or shell form ({@code /bin/sh -c TEXT}). */
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
