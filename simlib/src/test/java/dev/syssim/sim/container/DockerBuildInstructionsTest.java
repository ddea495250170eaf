package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Dockerfile instructions beyond FROM/RUN/COPY/ENV/CMD, and the legacy builder's cache. */
class DockerBuildInstructionsTest {

    private static Docked withDockerfile(String dockerfile) {
        Docked d = new Docked();
        d.run("docker pull alpine >/dev/null; mkdir app; echo hello > app/msg.txt; printf '" + dockerfile + "' > app/Dockerfile");
        return d;
    }

    @Test
    void workdirIsWhereLaterRunStepsCopyAndTheContainerStartAndItIsMadeInTheImage() {
        Docked d = withDockerfile("FROM alpine\\nWORKDIR /srv/app\\nCOPY msg.txt .\\nRUN pwd > where\\n");
        d.run("docker build -t w app >/dev/null");
        assertEquals("/srv/app\nhello\n/srv/app\n", d.run("docker run --rm w sh -c 'pwd; cat msg.txt; cat where'"));
        assertEquals("/\n", d.run("docker run --rm -w / w pwd"));
    }

    @Test
    void userInTheImageAppliesToLaterRunStepsAndToItsContainersUnlessRunSaysOtherwise() {
        Docked d = withDockerfile("FROM alpine\\nUSER nobody\\nRUN id -u\\n");
        assertTrue(d.run("docker build -t u app").contains(" ---> Running in ") , "build");
        assertTrue(d.run("docker build --no-cache -t u app").contains("\n65534\n"));
        assertEquals("65534\n0\n", d.run("docker run --rm u id -u; docker run --rm -u 0 u id -u"));
    }

    @Test
    void exposeAndLabelAreMetadataTheyAddNoLayerAndPublishNoPort() {
        Docked d = withDockerfile("FROM alpine\\nEXPOSE 80\\nLABEL a=1\\n");
        d.run("docker build -t m app >/dev/null");
        Engine e = Engine.of(d.laptop.kernel());
        assertEquals(e.image("alpine").layers(), e.image("m").layers());
        assertEquals("{\"80/tcp\":{}} map[a:1]\n", d.run("docker inspect -f '{{json .Config.ExposedPorts}} {{.Config.Labels}}' m"));
        d.run("docker run -d --name pm m sleep 100");
        assertTrue(d.run("docker ps").contains("   pm\n") && !d.run("docker ps").contains("80/tcp"));
    }

    @Test
    void aSecondBuildUsesTheCacheForEveryStepAndNoCacheRunsThemAll() {
        Docked d = withDockerfile("FROM alpine\\nRUN echo ran\\nENV X=1\\n");
        String first = d.run("docker build -t c app");
        assertFalse(first.contains("Using cache"), first);
        String second = d.run("docker build -t c app");
        assertEquals(2, second.split("---> Using cache", -1).length - 1, second);
        assertFalse(second.contains("\nran\n"), second);
        assertTrue(d.run("docker build --no-cache -t c app").contains("\nran\n"));
    }

    @Test
    void aBuildArgReachesRunStepsAsAnEnvironmentVariableAndADeclaredArgWithoutValueIsUnset() {
        Docked d = withDockerfile("FROM alpine\\nARG WHO\\nRUN echo \"[$WHO]\"\\n");
        assertTrue(d.run("docker build -t a app").contains("\n[]\n"));
        assertTrue(d.run("docker build --build-arg WHO=you -t a app").contains("\n[you]\n"));
    }

    @Test
    void aShellFormEntrypointRunsUnderShAndCmdOnlyBecomesItsDollarZero() {
        Docked d = withDockerfile("FROM alpine\\nENTRYPOINT echo from $0\\nCMD [\"x\"]\\n");
        d.run("docker build -t e app >/dev/null");
        assertEquals("from x\n", d.run("docker run --rm e"));
        assertEquals("[\"/bin/sh\",\"-c\",\"echo from $0\"] [\"x\"]\n", d.run("docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' e"));
    }

    @Test
    void addOfAPlainLocalFileCopiesItAsCopyDoes() {
        Docked d = withDockerfile("FROM alpine\\nADD msg.txt /srv/\\n");
        assertTrue(d.run("docker build -t ad app").contains("Step 2/2 : ADD msg.txt /srv/\n"));
        assertEquals("hello\n", d.run("docker run --rm ad cat /srv/msg.txt"));
    }

    @Test
    void aDockerignoredFileIsLeftOutOfTheContextSoCopyCannotFindIt() {
        Docked d = withDockerfile("FROM alpine\\nCOPY secret.key /\\n");
        d.run("head -c 4000 /dev/zero > app/secret.key");
        String sent = d.run("docker build -t ig app 2>&1 | head -1");
        assertEquals("Sending build context to Docker daemon  7.68kB\r\r\n", sent);
        d.run("printf '# keys stay home\\n*.key\\n' > app/.dockerignore");
        String out = d.run("docker build -t ig app; echo $?");
        assertTrue(out.startsWith("Sending build context to Docker daemon  4.096kB\r\r\n"), out);
        assertTrue(out.endsWith("COPY failed: file not found in build context or excluded by .dockerignore: stat secret.key: file does not exist\n1\n"), out);
        d.run("printf '*.key\\n!secret.key\\n' > app/.dockerignore");
        assertTrue(d.run("docker build -t ig app").contains("Successfully tagged ig:latest"));
    }
}
