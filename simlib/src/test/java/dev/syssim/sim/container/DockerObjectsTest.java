package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine's objects besides containers: named volumes, images removed and tagged, networks, and what inspect, top and stats read. */
class DockerObjectsTest {

    @Test
    void aNamedVolumeIsADirectoryUnderVarLibDockerVolumesThatOutlivesItsContainers() {
        Docked d = Docked.withAlpine();
        d.run("docker run --rm -v notes:/data alpine sh -c 'echo kept > /data/f'");
        assertEquals("DRIVER    VOLUME NAME\nlocal     notes\n", d.run("docker volume ls"));
        assertEquals("kept\n", d.run("docker run --rm -v /var/lib/docker/volumes:/v alpine cat /v/notes/_data/f"));
        assertEquals("notes\nDRIVER    VOLUME NAME\n", d.run("docker volume rm notes; docker volume ls"));
    }

    @Test
    void rmiOfABuiltImageDeletesItAndTheBuildsUntaggedStepImagesButNotTheBase() {
        Docked d = Docked.withAlpine();
        d.run("mkdir app; printf 'FROM alpine\\nRUN echo one > /one\\nENV A=b\\n' > app/Dockerfile; docker build -t two app >/dev/null");
        Engine e = Engine.of(d.laptop.kernel());
        String top = e.image("two").id();
        String middle = e.image(top).parent();
        assertEquals("Untagged: two:latest\nDeleted: " + top + "\nDeleted: " + middle + "\n", d.run("docker rmi two"));
        assertEquals("alpine\n", d.run("docker images | tail -n +2 | cut -d' ' -f1"));
        assertEquals("Error: No such image: two\n1\n", d.run("docker rmi two; echo $?"));
    }

    @Test
    void anImageAStoppedContainerWasMadeFromKeepsItsLastName() {
        Docked d = Docked.withAlpine();
        d.run("docker run --name st alpine true");
        Engine e = Engine.of(d.laptop.kernel());
        String out = d.run("docker rmi alpine; echo $?");
        assertEquals("Error response from daemon: conflict: unable to remove repository reference \"alpine\" (must force) - container "
                + e.container("st").shortId() + " is using its referenced image " + e.image("alpine").shortId() + "\n1\n", out);
        assertEquals("Untagged: mine:latest\n", d.run("docker tag alpine mine; docker rmi mine"));
    }

    @Test
    void networkLsShowsTheThreeNetworksDockerdMakesWithStableIds() {
        String ls = new Docked().run("docker network ls");
        assertTrue(ls.matches("NETWORK ID     NAME      DRIVER    SCOPE\n[0-9a-f]{12}   bridge    bridge    local\n[0-9a-f]{12}   host      host      local\n"
                + "[0-9a-f]{12}   none      null      local\n"), ls);
        assertEquals(ls, new Docked().run("docker network ls"));
    }

    @Test
    void inspectPrintsAJsonArrayInDockersKeyOrderAndFormatReadsFieldsFromIt() {
        Docked d = Docked.withAlpine();
        d.run("docker run --name in -m 32m --pids-limit 7 -v /tmp:/t:ro --read-only alpine true");
        String json = d.run("docker inspect in");
        String id = Engine.of(d.laptop.kernel()).container("in").id();
        assertTrue(json.startsWith("[\n    {\n        \"Id\": \"" + id + "\",\n        \"Created\": \"2026-01-05T10:00:"), json);
        assertTrue(json.indexOf("\"State\": {") < json.indexOf("\"HostConfig\": {") && json.indexOf("\"HostConfig\": {") < json.indexOf("\"Config\": {"), json);
        assertTrue(json.endsWith("    }\n]\n"), json);
        assertEquals("exited 0 33554432 7 [/tmp:/t:ro] true\n",
                d.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{.HostConfig.Binds}} "
                        + "{{.State.Dead}}{{.HostConfig.ReadonlyRootfs}}' in").replace("false", ""));
        assertEquals("[]\nError: No such object: nope\n1\n", d.run("docker inspect nope; echo $?"));
    }

    @Test
    void topListsTheContainersProcessesByTheirHostPids() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name tp alpine sleep 100");
        int pid = Engine.of(d.laptop.kernel()).container("tp").hostPid();
        String top = d.run("docker top tp");
        assertTrue(top.startsWith("UID                 PID                 PPID                C                   STIME               TTY"), top);
        assertTrue(top.contains("\nroot                " + pid + " "), top);
        assertTrue(top.endsWith("sleep 100\n"), top);
    }

    @Test
    void statsReadsTheContainersCgroupMemoryAgainstItsLimitAndItsPidCount() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name mm -m 64m alpine sleep 100");
        String row = d.run("docker stats --no-stream mm | tail -1");
        assertTrue(row.matches("[0-9a-f]{12}   mm        0\\.00%     [0-9.]+[KM]iB / 64MiB +[0-9.]+%  +0B / 0B   0B / 0B     1\n"), row);
    }

    @Test
    void debianBookwormIsTheMinbaseRootWithBashAsItsCommand() {
        Docked d = new Docked();
        d.run("docker pull debian:bookworm >/dev/null");
        assertEquals("[bash]\n", d.run("docker inspect -f '{{.Config.Cmd}}' debian:bookworm"));
        assertTrue(d.run("docker run --rm debian:bookworm cat /etc/os-release").contains("VERSION_CODENAME=bookworm\n"));
        assertEquals("/usr/bin/bash\n5.2.15(1)-release\n", d.run("docker run --rm debian:bookworm bash -c 'type -p bash; echo $BASH_VERSION'"));
    }

    @Test
    void theManagementCommandsAreTheClassicOnes() {
        Docked d = Docked.withAlpine();
        d.run("docker run --name done alpine true");
        assertEquals(d.run("docker images"), d.run("docker image ls"));
        assertEquals(d.run("docker ps -a"), d.run("docker container ls -a"));
        assertEquals("done\n", d.run("docker container rm done"));
        assertEquals("Untagged: other:latest\n", d.run("docker image tag alpine other; docker image rm other"));
    }

    @Test
    void pullingAnotherTagOfAStoredImageFetchesNoLayerAgain() {
        Docked d = new Docked();
        d.run("docker pull debian:bookworm >/dev/null");
        String layer = Registry.sha256("layer debian").substring(0, 12);
        assertEquals("12: Pulling from library/debian\n" + layer + ": Already exists\nDigest: sha256:" + Registry.sha256("manifest debian")
                + "\nStatus: Downloaded newer image for debian:12\ndocker.io/library/debian:12\n", d.run("docker pull debian:12"));
    }
}
