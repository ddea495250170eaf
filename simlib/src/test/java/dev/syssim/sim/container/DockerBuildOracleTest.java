package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code docker build} (docker.io 20.10.24's legacy builder, recorded on Debian 12 with
 * {@code --no-cache}: testdata/oracle/docker/build-20.10.24.txt): the same Dockerfile in a context
 * with msg.txt, built in the simulation, gives the recorded output and status — with every
 * 12-digit id (random on the real machine) masked on both sides.
 */
class DockerBuildOracleTest {

    private static final Path FILE = Path.of("..", "testdata", "oracle", "docker", "build-20.10.24.txt");

    record Case(String setup, String command, String output, int status) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String setup = null;
        String command = null;
        StringBuilder out = new StringBuilder();
        for (String line : Files.readString(FILE).split("\n", -1)) {
            if (line.startsWith("### status ")) {
                cases.add(new Case(setup, command, out.toString(), Integer.parseInt(line.substring(11))));
                setup = null;
                command = null;
            } else if (line.startsWith("### ") && setup == null) {
                setup = line.substring(4);
            } else if (line.startsWith("### ") && command == null) {
                command = line.substring(4);
                out.setLength(0);
            } else if (command != null) {
                out.append(line).append('\n');
            }
        }
        return cases;
    }

    private static String masked(String text) {
        return text.replaceAll("\\b[0-9a-f]{12}\\b", "ID");
    }

    @TestFactory
    List<DynamicTest> eachRecordedBuildGivesTheRecordedStepsMessagesAndStatus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.setup(), () -> {
                Docked d = new Docked();
                d.run("docker pull busybox >/dev/null; mkdir app; echo 'hello from the context' > app/msg.txt; " + c.setup());
                String out = d.run(c.command() + "\necho \"### status $?\"");
                int at = out.lastIndexOf("### status ");
                assertEquals(masked(c.output()), masked(out.substring(0, at)));
                assertEquals("### status " + c.status(), out.substring(at).strip());
            }));
        }
        return tests;
    }
}
