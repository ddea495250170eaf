package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import dev.syssim.sim.oracle.RecordedRun;
import dev.syssim.sim.world.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The GNU tools against real Debian 12, case by case: every {@code testdata/oracle/tools/*.jsonl}
 * case runs on a fresh simulated laptop and must give the recorded stdout bytes, stderr and exit
 * status (see that directory's README for how cases are recorded).
 */
class ToolsOracleTest {

    private static final String SCRATCH = "/tmp/toolcase";

    @TestFactory
    Stream<DynamicContainer> everyRecordedToolCaseAgreesWithRealLinux() throws IOException {
        Path dir = Oracle.file("tools/README.md").getParent();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        List<DynamicContainer> groups = new ArrayList<>();
        for (Path file : files) {
            List<JsonObject> cases = Oracle.cases("tools/" + file.getFileName());
            groups.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), cases.stream().map(c -> {
                RecordedRun run = RecordedRun.of(c, SCRATCH);
                return DynamicTest.dynamicTest(run.id(), () -> {
                    CommandRun.Result got = run.replay();
                    String difference = run.difference(got);
                    if (difference != null) fail(run.id() + ": " + difference);
                });
            })));
        }
        return groups.stream();
    }
}
