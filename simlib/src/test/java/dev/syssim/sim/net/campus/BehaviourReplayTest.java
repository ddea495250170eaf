package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The behaviour of issue 21, recorded on real Linux and replayed in simulated time: every case of
 * {@code firewall/behaviour.jsonl} (recorder {@code testdata/oracle/firewall/recorders/record_behaviour.py},
 * the campus of namespaces of topology.md) run step by step on a fresh simulated campus. Each step
 * must print what it printed on Linux and end with the same status: which pings a {@code limit}
 * or {@code hashlimit} answered, which connections a {@code recent} list or {@code connlimit}
 * stopped and when they were let through again, what NAT made of a connection
 * ({@code conntrack -L}'s tuples), whose connections {@code -m owner} refused, and the counters.
 *
 * <p>What differs on every run on Linux too is set aside on both sides before comparing: round
 * trip times ({@code time=0.062 ms}), ephemeral ports (32768 and above), the jiffies of
 * {@code /proc/net/xt_recent}, the credit and expiry columns of {@code /proc/net/ipt_hashlimit}
 * (they depend on the milliseconds between the last ping and the reading, and the simulated ping
 * lingers a second after its last unanswered packet where iputils' lingers less) and the order of
 * its lines (hashed with a random seed). The counters of the chains' policies are set aside
 * too: the recording machine's kernel (Linux 6.18) no longer counts packets at the policy of an
 * nf_tables base chain (they stay 0), where Debian 12's 6.1, which the simulation follows and the
 * campus oracle was recorded on, counts them. Translations: {@code nobody: CMD} ran under
 * {@code setpriv --reuid=65534} and runs under {@code sudo -u nobody} here; {@code ufw: ...} ran
 * in a private mount namespace and is typed as it is here.
 */
class BehaviourReplayTest {

    /**
     * The recorder's own time between two steps: starting {@code ip netns exec} and {@code bash}
     * took 4 to 22 ms, 12 ms at the median, on the recording machine (measured with 10 runs).
     */
    private static final long BETWEEN_STEPS = 15_000_000L;
    private static final Pattern EPHEMERAL = Pattern.compile("(sport|dport)=(\\d+)");
    private static final Pattern JIFFIES = Pattern.compile("\\b4\\d{9}\\b");
    private static final Pattern POLICY = Pattern.compile("\\(policy (\\w+) \\d+ packets, \\d+ bytes\\)");
    private static final Pattern HASHLIMIT = Pattern.compile("(?m)^-?\\d+ (\\S+ )\\d+( \\d+ \\d+)$");

    @TestFactory
    Stream<DynamicTest> everyRecordedBehaviourReplaysLikeLinux() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject recorded : Oracle.cases("firewall/behaviour.jsonl")) {
            tests.add(DynamicTest.dynamicTest(recorded.get("id").getAsString() + ": " + recorded.get("title").getAsString(),
                    () -> replay(recorded)));
        }
        return tests.stream();
    }

    private static void replay(JsonObject recorded) {
        Campus campus = Campus.asRecorded();
        long start = campus.now();
        long stepEnd = start;
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (JsonElement element : recorded.getAsJsonArray("steps")) {
            JsonObject step = element.getAsJsonObject();
            String host = step.get("host").getAsString();
            String cmd = step.get("cmd").getAsString();
            waitUntil(campus, Math.max(start + (long) (step.get("at_s").getAsDouble() * 1e9), stepEnd + BETWEEN_STEPS));
            String line = cmd.startsWith("nobody: ") ? "sudo -u nobody " + cmd.substring(8)
                    : cmd.startsWith("ufw: ") ? cmd.substring(5) : cmd;
            // As recorded: a non-interactive shell (no job numbers), stdin /dev/null, stdout and
            // stderr together into a pipe (so stdio buffers as it did there).
            // A background job is started without the pipe: syssim's shell keeps a pipeline's
            // output open in the job's own subshell, so a reader of the pipe would wait for the job.
            String output = line.endsWith("&") ? campus.on(host).run("bash -c '" + line + " echo rc=$?' </dev/null")
                    : campus.on(host).run("bash -c '" + line + " </dev/null; echo rc=$?' 2>&1 | cat");
            output = output.replaceFirst("rc=(\\d+)\n$", "[rc=$1]\n");
            stepEnd = campus.now();
            String head = host + "# " + cmd + "\n";
            expected.append(head).append(normalize(step.get("output").getAsString())).append("[rc=").append(step.get("rc").getAsInt()).append("]\n");
            actual.append(head).append(normalize(output));
        }
        if (!expected.toString().equals(actual.toString())) {
            assertEquals(expected.toString(), actual.toString(), recorded.get("title").getAsString() + "\n" + diff(expected.toString(), actual.toString()));
        }
    }

    /** The lines that differ, with the step they belong to: what a reader needs first. */
    private static String diff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        StringBuilder out = new StringBuilder();
        String step = "";
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<none>";
            String y = i < a.length ? a[i] : "<none>";
            if (x.contains("# ") && x.equals(y)) step = x;
            if (!x.equals(y)) out.append("at ").append(step).append("\n  linux:   ").append(x).append("\n  syssim:  ").append(y).append('\n');
        }
        return out.toString();
    }

    /**
     * Lets simulated time run on (every machine's pending packets and timers) until {@code time},
     * where the recording started the next step: each step starts when it started on Linux,
     * unless the simulation is already later.
     */
    private static void waitUntil(Campus campus, long time) {
        if (campus.now() >= time) return;
        campus.world.timeline().at(time, () -> { });
        campus.world.runUntil(() -> campus.now() >= time, 100_000_000L);
    }

    /** Sets aside what differs from run to run on Linux itself. */
    static String normalize(String text) {
        String out = POLICY.matcher(text).replaceAll("(policy $1 N packets, N bytes)")
                .replaceAll("time=[\\d.]+ ms", "time=T ms")
                .replaceAll(", time \\d+ms", ", time Tms")
                .replaceAll("rtt min/avg/max/mdev = \\S+ ms", "rtt min/avg/max/mdev = T ms");
        Matcher m = EPHEMERAL.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Integer.parseInt(m.group(2)) >= 32768 ? m.group(1) + "=EPHEMERAL" : m.group());
        m.appendTail(sb);
        out = JIFFIES.matcher(sb.toString()).replaceAll("J");
        if (HASHLIMIT.matcher(out).find()) {
            String[] lines = HASHLIMIT.matcher(out).replaceAll("EXPIRES $1CREDIT$2").split("\n");
            Arrays.sort(lines);
            out = String.join("\n", lines) + "\n";
        }
        return out;
    }
}
