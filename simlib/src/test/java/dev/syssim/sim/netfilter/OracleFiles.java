package dev.syssim.sim.netfilter;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Finds and reads the oracle recorded on real Linux ({@code shared/oracle}, a sibling of the
 * repository): the system property {@code syssim.oracle} if set, else the first
 * {@code shared/oracle} found walking up from the working directory. Missing oracle data is a
 * failure, never a silent skip.
 */
public final class OracleFiles {

    private OracleFiles() {
    }

    public static Path root() {
        String property = System.getProperty("syssim.oracle");
        if (property != null) {
            Path path = Paths.get(property);
            if (!Files.isDirectory(path)) throw new AssertionError("syssim.oracle=" + property + " is not a directory");
            return path;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("oracle");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new AssertionError("oracle not found: no shared/oracle above " + Paths.get("").toAbsolutePath()
                + " (set -Dsyssim.oracle=/path/to/shared/oracle)");
    }

    /** The objects of a JSON-lines file under the oracle, e.g. {@code firewall/cases.jsonl}. */
    public static List<JsonObject> jsonLines(String relative) {
        Path file = root().resolve(relative);
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
