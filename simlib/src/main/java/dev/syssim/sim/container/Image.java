package dev.syssim.sim.container;

import dev.syssim.sim.fs.FileSystem;
import java.util.List;
import java.util.Map;

/**
 * An image in the local store: its names, its id (the sha256 of its config), the registry's
 * manifest digest, its layers, its default command and environment, and its root file tree.
 * The tree is never written to: each container gets its own copy of it.
 *
 * @param repository  {@code alpine}, {@code debian}, ...
 * @param tags        the tags it carries here
 * @param id          {@code sha256:} and 64 hex digits
 * @param digest      the manifest digest {@code docker pull} prints
 * @param layers      the layers' short ids (12 hex digits), bottom first
 * @param cmd         the default command (CMD)
 * @param env         ENV of the image
 * @param sizeBytes   the size {@code docker images} shows
 * @param createdEpochSeconds when it was built
 * @param root        the image's file tree (all its layers merged)
 * @param config      ENTRYPOINT, WORKDIR, USER, EXPOSE, LABEL
 * @param parent      the id of the image it was built on (a build step's), or {@code ""} for a pulled one
 */
public record Image(String repository, List<String> tags, String id, String digest, List<String> layers, List<String> cmd,
                    Map<String, String> env, long sizeBytes, long createdEpochSeconds, FileSystem root,
                    ImageConfig config, String parent) {

    public Image {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
    }

    /** The 12 hex digits {@code docker images} shows. */
    public String shortId() {
        return id.substring("sha256:".length(), "sha256:".length() + 12);
    }

    /** The same image under another name (one tag), as {@code docker tag} and {@code build -t} give it. */
    public Image named(String repo, String tag) {
        // the registry's digest belongs to the name it was pulled as, not to another name given to it
        return new Image(repo, List.of(tag), id, repo.equals(repository) ? digest : null, layers, cmd, env, sizeBytes, createdEpochSeconds, root, config, parent);
    }

    /** The command a container of this image runs: ENTRYPOINT followed by the command given, else by CMD. */
    public List<String> commandFor(List<String> given) {
        List<String> all = new java.util.ArrayList<>(config.entrypoint());
        all.addAll(given.isEmpty() ? cmd : given);
        return all;
    }

    public Image withTag(String tag) {
        List<String> more = new java.util.ArrayList<>(tags);
        if (!more.contains(tag)) more.add(tag);
        return new Image(repository, more, id, digest, layers, cmd, env, sizeBytes, createdEpochSeconds, root, config, parent);
    }
}
