package dev.syssim.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine the installer runs on, as far as kernelspec locations care: environment variables,
 * home directory, operating system, and the prefix of the Python that Jupyter runs from.
 */
public record Host(Map<String, String> env, Path home, String osName) {

    public static Host current() {
        return new Host(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
    }

    boolean isMac() {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }

    boolean isWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code sys.prefix} of the active Python: the virtualenv in VIRTUAL_ENV, else what python3 says. */
    Path pythonPrefix() throws IOException {
        Optional<String> venv = variable("VIRTUAL_ENV");
        if (venv.isPresent()) return Path.of(venv.get());
        Process python = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)")
                .redirectErrorStream(true).start();
        try {
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0 || out.isEmpty()) {
                throw new IOException("python3 could not tell its sys.prefix: " + out);
            }
            return Path.of(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking python3 for sys.prefix", e);
        }
    }
}
