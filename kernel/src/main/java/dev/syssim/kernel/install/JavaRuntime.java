package dev.syssim.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM a kernelspec starts: its {@code java} executable and its feature version, read from the
 * {@code release} file every JDK and JRE has at its root ({@code JAVA_VERSION="25.0.3"}). The
 * version decides how start-up is made fast: JDK 25's AOT cache, or class-data sharing before it.
 */
public record JavaRuntime(Path java, int feature) {

    /** JDK 25 made the AOT cache (JEP 483, 514, 515) usable from one training run. */
    static final int AOT_CACHE_SINCE = 25;

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    /** The JVM this installer runs on. */
    static JavaRuntime current() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        Path executable = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        return new JavaRuntime(executable, Runtime.version().feature());
    }

    /** The JVM of a {@code java} executable given by path ({@code --java}), e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java. */
    static JavaRuntime of(Path java) throws IOException {
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new IOException("--java " + java + ": not an executable file");
        }
        // /usr/bin/java is a chain of links (Debian's alternatives) to the JDK's bin/java.
        Path executable = java.toRealPath();
        Path release = executable.getParent() == null || executable.getParent().getParent() == null ? null
                : executable.getParent().getParent().resolve("release");
        if (release == null || !Files.isRegularFile(release)) {
            throw new IOException("--java " + java + ": no release file next to its bin/ (give the java of a JDK or JRE)");
        }
        Matcher version = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
        if (!version.find()) throw new IOException("--java " + java + ": " + release + " names no JAVA_VERSION");
        int feature = Integer.parseInt(version.group(1));
        if (feature < 17) throw new IOException("--java " + java + ": Java " + feature + " is too old, the kernel needs 17 or newer");
        return new JavaRuntime(executable, feature);
    }

    boolean hasAotCache() {
        return feature >= AOT_CACHE_SINCE;
    }

    /** The file name of the start-up archive this JVM makes. */
    String archiveName() {
        return hasAotCache() ? "syssim.aot" : "syssim.jsa";
    }
}
