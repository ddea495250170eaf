package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules of BuildKit's plain progress beyond the recorded cases (BuildKitOracleTest replays those). */
class BuildKitTest {

    private static final String SETUP = "docker pull busybox >/dev/null 2>&1; mkdir app; echo one > app/a.txt; echo two > app/b.txt; export DOCKER_BUILDKIT=1; "
            + "printf 'FROM busybox\\nCOPY a.txt /a\\nRUN cat /a\\nCOPY b.txt /b\\nRUN cat /b\\nCMD [\"cat\", \"/b\"]\\n' > app/Dockerfile";
    private static final String BUILD = "docker build --progress=plain -t demo app";

    /** Each {@code [i/N] STEP} vertex and how it ended (DONE, CACHED, ERROR), in the order printed. */
    private static List<String> steps(String out) {
        List<String> steps = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(#\\d+) (\\[\\d+/\\d+\\] [^\\n]*)\\n(?:\\1 [^\\n]*\\n)*?\\1 (DONE|CACHED|ERROR)").matcher(out);
        while (m.find()) steps.add(m.group(2) + " " + m.group(3));
        return steps;
    }

    @Test
    void aChangedCopySourceShowsCachedUpToThatCopyAndRebuildsItAndEverythingAfter() {
        Docked d = new Docked();
        d.run(SETUP + "; " + BUILD);
        assertEquals(List.of("[2/5] COPY a.txt /a CACHED", "[3/5] RUN cat /a CACHED", "[4/5] COPY b.txt /b CACHED", "[5/5] RUN cat /b CACHED"),
                steps(d.run(BUILD)).subList(1, 5));
        List<String> after = steps(d.run("echo changed > app/b.txt; " + BUILD));
        assertEquals(List.of("[2/5] COPY a.txt /a CACHED", "[3/5] RUN cat /a CACHED", "[4/5] COPY b.txt /b DONE", "[5/5] RUN cat /b DONE"),
                after.subList(1, 5));
        List<String> first = steps(d.run("echo changed > app/a.txt; " + BUILD));
        assertEquals(List.of("[2/5] COPY a.txt /a DONE", "[3/5] RUN cat /a DONE", "[4/5] COPY b.txt /b DONE", "[5/5] RUN cat /b DONE"),
                first.subList(1, 5));
        assertEquals("changed\n", d.run("docker run --rm demo"));
    }

    @Test
    void aRunsOutputLinesCarryItsVertexNumberAndASimulatedTime() {
        Docked d = new Docked();
        String out = d.run(SETUP + "; " + BUILD);
        assertTrue(Pattern.compile("(?m)^#7 \\d+\\.\\d{3} one\\n").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^#9 \\d+\\.\\d{3} two\\n#9 DONE \\d+\\.\\ds\\n").matcher(out).find(), out);
    }

    @Test
    void theSameBuildOnTwoFreshMachinesPrintsTheSameBytesTimesIncluded() {
        String one = new Docked().run(SETUP + "; " + BUILD);
        String two = new Docked().run(SETUP + "; " + BUILD);
        assertEquals(one, two);
    }

    @Test
    void fromIsCachedWhenTheStepAfterItRunsOnABaseAnEarlierBuildUsed() {
        Docked d = new Docked();
        assertEquals("[1/5] FROM docker.io/library/busybox DONE", steps(d.run(SETUP + "; " + BUILD)).get(0), "first use of the base");
        assertEquals("[1/5] FROM docker.io/library/busybox DONE", steps(d.run(BUILD)).get(0), "next step cached: FROM only resolved");
        assertEquals("[1/5] FROM docker.io/library/busybox CACHED", steps(d.run("echo new > app/a.txt; " + BUILD)).get(0), "next step runs");
    }

    @Test
    void noCacheRunsEveryStepAgain() {
        Docked d = new Docked();
        d.run(SETUP + "; " + BUILD);
        String out = d.run("docker build --progress=plain --no-cache -t demo app");
        assertFalse(out.contains("CACHED"), out);
        assertTrue(out.contains("#10 exporting layers 0.0s done"), out);
    }

    @Test
    void configOnlyInstructionsHaveNoVertexButWorkdirHasOneAndAllTakeEffect() {
        Docked d = new Docked();
        String out = d.run("docker pull busybox >/dev/null 2>&1; mkdir app; export DOCKER_BUILDKIT=1; "
                + "printf 'FROM busybox\\nENV WHO=world\\nWORKDIR /srv\\nCMD [\"sh\", \"-c\", \"echo $WHO; pwd\"]\\n' > app/Dockerfile; " + BUILD);
        assertEquals(List.of("[1/2] FROM docker.io/library/busybox DONE", "[2/2] WORKDIR /srv DONE"), steps(out));
        assertFalse(out.contains("ENV") || out.contains("CMD"), out);
        assertFalse(out.contains("load build context"), "no COPY, no context: " + out);
        assertEquals("world\n/srv\n", d.run("docker run --rm demo"));
    }

    @Test
    void aChangedBuildArgumentMissesTheCacheOfTheRunAfterItAndTheRunsVertexNamesItsValue() {
        Docked d = new Docked();
        String setup = "docker pull busybox >/dev/null 2>&1; mkdir app; export DOCKER_BUILDKIT=1; "
                + "printf 'FROM busybox\\nARG WHO=x\\nRUN echo $WHO\\n' > app/Dockerfile; ";
        d.run(setup + BUILD + " --build-arg WHO=a");
        assertEquals("[2/2] RUN echo a CACHED", steps(d.run(BUILD + " --build-arg WHO=a")).get(1));
        String out = d.run(BUILD + " --build-arg WHO=b");
        assertEquals("[2/2] RUN echo b DONE", steps(out).get(1));
        assertTrue(Pattern.compile("(?m)^#5 \\d+\\.\\d{3} b$").matcher(out).find(), out);
    }

    @Test
    void aFailingRunEndsTheBuildWithTheExecutorsErrorAndStatusOneWithoutTagging() {
        Docked d = new Docked();
        String out = d.run("docker pull busybox >/dev/null 2>&1; mkdir app; export DOCKER_BUILDKIT=1; "
                + "printf 'FROM busybox\\nRUN echo a\\nRUN exit 7\\n' > app/Dockerfile; " + BUILD + "; echo status $?");
        assertTrue(out.contains("#6 ERROR: executor failed running [/bin/sh -c exit 7]: exit code: 7\n------\n > [3/3] RUN exit 7:\n------\n"
                + "executor failed running [/bin/sh -c exit 7]: exit code: 7\nstatus 1\n"), out);
        assertFalse(d.run("docker images").contains("demo"), "no image tagged");
    }

    @Test
    void quietPrintsOnlyTheImagesIdOnStandardOutput() {
        Docked d = new Docked();
        String out = d.run(SETUP + "; docker build --progress=plain -q -t demo app");
        assertTrue(out.matches("sha256:[0-9a-f]{64}\n"), out);
        assertEquals(out.strip(), d.run("docker inspect --format '{{.Id}}' demo").strip());
    }

    @Test
    void withoutDockerBuildkitTheLegacyBuilderPrintsItsSteps() {
        Docked d = new Docked();
        String out = d.run(SETUP + "; unset DOCKER_BUILDKIT; " + BUILD);
        assertTrue(out.contains("Step 1/6 : FROM busybox\n"), out);
        assertFalse(out.contains("#1 "), out);
    }
}
