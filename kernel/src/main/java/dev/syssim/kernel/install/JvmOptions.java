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

    /**
     * From Java 22, where every build has it as a product option: every 2 s the JVM hands the C
     * library's freed memory back to the system (malloc_trim). A kernel's compiler and start-up free
     * some 6 MB of native memory that glibc would otherwise keep resident for the kernel's whole
     * life. (Later Java 17 updates have the option too, Debian's 17.0.15 among them, but a kernel
     * may meet an older 17 that would refuse to start with it.)
     */
    static final int TRIM_NATIVE_HEAP_SINCE = 22;
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=2000";

    /**
     * With an archive: map it at the address it was written for. By default (Java 25, and Java 17
     * updates alike, e.g. Debian's 17.0.15) the JVM maps it at a random address and rewrites every
     * pointer in it, which turns its 23 MB from clean pages of one file, shared by every kernel of
     * the machine, into private copies of each kernel's own. At its own address (mode 0; the JVM
     * still relocates it if that address is taken) about 8 MB of it is written and the rest stays
     * shared. What is given up: address-space randomisation of the JVM's class metadata, which
     * guards against memory-corruption exploits of native code; the kernel runs no native code of
     * its users. The option exists, as a diagnostic one, since Java 14.
     */
    static final List<String> ARCHIVE_AT_ITS_ADDRESS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

    /**
     * {@link #STARTUP}, the options of this JVM's version ({@link #TRIM_NATIVE_HEAP},
     * {@link #ARCHIVE_AT_ITS_ADDRESS}) and the start-up archive, if there is one, in the form its
     * JVM reads.
     */
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
        if (runtime.feature() >= TRIM_NATIVE_HEAP_SINCE) options.add(TRIM_NATIVE_HEAP);
        if (archive == null) return options;
        options.addAll(ARCHIVE_AT_ITS_ADDRESS);
        if (javaLayer != null && runtime.hasAotCache()) {
            // Both mapped where they were written (ARCHIVE_AT_ITS_ADDRESS above): relocated, the Java
            // layer was touched whole, +11 MB per shell session; in place a page is read when used,
            // and start-up is faster too (README, Performance).
            options.add("-XX:SharedArchiveFile=" + archive + java.io.File.pathSeparator + javaLayer);
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
