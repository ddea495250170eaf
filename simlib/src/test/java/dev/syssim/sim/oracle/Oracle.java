package dev.syssim.sim.oracle;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The behaviour recorded on real Linux, which tests replay: {@code -Dsyssim.oracle=DIR} if given;
 * else {@code shared/oracle} next to the repository (found walking up from the working
 * directory), the recordings as they are kept up to date; else the repository's copy in
 * {@code testdata/oracle}. A file missing from {@code shared/oracle} (recordings made in the
 * repository, such as the engines' tables) is read from the repository's copy. Missing oracle data
 * fails the test loudly, never skips it.
 */
public final class Oracle {

    private Oracle() {
    }

    public static Path directory() {
        String configured = System.getProperty("syssim.oracle");
        if (configured != null) {
            Path path = Path.of(configured);
            if (!Files.isDirectory(path)) throw new AssertionError("syssim.oracle=" + configured + " is not a directory");
            return path;
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared").resolve("oracle");
            if (Files.isDirectory(shared)) return shared;
        }
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path copy = dir.resolve("testdata").resolve("oracle");
            if (Files.isDirectory(copy)) return copy;
        }
        throw new AssertionError("oracle not found: neither shared/oracle nor testdata/oracle above " + here
                + " (set -Dsyssim.oracle=/path/to/oracle)");
    }

    /**
     * A file of the oracle, e.g. {@code firewall/cases.jsonl}: from {@link #directory()} when it holds
     * it, else from the repository's {@code testdata/oracle}, which also keeps the recordings this
     * project made itself ({@code bash/}, {@code tools/} ...) and are not in the shared set.
     */
    public static Path file(String relative) {
        Path preferred = directory().resolve(relative);
        if (Files.exists(preferred)) return preferred;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path copy = dir.resolve("testdata").resolve("oracle").resolve(relative);
            if (Files.exists(copy)) return copy;
        }
        throw new AssertionError("oracle file " + relative + " not found under " + directory() + " or testdata/oracle");
    }

    /** The objects of a JSON-lines file under the oracle, e.g. {@code firewall/cases.jsonl}. */
    public static List<JsonObject> cases(String relative) {
        return casesIn(file(relative));
    }

    /** The objects of a JSON-lines file anywhere (a corpus kept outside the repository). */
    public static List<JsonObject> casesIn(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> JsonParser.parseString(line).getAsJsonObject())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read oracle file " + file, e);
        }
    }
}
