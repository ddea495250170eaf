package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays docker 20.10.24's BuildKit builds on Debian 12 (testdata/oracle/docker/
 * buildkit-20.10.24.txt, {@code record-buildkit.sh}; DOCKER_BUILDKIT=1, --progress=plain): a first
 * build, the same again (every step CACHED), after the COPY's file changed (CACHED up to the COPY),
 * {@code docker history} of the result, a parse error, failing RUNs and a COPY of a missing file. The cases ran in order on one daemon, so
 * they are replayed in order on one laptop. What differs between any two real runs is normalised on
 * both sides: times ({@code 0.283}, {@code 0.1s}) and hex ids and digests; and the client's
 * {@code #5 ...} block, which it prints when another vertex's lines interrupt a running one's, so
 * it appears or not with the real run's timing (the simulation prints each block whole); whether a
 * transfer's or the export's {@code done} line carries its time (two recordings of the same builds differ); and the vertices' numbers, which BuildKit gives as
 * vertices first report (two recordings of the same COPY case numbered the build context and the
 * COPY the other way round), so both sides are renumbered in the order the blocks appear.
 */
class BuildKitOracleTest {

    private static final Path FILE = Path.of("..", "testdata", "oracle", "docker", "buildkit-20.10.24.txt");

    /**
     * docker history's output is compared without the base image's rows (the recording's busybox is
     * an imported root, {@code Imported from -}; the simulation's is the registry's), with its times
     * ({@code 1 second ago}) as {@code T} and its columns' padding as one tab.
     */
    static String history(String text) {
        List<String> rows = new ArrayList<>(text.lines().filter(l -> l.startsWith("IMAGE ") || l.endsWith("buildkit.dockerfile.v0")
                || l.startsWith("Error")).toList());
        return String.join("\n", rows).replaceAll("sha256:[0-9a-f]+", "ID").replaceAll("(Less than a second|About a minute|About an hour|\\d+ \\w+) ago", "T").replaceAll(" {2,}", "\t");
    }

    static String normal(String text) {
        text = text.replaceAll("(?m)^(#\\d+) [^\n]*\n\\1 sha256:[0-9a-f]{64}\n\\1 \\.\\.\\.\n\n", "");
        java.util.Map<String, String> numbers = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^#(\\d+) ").matcher(text);
        StringBuilder renumbered = new StringBuilder();
        while (m.find()) m.appendReplacement(renumbered, "#" + numbers.computeIfAbsent(m.group(1), k -> String.valueOf(numbers.size() + 1)) + " ");
        m.appendTail(renumbered);
        return renumbered.toString().replaceAll("(transferring \\w+: \\d+B|exporting layers) \\d+\\.\\ds done", "$1 done")
                .replaceAll("[0-9a-f]{64}", "ID").replaceAll("\\b[0-9a-f]{12}\\b", "ID")
                .replaceAll("(?m)^(#\\d+) \\d+\\.\\d{3} ", "$1 T ").replaceAll("\\b\\d+\\.\\ds\\b", "Ts");
    }

    @TestFactory
    List<DynamicTest> eachRecordedBuildKitCaseInOrderGivesTheRecordedOutputAndStatus() throws IOException {
        List<DockerMoreOracleTest.Case> all = DockerMoreOracleTest.cases(FILE);
        assertTrue(all.size() >= 9, "cases: " + all.size());
        Docked d = new Docked("student");
        d.run("docker pull busybox >/dev/null 2>&1; mkdir app; echo 'hello from the context' > app/msg.txt; export DOCKER_BUILDKIT=1; "
                + "printf 'FROM busybox\\nRUN echo building; echo made > /made\\nCOPY msg.txt /srv/\\nENV WHO=world\\nCMD [\"cat\", \"/srv/msg.txt\"]\\n' > app/Dockerfile");
        List<DynamicTest> tests = new ArrayList<>();
        for (DockerMoreOracleTest.Case c : all) {
            boolean history = c.command().startsWith("docker history");
            tests.add(DynamicTest.dynamicTest(c.command(), () -> {
                String out = d.run(c.command() + "\necho \"### status $?\"");
                int at = out.lastIndexOf("### status ");
                String got = out.substring(0, at).stripTrailing();
                if (history) assertEquals(history(normal(c.output())), history(normal(got)), c.command());
                else assertEquals(normal(c.output()), normal(got), c.command());
                assertEquals("### status " + c.status(), out.substring(at).strip(), c.command());
            }));
        }
        return tests;
    }
}
