package dev.syssim.sim.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import dev.syssim.sim.world.Terminal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** strace on the host, replayed from the recorded cases: the same lines, the same interleaving. */
class StraceOracleTest {

    @TestFactory
    Stream<DynamicTest> straceOfCatOnTheHostPrintsWhatRealStracePrints() {
        List<JsonObject> cases = Oracle.cases("chroot/cases.jsonl").stream()
                .filter(c -> c.get("id").getAsString().startsWith("strace_host_")).toList();
        assertFalse(cases.isEmpty(), "no strace cases in the oracle");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> {
            var f = Terminal.laptop();
            f.session().switchTo(f.laptop(), "root");
            f.run("echo vm > /etc/hostname");
            String line = c.get("shell_line").getAsString();
            f.terminal().reset();
            f.session().run(line);
            assertEquals(c.get("stdout").getAsString(), f.terminal().stdout.toString(), "stdout");
            assertEquals(c.get("stderr").getAsString(), f.terminal().stderr.toString(), "stderr");
            f.terminal().reset();
            f.session().run(line + " 2>&1");
            assertEquals(c.get("combined_2>&1").getAsString(), f.terminal().stdout.toString(), "2>&1");
            assertEquals(c.get("rc").getAsInt() + "\n", f.run("echo $?"), "exit status");
        }));
    }
}
