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

    /** {@link #STARTUP} plus the class-data archive, if there is one. */
    public static List<String> forKernel(Path archive) {
        List<String> options = new ArrayList<>(STARTUP);
        if (archive != null) {
            options.add("-XX:SharedArchiveFile=" + archive);
            // If the archive no longer matches the jar, run without it quietly instead of warning on stdout.
            options.add("-Xlog:cds=off,cds+dynamic=off");
        }
        return options;
    }
}
