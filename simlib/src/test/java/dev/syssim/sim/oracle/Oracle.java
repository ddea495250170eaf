package dev.syssim.sim.oracle;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded real-Linux behaviour in {@code ../shared/oracle} (next to the repository), read as
 * JSON lines. Found by walking up from the working directory, or from {@code -Dsyssim.oracle=DIR};
 * a test that cannot find it fails loudly rather than passing vacuously.
 */
public final class Oracle {

    private Oracle() {
    }

    public static Path directory() {
        String configured = System.getProperty("syssim.oracle");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("oracle");
            if (Files.isDirectory(candidate)) return candidate;
            Path sibling = dir.resolveSibling("shared").resolve("oracle");
            if (Files.isDirectory(sibling)) return sibling;
        }
        throw new IllegalStateException("the oracle directory (../shared/oracle) was not found from " + Path.of("").toAbsolutePath());
    }

    public static List<JsonObject> cases(String file) {
        try {
            List<JsonObject> out = new ArrayList<>();
            for (String line : Files.readAllLines(directory().resolve(file))) {
                if (!line.isBlank()) out.add(JsonParser.parseString(line).getAsJsonObject());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
