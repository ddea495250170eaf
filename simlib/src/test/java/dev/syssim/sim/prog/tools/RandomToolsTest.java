package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sort -R and shuf without a random source: random, yet the same on a world with the same seed
 * (their bytes come from the simulation's seeded /dev/urandom) — which the recorded corpus cannot
 * show, since the real tools differ from run to run.
 */
class RandomToolsTest {

    private static String run(List<String> argv, String stdin) {
        Terminal.Fixture f = Terminal.laptop();
        CommandRun.Result r = CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(argv, "student", "/tmp",
                Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"), stdin.getBytes(StandardCharsets.UTF_8)), 10_000_000);
        assertTrue(r.finished());
        return r.stdoutText();
    }

    private static final String LINES = "a\nb\na\nc\nb\nd\ne\nf\ng\nh\n";

    @Test
    void sortRandomIsTheSameForTheSameSeed() {
        assertEquals(run(List.of("sort", "-R"), LINES), run(List.of("sort", "-R"), LINES));
    }

    @Test
    void sortRandomKeepsEqualKeysTogether() {
        List<String> out = Arrays.asList(run(List.of("sort", "-R"), LINES).split("\n"));
        assertEquals(out.indexOf("a") + 1, out.lastIndexOf("a"), out.toString());
        assertEquals(out.indexOf("b") + 1, out.lastIndexOf("b"), out.toString());
        assertEquals(LINES.split("\n").length, out.size());
    }

    @Test
    void sortRandomShuffles() {
        String sorted = run(List.of("sort"), LINES);
        assertNotEquals(sorted, run(List.of("sort", "-R"), LINES));
    }

    @Test
    void shufIsAPermutationThatIsTheSameForTheSameSeed() {
        String once = run(List.of("shuf", "-i", "1-50"), "");
        assertEquals(once, run(List.of("shuf", "-i", "1-50"), ""));
        String[] numbers = once.split("\n");
        Arrays.sort(numbers, (x, y) -> Integer.parseInt(x) - Integer.parseInt(y));
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 50; i++) expected.append(i).append(i < 50 ? "," : "");
        assertEquals(expected.toString(), String.join(",", numbers));
        assertNotEquals(run(List.of("seq", "50"), ""), once);
    }
}
