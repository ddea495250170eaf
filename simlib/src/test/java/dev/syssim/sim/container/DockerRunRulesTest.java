package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker run as runc composes it — namespaces, a cgroup, the image's root, execve — and the engine around it. */
class DockerRunRulesTest {

    @Test
    void dockerdAndContainerdRunAsRootDaemonsChildrenOfInitAndShowInPs() {
        Docked d = new Docked();
        String ps = d.run("ps -eo user,ppid,args | grep -E 'dockerd|containerd' | grep -v grep");
        assertEquals("root         1 /usr/bin/containerd\nroot         1 /usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n", ps);
    }

    @Test
    void theSocketIsWritableOnlyByRootAndTheDockerGroupSoOthersFailAtConnectWithEacces() {
        assertEquals("srw-rw---- root docker\n", new Docked().run("stat -c '%A %U %G' /var/run/docker.sock"));
        Docked outsider = new Docked("student", false);
        String trace = outsider.run("strace -e trace=connect docker ps 2>&1 >/dev/null | head -1");
        assertEquals("connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/docker.sock\"}, 23) = -1 EACCES (Permission denied)\n", trace);
    }

    @Test
    void theDockerGroupIsRootABindMountOfTheHostsRootReadsItsShadowFile() {
        Docked d = Docked.withAlpine();
        assertEquals("cat: /etc/shadow: Permission denied\n", d.run("cat /etc/shadow"));
        String shadow = d.run("docker run --rm -v /:/host alpine cat /host/etc/shadow");
        assertTrue(shadow.startsWith("root:$6$"), shadow);
    }

    @Test
    void runPullsAMissingImageFromTheRegistryWithDockersProgressLines() {
        Docked d = new Docked();
        String layer = Registry.sha256("layer alpine").substring(0, 12);
        assertEquals("Unable to find image 'alpine:latest' locally\nlatest: Pulling from library/alpine\n"
                + layer + ": Pulling fs layer\n" + layer + ": Verifying Checksum\n" + layer + ": Download complete\n" + layer + ": Pull complete\n"
                + "Digest: sha256:" + Registry.sha256("manifest alpine") + "\nStatus: Downloaded newer image for alpine:latest\nhi\n",
                d.run("docker run --rm alpine echo hi"));
        assertEquals("hi\n", d.run("docker run --rm alpine echo hi"));
    }

    @Test
    void pullOfAnUnknownRepositoryIsDeniedAndRunSaysSoWithStatus125() {
        Docked d = new Docked();
        assertEquals("Using default tag: latest\nError response from daemon: pull access denied for nosuch, repository does not exist or may require "
                + "'docker login': denied: requested access to the resource is denied\n1\n", d.run("docker pull nosuch; echo $?"));
        assertTrue(d.run("docker run --rm nosuch true; echo $?").endsWith("requested access to the resource is denied.\nSee 'docker run --help'.\n125\n"));
    }

    @Test
    void theCommandIsPid1OfItsOwnPidNamespaceSoPsShowsOnlyIt() {
        assertEquals("PID   USER     COMMAND\n    1 root     ps\n", Docked.withAlpine().run("docker run --rm alpine ps"));
    }

    @Test
    void theHostnameIsTheContainersShortIdInItsOwnUtsNamespace() {
        Docked d = Docked.withAlpine();
        String inside = d.run("docker run --name hn alpine hostname");
        assertEquals(Engine.of(d.laptop.kernel()).container("hn").shortId() + "\n", inside);
        assertEquals("laptop\n", d.run("hostname"));
    }

