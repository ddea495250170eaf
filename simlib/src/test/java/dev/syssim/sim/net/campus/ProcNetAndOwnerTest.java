package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code /proc/net/xt_recent/NAME} and {@code /proc/net/ipt_hashlimit/NAME} as files of the
 * simulated procfs, and {@code -m owner} on the owners of simulated sockets.
 */
class ProcNetAndOwnerTest {

    private static final String SET = "iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --set --name ssh --rsource";

    @Test
    void aRecentListIsAFileThatListsTheSourcesItSaw() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run(SET);
        assertEquals("", campus.on("wash").run("cat /proc/net/xt_recent/ssh"));
        campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22");
        String list = campus.on("wash").run("cat /proc/net/xt_recent/ssh");
        assertTrue(list.matches("src=203\\.0\\.113\\.66 ttl: 63 last_seen: \\d+ oldest_pkt: 1 \\d+\n"), list);
    }

    @Test
    void theListTakesPlusMinusAndSlashAndRefusesAnythingElse() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run(SET);
        campus.on("wash").run("echo +10.1.2.3 > /proc/net/xt_recent/ssh");
        assertTrue(campus.on("wash").run("cat /proc/net/xt_recent/ssh").startsWith("src=10.1.2.3 ttl: 0 last_seen: "));
        assertEquals("0\n", campus.on("wash").run("echo -10.9.9.9 > /proc/net/xt_recent/ssh; echo $?"));
        // The write fails with EINVAL (tee's own message is the prog room's; only its status is checked here).
        assertEquals("1\n", campus.on("wash").run("echo foo | tee /proc/net/xt_recent/ssh > /dev/null 2>&1; echo $?"));
        campus.on("wash").run("echo / > /proc/net/xt_recent/ssh");
        assertEquals("", campus.on("wash").run("cat /proc/net/xt_recent/ssh"));
    }

    @Test
    void everyoneMayReadTheListOnlyRootMayWriteIt() {
        Campus campus = Campus.asRecorded();
        campus.on("laptop").run(SET);
        assertTrue(campus.on("laptop").run("ls -l /proc/net/xt_recent").contains("-rw-r--r-- "));
        assertEquals("", campus.on("laptop", "student").run("cat /proc/net/xt_recent/ssh"));
        assertTrue(campus.on("laptop", "student").run("echo / > /proc/net/xt_recent/ssh")
                .contains("/proc/net/xt_recent/ssh: Permission denied"));
    }

    @Test
    void theFileGoesWithTheLastRuleThatNamesTheList() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run(SET);
        assertEquals("ssh\n", campus.on("wash").run("ls /proc/net/xt_recent"));
        campus.on("wash").run("iptables -F");
        assertEquals("", campus.on("wash").run("ls /proc/net/xt_recent"));
    }

    @Test
    void aHashlimitTableShowsEachSourcesCreditInTheKernelsUnits() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("iptables -A INPUT -p tcp --dport 80 -m hashlimit --hashlimit-upto 1/min --hashlimit-mode srcip "
                + "--hashlimit-name web -j ACCEPT");
        campus.on("scanner").run("nc -zv -w 2 10.84.0.10 80");
        String table = campus.on("wash").run("cat /proc/net/ipt_hashlimit/web");
        // Cap: 5 packets' worth; cost: 60 s of credit in the kernel's units; one entry per source.
        assertTrue(table.matches("(59|60) 203\\.0\\.113\\.66:0->0\\.0\\.0\\.0:0 \\d+ 41231685900000000 8246337180000000\n"), table);
        assertTrue(campus.on("wash").run("ls -l /proc/net/ipt_hashlimit").contains("-r--r--r-- "));
        assertEquals("1\n", campus.on("wash").run("echo x | tee /proc/net/ipt_hashlimit/web > /dev/null 2>&1; echo $?"));
    }

    @Test
    void ownerMatchesTheUserWhoMadeTheSocket() {
        Campus campus = Campus.asRecorded();
        campus.on("laptop").run("iptables -A OUTPUT -p tcp --dport 22 -m owner --uid-owner student -j REJECT");
        assertEquals("-A OUTPUT -p tcp -m tcp --dport 22 -m owner --uid-owner 1000 -j REJECT --reject-with icmp-port-unreachable\n",
                campus.on("laptop").run("iptables -S OUTPUT | grep owner"));
        assertEquals("nc: connect to 10.84.0.10 port 22 (tcp) failed: Connection refused\n",
                campus.on("laptop", "student").run("nc -zv -w 2 10.84.0.10 22"));
        assertTrue(campus.on("laptop").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"));
    }

    @Test
    void ownerDoesNotMatchPacketsNoLocalUserSent() {
        Campus campus = Campus.asRecorded();
        campus.on("border").run("iptables -A POSTROUTING -t mangle -m owner --socket-exists -j MARK --set-mark 1");
        campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22");
        String counters = campus.on("border").run("iptables -t mangle -L POSTROUTING -v -n");
        assertTrue(counters.contains("    0     0 MARK"), counters);
    }
}
