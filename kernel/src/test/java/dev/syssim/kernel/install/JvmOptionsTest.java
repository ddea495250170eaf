package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's JVM options, with and without a class-data archive. */
class JvmOptionsTest {

    private static final JavaRuntime JAVA_17 = new JavaRuntime(Path.of("/jdk17/bin/java"), 17);
    private static final JavaRuntime JAVA_25 = new JavaRuntime(Path.of("/jdk25/bin/java"), 25);

    @Test
    void withoutAnArchiveTheStartupOptionsAloneAndTheNativeHeapTrimmedFromJava22() {
        assertEquals(JvmOptions.STARTUP, JvmOptions.forKernel(JAVA_17, null));
        List<String> options = new ArrayList<>(JvmOptions.STARTUP);
        options.add("-XX:TrimNativeHeapInterval=2000");
        assertEquals(options, JvmOptions.forKernel(JAVA_25, null));
        assertEquals(JvmOptions.STARTUP, JvmOptions.forKernel(new JavaRuntime(Path.of("/jdk21/bin/java"), 21), null),
                "before Java 22 the option is not a product one");
    }

    @Test
    void anArchiveIsMappedAtItsOwnAddressSoKernelsShareItsPages() {
        for (List<String> options : List.of(JvmOptions.forKernel(JAVA_25, Path.of("/k/syssim.aot")),
                JvmOptions.forKernel(JAVA_17, Path.of("/k/syssim.jsa")))) {
            assertTrue(options.contains("-XX:ArchiveRelocationMode=0"), options.toString());
            assertTrue(options.indexOf("-XX:+UnlockDiagnosticVMOptions") < options.indexOf("-XX:ArchiveRelocationMode=0"),
                    "a diagnostic option needs the unlock before it");
        }
        assertFalse(JvmOptions.forKernel(JAVA_25, null).contains("-XX:ArchiveRelocationMode=0"), "no archive, nothing to map");
    }

    @Test
    void beforeJava25AClassDataArchiveIsUsedQuietly() {
        List<String> options = JvmOptions.forKernel(JAVA_17, Path.of("/k/syssim.jsa"));
        assertTrue(options.contains("-XX:SharedArchiveFile=/k/syssim.jsa"));
        assertTrue(options.stream().anyMatch(option -> option.startsWith("-Xlog:cds=off")));
        assertTrue(JvmOptions.training(JAVA_17, Path.of("/k/syssim.jsa")).contains("-XX:ArchiveClassesAtExit=/k/syssim.jsa"));
    }

    @Test
    void fromJava25AnAotCacheIsUsedQuietly() {
        List<String> options = JvmOptions.forKernel(JAVA_25, Path.of("/k/syssim.aot"));
        assertTrue(options.contains("-XX:AOTCache=/k/syssim.aot"));
        assertTrue(options.contains("-Xlog:aot=off,cds=off"));
        assertTrue(JvmOptions.training(JAVA_25, Path.of("/k/syssim.aot")).contains("-XX:AOTCacheOutput=/k/syssim.aot"));
    }

    @Test
    void aJavaCellsLayerIsMappedOnTheAotCacheWhereItWasWritten() {
        List<String> options = JvmOptions.forKernel(JAVA_25, Path.of("/k/syssim.aot"), Path.of("/k/java-cells.jsa"));
        assertTrue(options.contains("-XX:SharedArchiveFile=/k/syssim.aot:/k/java-cells.jsa"), options.toString());
        assertFalse(options.stream().anyMatch(option -> option.startsWith("-XX:AOTCache")), "one archive option names both");
        assertTrue(options.contains("-XX:ArchiveRelocationMode=0"), "not relocated: a shell session reads none of the layer's pages");
        assertTrue(options.indexOf("-XX:+UnlockDiagnosticVMOptions") < options.indexOf("-XX:ArchiveRelocationMode=0"));
        assertTrue(options.contains("-Xlog:aot=off,cds=off,cds+dynamic=off"));
        assertEquals(List.of("-XX:SharedArchiveFile=/k/syssim.aot", "-XX:ArchiveClassesAtExit=/k/java-cells.jsa", "-Xlog:aot=off,cds=off,cds+dynamic=off"),
                JvmOptions.javaLayerTraining(Path.of("/k/syssim.aot"), Path.of("/k/java-cells.jsa")));
    }

    @Test
    void beforeJava25ThereIsNoLayerOnTheArchive() {
        assertEquals(JvmOptions.forKernel(JAVA_17, Path.of("/k/syssim.jsa")), JvmOptions.forKernel(JAVA_17, Path.of("/k/syssim.jsa"), Path.of("/k/java-cells.jsa")));
    }
}
