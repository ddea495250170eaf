package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing a kernelspec directory (the class-data training run is covered by tests/ in Python). */
class InstallerTest {

    @Test
    void installCopiesTheJarAndPointsKernelJsonAtTheCopy(@TempDir Path tmp) throws IOException {
        Path built = Files.write(tmp.resolve("built.jar"), new byte[] {1, 2, 3});
        Path dir = tmp.resolve("kernels/syssim");
        InstallOptions options = InstallOptions.parse(List.of("--no-cds", "--display-name", "SysSim test"));
        Installer.install(options, dir, built, Path.of("/jdk/bin/java"), System.err);

        Path jar = dir.resolve("syssim-kernel.jar");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(jar));
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        String argv = json.getAsJsonArray("argv").toString();
        assertTrue(argv.startsWith("[\"/jdk/bin/java\""), argv);
        assertTrue(argv.endsWith("\"-jar\",\"" + jar + "\",\"{connection_file}\"]"), argv);
        assertEquals("SysSim test", json.get("display_name").getAsString());
        assertFalse(Files.exists(dir.resolve("syssim.jsa")));
    }

    @Test
    void reinstallingWithoutCdsRemovesAnOldArchive(@TempDir Path tmp) throws IOException {
        Path built = Files.write(tmp.resolve("built.jar"), new byte[] {1});
        Path dir = Files.createDirectories(tmp.resolve("kernels/syssim"));
        Files.write(dir.resolve("syssim.jsa"), new byte[] {9});
        Installer.install(InstallOptions.parse(List.of("--no-cds")), dir, built, Path.of("java"), System.err);
        assertFalse(Files.exists(dir.resolve("syssim.jsa")));
        assertFalse(Files.readString(dir.resolve("kernel.json")).contains("SharedArchiveFile"));
    }

    @Test
    void badArgumentsExitWithStatus2AndTheHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Installer.run(new String[] {"--bogus"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--sys-prefix"));
    }

    @Test
    void helpGoesToStdoutWithStatus0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Installer.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--prefix DIR"));
    }
}
