package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The lecture's process-flow stories as golden traces: a fresh laptop, one command, the whole text
 * trace checked in under src/test/resources/golden/traces and reviewed like code. Rewrite with
 * -Dgolden.update=true after an intended change, then read the diff.
 */
class GoldenTraceTest {

    private static final Path DIR = Path.of("src", "test", "resources", "golden", "traces");

    private static String traceOf(Terminal.Fixture f, TraceLevel level, String command) {
        f.world().trace().clear();
        f.world().trace().setLevel(level);
        String output = f.run(command);
        String trace = new TextRenderer().render(f.world().trace().snapshot());
        f.world().trace().setLevel(TraceLevel.OFF);
        return "$ " + command + "\n" + output + "\n" + trace;
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) fail("no golden file " + file + "; run with -Dgolden.update=true, then review it");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from " + file);
    }

    @Test
    void catMotdReadsTheFileThroughTheDiskAndItsInterrupt() throws IOException {
        String trace = traceOf(Terminal.laptop(), TraceLevel.FULL, "cat /etc/motd");
        // the story, in order: exec, drop privileges, the read's disk request, sleep, IRQ, copy, return, exit
        int exec = trace.indexOf("execve: cat[");
        int drop = trace.indexOf("drop privileges, jump to the new program's entry point");
        int request = trace.indexOf("read 512 bytes of /etc/motd");
        int sleep = trace.indexOf("sleeps: disk I/O");
        int irq = trace.indexOf("IRQ 14 ata_piix");
        int copy = trace.indexOf("copy 286 bytes into cat[");
        int exit = trace.indexOf("exit(0): the kernel takes the result");
        int free = trace.indexOf("clear the process's memory");
        assertTrue(exec > 0 && exec < drop && drop < request && request < sleep && sleep < irq && irq < copy && copy < exit && exit < free, trace);
        assertGolden("cat-motd.txt", trace);
    }

    @Test
    void catOfAMissingFileFailsInOpenatWithEnoent() throws IOException {
        String trace = traceOf(Terminal.laptop(), TraceLevel.SYSCALLS, "cat /nonexistent");
        assertTrue(trace.contains("= -1 ENOENT (No such file or directory)"), trace);
        assertGolden("cat-missing.txt", trace);
    }

    @Test
    void readingShadowAsStudentIsDeniedByThePermissionCheck() throws IOException {
        String trace = traceOf(Terminal.laptop(), TraceLevel.SYSCALLS, "cat /etc/shadow");
        assertTrue(trace.contains("cat: /etc/shadow: Permission denied"), trace);
        assertTrue(trace.contains("= -1 EACCES (Permission denied)"), trace);
        assertGolden("cat-permission-denied.txt", trace);
    }

    @Test
    void privilegedInstructionTrapsWithGeneralProtectionAndSigsegv() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "sneaky", "compute 3\ncli            # privileged: disable interrupts\nexit 0\n", 1000, 1000);
        String trace = traceOf(f, TraceLevel.FULL, "sneaky");
        assertTrue(trace.contains("#GP general protection fault (vector 13)"), trace);
        assertTrue(trace.contains("SIGSEGV"), trace);
        assertTrue(trace.contains("killed by SIGSEGV"), trace);
        assertGolden("sneaky-cli.txt", trace);
    }

    @Test
    void twoBackgroundProgramsPinnedToOneCoreTakeTurnsOnTimerInterrupts() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "spin", "compute 10ms\ncompute 10ms\nexit 0\n", 1000, 1000);
        String trace = traceOf(f, TraceLevel.INTERRUPTS, "taskset -c 0 spin & taskset -c 0 spin & wait");
        assertTrue(trace.contains("timer interrupt (LOC, vector 236) on cpu0"), trace);
        assertTrue(trace.matches("(?s).*cpu0: spin\\[\\d+\\] -> spin\\[\\d+\\].*cpu0: spin\\[\\d+\\] -> spin\\[\\d+\\].*"), "preempted both ways: " + trace);
        assertGolden("two-spins-one-core.txt", trace);
    }
}
