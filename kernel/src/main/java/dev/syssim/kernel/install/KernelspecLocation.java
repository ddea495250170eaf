package dev.syssim.kernel.install;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a kernelspec directory goes, by the rules of jupyter_core's paths: the user's Jupyter data
 * directory (JUPYTER_DATA_DIR, else the XDG / macOS / Windows default), the active Python's
 * {@code sys.prefix}, or an explicit prefix; always {@code .../kernels/NAME} below it.
 */
public final class KernelspecLocation {

    private KernelspecLocation() {
    }

    public static Path resolve(InstallOptions options, Host host) throws IOException {
        Path kernels = switch (options.target()) {
            case USER -> userDataDir(host).resolve("kernels");
            case SYS_PREFIX -> host.pythonPrefix().resolve("share/jupyter/kernels");
            case PREFIX -> options.prefix().resolve("share/jupyter/kernels");
        };
        return kernels.resolve(options.name()).toAbsolutePath().normalize();
    }

    static Path userDataDir(Host host) {
        if (host.variable("JUPYTER_DATA_DIR").isPresent()) return Path.of(host.variable("JUPYTER_DATA_DIR").get());
        if (host.isMac()) return host.home().resolve("Library/Jupyter");
        if (host.isWindows()) {
            return host.variable("APPDATA").map(Path::of).orElse(host.home().resolve("AppData/Roaming")).resolve("jupyter");
        }
        return host.variable("XDG_DATA_HOME").map(Path::of).orElse(host.home().resolve(".local/share")).resolve("jupyter");
    }
}
