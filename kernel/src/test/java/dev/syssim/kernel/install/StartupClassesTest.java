package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook of shell cells pays nothing for Java cells: the shell kernel's rehearsed session (the
 * one its start-up archive is trained on) loads no class of JShell, javac, BaseKernel or the Java
 * cells; the Java kernel's does (so the check can see them).
 */
class StartupClassesTest {

    private static final List<String> JAVA_CELL_PACKAGES = List.of("jdk.jshell.", "com.sun.tools.javac.",
            "io.github.spencerpark.", "dev.syssim.kernel.java.", "dev.syssim.sim.api.");

    private static List<String> classesLoadedBy(Path dir, String... trainArgs) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), "dev.syssim.kernel.Main"));
        command.addAll(List.of(trainArgs));
        Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(training.waitFor(120, TimeUnit.SECONDS), "the training run did not end");
        assertEquals(0, training.exitValue(), Files.readString(dir.resolve("out.txt")));
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int tag = line.indexOf("[class,load] ");
            if (tag >= 0) classes.add(line.substring(tag + 13).split(" ")[0]);
        }
        return classes;
    }

    private static List<String> javaCellClasses(List<String> classes) {
        return classes.stream().filter(c -> JAVA_CELL_PACKAGES.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    void aSessionOfShellCellsLoadsNoneOfJavaCells(@TempDir Path dir) throws Exception {
        List<String> classes = classesLoadedBy(dir, "train");
        assertTrue(classes.contains("dev.syssim.kernel.eval.SimInterpreter"), "the log holds the session's classes");
        assertEquals(List.of(), javaCellClasses(classes));
    }

    @Test
    void aSessionOfJavaCellsLoadsJShellAndBaseKernel(@TempDir Path dir) throws Exception {
        List<String> loaded = javaCellClasses(classesLoadedBy(dir, "train", "--java"));
        assertTrue(loaded.contains("jdk.jshell.JShell"), loaded.toString());
        assertTrue(loaded.contains("io.github.spencerpark.jupyter.kernel.display.Renderer"), loaded.toString());
        assertFalse(loaded.isEmpty());
    }
}
