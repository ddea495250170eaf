package dev.syssim.kernel.install;

import dev.syssim.kernel.eval.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The start-up archive: a training run of the kernel ({@code train}) writes the classes it loaded,
 * already parsed and verified, into a file that later starts map instead of loading from the jar.
 * On JDK 25 and newer it is an AOT cache, which also keeps the classes linked and the lambdas
 * resolved; before, a dynamic class-data (AppCDS) archive. See the README's performance table.
 */
public final class StartupArchive {

    private static final long TRAINING_TIMEOUT_S = 120;

    private StartupArchive() {
    }

    /**
     * Builds {@code archive} for {@code jar} from a training run of the kernel of {@code language};
     * returns false (and says why on err) if it could not.
     */
    public static boolean create(JavaRuntime runtime, Path jar, Path archive, Language language, PrintStream err) throws IOException {
        return train(runtime, jar, archive, JvmOptions.training(runtime, archive), language, err);
    }

    /**
     * Builds the shell kernelspec's Java cells' layer {@code javaLayer} on its archive {@code base}
     * (an AOT cache) from a training run of Java cells, so that the first {@code %%java} cell
     * finds JShell's and javac's classes parsed and verified; returns false (and says why) if it
     * could not. Only JVMs with an AOT cache take a layer on their archive.
     */
    public static boolean createJavaLayer(JavaRuntime runtime, Path jar, Path base, Path javaLayer, PrintStream err) throws IOException {
        if (!runtime.hasAotCache()) return false;
        return train(runtime, jar, javaLayer, JvmOptions.javaLayerTraining(base, javaLayer), Language.JAVA, err);
    }

    private static boolean train(JavaRuntime runtime, Path jar, Path archive, List<String> archiveOptions, Language language, PrintStream err)
            throws IOException {
        Files.deleteIfExists(archive);
        List<String> command = new ArrayList<>();
        command.add(runtime.java().toString());
        command.addAll(JvmOptions.STARTUP);
        command.addAll(archiveOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("train");
        if (language == Language.JAVA) command.add("--java");
        Process training = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = training.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS);
            if (!finished) training.destroyForcibly();
            if (finished && training.exitValue() == 0 && Files.isRegularFile(archive)) return true;
            err.println("warning: no start-up archive " + archive.getFileName() + ", the kernel will start slower. Training said:\n" + out);
            Files.deleteIfExists(archive);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while training the start-up archive", e);
        }
    }
}
