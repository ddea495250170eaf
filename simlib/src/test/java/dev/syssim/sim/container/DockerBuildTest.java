package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** docker build with the legacy builder (Docker 20.10's default): each instruction a step, RUN in an intermediate container, the result tagged. */
class DockerBuildTest {

    private static Docked withContext(String dockerfile) {
        Docked d = new Docked();
        d.run("docker pull alpine >/dev/null; mkdir app; echo 'hello from the context' > app/msg.txt; printf '" + dockerfile + "' > app/Dockerfile");
        return d;
    }

    @Test
    void theIntermediateContainersAreRemovedAndTheImageIsTagged() {
        Docked d = withContext("FROM alpine\\nRUN echo building\\nENV WHO=world\\n");
        assertTrue(d.run("docker build -t demo app; echo $?").endsWith("Successfully tagged demo:latest\n0\n"));
        assertTrue(d.run("docker images").contains("\ndemo         latest    "));
        assertEquals("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", d.run("docker ps -a"));
    }

    @Test
    void theBuiltImageRunsItsCmdWithItsEnvAndHasTheFilesOfRunAndCopy() {
        Docked d = withContext("FROM alpine\\nRUN echo made > /made\\nCOPY msg.txt /srv/msg.txt\\nENV WHO=world\\nCMD [\"cat\", \"/srv/msg.txt\"]\\n");
        d.run("docker build -t demo app");
        assertEquals("hello from the context\n", d.run("docker run --rm demo"));
        assertEquals("made\nworld\n", d.run("docker run --rm demo sh -c 'cat /made; echo $WHO'"));
        assertEquals("cat: can't open '/made': No such file or directory\n", d.run("docker run --rm alpine cat /made"), "the base image is unchanged");
    }

    @Test
    void onlyTheLastCmdCountsAndShellFormRunsUnderBinShC() {
        Docked d = withContext("FROM alpine\\nCMD [\"echo\", \"first\"]\\nCMD echo second\\n");
        d.run("docker build -t twice app");
        assertEquals("second\n", d.run("docker run --rm twice"));
    }

    @Test
    void anUnknownInstructionIsDockersParseErrorWithItsLine() {
        Docked d = withContext("FROM alpine\\nFRMO alpine\\n");
        String out = d.run("docker build -t bad app; echo $?");
        assertTrue(out.endsWith("\r\r\nError response from daemon: dockerfile parse error line 2: unknown instruction: FRMO\n1\n"), out);
    }

    @Test
    void aFailingRunStopsTheBuildWithItsCommandAndCode() {
        Docked d = withContext("FROM alpine\\nRUN exit 3\\nRUN echo unreached\\n");
        String out = d.run("docker build -t bad app; echo $?");
        assertTrue(out.endsWith("The command '/bin/sh -c exit 3' returned a non-zero code: 3\n3\n"), out);
        assertTrue(!out.contains("unreached") && !out.contains("Step 3/3"), out);
    }

    @Test
    void copyOfAFileNotInTheContextFails() {
        Docked d = withContext("FROM alpine\\nCOPY nosuch.txt /\\n");
        assertTrue(d.run("docker build -t bad app; echo $?").endsWith(
                "Step 2/2 : COPY nosuch.txt /\nCOPY failed: file not found in build context or excluded by .dockerignore: stat nosuch.txt: file does not exist\n1\n"));
    }

    @Test
    void aDirectoryWithoutDockerfileCannotBeAContext() {
        Docked d = new Docked();
        d.run("mkdir empty");
        assertEquals("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /home/student/empty/Dockerfile: no such file or directory\n1\n",
                d.run("docker build -t x empty; echo $?"));
    }
}
