package dev.syssim.kernel.install;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code java -jar syssim-kernel.jar install}: copies the jar into a kernelspec directory, trains
 * its start-up archive, and writes {@code kernel.json} and the logos. The copy keeps an installed
 * kernel working through {@code mvn clean} and keeps the archive matching its jar.
 */
public final class Installer {

    static final String HELP = """
            usage: java -jar syssim-kernel.jar install [options]

            Installs the SysSim kernelspec so Jupyter (JupyterLab, Notebook, nbconvert) finds it.

              --user              for the current user (default): $JUPYTER_DATA_DIR/kernels,
                                  else ~/.local/share/jupyter/kernels on Linux
              --sys-prefix        into the active Python environment: $VIRTUAL_ENV, else
                                  python3's sys.prefix, + /share/jupyter/kernels
              --prefix DIR        into DIR/share/jupyter/kernels (found with JUPYTER_PATH=DIR/share/jupyter)
              --name NAME         kernelspec name (default: syssim)
              --display-name D    name shown in the launcher (default: SysSim)
              --java PATH         the java the kernel runs on (default: the one running this
                                  installer); on Java 25 or newer its AOT cache starts the
                                  kernel fastest
              --no-cds            skip the start-up archive (slower start-up, faster install)
              --help              this text
            """;

    static final String JAR_NAME = "syssim-kernel.jar";
    /** The archive names of every JVM kind, so that a reinstall leaves no stale one behind. */
    static final List<String> ARCHIVE_NAMES = List.of("syssim.jsa", "syssim.aot");

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
            install(options, dir, runningJar(), runtime, err);
            out.println("Installed kernelspec " + options.name() + " in " + dir);
            return 0;
        } catch (IOException e) {
            err.println("install failed: " + e.getMessage());
            return 1;
        }
    }

    /** Installs into {@code dir}: jar copy, optional start-up archive, kernel.json, logos. */
    static void install(InstallOptions options, Path dir, Path sourceJar, JavaRuntime runtime, PrintStream err) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(JAR_NAME);
        if (!Files.exists(jar) || !Files.isSameFile(sourceJar, jar)) {
            Files.copy(sourceJar, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : ARCHIVE_NAMES) Files.deleteIfExists(dir.resolve(name));
        Path archive = dir.resolve(runtime.archiveName());
        boolean archived = options.cds() && StartupArchive.create(runtime, jar, archive, err);
        Kernelspec.of(runtime.java(), JvmOptions.forKernel(runtime, archived ? archive : null), jar, options.displayName()).writeTo(dir);
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
