package dev.syssim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package documentation's example is a real program: compiled and run, it prints what the documentation says. */
class PackageExampleTest {

    private static final Path PACKAGE_INFO = Path.of("src/main/java/dev/syssim/sim/api/package-info.java");

    @Test
    void thePackageExampleCompilesRunsAndPrintsWhatItsDocumentationShows(@TempDir Path dir) throws Exception {
        String doc = Files.readString(PACKAGE_INFO, StandardCharsets.UTF_8);
        List<String> blocks = preBlocks(doc);
        String program = unstar(blocks.get(0)).replaceFirst("^\\{@code\\s*", "").replaceFirst("}\\s*$", "");
        String expected = unstar(blocks.get(1));

        Path source = dir.resolve("Example.java");
        Files.writeString(source, program, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        assertEquals(expected, run(dir));
    }

    private static String run(Path classes) throws IOException, ReflectiveOperationException {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, PackageExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass("Example").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The {@code <pre>} blocks of a doc comment, in order. */
    private static List<String> preBlocks(String doc) {
        Matcher m = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL).matcher(doc);
        List<String> blocks = new java.util.ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        assertTrue(blocks.size() >= 2, "the package doc has a program and its output");
        return blocks;
    }

    /** Text of a doc comment block without the leading {@code " * "} of each line. */
    private static String unstar(String block) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            String stripped = line.replaceFirst("^\\s*\\* ?", "");
            if (out.length() == 0 && stripped.isBlank()) continue;
            out.append(stripped).append('\n');
        }
        String text = out.toString();
        while (text.endsWith("\n\n") || text.endsWith(" \n")) text = text.substring(0, text.length() - 1);
        return text.stripTrailing() + "\n";
    }
}
