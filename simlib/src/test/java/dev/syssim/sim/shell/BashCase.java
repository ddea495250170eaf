package dev.syssim.sim.shell;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One case of the bash differential corpus ({@code testdata/oracle/bash/cases.jsonl}): a snippet,
 * how the shell was started on it, and what real bash (or dash) printed and returned. The
 * recorder, {@code testdata/oracle/bash/record.py}, defines the modes:
 * <ul>
 * <li>{@code c}: {@code bash --norc --noprofile -c SCRIPT};
 * <li>{@code file}: the script saved as {@code t.sh} in the scratch directory, {@code bash --norc --noprofile t.sh};
 * <li>{@code stdin}: {@code bash --norc --noprofile} with the script on its stdin;
 * <li>{@code sh}: Debian's dash, {@code sh -c SCRIPT}.
 * </ul>
 */
record BashCase(String id, String mode, String script, byte[] stdin, byte[] stdout, byte[] stderr, int rc, String note) {

    static BashCase from(JsonObject json) {
        String mode = json.get("mode").getAsString();
        if (!List.of("c", "file", "stdin", "sh").contains(mode)) {
            throw new IllegalArgumentException(json.get("id") + ": unknown mode " + mode);
        }
        if (!json.has("rc")) throw new IllegalArgumentException(json.get("id") + ": not recorded yet (run record.py)");
        return new BashCase(json.get("id").getAsString(), mode, json.get("script").getAsString(),
                json.has("stdin") ? utf8(json.get("stdin").getAsString()) : null,
                output(json, "stdout"), output(json, "stderr"), json.get("rc").getAsInt(),
                json.has("note") ? json.get("note").getAsString() : null);
    }

    /** Text when the real output was UTF-8, else {@code NAME_base64}. */
    private static byte[] output(JsonObject json, String name) {
        if (json.has(name + "_base64")) return Base64.getDecoder().decode(json.get(name + "_base64").getAsString());
        return json.has(name) ? utf8(json.get(name).getAsString()) : new byte[0];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The program the recorder ran: bash, or dash by its Debian name {@code sh}. */
    String executable() {
        return mode.equals("sh") ? "/usr/bin/sh" : "/usr/bin/bash";
    }

    /** The command line, argv[0] first, exactly as the recorder passed it. */
    List<String> argv() {
        return switch (mode) {
            case "c" -> List.of("bash", "--norc", "--noprofile", "-c", script);
            case "file" -> List.of("bash", "--norc", "--noprofile", "t.sh");
            case "stdin" -> List.of("bash", "--norc", "--noprofile");
            default -> List.of("sh", "-c", script);
        };
    }

    /** Files the scratch directory holds before the shell starts: {@code t.sh} in mode {@code file}. */
    Map<String, byte[]> scratchFiles() {
        return mode.equals("file") ? Map.of("t.sh", utf8(script)) : Map.of();
    }

    /** What the shell reads on stdin: the script in mode {@code stdin}, the case's stdin, or null for /dev/null. */
    byte[] standardInput() {
        return mode.equals("stdin") ? utf8(script) : stdin;
    }
}
