package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * dockerd's side of {@code docker history [--no-trunc] IMAGE}, with Docker 20.10's columns: IMAGE,
 * CREATED, CREATED BY, SIZE, COMMENT, newest first, one row a build step. A BuildKit build's rows
 * read as its Dockerfile ({@code RUN /bin/sh -c ... # buildkit}, {@code COPY msg.txt /srv/ # buildkit},
 * {@code ENV WHO=world}, comment {@code buildkit.dockerfile.v0}) and only the image itself has an id
 * (BuildKit records no parent images; testdata/oracle/docker/buildkit-20.10.24.txt); a legacy
 * build's rows are its {@code /bin/sh -c #(nop) ...} commands and name each step's image, which is in
 * the store. CREATED BY is cut to 45 characters with {@code …} unless {@code --no-trunc}. A step's
 * SIZE is what it changed in the tree: the bytes of the files it added or changed.
 *
 * <p>Simplifications: a pulled image's own history is one {@code ADD file:... in /} row a layer
 * under its CMD (the real ones have a row for each instruction of their Dockerfile), its whole size
 * on its bottom layer; a legacy COPY's {@code file:} checksum is the content's sha256 (the real one
 * is a tar checksum of the file and its metadata); {@code -q}, {@code -H=false} and
 * {@code --format} are not simulated.
 */
final class History {

    private History() {
    }

    static Engine.Reply reply(Engine e, List<String> args, long now) {
        boolean noTrunc = args.contains("--no-trunc");
        String ref = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        Image image = e.image(ref);
        if (image == null) return Engine.Reply.failed("Error response from daemon: No such image: " + (ref.contains(":") ? ref : ref + ":latest"));
        long nowSeconds = e.host().bootEpochSeconds() + now / 1_000_000_000L;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"));
        Image at = image;
        boolean top = true;
        boolean buildKit = false;
        while (at != null && e.madeBy(at.id()) != null) {
            String key = e.madeBy(at.id());
            Image parent = e.image(at.parent());
            buildKit = top ? key.startsWith("buildkit ") : buildKit;
            boolean kit = key.startsWith("buildkit ");
            String shown = top || !kit ? (noTrunc ? at.id() : at.shortId()) : "<missing>";
            long size = parent == null || parent.root() == at.root() ? 0 : changed(parent.root(), at.root());
            rows.add(List.of(shown, ago(nowSeconds, at), cut(kit ? buildKit(key.substring(9)) : legacy(key), noTrunc), Listings.size(size),
                    kit ? "buildkit.dockerfile.v0" : ""));
            top = false;
            at = parent;
        }
        if (at != null) {
            // the pulled base: its CMD, then a layer a row; named only when it is not under a BuildKit build
            String shown = top || !buildKit ? (noTrunc ? at.id() : at.shortId()) : "<missing>";
            rows.add(List.of(shown, ago(nowSeconds, at), cut("/bin/sh -c #(nop)  CMD " + goList(at.cmd()), noTrunc), "0B", ""));
            for (int i = at.layers().size() - 1; i >= 0; i--) {
                String file = "/bin/sh -c #(nop) ADD file:" + dev.syssim.sim.container.Registry.sha256(("layer " + at.layers().get(i)).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)) + " in / ";
                rows.add(List.of("<missing>", ago(nowSeconds, at), cut(file, noTrunc), Listings.size(i == 0 ? at.sizeBytes() : 0), ""));
            }
        }
        return Engine.Reply.ok(Listings.table(rows));
    }

    private static String ago(long nowSeconds, Image image) {
        return Listings.humanDuration((nowSeconds - image.createdEpochSeconds()) * 1_000_000_000L) + " ago";
    }

    /** Docker's stringutils.Ellipsis: at most 45 characters, the last one {@code …} when cut. */
    private static String cut(String text, boolean noTrunc) {
        if (noTrunc || text.codePointCount(0, text.length()) <= 45) return text;
        return text.substring(0, text.offsetByCodePoints(0, 44)) + "…";
    }

    /** A BuildKit step as its history shows it: the instruction, RUN and COPY marked {@code # buildkit}. */
    private static String buildKit(String key) {
        String[] run = runOf(key);
        if (run != null) return "RUN " + run[0] + "/bin/sh -c " + run[1] + " # buildkit";
        Build.Instruction in = instruction(key);
        return switch (in.keyword()) {
            case "COPY", "ADD" -> in.text() + " # buildkit";
            case "CMD", "ENTRYPOINT" -> in.keyword() + " " + goList(Build.cmd(in.rest()));
            case "ENV" -> {
                List<String> nv = Build.operands(in, null);
                yield "ENV " + nv.get(0) + "=" + nv.get(1);
            }
            default -> in.text();
        };
    }

    /** A legacy step as its history shows it: the RUN's command, else {@code /bin/sh -c #(nop)} and the instruction. */
    private static String legacy(String key) {
        String[] run = runOf(key);
        if (run != null) return run[0] + "/bin/sh -c " + run[1];
        Build.Instruction in = instruction(key);
        return switch (in.keyword()) {
            case "COPY", "ADD" -> {
                String[] parts = in.rest().split("\\s+");
                String sum = key.substring(key.lastIndexOf(" sha256:") + 8);
                yield "/bin/sh -c #(nop) " + in.keyword() + " file:" + sum + " in " + parts[parts.length - 1] + " ";
            }
            case "CMD", "ENTRYPOINT" -> "/bin/sh -c #(nop)  " + in.keyword() + " " + goList(Build.cmd(in.rest()));
            case "ENV" -> {
                List<String> nv = Build.operands(in, null);
                yield "/bin/sh -c #(nop)  ENV " + nv.get(0) + "=" + nv.get(1);
            }
            default -> "/bin/sh -c #(nop) " + in.text();
        };
    }

    /** A RUN's key ({@code [|N K=V ...] RUN TEXT}): the build arguments' prefix ({@code "|1 WHO=a "} or "") and the command; null for others. */
    private static String[] runOf(String key) {
        int at = key.startsWith("RUN ") ? 0 : key.indexOf(" RUN ");
        if (at < 0 || !(key.startsWith("RUN ") || key.startsWith("|"))) return null;
        return at == 0 ? new String[] {"", key.substring(4)} : new String[] {key.substring(0, at + 1), key.substring(at + 5)};
    }

    private static Build.Instruction instruction(String key) {
        String text = key.replaceFirst(" sha256:[0-9a-f]{64}$", "");
        int space = text.indexOf(' ');
        return new Build.Instruction(0, space < 0 ? text : text.substring(0, space), space < 0 ? "" : text.substring(space + 1));
    }

    /** Go's {@code %v} of a []string with quoted items, as Docker shows CMD: {@code ["cat" "/srv/msg.txt"]}. */
    private static String goList(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) quoted.add("\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        return "[" + String.join(" ", quoted) + "]";
    }

    /** The bytes of the regular files and symlinks {@code after} has new or changed against {@code before} (an explicit stack, no recursion). */
    static long changed(FileSystem before, FileSystem after) {
        long size = 0;
        ArrayDeque<Inode[]> dirs = new ArrayDeque<>();
        dirs.push(new Inode[] {after.root(), before.root()});
        while (!dirs.isEmpty()) {
            Inode[] pair = dirs.pop();
            for (Map.Entry<String, Inode> entry : pair[0].entries().entrySet()) {
                if (entry.getKey().equals(".") || entry.getKey().equals("..")) continue;
                Inode now = entry.getValue();
                Inode was = pair[1] == null ? null : pair[1].entries().get(entry.getKey());
                if (now.type() == FileType.DIRECTORY) {
                    dirs.push(new Inode[] {now, was != null && was.type() == FileType.DIRECTORY ? was : null});
                } else if (now.type() == FileType.REGULAR) {
                    boolean same = was != null && was.type() == FileType.REGULAR && (was == now || Arrays.equals(before.contentOf(was), after.contentOf(now)));
                    if (!same) size += now.size();
                } else if (now.type() == FileType.SYMLINK) {
                    if (was == null || was.type() != FileType.SYMLINK || !was.symlinkTarget().equals(now.symlinkTarget())) size += now.symlinkTarget().length();
                }
            }
        }
        return size;
    }
}
