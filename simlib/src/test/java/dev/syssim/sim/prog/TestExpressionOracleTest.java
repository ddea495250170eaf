package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.syssim.sim.oracle.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code testdata/oracle/test/cases.jsonl}: test and [ of bash 5.2, dash 0.5.12 and
 * coreutils 9.1, run on this machine in a directory of every kind of file, whose stat, lstat and
 * access results {@code fixture.json} records. The engine gets those results only for the
 * queries it listed before evaluating, and must give the same messages and status.
 */
class TestExpressionOracleTest {

    private static final int STUDENT = 1000;

    @TestFactory
    Stream<DynamicTest> everyRecordedTestAgreesWithTheRealTool() throws IOException {
        JsonObject fixture = JsonParser.parseString(
                Files.readString(Oracle.file("test/fixture.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        return Oracle.cases("test/cases.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> replay(c, fixture)));
    }

    private static void replay(JsonObject c, JsonObject fixture) {
        TestExpression.Dialect dialect = TestExpression.Dialect.valueOf(
                c.get("dialect").getAsString().toUpperCase(java.util.Locale.ROOT));
        boolean bracket = c.get("bracket").getAsBoolean();
        List<String> args = new ArrayList<>();
        c.getAsJsonArray("args").forEach(e -> args.add(e.getAsString()));
        List<String> words = new ArrayList<>(args);
        if (bracket) words.add("]");
        TestExpression t = TestExpression.parse(dialect, words, bracket);
        Set<TestExpression.Query> asked = Set.copyOf(t.queries());
        TestExpression.Result r = t.evaluate(new FixtureAnswers(fixture, asked, words.size()));
        String name = bracket ? "[" : "test";
        String prefix = switch (dialect) {
            case BASH -> "bash: line 1: " + name + ": ";
            case DASH -> "sh: 1: " + name + ": ";
            case COREUTILS -> name + ": ";
        };
        StringBuilder err = new StringBuilder();
        r.messages().forEach(m -> err.append(prefix).append(m).append('\n'));
        String id = c.get("id").getAsString() + " " + words;
        assertEquals(c.get("stderr").getAsString(), err.toString(), id + ": stderr");
        assertEquals(c.get("rc").getAsInt(), r.status(), id + ": status");
    }

    /** The recorded file system as student saw it; refuses any question the parse did not list. */
    private record FixtureAnswers(JsonObject fixture, Set<TestExpression.Query> asked, int positional)
            implements TestExpression.Answers {

        private TestExpression.FileStatus status(String path, String which) {
            JsonElement e = fixture.get(path);
            if (e == null || e.getAsJsonObject().get(which).isJsonNull()) return null;
            JsonObject s = e.getAsJsonObject().getAsJsonObject(which);
            return new TestExpression.FileStatus(TestExpression.FileType.valueOf(s.get("type").getAsString()),
                    s.get("mode").getAsInt(), s.get("own").getAsBoolean() ? STUDENT : 0,
                    s.get("group").getAsBoolean() ? STUDENT : 0, s.get("size").getAsLong(), 0, s.get("id").getAsLong(),
                    s.has("atime") ? s.get("atime").getAsLong() : 0, s.has("mtime") ? s.get("mtime").getAsLong() : 0);
        }

        public TestExpression.FileStatus stat(String path) {
            assertTrue(asked.contains(new TestExpression.Query.Stat(path)), "stat " + path + " not listed");
            return status(path, "stat");
        }

        public TestExpression.FileStatus lstat(String path) {
            assertTrue(asked.contains(new TestExpression.Query.Lstat(path)), "lstat " + path + " not listed");
            return status(path, "lstat");
        }

        public boolean access(String path, int mode) {
            assertTrue(asked.contains(new TestExpression.Query.Access(path, mode)), "access " + path + " not listed");
            JsonElement e = fixture.get(path);
            if (e == null) return false;
            String key = mode == TestExpression.R_OK ? "r" : mode == TestExpression.W_OK ? "w" : "x";
            return e.getAsJsonObject().getAsJsonObject("access").get(key).getAsBoolean();
        }

        public boolean isatty(int fd) {
            assertTrue(asked.contains(new TestExpression.Query.Tty(fd)));
            return false; // the recordings ran on pipes
        }

        /** bash -c 'test "$@"' bash ARGS: the environment's names, and $1.. up to the word count. */
        public boolean variableSet(String name) {
            if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                return Long.parseLong(name) <= positional;
            }
            return Set.of("HOME", "PATH", "LANG").contains(name);
        }

        public boolean nameref(String name) {
            return false;
        }

        /** bash -c's options that are on. */
        public boolean option(String name) {
            return Set.of("braceexpand", "hashall", "interactive-comments").contains(name);
        }

        public int euid() {
            return STUDENT;
        }

        public int egid() {
            return STUDENT;
        }
    }
}
