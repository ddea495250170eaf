package dev.syssim.sim.net.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import dev.syssim.sim.oracle.RecordedRun;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code ip link ... type bridge}, {@code ip tuntap}, {@code ip link set DEV master BR} and
 * {@code bridge link} against iproute2 6.1 on real Debian 12 (testdata/oracle/bridge): each case
 * runs as root in a new network namespace of a fresh simulated laptop, as the recorder ran it in
 * {@code unshare -n}, and must print the recorded bytes and exit with the recorded status.
 */
class BridgeOracleTest {

    @TestFactory
    Stream<DynamicTest> bridgesAndTapsPrintAsIproute2PrintsThem() {
        List<JsonObject> cases = Oracle.cases("bridge/cases.jsonl");
        return cases.stream().map(c -> {
            RecordedRun recorded = RecordedRun.of(c, "/");
            return DynamicTest.dynamicTest(recorded.id(), () -> {
                Terminal.Fixture f = Terminal.laptop();
                List<String> argv = new ArrayList<>(List.of("unshare", "-n"));
                argv.addAll(recorded.argv());
                Map<String, String> env = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
                CommandRun.Result got = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(argv, "root", "/", env, null), 5_000_000);
                String difference = recorded.difference(got);
                if (difference != null) fail(recorded.id() + ": " + difference);
            });
        });
    }
}
