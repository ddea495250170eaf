package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pass/fail table: one row per line, what was seen under a row that was not met. */
class CheckTableTest {

    private static final CheckResult RESULT = new CheckResult(new CheckHeader("wash_ssh", 3, "SSH <campus only>"), List.of(
            LineResult.passed(new Expectation.Shell("test -r /etc/shadow", 2, "test -r /etc/shadow\n")),
            LineResult.failed(new Expectation.Shell("grep -q x /y", 3, "grep -q x /y\n"), "the last command exited with status 1"),
            LineResult.broken(new Expectation.Broken("verdict from a to b:1 is up", 4, "`up` is not a verdict"), "`up` is not a verdict")));

    @Test
    void textShowsASummaryThenEachLineWithWhatWasSeen() {
        assertEquals("""
                check wash_ssh — SSH <campus only>: broken: 1 of 3 cannot be judged; tell your lecturer
                  ok    test -r /etc/shadow
                  FAIL  grep -q x /y
                          seen: the last command exited with status 1
                  ERROR verdict from a to b:1 is up
                          problem: `up` is not a verdict
                """, CheckTable.text(RESULT));
    }

    @Test
    void htmlIsAPlainEscapedTableThatSurvivesTheSanitizer() {
        String html = CheckTable.html(RESULT);
        assertEquals("<table>\n<caption>check wash_ssh — SSH &lt;campus only&gt;: broken: 1 of 3 cannot be judged; tell your lecturer</caption>\n"
                + "<tr><td>&#10004; ok</td><td><code>test -r /etc/shadow</code></td><td></td></tr>\n"
                + "<tr><td>&#10008; FAIL</td><td><code>grep -q x /y</code></td><td>the last command exited with status 1</td></tr>\n"
                + "<tr><td>&#9888; ERROR</td><td><code>verdict from a to b:1 is up</code></td><td>`up` is not a verdict</td></tr>\n"
                + "</table>", html);
        assertFalse(html.contains("style") || html.contains("<script"));
    }

    @Test
    void jsonCarriesPointsStatusAndLines() {
        var json = CheckTable.json(RESULT);
        assertEquals("broken", json.get("status"));
        assertEquals(0, json.get("points"));
        assertEquals(3, json.get("max_points"));
        assertEquals(3, ((List<?>) json.get("lines")).size());
    }
}