    @Test
    void theContainerHasItsOwnNetworkMountIpcAndPidNamespaces() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name ns alpine sleep 100");
        int pid = Engine.of(d.laptop.kernel()).container("ns").hostPid();
        String mine = d.run("sudo -n true 2>/dev/null; for k in net mnt ipc pid uts; do readlink /proc/1/ns/$k; done");
        String theirs = d.run("for k in net mnt ipc pid uts; do readlink /proc/" + pid + "/ns/$k; done");
        List<String> a = List.of(mine.split("\n"));
        List<String> b = List.of(theirs.split("\n"));
        assertEquals(5, b.size(), theirs);
        for (int i = 0; i < 5; i++) assertTrue(!a.get(i).equals(b.get(i)) && a.get(i).split(":")[0].equals(b.get(i).split(":")[0]), a + " " + b);
    }

    @Test
    void memoryAndPidsLimitsAreWrittenIntoTheContainersOwnCgroup() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --memory 32m --pids-limit 10 --name mem alpine sleep 100");
        Container m = Engine.of(d.laptop.kernel()).container("mem");
        String cg = m.cgroupPath();
        assertEquals("33554432\n10\n" + m.hostPid() + "\n", d.run("cat " + cg + "/memory.max " + cg + "/pids.max " + cg + "/cgroup.procs"));
        assertEquals("0::/system.slice/docker-" + m.id() + ".scope\n", d.run("cat /proc/" + m.hostPid() + "/cgroup"));
    }

    @Test
    void cpusBecomesAQuotaPerPeriodInCpuMaxAndInspectsNanoCpus() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --cpus 1.5 --name half alpine sleep 100");
        Container m = Engine.of(d.laptop.kernel()).container("half");
        assertEquals("150000 100000\n", d.run("cat " + m.cgroupPath() + "/cpu.max"));
        assertEquals("1500000000\n", d.run("docker inspect -f '{{.HostConfig.NanoCpus}}' half"));
    }

    @Test
    void cpusOutsideTheMachinesCoresOrNotANumberIsDockersError125() {
        Docked d = Docked.withAlpine();
        assertEquals("docker: Error response from daemon: Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available.\n"
                + "See 'docker run --help'.\n125\n", d.run("docker run --rm --cpus 3 alpine true 2>&1; echo $?"));
        assertEquals("invalid argument \"lots\" for \"--cpus\" flag: failed to parse lots as a rational number\n"
                + "See 'docker run --help'.\n125\n", d.run("docker run --rm --cpus lots alpine true 2>&1; echo $?"));
        assertEquals("invalid argument \"ten\" for \"--pids-limit\" flag: strconv.ParseInt: parsing \"ten\": invalid syntax\n"
                + "See 'docker run --help'.\n125\n", d.run("docker run --rm --pids-limit ten alpine true 2>&1; echo $?"));
    }

    @Test
    void busyboxUnamePrintsItsFieldsInItsOwnOrderAndRefusesWhatItDoesNotKnow() {
        // as Debian's busybox 1.35 does: fields in the order s n r v m p i o whatever the options' order
        Docked d = Docked.withAlpine();
        String release = d.run("uname -r").strip();
        assertEquals("Linux " + release + "\nunknown unknown GNU/Linux\n", d.run("docker run --rm alpine sh -c 'uname -rs; uname -oip'"));
        String all = d.run("docker run --rm alpine uname -a");
        assertTrue(all.startsWith("Linux ") && all.endsWith(" x86_64 GNU/Linux\n") && !all.contains("unknown"), all);
        assertEquals("uname: invalid option -- 'x'\n1\n", d.run("docker run --rm alpine uname -x 2>&1 | head -1; docker run --rm alpine uname -x 2>/dev/null; echo $?"));
    }

    @Test
    void busyboxCatCopiesAPipeWithReadAndWriteWhenSendfileRefusesIt() {
        Docked d = Docked.withAlpine();
        assertEquals("hi\n", d.run("echo hi | busybox cat"));
        assertEquals("from the host\n", d.run("echo from the host | docker run -i --rm alpine cat"));
    }

    @Test
    void aForkBombStopsAtPidsLimitWithAshsForkMessage() {
        String out = Docked.withAlpine().run("docker run --rm --pids-limit 3 alpine sh -c 'sleep 100 & sleep 100 & sleep 100 & echo unreached'; echo $?");
        assertEquals("sh: can't fork: Resource temporarily unavailable\n2\n", out);
    }

    @Test
    void theRootIsAlpineLikeTheMuslLoaderAndReleaseFilesAreThere() {
        Docked d = Docked.withAlpine();
        assertEquals("3.18.4\nNAME=\"Alpine Linux\"\n", d.run("docker run --rm alpine sh -c 'cat /etc/alpine-release; cat /etc/os-release' | head -2"));
        assertEquals("ld-musl-x86_64.so.1\nlibc.musl-x86_64.so.1\n", d.run("docker run --rm alpine ls /lib"));
    }

    @Test
    void eachContainerWritesItsOwnLayerAndTheImageStaysAsItWas() {
        Docked d = Docked.withAlpine();
        assertEquals("changed\n", d.run("docker run --rm alpine sh -c 'echo changed > /etc/alpine-release; cat /etc/alpine-release'"));
        assertEquals("3.18.4\n", d.run("docker run --rm alpine cat /etc/alpine-release"));
    }

    @Test
    void withoutRmTheExitedContainerStaysInPsAllAndRmRemovesIt() {
        Docked d = Docked.withAlpine();
        d.run("docker run --name keep alpine sh -c 'exit 4'");
        d.run("docker run --rm alpine true");
        String ps = d.run("docker ps -a");
        assertTrue(ps.matches("CONTAINER ID   IMAGE     COMMAND            CREATED                  STATUS                              PORTS     NAMES\n"
                + "[0-9a-f]{12}   alpine    \"sh -c 'exit 4'\"   Less than a second ago   Exited \\(4\\) Less than a second ago             keep\n"), ps);
        assertEquals("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", d.run("docker ps"));
        assertEquals("keep\n", d.run("docker rm keep"));
        assertEquals("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", d.run("docker ps -a"));
    }

    @Test
    void stopSendsSigtermWhichPid1IgnoresWithoutAHandlerThenSigkillAfterTenSecondsStatus137() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name st alpine sleep 1000");
        assertEquals("st\n0\n", d.run("docker stop st; echo $?"));
        assertTrue(d.run("docker ps -a").contains("Exited (137) "));
        assertTrue(d.run("docker rm st; docker run -d --name ru alpine sleep 1000 >/dev/null; docker rm ru").startsWith("st\nError response from daemon: You cannot remove a running container "));
    }

    @Test
    void killEndsARunningContainerWithStatus137AndASecondKillSaysItIsNotRunning() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name ki alpine sleep 1000");
        assertEquals("ki\n", d.run("docker kill ki"));
        String id = Engine.of(d.laptop.kernel()).container("ki").id();
        assertEquals("Error response from daemon: Cannot kill container: ki: Container " + id + " is not running\n1\n", d.run("docker kill ki; echo $?"));
    }

    @Test
    void aDetachedContainersOutputGoesToItsLogFile() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name lg alpine sh -c 'echo out; echo err >&2'");
        assertEquals("out\nerr\n", d.run("sleep 1; docker logs lg"));
    }

    @Test
    void aSecondContainerWithATakenNameIsAConflictWithStatus125() {
        Docked d = Docked.withAlpine();
        d.run("docker run --name dup alpine true");
        String id = Engine.of(d.laptop.kernel()).container("dup").id();
        assertEquals("docker: Error response from daemon: Conflict. The container name \"/dup\" is already in use by container \"" + id
                + "\". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n125\n",
                d.run("docker run --name dup alpine true; echo $?"));
    }

    @Test
    void imagesListsThePulledImagesWithGoUnitsSizesAndAges() {
        Docked d = Docked.withAlpine();
        d.run("docker pull busybox >/dev/null");
        assertEquals("REPOSITORY   TAG       IMAGE ID       CREATED        SIZE\nalpine       latest    " + Registry.sha256("image alpine").substring(0, 12)
                + "   5 weeks ago    7.33MB\nbusybox      latest    " + Registry.sha256("image busybox").substring(0, 12) + "   2 months ago   4.26MB\n",
                d.run("docker images"));
    }

    @Test
    void theTraceOfDockerRunReadsAsCloneWithNewNamespacesACgroupTheRootAndExecve() {
        Docked d = Docked.withAlpine();
        d.world.trace().clear();
        d.world.trace().setLevel(TraceLevel.SYSCALLS);
        d.run("docker run --rm --pids-limit 5 alpine true");
        String trace = new TextRenderer().render(d.world.trace().snapshot());
        d.world.trace().setLevel(TraceLevel.OFF);
        String[] steps = {"docker[", "connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/docker.sock\"}",
            "dockerd[", "mount(\"overlay\", \"/var/lib/docker/overlay2/",
            "containerd-shim[", "runc[", "mkdir(\"/sys/fs/cgroup/system.slice/docker-", "pids.max\", O_WRONLY)", "write(3, \"5\", 1)",
            "clone(child_stack=NULL, flags=CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET|",
            "cgroup.procs\", O_WRONLY)", "sethostname(", "mount(\"proc\", \"/var/lib/docker/overlay2/", "chroot(\"/var/lib/docker/overlay2/",
            "chdir(\"/\")", "execve(\"/bin/true\", [\"true\"]", "wait4(", "sendmsg(7, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"/tasks/exit\""};
        int at = 0;
        for (String step : steps) {
            int next = trace.indexOf(step, at);
            assertTrue(next >= 0, "after position " + at + " the trace should show " + step);
            at = next;
        }
    }

    @Test
    void theDeviceCgroupLetsTheDefaultDevicesOpenAndRefusesAnyOtherWithEperm() {
        Docked d = Docked.withAlpine();
        assertEquals("", d.run("docker run --rm alpine cat /dev/null"));
        assertEquals("cat: can't open '/hostdev/kmsg': Operation not permitted\n1\n", d.run("docker run --rm -v /dev:/hostdev alpine cat /hostdev/kmsg; echo $?"));
    }

    @Test
    void execJoinsTheRunningContainersNamespacesCgroupAndRoot() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name ex alpine sleep 1000");
        Container x = Engine.of(d.laptop.kernel()).container("ex");
        assertEquals(x.shortId() + "\n3.18.4\n", d.run("docker exec ex hostname; docker exec ex cat /etc/alpine-release"));
        String ps = d.run("docker exec ex ps");
        assertTrue(ps.startsWith("PID   USER     COMMAND\n    1 root     sleep 1000\n"), ps);
        assertEquals("0::/system.slice/docker-" + x.id() + ".scope\n", d.run("docker exec ex cat /proc/self/cgroup"));
        assertEquals("3\n", d.run("docker exec -e N=3 ex sh -c 'echo $N'"));
        assertEquals("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH: unknown\n127\n",
                d.run("docker exec ex nosuch; echo $?"));
        d.run("docker kill ex");
        assertEquals("Error response from daemon: Container " + x.id() + " is not running\n1\n", d.run("docker exec ex true; echo $?"));
    }

    @Test
    void alpinesBusyboxRunsTheEverydayAppletsGrepSedWcAndIpAsWellAsItsOwn() {
        Docked d = Docked.withAlpine();
        assertEquals("root:x:0:0:root:/root:/bin/ash\n", d.run("docker run --rm alpine grep ^root: /etc/passwd"));
        assertEquals("Hi\n3\n", d.run("docker run --rm alpine sh -c 'echo hi | sed s/h/H/; seq 3 | wc -l'"));
        String links = d.run("docker run --rm alpine ip link");
        assertTrue(links.startsWith("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536"), links);
        assertTrue(links.contains(": eth0@if"), "the container's own end of its veth pair: " + links);
        assertEquals("/bin/busybox\n", d.run("docker run --rm alpine readlink /bin/awk"));
        assertEquals("nosuch: applet not found\n", d.run("docker run --rm alpine busybox nosuch"));
    }
}
