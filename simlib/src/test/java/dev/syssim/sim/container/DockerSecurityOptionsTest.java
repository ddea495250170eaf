package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import org.junit.jupiter.api.Test;

/** What runc takes away from a container's root and gives back: capabilities, the user, a read-only root, devices. */
class DockerSecurityOptionsTest {

    @Test
    void rootInAContainerHoldsOnlyDockersDefault14Capabilities() {
        assertEquals("CapEff:\t00000000a80425fb\n", Docked.withAlpine().run("docker run --rm alpine cat /proc/self/status | grep CapEff"));
        assertEquals(14, Long.bitCount(Capabilities.of(false, java.util.List.of(), java.util.List.of())));
    }

    @Test
    void withoutCapSysAdminRootInAContainerCannotSetTheHostnameCapAddGivesIt() {
        Docked d = Docked.withAlpine();
        assertEquals("hostname: sethostname: Operation not permitted\n1\n", d.run("docker run --rm alpine hostname other; echo $?"));
        assertEquals("other\n", d.run("docker run --rm --cap-add sys_admin alpine sh -c 'hostname other; hostname'"));
    }

    @Test
    void capDropAllLeavesRootWithoutCapabilitiesSoTheDefaultDevicesStillOpenButMknodFails() {
        Docked d = Docked.withAlpine();
        assertEquals("CapEff:\t0000000000000000\n", d.run("docker run --rm --cap-drop ALL alpine cat /proc/self/status | grep CapEff"));
        assertEquals("mknod: /n: Operation not permitted\n1\n", d.run("docker run --rm --cap-drop ALL alpine mknod /n c 1 3; echo $?"));
    }

    @Test
    void anUnknownCapabilityIsDockersErrorWithStatus125() {
        assertEquals("docker: Error response from daemon: invalid CapDrop: unknown capability: \"CAP_NOPE\".\nSee 'docker run --help'.\n125\n",
                Docked.withAlpine().run("docker run --rm --cap-drop nope alpine true; echo $?"));
    }

    @Test
    void privilegedGivesEveryCapabilityAndLiftsTheDeviceCgroup() {
        Docked d = Docked.withAlpine();
        assertEquals("CapEff:\t000001ffffffffff\n", d.run("docker run --rm --privileged alpine cat /proc/self/status | grep CapEff"));
        assertEquals("0\n", d.run("docker run --rm --privileged -v /dev:/hostdev alpine sh -c ': < /hostdev/kmsg; echo $?'"));
        // the host's device nodes appear in the container's /dev; without --privileged they do not
        String disk = d.run("ls /dev | grep -E '^(sd|vd|nvme)' | head -1").strip();
        assertTrue(!disk.isEmpty(), "the laptop has a disk node");
        assertEquals("/dev/" + disk + "\n", d.run("docker run --rm --privileged alpine ls /dev/" + disk));
        assertTrue(d.run("docker run --rm alpine ls /dev/" + disk + " 2>&1").contains("No such file or directory"));
    }

    @Test
    void userRunsTheProcessAsThatUidWithNoCapabilitiesAndANameIsLookedUpInTheImagesPasswd() {
        Docked d = Docked.withAlpine();
        assertEquals("1000 0\nCapEff:\t0000000000000000\n",
                d.run("docker run --rm --user 1000 alpine sh -c 'echo $(id -u) $(id -g); cat /proc/self/status' | grep -E '^1000 0$|CapEff'"));
        assertEquals("65534\n", d.run("docker run --rm --user nobody alpine id -u"));
    }

    @Test
    void readOnlyRefusesWritesToTheRootWithErofsButAVolumeStaysWritable() {
        Docked d = Docked.withAlpine();
        assertEquals("mkdir: can't create directory '/x': Read-only file system\n1\n", d.run("docker run --rm --read-only alpine mkdir /x; echo $?"));
        assertEquals("made\n", d.run("docker run --rm --read-only -v keep:/data alpine sh -c 'mkdir /data/x && echo made'"));
    }

    @Test
    void deviceMakesTheHostsNodeInTheContainerAndAllowsItInTheDeviceCgroup() {
        Docked d = Docked.withAlpine();
        assertEquals("ls: /dev/sda: No such file or directory\n", d.run("docker run --rm alpine ls /dev/sda"));
        assertEquals("brw-rw----\n0\n", d.run("docker run --rm --device /dev/sda alpine sh -c 'ls -l /dev/sda; : < /dev/sda; echo $?' | cut -c1-10"));
        // the same host node through a bind mount, without the cgroup rule: refused on open
        assertEquals("sh: cannot open /h/sda: Operation not permitted\n", d.run("docker run --rm -v /dev:/h alpine sh -c ': < /h/sda'"));
    }

    @Test
    void readingTheKernelLogNeedsCapSyslogEvenWithTheDeviceGiven() {
        Docked d = Docked.withAlpine();
        assertEquals("sh: cannot open /dev/kmsg: Operation not permitted\n", d.run("docker run --rm --device /dev/kmsg alpine sh -c ': < /dev/kmsg'"));
        assertEquals("0\n", d.run("docker run --rm --device /dev/kmsg --cap-add SYSLOG alpine sh -c ': < /dev/kmsg; echo $?'"));
    }

    @Test
    void theTraceShowsRuncBecomingTheUserAndDroppingCapabilitiesAfterChrootBeforeExecve() {
        Docked d = Docked.withAlpine();
        d.world.trace().clear();
        d.world.trace().setLevel(TraceLevel.SYSCALLS);
        d.run("docker run --rm --user 1000:1000 alpine true; docker run --rm alpine true");
        String trace = new TextRenderer().render(d.world.trace().snapshot());
        d.world.trace().setLevel(TraceLevel.OFF);
        String[] steps = {"chroot(\"/var/lib/docker/overlay2/", "setgroups(1, [1000])", "setgid(1000)", "setuid(1000)", "execve(\"/bin/true\"",
            "chroot(\"/var/lib/docker/overlay2/", "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=0xa80425fb", "execve(\"/bin/true\""};
        int at = 0;
        for (String step : steps) {
            int next = trace.indexOf(step, at);
            assertTrue(next >= 0, "after position " + at + " the trace should show " + step);
            at = next;
        }
    }

    @Test
    void anExecdProcessHasTheContainersUserAndCapabilitiesNotRunc() {
        Docked d = Docked.withAlpine();
        d.run("docker run -d --name capped --cap-drop ALL alpine sleep 100; docker run -d --name as-user -u 1000 alpine sleep 100");
        assertEquals("CapEff:\t0000000000000000\n", d.run("docker exec capped cat /proc/self/status | grep CapEff"));
        assertEquals("1000\n", d.run("docker exec as-user id -u"));
    }
}
