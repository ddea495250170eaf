package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-phase contract of the test engine, and inputs the recordings do not reach. */
class TestExpressionTest {

    /** A file system where only "f" exists, a regular file of student's. */
    private static final TestExpression.Answers ONLY_F = new TestExpression.Answers() {
        private TestExpression.FileStatus f(String path) {
            return path.equals("f") ? new TestExpression.FileStatus(TestExpression.FileType.REGULAR, 0644, 1000, 1000, 3, 1, 2, 0, 0) : null;
        }
        public TestExpression.FileStatus stat(String path) { return f(path); }
        public TestExpression.FileStatus lstat(String path) { return f(path); }
        public boolean access(String path, int mode) { return path.equals("f") && mode != TestExpression.X_OK; }
        public boolean isatty(int fd) { return fd == 0; }
        public boolean variableSet(String name) { return false; }
        public boolean nameref(String name) { return false; }
        public boolean option(String name) { return false; }
        public int euid() { return 1000; }
        public int egid() { return 1000; }
    };

    @Test
    void parsingListsEveryFileLookupBeforeAnyIsMade() {
        TestExpression t = TestExpression.parse(TestExpression.Dialect.BASH,
                List.of("-f", "a", "-o", "-r", "b", "-a", "-h", "c", "-o", "d", "-nt", "e"), false);
        assertEquals(List.of(new TestExpression.Query.Stat("a"), new TestExpression.Query.Access("b", TestExpression.R_OK),
                new TestExpression.Query.Lstat("c"), new TestExpression.Query.Stat("d"), new TestExpression.Query.Stat("e")),
                t.queries());
    }

    @Test
    void anErrorIsDecidedByTheWordsAloneWithNothingToLookUp() {
        TestExpression t = TestExpression.parse(TestExpression.Dialect.BASH, List.of("-f", "f", "-a", "x", "-eq", "1"), false);
        assertTrue(t.failed());
        assertTrue(t.queries().isEmpty());
        assertEquals(new TestExpression.Result(2, List.of("x: integer expression expected")), t.evaluate(ONLY_F));
    }

    @Test
    void noneOfTheDialectsShortCircuitsAndOr() {
        for (TestExpression.Dialect d : TestExpression.Dialect.values()) {
            TestExpression t = TestExpression.parse(d, List.of("-f", "f", "-o", "-d", "g"), false);
            assertEquals(2, t.queries().size(), d.toString());
            assertEquals(0, t.evaluate(ONLY_F).status(), d.toString());
        }
    }

    @Test
    void aHundredThousandTermsNeverMeetJavasStack() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            if (i > 0) words.add(i % 2 == 0 ? "-a" : "-o");
            words.add("!");
            words.add("-n");
            words.add("x" + i);
        }
        for (TestExpression.Dialect d : TestExpression.Dialect.values()) {
            TestExpression t = TestExpression.parse(d, words, false);
            assertFalse(t.failed(), d.toString());
            t.evaluate(ONLY_F);
        }
    }

    @Test
    void parenthesesNestedTooDeeplyAreRefusedNotAStackOverflow() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) words.add("(");
        words.add("x");
        for (int i = 0; i < 20_000; i++) words.add(")");
        for (TestExpression.Dialect d : TestExpression.Dialect.values()) {
            assertEquals(2, TestExpression.parse(d, words, false).evaluate(ONLY_F).status(), d.toString());
        }
    }
}
