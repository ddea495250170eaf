package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docker history's rules beyond the recorded BuildKit case (BuildKitOracleTest replays that one). */
class DockerHistoryTest {

    private static final String SETUP = "docker pull busybox >/dev/null 2>&1; mkdir app; echo 'hello from the context' > app/msg.txt; "
            + "printf 'FROM busybox\\nRUN echo building; echo made > /made\\nCOPY msg.txt /srv/\\nENV WHO=world\\nCMD [\"cat\", \"/srv/msg.txt\"]\\n' > app/Dockerfile; ";

    private static List<String> column(String table, int from, int to) {
        return table.lines().skip(1).map(l -> l.substring(from, Math.min(to, l.length())).strip()).toList();
    }

    @Test
    void aLegacyBuildsRowsNameEachStepsImageAndShowItsNopCommand() {
        Docked d = new Docked();
        d.run(SETUP + "docker build -t demo app >/dev/null");
        String out = d.run("docker history demo");
        List<String> ids = column(out, 0, 12);
        assertEquals(6, ids.size(), out);
        assertEquals(d.run("docker inspect --format '{{.Id}}' demo").strip().substring(7, 19), ids.get(0), out);
        assertTrue(ids.subList(0, 5).stream().noneMatch(i -> i.equals("<missing>")), "every step's image is in the store: " + out);
        assertEquals("<missing>", ids.get(5), "the base's own layer has no image here: " + out);
        assertTrue(out.contains("   /bin/sh -c #(nop)  ENV WHO=world   "), out);
        assertTrue(out.contains("   /bin/sh -c echo building; echo made > /made   "), out);
    }

    @Test
    void aBuildKitBuildsRowsNameOnlyTheImageAndReadAsTheDockerfile() {
        Docked d = new Docked();
        d.run(SETUP + "DOCKER_BUILDKIT=1 docker build --progress=plain -t demo app 2>/dev/null");
        String out = d.run("docker history demo");
        List<String> ids = column(out, 0, 12);
        assertTrue(ids.subList(1, ids.size()).stream().allMatch(i -> i.equals("<missing>")), out);
        assertTrue(out.contains("   ENV WHO=world   "), out);
        assertTrue(out.lines().skip(1).limit(4).allMatch(l -> l.endsWith("buildkit.dockerfile.v0")), out);
    }

    @Test
    void createdByIsCutTo45CharactersWithAnEllipsisUnlessNoTrunc() {
        Docked d = new Docked();
        d.run(SETUP + "printf 'FROM busybox\\nRUN echo a long command that goes on and on past the column > /x\\n' > app/Dockerfile; "
                + "DOCKER_BUILDKIT=1 docker build --progress=plain -t long app 2>/dev/null");
        assertTrue(d.run("docker history long").contains("   RUN /bin/sh -c echo a long command that goes…   "));
        assertTrue(d.run("docker history --no-trunc long").contains("   RUN /bin/sh -c echo a long command that goes on and on past the column > /x # buildkit   "));
    }

    @Test
    void aStepsSizeIsTheBytesOfTheFilesItAddedOrChanged() {
        // the RUN writes 11 bytes to /z and 33 to /y; the COPY adds the 23-byte msg.txt; ENV changes no file
        Docked d = new Docked();
        d.run(SETUP + "printf 'FROM busybox\\nRUN echo 0123456789 > /z; cat /z /z /z > /y\\nCOPY msg.txt /srv/\\nENV A=b\\n' > app/Dockerfile; "
                + "DOCKER_BUILDKIT=1 docker build --progress=plain -t sized app 2>/dev/null");
        List<String> sizes = d.run("docker history sized").lines().skip(1).map(l -> l.split(" {3,}")[3]).toList();
        assertEquals(List.of("0B", "23B", "44B"), sizes.subList(0, 3));
    }

    @Test
    void withoutExactlyOneImageItIsTheClientsUsageErrorAndTheManagementFormIsTheSame() {
        Docked d = new Docked();
        assertEquals("\"docker history\" requires exactly 1 argument.\nSee 'docker history --help'.\n\nUsage:  docker history [OPTIONS] IMAGE\n\n"
                + "Show the history of an image\nstatus 1\n", d.run("docker history; echo status $?"));
        d.run("docker pull busybox >/dev/null 2>&1");
        assertEquals(d.run("docker history busybox"), d.run("docker image history busybox"));
    }
}
