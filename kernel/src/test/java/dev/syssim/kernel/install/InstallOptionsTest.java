package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.kernel.install.InstallOptions.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options of {@code install}, as documented in its --help. */
class InstallOptionsTest {

    @Test
    void withoutOptionsInstallsForTheUserAsSyssim() {
        InstallOptions options = InstallOptions.parse(List.of());
        assertEquals(Target.USER, options.target());
        assertEquals("syssim", options.name());
        assertEquals("SysSim", options.displayName());
        assertTrue(options.cds());
        assertTrue(options.javaCells());
        assertEquals("syssim-java", options.javaName());
        assertEquals("SysSim (Java)", options.javaDisplayName());
    }

    @Test
    void noJavaCellsTurnsThemOff() {
        InstallOptions options = InstallOptions.parse(List.of("--no-java-cells", "--name", "homework", "--display-name", "Homework"));
        assertFalse(options.javaCells());
        assertEquals("homework-java", options.javaName());
        assertEquals("Homework (Java)", options.javaDisplayName());
    }

    @Test
    void prefixTakesADirectory() {
        InstallOptions options = InstallOptions.parse(List.of("--prefix", "/opt/course"));
        assertEquals(Target.PREFIX, options.target());
        assertEquals(Path.of("/opt/course"), options.prefix());
    }

    @Test
    void sysPrefixNameDisplayNameAndNoCds() {
        InstallOptions options = InstallOptions.parse(List.of("--sys-prefix", "--name", "syssim-dev",
                "--display-name", "SysSim (dev)", "--no-cds"));
        assertEquals(Target.SYS_PREFIX, options.target());
        assertEquals("syssim-dev", options.name());
        assertEquals("SysSim (dev)", options.displayName());
        assertFalse(options.cds());
    }

    @Test
    void twoLocationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--user", "--sys-prefix")));
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--prefix")))
                .getMessage().contains("--prefix"));
    }

    @Test
    void aNameJupyterWouldRejectIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--name", "sys sim")));
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstallOptions.parse(List.of("--global")));
    }

    @Test
    void helpWins() {
        assertTrue(InstallOptions.parse(List.of("--user", "--help")).help());
    }

    @Test
    void javaNamesTheKernelsJvmAndNeedsAValue() {
        assertEquals(java.nio.file.Path.of("/usr/lib/jvm/jdk-25/bin/java"),
                InstallOptions.parse(List.of("--java", "/usr/lib/jvm/jdk-25/bin/java")).java());
        assertEquals(null, InstallOptions.parse(List.of()).java(), "default: the JVM running the installer");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> InstallOptions.parse(List.of("--java")));
        assertEquals("--java needs a value", e.getMessage());
    }
}
