package dev.syssim.sim.oracle;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case recorded by a project recorder ({@code testdata/oracle/tools/record.py} and its kind):
 * a script or argument vector run as student in a fresh scratch directory with a fixed
 * environment, and the bytes and status the real tools gave. {@link #replay} runs the same on a
 * fresh simulated laptop; {@link #difference} says how the two differ, or null.
 */
public record RecordedRun(String id, List<String> argv, Map<String, String> env, byte[] stdin,
                          byte[] stdout, byte[] stderr, int rc, String scratch) {

    /** The environment every recorder uses (a case's "env" adds to it). */
    public static Map<String, String> environment(String scratch) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/home/student");
        env.put("LANG", "C.UTF-8");
        env.put("LOGNAME", "student");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games");
        env.put("PWD", scratch);
        env.put("SHELL", "/bin/bash");
        env.put("TERM", "dumb");
        env.put("USER", "student");
        return env;
    }

    public static RecordedRun of(JsonObject c, String scratch) {
        List<String> argv = new ArrayList<>();
        if (c.has("argv")) {
            for (JsonElement e : c.getAsJsonArray("argv")) argv.add(e.getAsString());
        } else {
            argv.addAll(List.of("bash", "--norc", "--noprofile", "-c", c.get("script").getAsString()));
        }
        Map<String, String> env = environment(scratch);
        if (c.has("env")) c.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        return new RecordedRun(c.get("id").getAsString(), argv, env, bytes(c, "stdin"), bytes(c, "stdout"), bytes(c, "stderr"),
                c.get("rc").getAsInt(), scratch);
    }

    private static byte[] bytes(JsonObject c, String key) {
        if (c.has(key + "_b64")) return Base64.getDecoder().decode(c.get(key + "_b64").getAsString());
        if (c.has(key)) return c.get(key).getAsString().getBytes(StandardCharsets.UTF_8);
        return key.equals("stdin") ? null : new byte[0];
    }

    /** Runs the case on a fresh laptop, in a fresh scratch directory owned by student. */
    public CommandRun.Result replay() {
        Terminal.Fixture f = Terminal.laptop();
        Map<String, String> rootEnv = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("mkdir", "-p", scratch), "root", "/", rootEnv, null), 100_000);
        CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("chown", "student:student", scratch), "root", "/", rootEnv, null), 100_000);
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(argv, "student", scratch, env, stdin), 20_000_000);
    }

    /** Null when the simulation did what the real tools did; else the first difference, readably. */
    public String difference(CommandRun.Result got) {
        if (!got.finished()) return "did not finish within the step budget";
        if (!java.util.Arrays.equals(stdout, got.stdout())) return "stdout: expected " + show(stdout) + " but was " + show(got.stdout());
        if (!java.util.Arrays.equals(stderr, got.stderr())) return "stderr: expected " + show(stderr) + " but was " + show(got.stderr());
        if (rc != got.status()) return "status: expected " + rc + " but was " + got.status();
        return null;
    }

    private static String show(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.length() > 400) s = s.substring(0, 400) + "…";
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
