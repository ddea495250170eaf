package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.kernel.homework.CheckTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * %%check through the interpreter on the campus: what a check sees (the state the student's cells
 * built), what it leaves (nothing), how it fails (CheckFailed, naming the line and what was seen),
 * and how a broken check says so (CheckError).
 */
class CheckMagicTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    private RecordingIO run(String code) {
        return RecordingIO.runOk(interpreter, code);
    }

    private ExecuteOutcome check(String code, RecordingIO io) {
        return interpreter.execute(code, io);
    }

    private static String table(RecordingIO io) {
        return (String) io.displays.get(io.displays.size() - 1).get("text/plain");
    }

    private void campusWithWashSsh() {
        run("%scenario campus");
        run("%machine wash\niptables -A INPUT -p tcp --dport 22 -s 10.84.0.0/16 -j ACCEPT\niptables -A INPUT -p tcp --dport 22 -j REJECT\n%machine laptop student");
    }

    @Test
    void aCheckSeesTheRulesTheStudentsCellsMade() {
        campusWithWashSsh();
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = check("%%check wash_ssh --points 2\nverdict from laptop to wash:22 is accepted\nverdict from offcampus to wash:22 is refused", io);
        assertTrue(outcome.ok(), outcome.toString());
        assertTrue(table(io).startsWith("check wash_ssh: passed, 2 points\n"), table(io));
    }

    @Test
    void aCheckChangesNothingInTheStudentsWorld() {
        campusWithWashSsh();
        String before = run("%machine wash\niptables -L INPUT -v -n; ls /tmp; conntrack -L 2>&1\n%machine laptop student").stdout.toString();
        String status = run("false; echo $?").stdout.toString();
        check("%%check probes\nverdict from offcampus to wash:22 is refused\nexit 0: touch /tmp/left-behind\n%machine wash\nmkdir /tmp/by-check\n"
                + "exit 0 on wash: iptables -F", new RecordingIO());
        String after = run("%machine wash\niptables -L INPUT -v -n; ls /tmp; conntrack -L 2>&1\n%machine laptop student").stdout.toString();
        assertEquals(before, after, "counters, files and connections are as the student left them");
        assertTrue(after.contains("REJECT"), after);
        assertEquals("student\n", run("whoami").stdout.toString(), "the session stays where it was");
        assertEquals(status, run("false; echo $?").stdout.toString());
    }

    @Test
    void aCheckIsDeterministic() {
        campusWithWashSsh();
        String code = "%%check twice\nverdict from scanner to wash:22 is refused\ntrace ~ /SYN/ on offcampus: nc -z -w 1 wash 80\noutput ~ /^wash$/ on wash: hostname";
        RecordingIO first = new RecordingIO();
        RecordingIO second = new RecordingIO();
        check(code, first);
        check(code, second);
        assertEquals(first.displays, second.displays);
        SimInterpreter other = new SimInterpreter();
        RecordingIO.runOk(other, "%scenario campus");
        RecordingIO.runOk(other, "%machine wash\niptables -A INPUT -p tcp --dport 22 -s 10.84.0.0/16 -j ACCEPT\niptables -A INPUT -p tcp --dport 22 -j REJECT\n%machine laptop student");
        RecordingIO third = new RecordingIO();
        other.execute(code, third);
        assertEquals(first.displays, third.displays, "another kernel with the same cells shows the same table");
    }

    @Test
    void aFailedCheckIsACheckFailedErrorNamingTheFirstFailedLineAndWhatWasSeen() {
        run("%scenario campus");
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = check("%%check wash_ssh\nverdict from laptop to wash:22 is accepted\nverdict from offcampus to wash:22 is refused\n"
                + "verdict from offcampus to wash:80 is dropped", io);
        assertEquals("CheckFailed", outcome.ename());
        assertEquals("wash_ssh, line 3 `verdict from offcampus to wash:22 is refused` was not met: accepted", outcome.evalue());
        String table = table(io);
        assertTrue(table.contains("  ok    verdict from laptop to wash:22 is accepted\n"), table);
        assertTrue(table.contains("  FAIL  verdict from offcampus to wash:80 is dropped\n          seen: accepted\n"), "every line is judged: " + table);
        assertTrue(table.startsWith("check wash_ssh: failed (2 of 3 not met), 0 of 1 point"), table);
    }

    @Test
    void aBrokenCheckIsACheckErrorAndNotTheStudentsFailure() {
        run("%scenario campus");
        ExecuteOutcome unknownHost = check("%%check c\nverdict from nowhere to wash:22 is refused\nverdict from laptop to wash:22 is dropped", new RecordingIO());
        assertEquals("CheckError", unknownHost.ename());
        assertEquals("the check c, line 2 `verdict from nowhere to wash:22 is refused` is broken (not your answer): no machine 'nowhere' in this world",
                unknownHost.evalue());
        ExecuteOutcome grammar = check("%%check c\nverdict from laptop to wash:22 is closed", new RecordingIO());
        assertEquals("CheckError", grammar.ename());
        assertTrue(grammar.evalue().contains("`closed` is not a verdict"), grammar.evalue());
        ExecuteOutcome header = check("%%check ~/x is there\nexit 0: true", new RecordingIO());
        assertEquals("CheckError", header.ename());
        ExecuteOutcome syntax = check("%%check c\nexit 0: echo )", new RecordingIO());
        assertEquals("CheckError", syntax.ename(), syntax.toString());
        ExecuteOutcome user = check("%%check c\nexit 0 on wash as nobody-here: true", new RecordingIO());
        assertEquals("CheckError", user.ename());
        assertTrue(user.evalue().endsWith("no user 'nobody-here' on wash"), user.evalue());
    }

    @Test
    void aCheckStartsWhereAFreshNotebookStartsNotWhereTheLastCellMovedTheSession() {
        run("%scenario campus");
        run("%machine border");
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = check("%%check here\noutput ~ /^laptop$/: hostname\noutput ~ /^student$/: whoami\nfile ~/.bashrc exists", io);
        assertTrue(outcome.ok(), table(io));
        assertEquals("border\n", run("hostname").stdout.toString());
    }

    @Test
    void aCheckSeesTheStudentsShellVariablesAndPrograms() {
        run("%%program crash\nprint starting\ncli\nexit 0");
        run("crash; status=$?");
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = check("%%check crash\noutput ~ /^139$/: echo $status\nexit 139: crash\ntrace ~ /crash\\[\\d+\\] exception #GP general protection fault \\(vector 13\\)/: crash\n"
                + "trace ~ /signal SIGSEGV/: crash\ntrace !~ /syscall openat/: crash", io);
        assertTrue(outcome.ok(), table(io));
    }

    @Test
    void whatTheUserTypedIsTypedAgainInTheCopy() {
        RecordingIO typed = new RecordingIO();
        typed.inputs.add("alice");
        assertTrue(interpreter.execute("read -p 'name? ' name; echo \"$name\" > ~/name", typed).ok());
        RecordingIO io = new RecordingIO();
        assertTrue(check("%%check name\nfile ~/name contains /^alice$/\noutput ~ /^alice$/: echo $name", io).ok(), table(io));
    }

    @Test
    void aCellTheUserInterruptedIsInterruptedAtTheSameStepInTheCopy() throws Exception {
        run("%%program count\nopen /tmp/count O_WRONLY|O_CREAT|O_APPEND -> fd\ntop:\nwrite $fd x\njump top");
        RecordingIO live = new RecordingIO();
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(() -> interpreter.execute("count", live));
        Thread.sleep(200);
        interpreter.interrupt();
        assertEquals("KeyboardInterrupt", cell.get(30, TimeUnit.SECONDS).ename());
        interpreter.clearInterrupt();
        String written = run("wc -c < /tmp/count").stdout.toString().strip();
        assertTrue(Long.parseLong(written) > 0, written);
        RecordingIO io = new RecordingIO();
        assertTrue(check("%%check same\noutput ~ /^" + written + "$/: wc -c < /tmp/count", io).ok(), table(io));
    }

    @Test
    void interruptingACheckEndsItsCellWithKeyboardInterrupt() throws Exception {
        run("%%program spin\ntop:\ncompute 1ms\njump top");
        run("%limits steps=100000000");
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(() -> interpreter.execute("%%check forever\nexit 0: spin", new RecordingIO()));
        Thread.sleep(300);
        interpreter.interrupt();
        assertEquals("KeyboardInterrupt", cell.get(30, TimeUnit.SECONDS).ename());
        interpreter.clearInterrupt();
        assertEquals("hi\n", run("echo hi").stdout.toString());
    }

    @Test
    void theTableComesAsTextHtmlAndJson() {
        RecordingIO io = new RecordingIO();
        check("%%check kinds --points 3 <the kinds>\nexit 0: true\noutput ~ /x/: echo y", io);
        Map<String, Object> bundle = io.displays.get(0);
        assertTrue(((String) bundle.get("text/html")).contains("<caption>check kinds — &lt;the kinds&gt;: failed (1 of 2 not met), 0 of 3 points</caption>"),
                (String) bundle.get("text/html"));
        Map<?, ?> json = (Map<?, ?>) bundle.get(CheckTable.MIME_JSON);
        assertEquals("failed", json.get("status"));
        assertEquals(3, json.get("max_points"));
        assertEquals(2, ((List<?>) json.get("lines")).size());
    }

    @Test
    void gradeReportsTheLatestResultOfEachCheck() {
        run("%scenario campus");
        check("%%check wash_ssh --points 2\nverdict from offcampus to wash:22 is refused", new RecordingIO());
        check("%%check web --points 1\nverdict from offcampus to wash:80 is accepted", new RecordingIO());
        String first = (String) run("%grade").displays.get(0).get("text/plain");
        assertTrue(first.startsWith("this notebook: 1 of 3 points\n"), first);
        run("%machine wash\niptables -A INPUT -p tcp --dport 22 -j REJECT");
        check("%%check wash_ssh --points 2\nverdict from offcampus to wash:22 is refused", new RecordingIO());
        RecordingIO io = run("%grade");
        String text = (String) io.displays.get(0).get("text/plain");
        assertTrue(text.startsWith("this notebook: 3 of 3 points\n"), text);
        assertTrue(text.indexOf("wash_ssh") < text.indexOf("web"), "in the order the checks first ran: " + text);
        assertNotEquals(first, text);
        assertFalse(io.displays.get(0).containsKey("image/png"));
    }
}
