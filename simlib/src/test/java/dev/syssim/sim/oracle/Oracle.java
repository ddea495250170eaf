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
 * {@code testdata/oracle}. Missing oracle data fails the test loudly, never skips it.
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
     * A file under the oracle: from {@link #directory()}, or from the repository's
     * {@code testdata/oracle} when the shared recordings do not (yet) hold it — recordings made
     * in the repository itself (such as {@code bash/}) live only there.
     */
    public static Path file(String relative) {
        Path file = directory().resolve(relative);
        if (Files.exists(file) || System.getProperty("syssim.oracle") != null) return file;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path copy = dir.resolve("testdata").resolve("oracle").resolve(relative);
            if (Files.exists(copy)) return copy;
        }
        return file;
    }

    /** The objects of a JSON-lines file under the oracle, e.g. {@code firewall/cases.jsonl}. */
    public static List<JsonObject> cases(String relative) {
        return casesIn(file(relative));
    }

    /** The objects of a JSON-lines file anywhere. */
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
