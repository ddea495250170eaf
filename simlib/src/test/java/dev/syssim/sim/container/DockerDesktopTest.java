package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Scenario;
import dev.syssim.sim.world.Scenarios;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code %scenario mac} and {@code windows}: Docker Desktop's engine is in a Linux VM; the host has
 * only the client, whose socket leads into it. Each test names the rule it checks.
 */
class DockerDesktopTest {

    private static World mac;
    private static Session macSession;
    private static Terminal macTerminal;

    @BeforeAll
    static void bootTheMac() {
        Scenario s = Scenarios.named("mac").orElseThrow();
        mac = s.build(42, RunLimits.DEFAULT);
        macTerminal = new Terminal();
        macSession = new Session(mac, macTerminal);
        macSession.switchTo(mac.machine(s.startMachine()), s.startUser());
    }

    private static String onMac(String command) {
        macTerminal.both.setLength(0);
        macSession.run(command);
        return macTerminal.both.toString();
    }

    @Test
    void theMacHostsUnameIsDarwinsBsdLine() {
        assertEquals("Darwin mac 22.6.0 Darwin Kernel Version 22.6.0: Wed Jul  5 22:21:56 PDT 2023; root:xnu-8796.141.3~6/RELEASE_X86_64 x86_64\n",
                onMac("uname -a"));
        assertEquals("Darwin\n", onMac("uname"));
    }

    @Test
    void aContainerOnTheMacRunsOnTheVmsLinuxkitKernelNotOnDarwin() {
        String out = onMac("docker run --rm alpine uname -a 2>/dev/null");
        assertTrue(out.matches("Linux [0-9a-f]{12} 5\\.15\\.49-linuxkit #1 SMP Tue Sep 13 07:51:46 UTC 2022 x86_64 (GNU/)?Linux\n"), out);
    }

    @Test
    void theHostHasNoDockerdTheVmDoes() {
        assertEquals("", onMac("ps -e -o comm= | grep -x -e dockerd -e containerd"));
        Engine host = mac.machine("mac").kernel().room(Engine.class);
        assertTrue(host == null || !host.dockerdRunning(), "no engine runs on the Mac itself");
        assertTrue(Engine.of(mac.machine("docker-desktop").kernel()).dockerdRunning());
        assertEquals("srwxr-xr-x student\n", onMac("stat -L -c '%A %U' /var/run/docker.sock"));
    }

    @Test
    void dockerInfoOnTheMacDescribesDockerDesktopsVm() {
        String out = onMac("docker info; echo status $?");
        for (String line : List.of(" Operating System: Docker Desktop\n", " Kernel Version: 5.15.49-linuxkit\n", " OSType: linux\n",
                " Architecture: x86_64\n", " CPUs: 2\n", " Name: docker-desktop\n", " Server Version: 20.10.24+dfsg1\n")) {
            assertTrue(out.contains(line), line + " in:\n" + out);
        }
        assertTrue(out.startsWith("Client:\n Context:    default\n Debug Mode: false\n\nServer:\n Containers: 0\n"), out);
        assertTrue(out.endsWith("status 0\n"), out);
    }

    @Test
    void theContainersStatusComesBackOverTheHop() {
        assertEquals("3\n", onMac("docker run --rm alpine sh -c 'echo out; echo err >&2; exit 3' >/dev/null 2>&1; echo $?"));
        assertEquals("out\nerr\n", onMac("docker run --rm alpine sh -c 'echo out; echo err >&2' 2>&1"));
    }

