package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The nft corpus (issue 21): every case of {@code firewall/nft_corpus.jsonl}, recorded with real
 * nftables 1.0.6, iptables 1.8.9 (nf_tables) and ufw 0.36.2 in a fresh network namespace by
 * {@code testdata/oracle/firewall/recorders/record_nft.py}, typed into a root shell on a fresh
 * simulated laptop: every step must print the same stdout and stderr and end with the same status
 * — {@code nft list ruleset} of what iptables and ufw made, native tables, sets and rules with
 * their handles, {@code nft -f}, nft's errors with their caret lines, {@code iptables-translate}.
 *
 * <p>Translations and what is set aside, each for a stated reason:
 * <ul>
 *   <li>{@code setpriv --reuid=65534 … nft} is the student running {@code /usr/sbin/nft};</li>
 *   <li>a {@code file:PATH} step writes the file; a {@code ufw:} step is its ufw commands in a row,
 *       of which the recorder kept the last one's output;</li>
 *   <li>the recorder's own redirection of stdout came after a step's {@code >/dev/null}, and won:
 *       the {@code >/dev/null} is dropped here;</li>
 *   <li>what is left of a set member's timeout ({@code expires 59m59s908ms}) depends on the real
 *       clock between the steps, as do ping's times; ping's blank last line when nothing came
 *       back is not the firewall's to print (the simulated ping leaves it out);</li>
 *   <li>the simulation has no IPv6: ufw's {@code table ip6 filter} and its warning are not
 *       expected.</li>
 * </ul>
 */
class NftCorpusOracleTest {

    @TestFactory
    Stream<DynamicTest> everyNftCaseAnswersLikeLinux() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject recorded : Oracle.cases("firewall/nft_corpus.jsonl")) {
            tests.add(DynamicTest.dynamicTest(recorded.get("id").getAsString(), () -> replay(recorded)));
        }
        return tests.stream();
    }

    private static void replay(JsonObject recorded) {
        Campus campus = Campus.asRecorded();
        for (JsonElement element : recorded.getAsJsonArray("steps")) {
            JsonObject step = element.getAsJsonObject();
            String cmd = step.get("cmd").getAsString();
            String what = recorded.get("id").getAsString() + ": " + cmd;
            if (cmd.startsWith("file:")) {
                String text = step.get("stdin").getAsString().replace("'", "'\\''");
                campus.on("laptop").run("printf '%s' '" + text + "' > " + cmd.substring(5));
                continue;
            }
            String line;
            if (cmd.startsWith("setpriv ")) {
                campus.on("laptop", "student");
                line = "/usr/sbin/" + cmd.substring(cmd.indexOf("nft")) + " < /dev/null";
            } else if (cmd.startsWith("ufw: ")) {
                campus.on("laptop");
                // The recorder kept the last command's output; the others' went to its own terminal.
                line = cmd.substring(5).replace(";", " </dev/null >/dev/null 2>&1;") + " < /dev/null";
            } else {
                campus.on("laptop");
                line = cmd.replace(" >/dev/null", "") + " < /dev/null";
            }
            campus.run(line);
            assertEquals(expected(step.get("stdout").getAsString()), normal(campus.terminal.stdout.toString()), what + ": stdout");
            assertEquals(expected(step.get("stderr").getAsString()), normal(campus.terminal.stderr.toString()), what + ": stderr");
            assertEquals(step.get("rc").getAsInt(), campus.session.lastStatus(), what + ": status");
        }
    }

    /** The recorded text without what the simulation does not have (IPv6), normalized. */
    private static String expected(String text) {
        return normal(text.replaceAll("(?s)table ip6 filter \\{.*?\n}\n", "")
                .replace("# Warning: table ip6 filter is managed by iptables-nft, do not touch!\n", ""));
    }

    private static String normal(String text) {
        return text.replaceAll("expires [0-9dhms]+", "expires …")
                .replaceAll("time \\d+ms", "time …ms")
                .replaceAll("rtt min/avg/max/mdev = [0-9./]+ ms", "rtt …")
                .replaceAll("(packet loss, time …ms\n)\n$", "$1");
    }
}
