package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The firewall lecture's first cells, through the interpreter as a notebook runs them. */
class CampusScenarioTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    private RecordingIO run(String code) {
        return RecordingIO.runOk(interpreter, code);
    }

    @Test
    void scenarioCampusShowsTheWorldAndStartsAsStudentOnLaptop() {
        RecordingIO io = run("%scenario campus");
        String table = (String) io.displays.get(0).get("text/plain");
        assertTrue(table.startsWith("scenario campus: "), table);
        assertTrue(table.contains("border"), table);
        assertTrue(table.contains("203.0.113.1/24, 198.51.100.1/24"), table);
        assertTrue(table.contains("wash"), table);
        assertTrue(table.contains("ssh 22 (sshd), http 80 (apache2)"), table);
        assertTrue(table.contains("You are student on laptop."), table);
        assertEquals("laptop\n", run("cat /etc/hostname").stdout.toString());
    }

    @Test
    void theBorderFirewallDropsOffCampusConnections() {
        run("%scenario campus");
        assertEquals("Connection to 10.84.0.10 22 port [tcp/ssh] succeeded!\n",
                run("%machine offcampus\nnc -zv -w 2 10.84.0.10 22").stderr.toString());
        run("%machine border\niptables -A FORWARD -i eth0 -o eth1 -m conntrack --ctstate NEW -j DROP");
        RecordingIO io = run("%machine offcampus\n%trace syscalls\nnc -zv -w 2 10.84.0.10 22");
        assertEquals("nc: connect to 10.84.0.10 port 22 (tcp) timed out: Operation now in progress\n", io.stderr.toString());
        String trace = (String) io.displays.get(0).get("text/plain");
        assertTrue(trace.contains("border:FORWARD"), trace);
        assertTrue(trace.contains("filter:FORWARD:rule:1"), trace);
        assertTrue(trace.contains("retransmit TCP 203.0.113.50:"), trace);
        String listing = run("%trace off\n%machine border\niptables -L FORWARD -v -n --line-numbers").stdout.toString();
        assertTrue(listing.contains("1        2   120 DROP       0    --  eth0   eth1    0.0.0.0/0            0.0.0.0/0            ctstate NEW"), listing);
    }

    @Test
    void scenarioCampusAlwaysStartsOver() {
        run("%scenario campus\n");
        run("%machine border\niptables -P FORWARD DROP");
        run("%scenario campus");
        assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n", run("%machine border\niptables -S").stdout.toString());
    }

    @Test
    void sshAsksForThePasswordAndExitComesBack() {
        run("%scenario campus");
        RecordingIO login = new RecordingIO();
        login.inputs.add("student");
        assertTrue(interpreter.execute("ssh wash", login).ok());
        assertEquals(java.util.List.of("student@wash's password:  (password)"), login.prompts);
        assertEquals("wash\n", run("cat /etc/hostname").stdout.toString());
        RecordingIO out = run("exit");
        assertEquals("logout\nConnection to wash closed.\n", out.stderr.toString());
        assertEquals("laptop\n", run("cat /etc/hostname").stdout.toString());
        assertFalse(out.stdout.toString().contains("wash"));
    }
}