    @Test
    void theTraceOfDockerRunOnTheMacShowsTheHopIntoTheVm() {
        onMac("docker pull alpine >/dev/null");
        mac.trace().clear();
        mac.trace().setLevel(TraceLevel.INTERRUPTS);
        onMac("docker run --rm alpine true");
        mac.trace().setLevel(TraceLevel.OFF);
        List<TraceEvent> events = mac.trace().snapshot().keptEvents();
        TraceEvent hop = events.stream().filter(e -> e.label().startsWith("docker.sock → Docker Desktop's VM docker-desktop")).findFirst()
                .orElseThrow(() -> new AssertionError("no hop in the trace"));
        assertEquals("mac", hop.lane().machine());
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.VM_EXIT && e.seq() > hop.seq() && e.lane().type() == LaneType.HYPERVISOR
                && e.lane().machine().equals("mac") && e.lane().name().startsWith("docker-desktop vCPU")), "VM exits on the vCPU lanes after the hop");
        assertTrue(events.stream().anyMatch(e -> e.seq() > hop.seq() && e.lane().machine().equals("docker-desktop")
                && e.label().contains("runc")), "runc at work in the VM");
    }

    @Test
    void theHostClientSleepsOnceWhileTheVmWorks() {
        onMac("docker pull alpine >/dev/null");
        mac.trace().clear();
        mac.trace().setLevel(TraceLevel.FULL);
        onMac("docker run --rm alpine sleep 1");
        mac.trace().setLevel(TraceLevel.OFF);
        List<TraceEvent> events = mac.trace().snapshot().keptEvents();
        TraceEvent hop = events.stream().filter(e -> e.label().startsWith("docker.sock → Docker Desktop's VM")).findFirst().orElseThrow();
        assertEquals(1, events.stream().filter(e -> e.seq() > hop.seq() && e.lane().equals(hop.lane()) && e.kind() == EventKind.BLOCK).count());
    }

    @Test
    void withoutTheVmsEngineTheClientCannotConnect() {
        World w = Scenarios.named("mac").orElseThrow().build(7, RunLimits.DEFAULT);
        Terminal t = new Terminal();
        Session s = new Session(w, t);
        var r = dev.syssim.sim.world.Virtualization.runInGuest(w, w.machine("docker-desktop"), "ps -e -o pid=,comm= | grep dockerd; pkill -9 -x dockerd; sleep 1", 5_000_000);
        assertFalse(Engine.of(w.machine("docker-desktop").kernel()).dockerdRunning(), r.stdoutText() + r.stderrText());
        s.switchTo(w.machine("mac"), "student");
        t.both.setLength(0);
        s.run("docker ps; echo $?");
        assertEquals("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n1\n", t.both.toString());
    }

    @Test
    void dockerInfoOnTheLinuxLaptopShowsDebiansValues() {
        Scenario s = Scenarios.named("docker").orElseThrow();
        World w = s.build(42, RunLimits.DEFAULT);
        Terminal t = new Terminal();
        Session session = new Session(w, t);
        session.switchTo(w.machine(s.startMachine()), s.startUser());
        session.run("docker info");
        String out = t.both.toString();
        for (String line : List.of(" Operating System: Debian GNU/Linux 12 (bookworm)\n", " Kernel Version: 6.1.0-27-amd64\n", " OSType: linux\n",
                " Architecture: x86_64\n", " CPUs: 2\n", " Total Memory: 3.842GiB\n", " Name: laptop\n")) {
            assertTrue(out.contains(line), line + " in:\n" + out);
        }
        assertFalse(out.contains("Docker Desktop"));
    }

    @Test
    void windowsRunsItsEngineInWsl2sKernelUnderGitBash() {
        Scenario s = Scenarios.named("windows").orElseThrow();
        World w = s.build(42, RunLimits.DEFAULT);
        Terminal t = new Terminal();
        Session session = new Session(w, t);
        session.switchTo(w.machine(s.startMachine()), s.startUser());
        session.run("uname -s; docker run --rm alpine uname -r 2>/dev/null; docker info | grep -e 'Operating System' -e 'Kernel Version'");
        assertEquals("MINGW64_NT-10.0-19045\n5.15.90.1-microsoft-standard-WSL2\n Kernel Version: 5.15.90.1-microsoft-standard-WSL2\n Operating System: Docker Desktop\n",
                t.both.toString());
    }

    @Test
    void dockerInfoOutsideTheDockerGroupPrintsTheClientPartAndTheServersErrorWithStatus1() {
        Docked d = new Docked("student", false);
        assertEquals("Client:\n Context:    default\n Debug Mode: false\n\nServer:\n", d.run("docker info 2>/dev/null"));
        assertEquals("ERROR: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "
                + "\"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/info\": dial unix /var/run/docker.sock: connect: permission denied\n"
                + "errors pretty printing info\n1\n", d.run("docker info 2>&1 >/dev/null; echo $?"));
    }

    @Test
    void dockerInfoCountsTheEnginesContainersAndImages() {
        Docked d = new Docked();
        d.run("docker run -d --name web nginx >/dev/null 2>&1; docker run --name done alpine true >/dev/null 2>&1");
        String out = d.run("docker info");
        assertTrue(out.contains(" Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n Images: 2\n"), out);
        assertTrue(out.matches("(?s).*\n ID: [A-Z2-7]{4}(:[A-Z2-7]{4}){11}\n.*"), "20.10's ID shape: " + out);
    }

    @Test
    void withDashIThePipedInputGoesIntoTheVmsContainer() {
        String loop = " alpine sh -c 'while read l; do echo \"<$l>\"; done; echo end'";
        assertEquals("<a>\n<b>\nend\n", onMac("printf 'a\\nb\\n' | docker run -i --rm" + loop));
        assertEquals("<a>\nend\n", onMac("echo a | docker run --name piped -it --rm" + loop));
        assertEquals("end\n", onMac("printf 'a\\nb\\n' | docker run --rm" + loop));
    }
}
