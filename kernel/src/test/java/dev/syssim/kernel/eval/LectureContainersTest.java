package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lecture's section 3 (chroot and the first half of containers) runs on the interpreter after
 * the notebook's setup cells, every cell without an error, and tells its stories: what each cell
 * must show is listed here as the lecture promises it.
 */
class LectureContainersTest {

    private static final Path LECTURE = Path.of("..", "notebooks", "lecture", "lecture.ipynb");
    private static final String SECTION = "## 3 · Containers, and how they work";

    static final List<String> SHOWS = List.of(
            "I: Retrieving InRelease",
            "I: Base system installed successfully.",
            "/usr/sbin/chroot: cannot change root directory to '/srv/debian': Operation not permitted\nstatus 125",
            "12.15\nbin   dev  home",
            "chroot: failed to run command '/bin/bash': No such file or directory\nstatus 127",
            "execve(\"/bin/bash\", [\"/bin/bash\"",
            "/bin/bash: error while loading shared libraries: libtinfo.so.6: cannot open shared object file: No such file or directory\nstatus 127",
            "hi from bash in /srv/noloader",
            "version `GLIBC_2.38' not found (required by /home/student/hello)\nstatus 1",
            "Hello, world!\n13.8",
            "\tnot a dynamic executable",
            "    1 0        /sbin/init",
            "laptop\n",
            "  PID TTY          TIME CMD\n    1 pts/0    00:00:00 ps\n",
            "I am 1",
            "container\n",
            "unshare: unshare failed: Operation not permitted",
            "lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN",
            "2 packets transmitted, 2 received, 0% packet loss",
            "2 packets transmitted, 0 received, 100% packet loss",
            "bash: fork: retry: Resource temporarily unavailable",
            "the host still forks: fine",
            "Killed\nstatus 137",
            "Memory cgroup out of memory: Killed process",
            "cpu.max: /slow used its 10 ms of every 100 ms",
            "cat: /dev/sda: Operation not permitted",
            "device cgroup: open of b 8:0 by cat[",
            "/dev/null is allowed",
            "mknod: /tmp/sda: Operation not permitted\nmknod status 1",
            "NAME=Chrome OS",
            "Entering /usr/local/chroots/bookworm...\n12.15\nstudent");

    @Test
    void theContainersSectionRunsAndTellsItsStories() throws Exception {
        JsonArray cells = JsonParser.parseString(Files.readString(LECTURE)).getAsJsonObject().getAsJsonArray("cells");
        List<String> code = new ArrayList<>();
        boolean inSection = false;
        int index = 0;
        for (JsonElement e : cells) {
            JsonObject cell = e.getAsJsonObject();
            String source = String.join("", cell.getAsJsonArray("source").asList().stream().map(JsonElement::getAsString).toList());
            if (cell.get("cell_type").getAsString().equals("markdown") && source.startsWith(SECTION)) inSection = true;
            // the Docker cells start their own scenarios: LectureDockerTest runs them
            if (cell.get("cell_type").getAsString().equals("markdown") && source.startsWith(LectureDockerTest.SUBSECTION)) break;
            // the setup cells (scenario, sudo) and then the section
            if (cell.get("cell_type").getAsString().equals("code") && (index < 4 || inSection)) code.add(source);
            index++;
        }
        assertTrue(code.size() > 20, "the section has its cells: " + code.size());
        SimInterpreter interpreter = new SimInterpreter();
        StringBuilder everything = new StringBuilder();
        for (String source : code) {
            Interleaved io = new Interleaved(everything);
            ExecuteOutcome outcome = interpreter.execute(source, io);
            assertTrue(outcome.ok(), () -> "cell failed: " + source + "\n" + outcome + "\n" + everything);
        }
        List<String> missing = SHOWS.stream().filter(s -> !everything.toString().contains(s)).toList();
        assertTrue(missing.isEmpty(), "the lecture no longer shows: " + missing + "\n\n" + everything);
    }

    /** Standard output and error in the order the cell wrote them, as a notebook shows them; displays as their text. */
    record Interleaved(StringBuilder into) implements CellIO {
        @Override
        public void stream(String name, String text) {
            into.append(text);
        }

        @Override
        public void display(java.util.Map<String, Object> data, java.util.Map<String, Object> metadata, String displayId, boolean update) {
            into.append(data.getOrDefault("text/plain", "")).append('\n');
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public java.util.Optional<String> input(String prompt, boolean password) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean stdinAllowed() {
            return false;
        }
    }
}
