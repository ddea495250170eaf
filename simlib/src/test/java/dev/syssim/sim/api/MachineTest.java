package dev.syssim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineTest {

    private final World world = World.create();
    private final Machine laptop = world.machine("laptop");

    @Test
    void runGivesTheStatusAndStdoutAndStderrSeparately() {
        CommandResult r = laptop.run("student", "echo out; echo err >&2; exit 3");
        assertEquals(3, r.status());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.ok());
    }

    @Test
    void outputIsKeptAsTheBytesWrittenAndDecodedAsUtf8() {
        CommandResult r = laptop.run("student", "head -c 64 /dev/urandom");
        assertEquals(64, r.stdoutBytes().length);
        assertEquals(new String(r.stdoutBytes(), StandardCharsets.UTF_8), r.stdout());
    }

    @Test
    void stdoutIsACharacterDeviceOnlyOnATerminal() {
        CommandResult r = laptop.run(Command.of("stat -L -c %F /dev/stdout; echo oops >&2").as("student").onTerminal());
        assertEquals("character special file\n", r.stdout());
        assertEquals("oops\n", r.stderr(), "the terminal keeps stderr apart");
    }

    @Test
    void lsPrintsOneNamePerLineIntoAPipeAndColumnsOnATerminal() {
        String piped = laptop.run("student", "ls /").stdout();
        String onTerminal = laptop.run(Command.of("ls /").as("student").onTerminal()).stdout();
        assertTrue(piped.lines().count() > 10, piped);
        assertTrue(onTerminal.lines().count() < piped.lines().count(), onTerminal);
    }

    @Test
    void theCommandRunsAsItsUserInThatUsersHome() {
        assertEquals("student\n/home/student\n", laptop.run("student", "id -un; pwd").stdout());
        assertEquals("root\n/root\n", laptop.run("root", "id -un; pwd").stdout());
    }

    @Test
    void anUnknownUserIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> laptop.run("nobody2", "true"));
        assertEquals("no user 'nobody2' on laptop", e.getMessage());
    }

    @Test
    void stdinIsEmptyUnlessInputIsGiven() {
        assertEquals("0\n", laptop.run("student", "wc -l").stdout());
        assertEquals("2\n", laptop.run(Command.of("wc -l").as("student").withInput("a\nb\n")).stdout());
    }

    @Test
    void aDeathBySignalGivesTheShellsStatus() {
        assertEquals(128 + 9, laptop.run("student", "kill -9 $$").status());
    }

    @Test
    void theTraceIsRecordedAtTheLevelAsked() {
        CommandResult traced = laptop.run(Command.of("cat /etc/hostname").as("student").traced(TraceLevel.SYSCALLS));
        assertEquals(TraceLevel.SYSCALLS, traced.trace().level());
        assertFalse(traced.trace().find("openat(AT_FDCWD, \"/etc/hostname\"").isEmpty(), traced.trace().text());
        assertTrue(traced.trace().count(EventKind.SYSCALL_ENTER) > 0);
        assertTrue(laptop.run("student", "cat /etc/hostname").trace().isEmpty());
    }

    @Test
    void aRunLeavesTheWorldsTraceAsItFoundIt() {
        world.internal().trace().setLevel(TraceLevel.FULL);
        laptop.run(Command.of("true").traced(TraceLevel.SYSCALLS));
        assertEquals(TraceLevel.FULL, world.internal().trace().level());
        assertEquals(0, world.internal().trace().total());
    }

    @Test
    void writingPastTheOutputLimitFailsLikeAClosedPipe() {
        CommandResult r = laptop.run("student", "yes");
        assertEquals(128 + 13, r.status());
        assertTrue(r.limit().orElse("").startsWith("output limit"), r.toString());
        assertEquals(1_000_000, r.stdoutBytes().length, "the bytes within the limit are kept");
    }

    @Test
    void anInterruptStopsTheCommandWithSigint() {
        world.internal().setProgressListener(10_000, world.internal()::requestInterrupt);
        CommandResult r = laptop.run("student", "yes > /dev/null");
        world.internal().setProgressListener(0, null);
        assertTrue(r.interrupted());
        assertEquals(128 + 2, r.status());
        assertFalse(world.internal().interruptRequested(), "the interrupt is used up");
    }

    @Test
    void readFileReadsAsRootAndTakesNoSimulatedTime() {
        long before = world.time();
        assertEquals(Optional.of("laptop\n"), laptop.readFile("/etc/hostname"));
        assertTrue(laptop.readFile("/etc/shadow").isPresent(), "root reads what student may not");
        assertEquals(Optional.empty(), laptop.readFile("/no/such/file"));
        assertEquals(Optional.empty(), laptop.readFile("/etc"));
        assertEquals(before, world.time());
    }

    @Test
    void whatARunWritesIsThereToRead() {
        laptop.run("student", "echo notes > ~/notes.txt");
        assertEquals("notes\n", new String(laptop.readBytes("/home/student/notes.txt").orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(laptop.exists("/home/student/notes.txt"));
    }

    @Test
    void processesListInitFirstAndARunningBackgroundJob() {
        laptop.run("student", "sleep 1000 &");
        List<ProcessInfo> ps = laptop.processes();
        assertEquals(new ProcessInfo(1, 0, 0, "root", 'S', "/sbin/init", "?"), ps.get(0));
        assertTrue(ps.stream().anyMatch(p -> p.command().equals("sleep 1000") && p.user().equals("student") && p.ppid() == 1), ps.toString());
    }

    @Test
    void theLaptopHasOnlyLoopback() {
        List<NetInterface> interfaces = laptop.interfaces();
        assertEquals(1, interfaces.size());
        assertEquals("lo", interfaces.get(0).name());
        assertEquals(List.of("127.0.0.1/8"), interfaces.get(0).addresses());
    }

    @Test
    void aFreshFirewallHasThreeEmptyAcceptingChains() {
        Firewall firewall = laptop.firewall();
        assertEquals(List.of("INPUT", "FORWARD", "OUTPUT"), firewall.chains().stream().map(FirewallChain::name).toList());
        assertEquals("ACCEPT", firewall.chain("FORWARD").policy());
        assertTrue(firewall.chain("INPUT").rules().isEmpty());
    }
}
