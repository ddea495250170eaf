package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays docker 20.10.24 as recorded on Debian 12 (testdata/oracle/docker): each case's command
 * runs on a fresh laptop with busybox pulled, and its output and status must be the recorded
 * ones. Cases run through {@code su student -c} run as a student outside the docker group.
 */
class DockerOracleTest {

    private static final Path FILE = Path.of("..", "testdata", "oracle", "docker", "docker-20.10.24.txt");

    /** Cases the simulation does not replay, and why. */
    private static final Map<String, String> SKIPPED = Map.of(
            "logs lg", "real docker logs writes stderr and stdout on two streams, so 2>&1 shows them in whatever order they arrive",
            "run --rm busybox\n", "the recording's busybox was imported without a CMD; the registry's busybox has CMD [\"sh\"]",
            "busybox ps", "the recording's busybox had no /etc/passwd (USER 0); the registry's has one (USER root)",
            "/proc/net/dev", "the simulated /proc has no net/dev (the network namespace itself is checked in DockerRunRulesTest)");

    record Case(String command, String output, int status) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String command = null;
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(FILE)) {
            if (line.startsWith("### status ")) {
                String text = out.toString();
                cases.add(new Case(command, text.isBlank() ? "" : text.stripTrailing(), Integer.parseInt(line.substring(11))));
                command = null;
            } else if (line.startsWith("### ") && command == null) {
                command = line.substring(4).replace("/usr/bin/docker", "docker");
                out.setLength(0);
            } else {
                out.append(line).append('\n');
            }
        }
        return cases;
    }

    @TestFactory
    List<DynamicTest> eachRecordedCaseGivesTheRecordedOutputAndStatus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Case> all = cases();
        assertTrue(all.size() >= 25, "cases: " + all.size());
        for (Case c : all) {
            boolean skipped = SKIPPED.keySet().stream().anyMatch(k -> (c.command() + "\n").contains(k));
            if (skipped) continue;
            tests.add(DynamicTest.dynamicTest(c.command(), () -> {
                boolean outsider = c.command().startsWith("su student -c '");
                String command = outsider ? c.command().substring("su student -c '".length(), c.command().length() - 1) : c.command();
                Docked d = new Docked("student", !outsider);
                d.run("docker pull busybox >/dev/null 2>&1; mkdir -p /tmp/voldemo; echo 'from the host' > /tmp/voldemo/file");
                String out = d.run(command + "\necho \"### status $?\"");
                int at = out.lastIndexOf("### status ");
                assertEquals(c.output(), out.substring(0, at).stripTrailing(), command);
                assertEquals("### status " + c.status(), out.substring(at).strip(), command);
            }));
        }
        return tests;
    }
}
