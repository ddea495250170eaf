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
 * Replays the second recording of docker 20.10.24 on Debian 12 (testdata/oracle/docker/
 * more-20.10.24.txt, {@code record-more.sh}): volumes, networks, rmi and tag, inspect, top, stats,
 * run's --user, --read-only, --cap-add/--cap-drop and --device, and legacy builds with ARG,
 * WORKDIR, USER, EXPOSE, LABEL, ENTRYPOINT and the build cache. The cases ran one after the other
 * on one daemon (the cache cases build on the builds before them), so they are replayed in order
 * on one laptop; random ids, pids and times were masked by the recorded command lines themselves.
 */
class DockerMoreOracleTest {

    private static final Path FILE = Path.of("..", "testdata", "oracle", "docker", "more-20.10.24.txt");

    /** Recorded cases the simulation does not replay, and why. */
    private static final Map<String, String> SKIPPED = Map.of(
            "{{.Id}} {{.RepoTags}}' busybox", "the recording's busybox is an imported root with its own id; the registry's has another");

    record Case(String command, String output, int status) {
    }

    static List<Case> cases() throws IOException {
        return cases(FILE);
    }

    /** The cases of a recording in this format (also BuildKitOracleTest's). */
    static List<Case> cases(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        String command = null;
        StringBuilder out = new StringBuilder();
        for (String line : Files.readString(file).split("\n", -1)) {
            if (line.startsWith("### status ")) {
                cases.add(new Case(command, out.toString().stripTrailing(), Integer.parseInt(line.substring(11))));
                command = null;
            } else if (line.startsWith("### ") && command == null) {
                command = line.substring(4);
                out.setLength(0);
            } else if (command != null) {
                out.append(line).append('\n');
            }
        }
        return cases;
    }

    @TestFactory
    List<DynamicTest> eachRecordedCaseInOrderGivesTheRecordedOutputAndStatus() throws IOException {
        List<Case> all = cases();
        assertTrue(all.size() >= 45, "cases: " + all.size());
        Docked d = new Docked("student");
        d.run("docker pull busybox >/dev/null 2>&1; mkdir app; echo 'hello from the context' > app/msg.txt");
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : all) {
            if (SKIPPED.keySet().stream().anyMatch(k -> c.command().contains(k))) continue;
            tests.add(DynamicTest.dynamicTest(c.command(), () -> {
                String out = d.run(c.command() + "\necho \"### status $?\"");
                int at = out.lastIndexOf("### status ");
                assertEquals(c.output(), out.substring(0, at).stripTrailing(), c.command());
                assertEquals("### status " + c.status(), out.substring(at).strip(), c.command());
            }));
        }
        return tests;
    }
}
