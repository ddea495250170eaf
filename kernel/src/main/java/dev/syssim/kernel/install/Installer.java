package dev.syssim.kernel.install;

import dev.syssim.kernel.eval.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar syssim-kernel.jar install}: installs the kernelspecs {@code syssim} (shell
 * cells) and {@code syssim-java} (Java cells) side by side, each a directory with its own copy of
 * the jar, its start-up archive (trained on its own kind of session: the shell kernelspec never
 * loads JShell's classes at start; on Java 25 they wait in a layer of their own for the first
 * {@code %%java} cell), {@code kernel.json} and the logos. The copy keeps an installed kernel
 * working through {@code mvn clean} and keeps the archive matching its jar. With
 * {@code --no-java-cells} only the shell kernelspec is installed, told to refuse {@code %%java}.
 */
public final class Installer {

    static final String HELP = """
            usage: java -jar syssim-kernel.jar install [options]

            Installs the kernelspecs SysSim (cells are shell) and SysSim (Java) (cells are Java,
            %%sh makes a shell cell) so Jupyter (JupyterLab, Notebook, nbconvert) finds them.

              --user              for the current user (default): $JUPYTER_DATA_DIR/kernels,
                                  else ~/.local/share/jupyter/kernels on Linux
              --sys-prefix        into the active Python environment: $VIRTUAL_ENV, else
                                  python3's sys.prefix, + /share/jupyter/kernels
              --prefix DIR        into DIR/share/jupyter/kernels (found with JUPYTER_PATH=DIR/share/jupyter)
              --name NAME         kernelspec name (default: syssim; the Java one is NAME-java)
              --display-name D    name shown in the launcher (default: SysSim; the Java one
                                  is "D (Java)")
              --java PATH         the java the kernel runs on (default: the one running this
                                  installer); on Java 25 or newer its AOT cache starts the
                                  kernel fastest
              --no-cds            skip the start-up archives (slower start-up, faster install)
              --no-java-cells     turn Java cells off (for homework that must stay inside the
                                  simulation): %%java refuses to run (SYSSIM_ALLOW_JAVA=0) and
                                  the NAME-java kernelspec is not installed (removed if it was)
              --help              this text
            """;

    static final String JAR_NAME = "syssim-kernel.jar";
    /** The archive names of every JVM kind, so that a reinstall leaves no stale one behind. */
    static final List<String> ARCHIVE_NAMES = List.of("syssim.jsa", "syssim.aot", Installer.JAVA_LAYER_NAME);
    /** The shell kernelspec's Java cells' layer on its AOT cache (JvmOptions#forKernel). */
    static final String JAVA_LAYER_NAME = "java-cells.jsa";

    private Installer() {
    }

    /** Runs {@code install} with its arguments; returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        InstallOptions options;
        try {
            options = InstallOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println("install: " + e.getMessage());
            err.print(HELP);
            return 2;
        }
        if (options.help()) {
            out.print(HELP);
            return 0;
        }
        try {
            Path dir = KernelspecLocation.resolve(options, Host.current());
            JavaRuntime runtime = options.java() == null ? JavaRuntime.current() : JavaRuntime.of(options.java());
            Path javaDir = dir.resolveSibling(options.javaName());
            install(options, dir, runningJar(), runtime, err);
            out.println("Installed kernelspec " + options.name() + " in " + dir);
            if (options.javaCells()) out.println("Installed kernelspec " + options.javaName() + " in " + javaDir);
            return 0;
        } catch (IOException e) {
            err.println("install failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Installs the shell kernelspec into {@code dir} and, with Java cells, the Java one beside it
     * ({@code NAME-java}); without them, removes a Java kernelspec an earlier install left there.
     */
    static void install(InstallOptions options, Path dir, Path sourceJar, JavaRuntime runtime, PrintStream err) throws IOException {
        Path javaDir = dir.resolveSibling(options.javaName());
        Map<String, String> env = options.javaCells() ? Map.of() : Map.of("SYSSIM_ALLOW_JAVA", "0");
        installOne(options, dir, sourceJar, runtime, Language.SHELL, options.displayName(), env, err);
        if (options.javaCells()) installOne(options, javaDir, sourceJar, runtime, Language.JAVA, options.javaDisplayName(), env, err);
        else remove(javaDir);
    }

    /** One kernelspec directory: jar copy, optional start-up archive, kernel.json, logos. */
    private static void installOne(InstallOptions options, Path dir, Path sourceJar, JavaRuntime runtime, Language language,
                                   String displayName, Map<String, String> env, PrintStream err) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(JAR_NAME);
        if (!Files.exists(jar) || !Files.isSameFile(sourceJar, jar)) {
            Files.copy(sourceJar, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : ARCHIVE_NAMES) Files.deleteIfExists(dir.resolve(name));
        Path archive = dir.resolve(runtime.archiveName());
        boolean archived = options.cds() && StartupArchive.create(runtime, jar, archive, language, err);
        // the shell kernelspec's first %%java cell finds JShell's classes in a layer of their own
        Path javaLayer = dir.resolve(JAVA_LAYER_NAME);
        boolean layered = archived && language == Language.SHELL && options.javaCells()
                && StartupArchive.createJavaLayer(runtime, jar, archive, javaLayer, err);
        List<String> jvm = JvmOptions.forKernel(runtime, archived ? archive : null, layered ? javaLayer : null);
        Kernelspec spec = language == Language.JAVA
                ? Kernelspec.of(runtime.java(), jvm, jar, List.of("--java"), displayName, "java", env)
                : Kernelspec.of(runtime.java(), jvm, jar, List.of(), displayName, "syssim", env);
        spec.writeTo(dir);
    }

    /** Removes a kernelspec this installer wrote (its files only, then the directory if empty). */
    private static void remove(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(JAR_NAME))) return;
        List<String> ours = new java.util.ArrayList<>(List.of(JAR_NAME, "kernel.json"));
        ours.addAll(ARCHIVE_NAMES);
        ours.addAll(Kernelspec.LOGOS);
        for (String name : ours) Files.deleteIfExists(dir.resolve(name));
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isEmpty()) Files.delete(dir);
        }
    }

    private static Path runningJar() throws IOException {
        try {
            Path location = Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IOException("install must run from the kernel jar (kernel/target/" + JAR_NAME + "), not " + location);
            }
            return location.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the running jar", e);
        }
    }
}
