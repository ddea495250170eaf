package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code conntrack -D} as conntrack-tools 1.4.7 does it (checked by hand against the real tool in
 * a network namespace on Debian 12): the entries the filters select are printed as {@code -L}
 * prints them and forgotten, "N flow entries have been deleted." follows on standard error, and a
 * delete that finds nothing ends with status 1.
 */
class ConntrackDeleteTest {

    private static final String PREFIX = "conntrack v1.4.7 (conntrack-tools): ";

    @Test
    void theSelectedEntriesArePrintedAndForgotten() {
        Campus campus = Campus.asRecorded();
        campus.on("laptop").run("ping -c 1 -q 127.0.0.1 >/dev/null; ping -c 1 -q 127.0.0.2 >/dev/null");
        String deleted = campus.on("laptop").run("conntrack -D -p icmp -d 127.0.0.2; echo rc=$?");
        assertTrue(deleted.matches("icmp     1 \\d+ src=127\\.0\\.0\\.1 dst=127\\.0\\.0\\.2 type=8 code=0 id=\\d+ src=127\\.0\\.0\\.2 "
                + "dst=127\\.0\\.0\\.1 type=0 code=0 id=\\d+ mark=0 use=1\n" + java.util.regex.Pattern.quote(PREFIX
                + "1 flow entries have been deleted.\n") + "rc=0\n"), deleted);
        assertEquals("1\n", campus.on("laptop").run("conntrack -C"));
        assertTrue(campus.on("laptop").run("conntrack -L 2>/dev/null").contains("dst=127.0.0.1 type=8"));
    }

    @Test
    void aDeleteThatFindsNothingFails() {
        Campus campus = Campus.asRecorded();
        assertEquals(PREFIX + "0 flow entries have been deleted.\nrc=1\n", campus.on("laptop").run("conntrack --delete -p tcp; echo rc=$?"));
    }
}
