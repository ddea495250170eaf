package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/render}: the expected output is checked in
 * and reviewed like code. Run with {@code -Dgolden.update=true} to rewrite them after an intended
 * change, then read the diff.
 */
final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "golden", "render");

    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("no golden file " + file + "; run with -Dgolden.update=true to create it, then review it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
