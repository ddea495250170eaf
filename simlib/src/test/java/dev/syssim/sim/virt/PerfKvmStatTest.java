package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * perf kvm stat on the host while a guest reads its disk: the report has perf's layout
 * (builtin-kvm.c's print_result), one row per exit reason, sorted by samples, the emulated IDE
 * disk's port I/O among them, and the samples add up to the total.
 */
class PerfKvmStatTest {

    /** A row: reason right-aligned in 20, count in 10, two percentages, min, max, avg in microseconds, the spread. */
    private static final Pattern ROW = Pattern.compile(
            " *([A-Z_]+) +(\\d+) +(\\d+\\.\\d\\d)% +(\\d+\\.\\d\\d)% +(\\d+\\.\\d\\d)us +(\\d+\\.\\d\\d)us +(\\d+\\.\\d\\d)us \\( \\+- *\\d+\\.\\d\\d% \\)");

    @Test
    void reportShowsTheExitsOfADiskReadInPerfsLayout() {
        Terminal.Fixture f = Terminal.laptop();
        Machine g = Virtualization.startGuest(f.world(), f.laptop(), "g1", "ide", 512);
        assertNotNull(g);
        Virtualization.runInGuest(f.world(), g, "(sleep 0.2; echo 3 > /proc/sys/vm/drop_caches; cat /etc/motd) > /dev/null 2>&1 &", 2_000_000);
        CommandRun.Result r = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("/bin/bash", "-c",
                "cd /root && perf kvm stat record -a sleep 1 2>/dev/null && perf kvm stat report"), "root", "/", Map.of("PATH", "/usr/bin:/bin"), null),
                10_000_000);
        assertEquals(0, r.status(), r.stderrText());
        String report = r.stderrText();
        assertTrue(report.startsWith("\n\nAnalyze events for all VMs, all VCPUs:\n\n             VM-EXIT    Samples  Samples%     Time%    Min Time"
                + "    Max Time         Avg time \n\n"), report);
        long sum = 0;
        long previous = Long.MAX_VALUE;
        boolean io = false;
        for (String line : report.lines().toList()) {
            var m = ROW.matcher(line);
            if (!m.matches()) continue;
            long n = Long.parseLong(m.group(2));
            assertTrue(n <= previous, "sorted by samples: " + report);
            previous = n;
            sum += n;
            io |= m.group(1).equals("IO_INSTRUCTION");
        }
        assertTrue(io, "the IDE driver's port I/O is in the report: " + report);
        assertTrue(report.contains("\nTotal Samples:" + sum + ", Total events handled time:"), report);
    }

    @Test
    void onlyRootMayRecord() {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        String out = f.run("cd /tmp; perf kvm stat record sleep 0 2>&1 | head -2; echo ${PIPESTATUS[0]}");
        assertEquals("Error:\nAccess to performance monitoring and observability operations is limited.\n255\n", out);
    }
}
