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
    void eachInstructionIsAStepRunRunsInAnIntermediateContainerAndTheImageIsTagged() {
        Docked d = withContext("FROM alpine\\nRUN echo building; echo made > /made\\nCOPY msg.txt /srv/\\nENV WHO=world\\nCMD [\"cat\", \"/srv/msg.txt\"]\\n");
        String out = d.run("docker build -t demo app; echo $?");
        assertTrue(out.matches("Sending build context to Docker daemon  3\\.072kB\nStep 1/5 : FROM alpine\n ---> [0-9a-f]{12}\n"
                + "Step 2/5 : RUN echo building; echo made > /made\n ---> Running in ([0-9a-f]{12})\nbuilding\nRemoving intermediate container \\1\n ---> [0-9a-f]{12}\n"
                + "Step 3/5 : COPY msg.txt /srv/\n ---> [0-9a-f]{12}\nStep 4/5 : ENV WHO=world\n ---> [0-9a-f]{12}\n"
                + "Step 5/5 : CMD \\[\"cat\", \"/srv/msg.txt\"\\]\n ---> ([0-9a-f]{12})\nSuccessfully built \\2\nSuccessfully tagged demo:latest\n0\n"), out);
        assertTrue(d.run("docker images").contains("\ndemo         latest    "));
        assertEquals("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", d.run("docker ps -a"), "intermediate containers are removed");
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
        assertTrue(out.endsWith("Error response from daemon: dockerfile parse error line 2: unknown instruction: FRMO\n1\n"), out);
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
        assertEquals("COPY failed: file not found in build context or excluded by .dockerignore: stat nosuch.txt: file does not exist\n1\n",
                d.run("docker build -t bad app; echo $?"));
    }

    @Test
    void aDirectoryWithoutDockerfileCannotBeAContext() {
        Docked d = new Docked();
        d.run("mkdir empty");
        assertEquals("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /home/student/empty/Dockerfile: no such file or directory\n1\n",
                d.run("docker build -t x empty; echo $?"));
    }
}
