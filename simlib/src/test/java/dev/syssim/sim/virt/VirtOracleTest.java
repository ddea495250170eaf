package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import dev.syssim.sim.oracle.RecordedRun;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * qemu-img, qemu-system-x86_64 and virsh against the real tools on Debian 12 with KVM, case by case
 * (testdata/oracle/virt): each case runs on a fresh simulated laptop with the virtualization
 * packages, as the recorder ran it, and must give the recorded stdout, stderr and exit status.
 */
class VirtOracleTest {

    @TestFactory
    Stream<DynamicTest> qemuAndQemuImgAgreeWithTheRealTools() {
        List<JsonObject> cases = Oracle.cases("virt/qemu.jsonl");
        return cases.stream().map(c -> {
            RecordedRun run = RecordedRun.of(c, "/tmp/toolcase");
            return DynamicTest.dynamicTest(run.id(), () -> check(run, replay(run, "student")));
        });
    }

    @TestFactory
    Stream<DynamicTest> virshAndLibvirtdAgreeWithTheRealTools() {
        List<JsonObject> cases = Oracle.cases("virt/libvirt.jsonl");
        return cases.stream().map(c -> {
            RecordedRun recorded = RecordedRun.of(c, "/tmp/virtcase");
            Map<String, String> env = new LinkedHashMap<>(recorded.env());
            env.put("HOME", "/root");
            env.put("LOGNAME", "root");
            env.put("USER", "root");
            env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            RecordedRun run = new RecordedRun(recorded.id(), recorded.argv(), env, recorded.stdin(), recorded.stdout(),
                    recorded.stderr(), recorded.rc(), recorded.scratch());
            return DynamicTest.dynamicTest(run.id(), () -> check(run, replay(run, "root")));
        });
    }

    private static void check(RecordedRun run, CommandRun.Result got) {
        String difference = run.difference(got);
        if (difference != null) fail(run.id() + ": " + difference);
    }

    /** The case on a fresh laptop with the packages installed, in a fresh scratch directory owned by {@code user}. */
    static CommandRun.Result replay(RecordedRun run, String user) {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        Map<String, String> rootEnv = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        String scratch = run.scratch();
        CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("mkdir", "-p", scratch), "root", "/", rootEnv, null), 100_000);
        CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("chown", user + ":" + user, scratch), "root", "/", rootEnv, null), 100_000);
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(run.argv(), user, scratch, run.env(), run.stdin()), 50_000_000);
    }
}
