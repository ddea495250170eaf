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
        List<String> options = new ArrayList<>(STARTUP);
        if (archive == null) return options;
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

    /** The option that makes a training run write {@code archive} when it exits. */
    static List<String> training(JavaRuntime runtime, Path archive) {
        return runtime.hasAotCache()
                ? List.of("-XX:AOTCacheOutput=" + archive, "-Xlog:aot=off,cds=off")
                : List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off,cds+dynamic=off");
    }
}
