package dev.syssim.sim.netfilter;

import dev.syssim.sim.oracle.Oracle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.tools.ToolContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine's semantics against real Linux before the network exists: every recorded case's
 * rules are installed with the iptables tool, then each recorded {@code nc -zv -w 2} probe is
 * played through {@link MiniCampus} — every packet meeting each machine's netfilter at its hook —
 * and must end as it did on Linux: open, refused, timed out, or unreachable with the same message.
 * This exercises first-match order, policies, RETURN and user chains, REJECT types, and conntrack
 * (replies ESTABLISHED, a RST ESTABLISHED, ICMP errors only RELATED, unconfirmed drops NEW again).
 */
class CampusProbeReplayTest {

    @TestFactory
    Stream<DynamicTest> everyProbeEndsAsOnLinux() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject recorded : Oracle.cases("firewall/cases.jsonl")) {
            tests.add(DynamicTest.dynamicTest(recorded.get("id").getAsString(), () -> replay(recorded)));
        }
        return tests.stream();
    }

    private static void replay(JsonObject recorded) {
        Map<String, Netfilter> hosts = new HashMap<>();
        for (JsonElement element : recorded.getAsJsonArray("commands")) {
            JsonObject command = element.getAsJsonObject();
            OracleCommand.run(command.get("cmd").getAsString(),
                    hosts.computeIfAbsent(command.get("host").getAsString(), h -> new Netfilter()), ToolContext.root(0));
        }
        MiniCampus campus = new MiniCampus(hosts);
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (JsonElement element : recorded.getAsJsonArray("probes")) {
            JsonObject probe = element.getAsJsonObject();
            String from = probe.get("from").getAsString();
            String head = from + "$ " + probe.get("cmd").getAsString() + "\n";
            expected.append(head).append(probe.get("output").getAsString());
            actual.append(head).append(campus.probe(from, Ipv4Address.parse(probe.get("ip").getAsString()),
                    probe.get("port").getAsInt()));
        }
        assertEquals(expected.toString(), actual.toString(), recorded.get("title").getAsString());
    }
}
