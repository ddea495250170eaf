package dev.syssim.sim.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.os.Limits;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * chroot, unshare, nsenter, ldd, busybox and cgroup runs recorded on real Debian 12 — the shared
 * oracle's {@code chroot/cases.jsonl} (45 cases) and this project's
 * {@code isolation/cases.jsonl} — replayed on a fresh simulated laptop with the same roots
 * ({@code isolation/roots.sh}, run by the simulated shell): the same stdout, stderr and status.
 *
 * <p>What is masked, each as the record says or as explained here: the host's hostname and
 * process list (replaced by a description in the record: the test checks the description's
 * facts); the host pid of {@code unshare --pid sh -c 'echo $$'}; strace's environment pointer
 * (ASLR: the record's two runs differ). The two strace runs of chroot were recorded with the root
 * at a 32-character temporary directory the recorder then renamed to {@code /srv/}: strace had
 * cut the long argument to 32 characters ({@code "/srv/"...}) and padded the long chroot line with
 * one space; the replay does the same, with a root at a 32-character path renamed the same way.
 */
class ChrootOracleTest {

    /** The recorder's temporary directory stood where "/srv/" stands in the strace cases: 32 characters. */
    private static final String LONG_DIR = "/var/tmp/syssim-oracle-recorder/";
    /** isolation/record.py's environment (the shared cases give theirs). */
    private static final Map<String, String> RECORDER_ENV = Map.of("HOME", "/root",
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM", "dumb");

    @TestFactory
    Stream<DynamicTest> sharedChrootCasesAgreeWithRealLinux() {
        List<JsonObject> cases = Oracle.cases("chroot/cases.jsonl");
        assertEquals(45, cases.size(), "the shared oracle's chroot cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> replay(c)));
    }

    @TestFactory
    Stream<DynamicTest> recordedIsolationCasesAgreeWithRealLinux() {
        List<JsonObject> cases = Oracle.cases("isolation/cases.jsonl");
        assertFalse(cases.isEmpty());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> replay(c)));
    }

    private static void replay(JsonObject c) throws IOException {
        World world = new World(42, RunLimits.DEFAULT);
        // the recording machine's pid_max was Debian's systemd default, 4194304: ps's PID column is 7 wide
        Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860, new Limits(512, 4_194_304));
        String id = c.get("id").getAsString();
        boolean longRoot = id.startsWith("strace_chroot_");
        String roots = Files.readString(Oracle.file("isolation/roots.sh"), StandardCharsets.UTF_8);
        if (longRoot) roots = roots.replace("/srv/bbroot", LONG_DIR + "bbroot").replace("B=/srv/bbroot", "B=" + LONG_DIR + "bbroot");
        Map<String, String> env = new LinkedHashMap<>();
        if (!c.has("env")) env.putAll(RECORDER_ENV);
        if (c.has("env")) c.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        Map<String, String> rootEnv = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
        CommandRun.Result built = run(world, laptop, List.of("/bin/sh", "-s"), rootEnv, roots.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, built.status(), "roots.sh: " + built.stderrText());
        if (longRoot) run(world, laptop, List.of("/bin/mkdir", "-p", LONG_DIR), rootEnv, null);
        if (id.startsWith("strace_host_")) run(world, laptop, List.of("/bin/sh", "-c", "echo vm > /etc/hostname"), rootEnv, null);
        if (c.has("setup")) for (JsonElement line : c.getAsJsonArray("setup")) run(world, laptop, List.of("/bin/sh", "-c", v2(line.getAsString())), env, null);
        List<String> argv = new ArrayList<>();
        if (c.has("argv") && !c.has("setup") && !c.get("id").getAsString().startsWith("cgroup")) {
            for (JsonElement e : c.getAsJsonArray("argv")) argv.add(longRoot ? e.getAsString().replace("/srv/bbroot", LONG_DIR + "bbroot") : e.getAsString());
        } else {
            argv.addAll(List.of("sh", "-c", v2(c.get("shell_line").getAsString())));
        }
        String stdinKind = c.has("stdin") ? c.get("stdin").getAsString() : "devnull";
        byte[] stdin = stdinKind.equals("text") ? c.get("stdin_text").getAsString().getBytes(StandardCharsets.UTF_8) : null;
        if (stdinKind.equals("closed")) {
            List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" <&-", "sh"));
            wrapped.addAll(argv);
            argv = wrapped;
        }
        CommandRun.Result got = run(world, laptop, argv, env, stdin);
        assertTrue(got.finished(), "did not finish");
        String stdout = got.stdoutText();
        String stderr = got.stderrText();
        if (longRoot) {
            stdout = stdout.replace(LONG_DIR, "/srv/");
            stderr = stderr.replace(LONG_DIR, "/srv/").replaceAll("0x7ff[0-9a-f]+ /\\*", "0x7ff /*");
        }
        String wantOut = c.get("stdout").getAsString();
        String wantErr = c.get("stderr").getAsString().replaceAll("0x7ff[0-9a-f]+ /\\*", "0x7ff /*");
        if (wantOut.equals("<the host's hostname>\n")) {
            assertEquals("laptop\n", stdout, "the host's hostname");
        } else if (wantOut.startsWith("<the host's full process list")) {
            assertTrue(stdout.startsWith("    PID TTY          TIME CMD\n      1 ?        00:00:00 init\n"), "host list with init as PID 1:\n" + stdout);
            assertTrue(stdout.lines().count() > 3, "the host's processes, not only the new namespace's:\n" + stdout);
        } else if (id.equals("unshare_pid_no_fork_echo_pid")) {
            assertTrue(stdout.matches("[0-9]+\n") && !stdout.equals("1\n"), "the shell keeps its host pid: " + stdout);
        } else {
            assertEquals(wantOut, stdout, "stdout");
        }
        assertEquals(wantErr, stderr, "stderr");
        assertEquals(c.get("rc").getAsInt(), got.status(), "exit status");
    }

    /**
     * The recording machine mounted the pids and memory controllers as cgroup v1 hierarchies; the
     * simulated Debian 12 has the unified v2 one: the same group is /sys/fs/cgroup/rec, pids.max
     * keeps its name, v1's memory.limit_in_bytes is v2's memory.max (memory.swappiness has no v2
     * file: the simulated machines have no swap).
     */
    static String v2(String line) {
        return line.replace("/sys/fs/cgroup/pids/rec", "/sys/fs/cgroup/rec").replace("/sys/fs/cgroup/memory/rec", "/sys/fs/cgroup/rec")
                .replace("memory.limit_in_bytes", "memory.max").replace("echo 0 > /sys/fs/cgroup/rec/memory.swappiness", "true");
    }

    private static CommandRun.Result run(World world, Machine m, List<String> argv, Map<String, String> env, byte[] stdin) {
        return CommandRun.run(world, m, new CommandRun.Command(argv, "root", "/root", env, stdin), 50_000_000);
    }
}
