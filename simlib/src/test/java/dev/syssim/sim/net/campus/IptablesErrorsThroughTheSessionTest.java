package dev.syssim.sim.net.campus;

import dev.syssim.sim.oracle.Oracle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid or borderline iptables command recorded on real Linux
 * ({@code firewall/iptables_errors.jsonl}) typed into a root shell of a fresh machine: the real
 * iptables program, its netlink request, the kernel's answer. Same stdout, stderr and exit status,
 * and the same {@code iptables -S} afterwards. The recorder's {@code setpriv --reuid=65534 ...}
 * becomes a login as {@code nobody} (uid 65534) running {@code /usr/sbin/iptables}.
 */
class IptablesErrorsThroughTheSessionTest {

    static Stream<Arguments> cases() {
        return Oracle.cases("firewall/iptables_errors.jsonl").stream()
                .map(c -> Arguments.of(c.get("id").getAsString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void iptablesAnswersLikeLinuxThroughTheShell(String id, JsonObject recorded) {
        World world = new World(42, RunLimits.DEFAULT);
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860);
        Terminal terminal = new Terminal();
        Session session = new Session(world, terminal);
        session.switchTo(laptop, "root");
        // The recording hosts' reset (policies ACCEPT) left the filter table's chains made in the kernel.
        session.run("iptables -P INPUT ACCEPT; iptables -P FORWARD ACCEPT; iptables -P OUTPUT ACCEPT");
        for (JsonElement step : recorded.getAsJsonArray("setup")) {
            JsonObject setup = step.getAsJsonObject();
            assertSame(session, terminal, setup.get("cmd").getAsString(), setup, "setup " + setup.get("cmd").getAsString());
        }
        String cmd = recorded.get("cmd").getAsString();
        if (cmd.startsWith("setpriv ")) {
            session.switchTo(laptop, "nobody");
            cmd = "/usr/sbin/" + cmd.substring(cmd.indexOf("iptables"));
        }
        assertSame(session, terminal, cmd, recorded, cmd);
        session.switchTo(laptop, "root");
        terminal.reset();
        session.run("iptables -S");
        assertEquals(recorded.get("rules_S_after").getAsString(), terminal.stdout.toString(), "iptables -S afterwards");
    }

    private static void assertSame(Session session, Terminal terminal, String cmd, JsonObject recorded, String what) {
        terminal.reset();
        session.run(cmd);
        String stdout = terminal.stdout.toString();
        String stderr = terminal.stderr.toString();
        int rc = session.lastStatus();
        assertEquals(recorded.get("stderr").getAsString(), stderr, what + ": stderr");
        assertEquals(recorded.get("stdout").getAsString(), stdout, what + ": stdout");
        assertEquals(recorded.get("rc").getAsInt(), rc, what + ": exit status");
    }
}
