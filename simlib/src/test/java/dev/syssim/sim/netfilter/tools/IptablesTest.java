package dev.syssim.sim.netfilter.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.netfilter.Netfilter;
import org.junit.jupiter.api.Test;

/** iptables behaviours beyond the recorded error cases: listings, options, echoes. */
class IptablesTest {

    private final Netfilter nf = new Netfilter();

    @Test
    void dportWithoutProtocolIsUnknownOption() {
        ToolResult result = Run.line(nf, "iptables -A INPUT --dport 22 -j ACCEPT");
        assertEquals(2, result.exitCode());
        assertEquals("iptables v1.8.9 (nf_tables): unknown option \"--dport\"\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n", result.stderr());
    }

    @Test
    void plainListingUsesNamesAndAnywhere() {
        Run.ok(nf, "iptables -A INPUT -p tcp --dport 22 -s 10.84.0.0/16 -j ACCEPT");
        assertEquals("Chain INPUT (policy ACCEPT)\n"
                + "target     prot opt source               destination         \n"
                + "ACCEPT     tcp  --  10.84.0.0/16         anywhere             tcp dpt:ssh\n",
                Run.ok(nf, "iptables -L INPUT"));
    }

    @Test
    void listingEveryChainSeparatesThemWithAnEmptyLineAndCountsReferences() {
        Run.ok(nf, "iptables -N logdrop");
        Run.ok(nf, "iptables -A FORWARD -j logdrop");
        String listing = Run.ok(nf, "iptables -L -n");
        assertEquals("Chain INPUT (policy ACCEPT)\n"
                + "target     prot opt source               destination         \n"
                + "\n"
                + "Chain FORWARD (policy ACCEPT)\n"
                + "target     prot opt source               destination         \n"
                + "logdrop    0    --  0.0.0.0/0            0.0.0.0/0           \n"
                + "\n"
                + "Chain OUTPUT (policy ACCEPT)\n"
                + "target     prot opt source               destination         \n"
                + "\n"
                + "Chain logdrop (1 references)\n"
                + "target     prot opt source               destination         \n", listing);
    }

    @Test
    void bigCountersAreShortenedUnlessExact() {
        Run.ok(nf, "iptables -A INPUT -j ACCEPT");
        nf.filter().chain("INPUT").entry(1).counters().set(123456, 98765432);
        nf.filter().chain("INPUT").policyCounters().set(2_000_000, 3_000_000_000L);
        assertEquals("Chain INPUT (policy ACCEPT 2000K packets, 3000M bytes)\n"
                + " pkts bytes target     prot opt in     out     source               destination         \n"
                + " 123K   99M ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n",
                Run.ok(nf, "iptables -L INPUT -v -n"));
        assertEquals("Chain INPUT (policy ACCEPT 2000000 packets, 3000000000 bytes)\n"
                + "    pkts      bytes target     prot opt in     out     source               destination         \n"
                + "  123456 98765432 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n",
                Run.ok(nf, "iptables -L INPUT -v -n -x"));
    }

