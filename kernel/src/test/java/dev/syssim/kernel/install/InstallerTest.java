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
        Installer.install(options, dir, built, new JavaRuntime(Path.of("/jdk/bin/java"), 17), System.err);

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
    void installPutsTheJavaKernelspecBesideTheShellOne(@TempDir Path tmp) throws IOException {
        Path built = Files.write(tmp.resolve("built.jar"), new byte[] {1, 2, 3});
        Path dir = tmp.resolve("kernels/syssim");
        Installer.install(InstallOptions.parse(List.of("--no-cds")), dir, built, new JavaRuntime(Path.of("/jdk/bin/java"), 17), System.err);

        Path javaDir = tmp.resolve("kernels/syssim-java");
        Path jar = javaDir.resolve("syssim-kernel.jar");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(jar), "each kernelspec has its own jar (and archive)");
        JsonObject json = JsonParser.parseString(Files.readString(javaDir.resolve("kernel.json"))).getAsJsonObject();
        assertTrue(json.getAsJsonArray("argv").toString().endsWith("\"-jar\",\"" + jar + "\",\"--java\",\"{connection_file}\"]"),
                json.getAsJsonArray("argv").toString());
        assertEquals("SysSim (Java)", json.get("display_name").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertFalse(json.has("env"), "Java cells are on");
        JsonObject shell = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("syssim", shell.get("language").getAsString());
        assertFalse(shell.has("env"));
    }

    @Test
    void withoutJavaCellsOnlyTheShellKernelspecIsInstalledAndItRefusesJava(@TempDir Path tmp) throws IOException {
        Path built = Files.write(tmp.resolve("built.jar"), new byte[] {1});
        Path dir = tmp.resolve("kernels/syssim");
        JavaRuntime runtime = new JavaRuntime(Path.of("java"), 17);
        Installer.install(InstallOptions.parse(List.of("--no-cds")), dir, built, runtime, System.err);
        assertTrue(Files.exists(tmp.resolve("kernels/syssim-java/kernel.json")));

        Installer.install(InstallOptions.parse(List.of("--no-cds", "--no-java-cells")), dir, built, runtime, System.err);
        assertFalse(Files.exists(tmp.resolve("kernels/syssim-java")), "a reinstall without Java cells removes the Java kernelspec");
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("0", json.getAsJsonObject("env").get("SYSSIM_ALLOW_JAVA").getAsString());
    }

    @Test
    void reinstallingWithoutCdsRemovesAnOldArchiveOfEitherKind(@TempDir Path tmp) throws IOException {
        Path built = Files.write(tmp.resolve("built.jar"), new byte[] {1});
        Path dir = Files.createDirectories(tmp.resolve("kernels/syssim"));
        Files.write(dir.resolve("syssim.jsa"), new byte[] {9});
        Files.write(dir.resolve("syssim.aot"), new byte[] {9});
        Installer.install(InstallOptions.parse(List.of("--no-cds")), dir, built, new JavaRuntime(Path.of("java"), 25), System.err);
        assertFalse(Files.exists(dir.resolve("syssim.jsa")));
        assertFalse(Files.exists(dir.resolve("syssim.aot")));
        String json = Files.readString(dir.resolve("kernel.json"));
        assertFalse(json.contains("SharedArchiveFile") || json.contains("AOTCache"), json);
    }

    @Test
    void javaOptionNamesTheJvmOfTheKernelspec(@TempDir Path tmp) throws IOException {
        Path jdk = tmp.resolve("jdk-25");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        JavaRuntime runtime = JavaRuntime.of(java);
        assertEquals(25, runtime.feature());
        assertTrue(runtime.hasAotCache());
        assertEquals("syssim.aot", runtime.archiveName());
        Path link = Files.createSymbolicLink(tmp.resolve("java"), java);
        assertEquals(java.toRealPath(), JavaRuntime.of(link).java(), "a link such as /usr/bin/java leads to its JDK");

        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        IOException tooOld = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> JavaRuntime.of(java));
        assertTrue(tooOld.getMessage().contains("Java 8 is too old"), tooOld.getMessage());
        IOException missing = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> JavaRuntime.of(tmp.resolve("nope/bin/java")));
        assertTrue(missing.getMessage().contains("not an executable file"), missing.getMessage());
    }

    @Test
    void aBadJavaIsAnInstallErrorWithStatus1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Installer.run(new String[] {"--prefix", "/tmp/unused", "--java", "/nonexistent/bin/java"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--java /nonexistent/bin/java: not an executable file"));
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
