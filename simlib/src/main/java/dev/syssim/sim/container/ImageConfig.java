package dev.syssim.sim.container;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an image's config that a Dockerfile sets besides CMD and ENV: ENTRYPOINT, WORKDIR,
 * USER, EXPOSE and LABEL, as {@code docker inspect} shows them under {@code Config}. Metadata only:
 * none of it changes the image's files (WORKDIR's directory is made by its step's commit).
 *
 * @param entrypoint the ENTRYPOINT (empty: none, shown as {@code null})
 * @param workdir    the WORKDIR, absolute ({@code ""}: none, the container starts in /)
 * @param user       the USER ({@code ""}: root)
 * @param exposed    the EXPOSE ports with their protocol ({@code 80/tcp}), in Go's map order (sorted)
 * @param labels     the LABELs, sorted by key as Go prints a map
 */
public record ImageConfig(List<String> entrypoint, String workdir, String user, List<String> exposed, Map<String, String> labels) {

    /** An image without any of them (the registry's images). */
    public static final ImageConfig NONE = new ImageConfig(List.of(), "", "", List.of(), Map.of());

    public ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        exposed = exposed.stream().distinct().sorted().toList();
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public ImageConfig withEntrypoint(List<String> e) {
        return new ImageConfig(e, workdir, user, exposed, labels);
    }

    public ImageConfig withWorkdir(String w) {
        return new ImageConfig(entrypoint, w, user, exposed, labels);
    }

    public ImageConfig withUser(String u) {
        return new ImageConfig(entrypoint, workdir, u, exposed, labels);
    }

    public ImageConfig withExposed(List<String> more) {
        List<String> all = new java.util.ArrayList<>(exposed);
        all.addAll(more);
        return new ImageConfig(entrypoint, workdir, user, all, labels);
    }

    public ImageConfig withLabels(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(labels);
        all.putAll(more);
        return new ImageConfig(entrypoint, workdir, user, exposed, all);
    }
}
