package dev.syssim.kernel.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options in the kernelspec, chosen for start-up time and footprint per student (bench/
 * measures each): a kernel is mostly idle, its cells are short, and a course runs one per student.
 */
public final class JvmOptions {

    /** Options for every kernel start; the measured effect of each is in the README. */
    public static final List<String> STARTUP = List.of(
            // Serial GC: no GC worker threads, smallest fixed overhead; pauses on a small heap are short.
            "-XX:+UseSerialGC",
            // C1 only: compiles fast; a kernel's hot loops are short and C2's peak speed would not pay off.
            "-XX:TieredStopAtLevel=1",
            // Grow the heap from small, and cap it, so an idle kernel stays small.
            "-Xms8m",
            "-Xmx256m",
            "-Xss512k",
            // No hsperfdata file to create at start, nothing for jstat to read.
            "-XX:-UsePerfData");

    private JvmOptions() {
    }

    /** {@link #STARTUP} plus the start-up archive, if there is one, in the form its JVM reads. */
    public static List<String> forKernel(JavaRuntime runtime, Path archive) {
        return forKernel(runtime, archive, null);
    }

    /**
     * {@link #STARTUP} plus the start-up archive and, on it, the Java cells' layer ({@code javaLayer},
     * may be null): a dynamic archive of JShell's and javac's classes, which a JVM maps but loads
     * a class of only when a {@code %%java} cell asks for it (the AOT cache below loads all of its
     * classes at start, which a shell session must not pay for).
     */
    public static List<String> forKernel(JavaRuntime runtime, Path archive, Path javaLayer) {
        List<String> options = new ArrayList<>(STARTUP);
        if (archive == null) return options;
        if (javaLayer != null && runtime.hasAotCache()) {
            // The JVM maps the two at an address of its choosing and rewrites every pointer in them
            // (JDK 20's default, for address-space randomisation), which touched the whole Java layer:
            // +11 MB per shell session. At the address they were written for nothing is rewritten, a
            // page is read when used, and start-up is faster too (README, Performance). Randomising
            // the archive's address buys a kernel nothing: its cells may run any Java anyway.
            options.add("-XX:SharedArchiveFile=" + archive + java.io.File.pathSeparator + javaLayer);
            options.add("-XX:+UnlockDiagnosticVMOptions");
            options.add("-XX:ArchiveRelocationMode=0");
            options.add("-Xlog:aot=off,cds=off,cds+dynamic=off");
            return options;
        }
        // If the archive no longer matches the jar or the JVM, the kernel starts without it, quietly:
        // a warning on stdout would only confuse a Jupyter log.
        if (runtime.hasAotCache()) {
            options.add("-XX:AOTCache=" + archive);
            options.add("-Xlog:aot=off,cds=off");
        } else {
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-Xlog:cds=off,cds+dynamic=off");
        }
        return options;
    }

    /** The options that make a training run on {@code base} write the Java cells' layer {@code javaLayer} when it exits. */
    static List<String> javaLayerTraining(Path base, Path javaLayer) {
        return List.of("-XX:SharedArchiveFile=" + base, "-XX:ArchiveClassesAtExit=" + javaLayer, "-Xlog:aot=off,cds=off,cds+dynamic=off");
    }

    /** The option that makes a training run write {@code archive} when it exits. */
    static List<String> training(JavaRuntime runtime, Path archive) {
        return runtime.hasAotCache()
                ? List.of("-XX:AOTCacheOutput=" + archive, "-Xlog:aot=off,cds=off")
                : List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off,cds+dynamic=off");
    }
}
