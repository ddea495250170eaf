package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import dev.syssim.sim.oracle.RecordedRun;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A file system that fills up, against real Linux: each case of {@code testdata/oracle/space/cases.jsonl}
 * ran as root in a fresh tmpfs of the case's size at /mnt/space (see its record.py); here the same
 * script runs as root on a simulated laptop in a tmpfs of that size, and must give the recorded
 * output, messages (ENOSPC as each tool words it) and statuses.
 */
class SpaceOracleTest {

    private static final String MOUNT = "/mnt/space";

    @TestFactory
    Stream<DynamicTest> everyRecordedFullDiskCaseAgreesWithRealLinux() {
        List<JsonObject> cases = Oracle.cases("space/cases.jsonl");
        assertTrue(cases.size() >= 8, "the recorded cases are there");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> {
            RecordedRun recorded = RecordedRun.of(c, MOUNT);
            Terminal.Fixture f = Terminal.laptop();
            Map<String, String> env = rootEnvironment();
            String size = c.get("size").getAsString();
            CommandRun.Result mounted = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(
                    List.of("bash", "-c", "mkdir -p " + MOUNT + " && mount -t tmpfs -o size=" + size + " tmpfs " + MOUNT), "root", "/", env, null), 100_000);
            if (mounted.status() != 0) fail("mount failed: " + mounted.stderrText());
            CommandRun.Result got = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(recorded.argv(), "root", MOUNT, env, null), 20_000_000);
            String difference = recorded.difference(got);
            if (difference != null) fail(recorded.id() + ": " + difference);
        }));
    }

    /** The recorder's environment: root's. */
    private static Map<String, String> rootEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/root");
        env.put("LANG", "C.UTF-8");
        env.put("LOGNAME", "root");
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("PWD", MOUNT);
        env.put("SHELL", "/bin/bash");
        env.put("TERM", "dumb");
        env.put("USER", "root");
        return env;
    }
}