    @Test
    void aListOfSourcesMakesOneRulePerAddressAndInsertReversesThem() {
        Run.ok(nf, "iptables -A INPUT -s 10.0.0.1,10.0.0.2 -j DROP");
        Run.ok(nf, "iptables -I INPUT -s 10.0.0.3,10.0.0.4 -j ACCEPT");
        assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n"
                + "-A INPUT -s 10.0.0.4/32 -j ACCEPT\n-A INPUT -s 10.0.0.3/32 -j ACCEPT\n"
                + "-A INPUT -s 10.0.0.1/32 -j DROP\n-A INPUT -s 10.0.0.2/32 -j DROP\n", Run.ok(nf, "iptables -S"));
    }

    @Test
    void deleteBySpecificationMatchesTheNormalisedRule() {
        Run.ok(nf, "iptables -A INPUT -s 10.84.1.5/16 -p tcp --dport 22 -j ACCEPT");
        Run.ok(nf, "iptables -D INPUT -s 10.84.0.0/16 -p 6 -m tcp --dport ssh -j ACCEPT");
        assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n", Run.ok(nf, "iptables -S"));
    }

    @Test
    void verboseAppendEchoesTheRule() {
        assertEquals("ACCEPT  tcp opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0   tcp dpt:22\n",
                Run.ok(nf, "iptables -v -A INPUT -p tcp --dport 22 -j ACCEPT"));
    }

    @Test
    void listRulesVerboseShowsCountersBeforeTheTarget() {
        Run.ok(nf, "iptables -A INPUT -i lo -j ACCEPT");
        nf.filter().chain("INPUT").entry(1).counters().set(3, 180);
        assertEquals("-P INPUT ACCEPT -c 0 0\n-A INPUT -i lo -c 3 180 -j ACCEPT\n", Run.ok(nf, "iptables -S INPUT -v"));
    }

    @Test
    void listZeroListsThenZeroes() {
        Run.ok(nf, "iptables -A INPUT -j ACCEPT");
        nf.filter().chain("INPUT").entry(1).counters().set(3, 180);
        Run.ok(nf, "iptables -L INPUT -v -Z");
        assertEquals(0, nf.filter().chain("INPUT").entry(1).counters().packets());
    }

    @Test
    void longOptionsMayBeAbbreviatedAndShortOnesBundled() {
        Run.ok(nf, "iptables --app INPUT --proto tcp --dport 22 --jump ACCEPT");
        String listing = Run.ok(nf, "iptables -nvL INPUT --line");
        assertTrue(listing.startsWith("Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\nnum "), listing);
    }

    @Test
    void anAttachedOptionalArgumentIsTheChain() {
        // Real 1.8.9 (nf_tables) calls a chain it cannot find "incompatible" when listing it.
        ToolResult result = Run.line(nf, "iptables -Lnv");
        assertEquals("iptables v1.8.9 (nf_tables): chain `nv' in table `filter' is incompatible, use 'nft' tool.\n",
                result.stderr());
        assertEquals(1, result.exitCode());
    }

    @Test
    void illegalOptionForTheCommandIsNamed() {
        assertEquals("iptables v1.8.9 (nf_tables): Illegal option `-n' with this command\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n",
                Run.line(nf, "iptables -F -n").stderr());
    }

    @Test
    void twoCommandsCannotBeCombined() {
        assertEquals("iptables v1.8.9 (nf_tables): Cannot use -D with -A\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n",
                Run.line(nf, "iptables -A INPUT -D INPUT -j ACCEPT").stderr());
    }

    @Test
    void policyOfAUserChainIsRefused() {
        Run.ok(nf, "iptables -N mine");
        ToolResult result = Run.line(nf, "iptables -P mine DROP");
        assertEquals("iptables: Bad built-in chain name.\n", result.stderr());
        assertEquals(1, result.exitCode());
    }

    @Test
    void deletingByNumberBeyondTheEndIsTooBig() {
        Run.ok(nf, "iptables -P INPUT ACCEPT");  // the chain made in the kernel; before, it is "No chain"
        assertEquals("iptables: Index of deletion too big.\n", Run.line(nf, "iptables -D INPUT 3").stderr());
    }

    @Test
    void aJumpIntoALoopIsRefusedByTheKernel() {
        Run.ok(nf, "iptables -N a");
        Run.ok(nf, "iptables -N b");
        Run.ok(nf, "iptables -A a -j b");
        Run.ok(nf, "iptables -A b -j a");
        ToolResult result = Run.line(nf, "iptables -A INPUT -j a");
        assertEquals("iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many levels of symbolic links): "
                + "rule in chain INPUT\n", result.stderr());
        assertEquals(4, result.exitCode());
    }

    @Test
    void aNonEmptyUserChainCannotBeDeleted() {
        Run.ok(nf, "iptables -N mine");
        Run.ok(nf, "iptables -A mine -j ACCEPT");
        assertEquals("iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain mine\n",
                Run.line(nf, "iptables -X").stderr());
        Run.ok(nf, "iptables -F mine");
        Run.ok(nf, "iptables -X");
        assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n", Run.ok(nf, "iptables -S"));
    }

    @Test
    void renamingAChainKeepsItsRulesAndTheJumpsToIt() {
        Run.ok(nf, "iptables -N old");
        Run.ok(nf, "iptables -A old -j DROP");
        Run.ok(nf, "iptables -A INPUT -j old");
        Run.ok(nf, "iptables -E old new");
        assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N new\n-A INPUT -j new\n-A new -j DROP\n",
                Run.ok(nf, "iptables -S"));
        assertEquals("iptables: File exists.\n", Run.line(nf, "iptables -E new INPUT").stderr());
        // Only user chains are looked up by -E: a built-in one is "not found", as on Linux.
        assertEquals("iptables: No chain/target/match by that name.\n", Run.line(nf, "iptables -E INPUT mine").stderr());
    }

    @Test
    void stateMatchAndCommentsPrintTheirOwnWay() {
        Run.ok(nf, "iptables -A INPUT -m state --state established,related -m comment --comment \"replies ok\" -j ACCEPT");
        assertEquals("-A INPUT -m state --state RELATED,ESTABLISHED -m comment --comment \"replies ok\" -j ACCEPT\n",
                Run.ok(nf, "iptables -S INPUT 1"));
        assertTrue(Run.ok(nf, "iptables -L INPUT -n").contains(" state RELATED,ESTABLISHED /* replies ok */\n"));
    }

    @Test
    void icmpTypesParseByNameAndSaveByNumber() {
        Run.ok(nf, "iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT");
        assertEquals("-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT\n", Run.ok(nf, "iptables -S INPUT 1"));
        assertTrue(Run.ok(nf, "iptables -L INPUT -n").contains(" icmptype 8\n"));
        assertTrue(Run.ok(nf, "iptables -L INPUT").contains(" icmp echo-request\n"));
        assertEquals("iptables v1.8.9 (nf_tables): Ambiguous ICMP type `echo': `echo-reply' or `echo-request'?\n"
                + "Try `iptables -h' or 'iptables --help' for more information.\n",
                Run.line(nf, "iptables -A INPUT -p icmp --icmp-type echo -j ACCEPT").stderr());
    }

    @Test
    void unsimulatedExtensionsSaySo() {
        ToolResult result = Run.line(nf, "iptables -A INPUT -m time --timestart 08:00 -j LOG");
        assertEquals("iptables v1.8.9 (nf_tables): match `time' is not simulated by syssim\n", result.stderr());
        assertEquals(1, result.exitCode());
    }

    @Test
    void theNatTableStartsEmptyAndTakesRules() {
        assertEquals("-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n",
                Run.ok(nf, "iptables -t nat -S"));
        assertEquals(0, Run.line(nf, "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE").exitCode());
        assertTrue(Run.ok(nf, "iptables -t nat -S").endsWith("-A POSTROUTING -o eth0 -j MASQUERADE\n"));
    }

    @Test
    void helpAndVersionPrintAndSucceed() {
        assertTrue(Run.ok(nf, "iptables -h").startsWith("iptables v1.8.9 (nf_tables)\n\nUsage: iptables -[ACD] chain"));
        assertEquals("iptables v1.8.9 (nf_tables)\n", Run.ok(nf, "iptables -V"));
    }

    @Test
    void nothingChangesWithoutRoot() {
        ToolResult result = Run.line(nf, "iptables -L", ToolContext.root(0).asUnprivileged());
        assertEquals(4, result.exitCode());
        assertEquals("iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: "
                + "Permission denied (you must be root)\n", result.stderr());
    }
}
