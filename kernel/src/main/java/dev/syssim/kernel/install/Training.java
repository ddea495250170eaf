package dev.syssim.kernel.install;

import dev.syssim.kernel.eval.Language;
import dev.syssim.kernel.protocol.Kernel;
import dev.syssim.kernel.protocol.Rehearsal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run behind the class-data archive: the kernel starts as a Jupyter client would
 * start it (from a connection file) and a rehearsed session runs a few typical cells, so the
 * archive holds the classes of a start-up and of a lecture's first cells. A traced cell is left
 * out on purpose: its Java2D and image classes would grow the archive from 7 to 11.5 MB, which
 * measured 10 ms slower and 5 MB bigger at every start, for the sake of the first trace only.
 */
public final class Training {

    static final List<String> CELLS = List.of(
            "echo hello, world",
            "echo error >&2",
            "echo 'unterminated",
            "ls /");

    /**
     * The Java kernelspec's rehearsal: Java cells of every kind (declarations, output, a value, the
     * bound shell, a display, a compile error, an exception) and the shell cells, so its archive
     * holds JShell's and javac's classes too. Only that kernelspec pays for them at start-up.
     */
    static final List<String> JAVA_CELLS = List.of(
            "int x = 6 * 7;\nSystem.out.println(\"x is \" + x);\nx + 1",
            "sh.run(\"echo hi; ls /nope\")",
            "display(\"<b>bold</b>\", \"text/html\");",
            "String greet(String who) { return \"hello, \" + who; }\ngreet(\"world\")",
            "int y = \"a\";",
            "Integer.parseInt(\"x\")",
            "%%sh\necho hello, world\necho error >&2",
            "%%sh\nls /");

    // Port 0: the kernel binds free ports, and the rehearsal reads them back from the kernel.
    private static final String CONNECTION = """
            {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 0, "control_port": 0, "stdin_port": 0,
             "iopub_port": 0, "hb_port": 0, "signature_scheme": "hmac-sha256", "key": "%s"}
            """;

    private Training() {
    }

    /** How the kernel is started on a connection file, as a Jupyter client's launch starts it. */
    @FunctionalInterface
    public interface Launch {
        Kernel start(Path connectionFile, Language language) throws IOException;
    }

    /** Runs the rehearsal of the kernel whose cells are {@code language}, started by {@code launch}. */
    public static void run(Language language, Launch launch) throws IOException, InterruptedException {
        Path file = Files.createTempFile("syssim-training-", ".json");
        try {
            Files.writeString(file, CONNECTION.formatted(Rehearsal.KEY), StandardCharsets.UTF_8);
            Kernel kernel = launch.start(file, language);
            Rehearsal.run(kernel, language == Language.JAVA ? JAVA_CELLS : CELLS);
            kernel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
