package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ufw corpus (issue 21): every case of {@code firewall/ufw_corpus.jsonl}, recorded with real
 * ufw 0.36.2 and iptables 1.8.9 in a fresh network namespace (with private copies of ufw's
 * configuration) by {@code testdata/oracle/firewall/recorders/record_ufw.py}, typed into a root
 * shell on a fresh simulated laptop: every step must print the same stdout and stderr and end with
 * the same status, the filter table must then read the same ({@code iptables -S}), and
 * {@code /etc/ufw/user.rules} must end as ufw wrote it.
 *
 * <p>Translations: the recording drops root with {@code setpriv --reuid=65534}; here the student
 * runs {@code /usr/sbin/ufw}. A step recorded with standard input gets it through a pipe, the
 * others read {@code /dev/null}, as recorded.
 */
class UfwCorpusOracleTest {

    @TestFactory
    Stream<DynamicTest> everyUfwCaseAnswersLikeLinux() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject recorded : Oracle.cases("firewall/ufw_corpus.jsonl")) {
            tests.add(DynamicTest.dynamicTest(recorded.get("id").getAsString(), () -> replay(recorded)));
        }
        return tests.stream();
    }

    /** The time in the names of ufw reset's backups ({@code user.rules.20261207_200212}) is the clock's, set aside. */
    private static String stamped(String text) {
        return text.replaceAll("\\.\\d{8}_\\d{6}'", ".YYYYMMDD_HHMMSS'");
    }

    private static void replay(JsonObject recorded) {
        Campus campus = Campus.asRecorded();
        boolean wroteRules = false;
        for (JsonElement element : recorded.getAsJsonArray("steps")) {
            JsonObject step = element.getAsJsonObject();
            String cmd = step.get("cmd").getAsString();
            String line;
            if (cmd.startsWith("setpriv ")) {
                campus.on("laptop", "student");
                line = "/usr/sbin/" + cmd.substring(cmd.indexOf("ufw")) + " < /dev/null";
            } else {
                campus.on("laptop");
                line = step.has("stdin") ? "printf '" + step.get("stdin").getAsString().replace("\n", "\\n") + "' | " + cmd
                        : cmd + " < /dev/null";
            }
            campus.run(line);
            String what = recorded.get("id").getAsString() + ": " + cmd;
            assertEquals(stamped(step.get("stdout").getAsString()), stamped(campus.terminal.stdout.toString()), what + ": stdout");
            assertEquals(stamped(step.get("stderr").getAsString()), stamped(campus.terminal.stderr.toString()), what + ": stderr");
            assertEquals(step.get("rc").getAsInt(), campus.session.lastStatus(), what + ": status");
            assertEquals(step.get("rules_S_after").getAsString(), campus.on("laptop").run("iptables -S"), what + ": iptables -S afterwards");
            wroteRules |= step.get("rc").getAsInt() == 0 && !cmd.matches("ufw (status|app|version|--version).*");
        }
        String userRules = campus.on("laptop").run("cat /etc/ufw/user.rules 2>/dev/null");
        if (!userRules.isEmpty() || wroteRules) {
            assertTrue(!userRules.isEmpty() || recorded.get("user_rules").getAsString().isEmpty(), "user.rules was written");
            assertEquals(recorded.get("user_rules").getAsString(), userRules, "/etc/ufw/user.rules at the end");
        }
    }
}
