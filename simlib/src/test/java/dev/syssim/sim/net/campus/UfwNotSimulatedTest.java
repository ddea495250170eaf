package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What of ufw the simulation does not have is refused with status 1 and says so, never quietly
 * done otherwise: per-rule logging ({@code ufw allow log 22/tcp} writes ufw-user-logging-input
 * rules on Linux), {@code --dry-run} (which on Linux prints the rules and changes nothing), the
 * {@code show} reports other than {@code added}. Nothing of it touches the firewall. Also what the
 * recorded cases cannot pin down for timing reasons: {@code ufw reset} refuses when a backup of the
 * same second exists.
 */
class UfwNotSimulatedTest {

    @Test
    void perRuleLoggingIsRefusedAndNoRuleIsAdded() {
        Campus campus = Campus.asRecorded();
        campus.on("laptop").run("ufw enable");
        String before = campus.on("laptop").run("iptables -S");
        assertEquals("ERROR: 'log' on a rule is not simulated by syssim\n1\n", campus.on("laptop").run("ufw allow log 23/tcp; echo $?"));
        assertEquals("ERROR: 'log-all' on a rule is not simulated by syssim\n1\n",
                campus.on("laptop").run("ufw deny log-all 23/tcp; echo $?"));
        assertEquals(before, campus.on("laptop").run("iptables -S"));
        assertEquals("Added user rules (see 'ufw status' for running firewall):\n(None)\n", campus.on("laptop").run("ufw show added"));
    }

    @Test
    void aDryRunIsRefusedRatherThanDone() {
        Campus campus = Campus.asRecorded();
        campus.on("laptop").run("ufw enable");
        assertEquals("ERROR: --dry-run is not simulated by syssim\n1\n", campus.on("laptop").run("ufw --dry-run allow 22/tcp; echo $?"));
        assertEquals("Status: active\n", campus.on("laptop").run("ufw status"));
    }

    @Test
    void onlyTheAddedReportIsShown() {
        Campus campus = Campus.asRecorded();
        assertEquals("ERROR: 'ufw show raw' is not simulated by syssim\n1\n", campus.on("laptop").run("ufw show raw; echo $?"));
    }

    @Test
    void aResetRefusesToOverwriteABackupOfTheSameSecond() {
        Campus campus = Campus.asRecorded();
        campus.on("laptop").run("ufw allow 22/tcp");
        String out = campus.on("laptop").run("b=/etc/ufw/user.rules.$(date +%Y%m%d_%H%M%S); touch $b; ufw --force reset; echo $?");
        assertTrue(out.matches("ERROR: '/etc/ufw/user\\.rules\\.\\d{8}_\\d{6}' already exists\\. Aborting\n1\n"), out);
        assertEquals("Added user rules (see 'ufw status' for running firewall):\nufw allow 22/tcp\n", campus.on("laptop").run("ufw show added"));
    }
}
