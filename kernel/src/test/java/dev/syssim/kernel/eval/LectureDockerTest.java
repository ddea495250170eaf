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
 * The lecture's Docker cells (the end of section 3: a Dockerfile built and run, the trace of
 * {@code docker run}, the docker-group lesson, the published-port surprise and its DOCKER-USER fix)
 * run on the interpreter, every cell without an error, and show what the lecture's text promises.
 * They start their own scenarios, so they run without the cells before them.
 */
class LectureDockerTest {

    private static final Path LECTURE = Path.of("..", "notebooks", "lecture", "lecture.ipynb");
    static final String SUBSECTION = "### Docker: the pieces together";

    static final List<String> SHOWS = List.of(
            "Step 2/3 : RUN echo 'hello from a container' > /greeting",
            "Successfully tagged hello:latest",
            "hello from a container\n",
            "PID   USER     COMMAND\n    1 root     ps\n",
            "hello        latest",
            "connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/docker.sock\"}, 23)",
            "mount(\"overlay\", \"/var/lib/docker/overlay2/",
            "mkdir(\"/sys/fs/cgroup/system.slice/docker-",
            "clone(child_stack=NULL, flags=CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET|",
            "nlmsg_type=RTM_NEWLINK",
            "chroot(\"/var/lib/docker/overlay2/",
            "execve(\"/bin/true\", [\"true\"]",
            "srw-rw---- 1 root docker 0",
            "cat: /etc/shadow: Permission denied\nstatus 1",
            "\nroot:$6$",
            "print server: status 28",
            "<title>Welcome to nginx!</title>",
            "DNAT       6    --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80",
            "Chain INPUT (policy DROP",
            "    1    60 ACCEPT     6    --  !docker0 docker0  0.0.0.0/0            172.17.0.2           tcp dpt:80",
            "DOCKER-USER  0    --  0.0.0.0/0            0.0.0.0/0",
            "web: status 28",
            "Darwin 22.6.0\nLinux 5.15.49-linuxkit\n",
            " Operating System: Docker Desktop\n");

    @Test
    void theDockerCellsRunAndShowTheirStories() throws Exception {
        JsonArray cells = JsonParser.parseString(Files.readString(LECTURE)).getAsJsonObject().getAsJsonArray("cells");
        List<String> code = new ArrayList<>();
        boolean inSubsection = false;
        for (JsonElement e : cells) {
            JsonObject cell = e.getAsJsonObject();
            String source = String.join("", cell.getAsJsonArray("source").asList().stream().map(JsonElement::getAsString).toList());
            if (cell.get("cell_type").getAsString().equals("markdown") && source.startsWith(SUBSECTION)) inSubsection = true;
            if (cell.get("cell_type").getAsString().equals("code") && inSubsection) code.add(source);
        }
        assertTrue(code.size() >= 6, "the subsection has its cells: " + code.size());
        SimInterpreter interpreter = new SimInterpreter();
        StringBuilder everything = new StringBuilder();
        for (String source : code) {
            LectureContainersTest.Interleaved io = new LectureContainersTest.Interleaved(everything);
            ExecuteOutcome outcome = interpreter.execute(source, io);
            assertTrue(outcome.ok(), () -> "cell failed: " + source + "\n" + outcome + "\n" + everything);
        }
        List<String> missing = SHOWS.stream().filter(s -> !everything.toString().contains(s)).toList();
        assertTrue(missing.isEmpty(), "the lecture no longer shows: " + missing + "\n\n" + everything);
    }
}
