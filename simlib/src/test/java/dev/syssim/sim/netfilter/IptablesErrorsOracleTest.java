package dev.syssim.sim.netfilter;

import dev.syssim.sim.oracle.Oracle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.netfilter.tools.Iptables;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every invalid or borderline iptables command recorded on real Linux
 * ({@code firewall/iptables_errors.jsonl}): after its setup, the command must print the same
 * stdout and stderr and exit with the same status, and {@code iptables -S} must then show the same
 * rules (unchanged when the command failed). Each case starts from the hosts' reset ({@link #HOST_RESET}).
 */
class IptablesErrorsOracleTest {

    /**
     * How the recording hosts were reset before each case: policies ACCEPT, which leaves the filter
     * table and its three built-in chains made in the kernel (a fresh machine has none: there
     * {@code iptables -R FORWARD 1} finds no chain, where the hosts said "Index of replacement too big").
     */
    static final List<String> HOST_RESET = List.of("iptables -P INPUT ACCEPT", "iptables -P FORWARD ACCEPT",
            "iptables -P OUTPUT ACCEPT");

    static Stream<Arguments> cases() {
        return Oracle.cases("firewall/iptables_errors.jsonl").stream()
                .map(c -> Arguments.of(c.get("id").getAsString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void iptablesAnswersLikeLinux(String id, JsonObject recorded) {
        Netfilter netfilter = new Netfilter();
        ToolContext context = ToolContext.root(0);
        for (String reset : HOST_RESET) OracleCommand.run(reset, netfilter, context);
        for (JsonElement step : recorded.getAsJsonArray("setup")) {
            JsonObject setup = step.getAsJsonObject();
            assertSameResult(setup, OracleCommand.run(setup.get("cmd").getAsString(), netfilter, context),
                    "setup " + setup.get("cmd").getAsString());
        }
        ToolResult result = OracleCommand.run(recorded.get("cmd").getAsString(), netfilter, context);
        assertSameResult(recorded, result, recorded.get("cmd").getAsString());
        assertEquals(recorded.get("rules_S_after").getAsString(),
                Iptables.run(List.of("-S"), netfilter, context).stdout(), "iptables -S afterwards");
    }

    static void assertSameResult(JsonObject recorded, ToolResult result, String what) {
        assertEquals(recorded.get("stderr").getAsString(), result.stderr(), what + ": stderr");
        assertEquals(recorded.get("stdout").getAsString(), result.stdout(), what + ": stdout");
        assertEquals(recorded.get("rc").getAsInt(), result.exitCode(), what + ": exit status");
    }
}
