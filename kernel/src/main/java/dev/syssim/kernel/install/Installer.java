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
 * its class-data archive, and writes {@code kernel.json} and the logos. The copy keeps an installed
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
              --no-cds            skip the class-data archive (slower start-up, faster install)
              --help              this text
            """;

    static final String JAR_NAME = "syssim-kernel.jar";
    static final String ARCHIVE_NAME = "syssim.jsa";

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
            install(options, dir, runningJar(), javaExecutable(), err);
            out.println("Installed kernelspec " + options.name() + " in " + dir);
            return 0;
        } catch (IOException e) {
            err.println("install failed: " + e.getMessage());
            return 1;
        }
    }

    /** Installs into {@code dir}: jar copy, optional class-data archive, kernel.json, logos. */
    static void install(InstallOptions options, Path dir, Path sourceJar, Path java, PrintStream err) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(JAR_NAME);
        if (!Files.exists(jar) || !Files.isSameFile(sourceJar, jar)) {
            Files.copy(sourceJar, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        Path archive = dir.resolve(ARCHIVE_NAME);
        boolean archived = options.cds() && CdsArchive.create(java, jar, archive, err);
        if (!archived) Files.deleteIfExists(archive);
        Kernelspec.of(java, JvmOptions.forKernel(archived ? archive : null), jar, options.displayName()).writeTo(dir);
    }

    static Path javaExecutable() {
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
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
