package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's JVM options, with and without a class-data archive. */
class JvmOptionsTest {

    @Test
    void withoutAnArchiveTheStartupOptionsAlone() {
        assertEquals(JvmOptions.STARTUP, JvmOptions.forKernel(null));
    }

    @Test
    void anArchiveIsUsedQuietly() {
        List<String> options = JvmOptions.forKernel(Path.of("/k/syssim.jsa"));
        assertTrue(options.contains("-XX:SharedArchiveFile=/k/syssim.jsa"));
        assertTrue(options.stream().anyMatch(option -> option.startsWith("-Xlog:cds=off")));
    }
}
