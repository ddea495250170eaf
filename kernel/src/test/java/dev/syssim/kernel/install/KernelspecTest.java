package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json as Jupyter reads it. */
class KernelspecTest {

    private final Kernelspec spec = Kernelspec.of(Path.of("/usr/lib/jvm/bin/java"), List.of("-XX:+UseSerialGC"),
            Path.of("/k/syssim-kernel.jar"), "SysSim");

    @Test
    void argvRunsTheJarWithJavaOptionsAndTheConnectionFile() {
        assertEquals(List.of("/usr/lib/jvm/bin/java", "-XX:+UseSerialGC", "-jar", "/k/syssim-kernel.jar",
                "{connection_file}"), spec.argv());
    }

    @Test
    void kernelJsonNamesTheLanguageAndAsksForMessageInterrupts() {
        JsonObject json = spec.toJson();
        assertEquals("SysSim", json.get("display_name").getAsString());
        assertEquals("syssim", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
    }

    @Test
    void theJavaKernelspecPassesJavaToTheKernelAndItsEnvironment() {
        Kernelspec javaSpec = Kernelspec.of(Path.of("/jdk/bin/java"), List.of(), Path.of("/k/syssim-kernel.jar"), List.of("--java"),
                "SysSim (Java)", "java", Map.of("SYSSIM_ALLOW_JAVA", "0"));
        assertEquals(List.of("/jdk/bin/java", "-jar", "/k/syssim-kernel.jar", "--java", "{connection_file}"), javaSpec.argv());
        JsonObject json = javaSpec.toJson();
        assertEquals("java", json.get("language").getAsString());
        assertEquals("0", json.getAsJsonObject("env").get("SYSSIM_ALLOW_JAVA").getAsString());
        assertEquals(false, spec.toJson().has("env"), "no env unless one is given");
    }

    @Test
    void writingPutsKernelJsonAndBothLogosInTheDirectory(@TempDir Path dir) throws IOException {
        spec.writeTo(dir);
        JsonObject written = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals(spec.toJson(), written);
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
            byte[] png = Files.readAllBytes(dir.resolve(logo));
            assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', logo);
        }
    }
}
