package dev.syssim.sim.netfilter;

import static dev.syssim.sim.netfilter.Packets.OFFCAMPUS;
import static dev.syssim.sim.netfilter.Packets.PARTNER;
import static dev.syssim.sim.netfilter.Packets.WASH;
import static dev.syssim.sim.netfilter.Packets.syn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.net.EthernetHeader;
import dev.syssim.sim.net.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the walk through the filter table, one behaviour each (DESIGN: netfilter). */
class RuleEvaluationTest {

    private static HookResult forward(Netfilter netfilter, Packet packet) {
        return netfilter.filter().evaluate(Hook.FORWARD, packet, "eth0", "eth1", CtState.NEW);
    }

    @Test
    void firstTerminatingTargetWins() {
        Netfilter nf = Rules.with("iptables -A FORWARD -p tcp --dport 22 -j ACCEPT",
                "iptables -A FORWARD -p tcp --dport 22 -j DROP");
        HookResult result = forward(nf, syn(OFFCAMPUS, WASH, 22));
        assertEquals(Verdict.ACCEPT, result.verdict());
        assertEquals("filter:FORWARD:rule:1", result.decidedBy().kernelForm());
        assertEquals(0, nf.filter().chain("FORWARD").entry(2).counters().packets());
    }

    @Test
    void logDoesNotTerminate() {
        Netfilter nf = Rules.with("iptables -A FORWARD -p tcp --dport 22 -j LOG --log-prefix \"SSH: \"",
                "iptables -A FORWARD -i eth0 -p tcp --dport 22 -j DROP");
        HookResult result = forward(nf, syn(OFFCAMPUS, WASH, 22));
        assertEquals(Verdict.DROP, result.verdict());
        assertEquals(List.of("filter:FORWARD:rule:1 LOG", "filter:FORWARD:rule:2 DROP"),
                result.steps().stream().map(TraceStep::label).toList());
        assertEquals(1, result.logs().size());
        assertEquals(1, nf.filter().chain("FORWARD").entry(1).counters().packets());
    }

    @Test
    void policyDecidesAtTheEndOfABuiltinChainAndCounts() {
        Netfilter nf = Rules.with("iptables -P FORWARD DROP", "iptables -A FORWARD -p tcp --dport 80 -j ACCEPT");
        HookResult result = forward(nf, syn(OFFCAMPUS, WASH, 22));
        assertEquals(Verdict.DROP, result.verdict());
        assertEquals("filter:FORWARD:policy:DROP", result.decidedBy().kernelForm());
        Counters policy = nf.filter().chain("FORWARD").policyCounters();
        assertEquals(1, policy.packets());
        assertEquals(60, policy.bytes());
    }

    @Test
    void returnInABuiltinChainFallsThroughToThePolicy() {
        Netfilter nf = Rules.with("iptables -P FORWARD DROP", "iptables -A FORWARD -s 203.0.113.50 -j RETURN",
                "iptables -A FORWARD -j ACCEPT");
        HookResult result = forward(nf, syn(OFFCAMPUS, WASH, 22));
        assertEquals(Verdict.DROP, result.verdict());
        assertEquals(List.of("filter:FORWARD:rule:1 RETURN", "filter:FORWARD:policy:DROP"),
                result.steps().stream().map(TraceStep::label).toList());
    }

    @Test
    void theEndOfAUserChainReturnsToTheRuleAfterTheJump() {
        Netfilter nf = Rules.with("iptables -N from_internet", "iptables -A FORWARD -i eth0 -j from_internet",
                "iptables -A FORWARD -j DROP", "iptables -A from_internet -s 198.51.100.25 -j ACCEPT");
        HookResult result = forward(nf, syn(OFFCAMPUS, WASH, 22));
        assertEquals(Verdict.DROP, result.verdict());
        assertEquals(List.of("filter:FORWARD:rule:1 JUMP:from_internet", "filter:from_internet:return:2 RETURN",
                "filter:FORWARD:rule:2 DROP"), result.steps().stream().map(TraceStep::label).toList());
        assertEquals(Verdict.ACCEPT, forward(nf, syn(PARTNER, WASH, 25)).verdict());
    }

    @Test
    void gotoDoesNotComeBackToTheCallingChain() {
        Netfilter nf = Rules.with("iptables -N quick", "iptables -A FORWARD -g quick", "iptables -A FORWARD -j DROP");
        HookResult result = forward(nf, syn(OFFCAMPUS, WASH, 22));
        assertEquals(Verdict.ACCEPT, result.verdict());
        assertEquals("filter:FORWARD:policy:ACCEPT", result.decidedBy().kernelForm());
    }

    @Test
    void everyMatchingRuleCountsThePacketIncludingJumps() {
        Netfilter nf = Rules.with("iptables -N counted", "iptables -A FORWARD -j counted", "iptables -A counted -p tcp",
                "iptables -A FORWARD -j ACCEPT");
        forward(nf, syn(OFFCAMPUS, WASH, 22));
        Table table = nf.filter();
        assertEquals(60, table.chain("FORWARD").entry(1).counters().bytes());
        assertEquals(60, table.chain("counted").entry(1).counters().bytes());
        assertEquals(60, table.chain("FORWARD").entry(2).counters().bytes());
    }

    @Test
    void rejectNamesWhatTheSenderGetsBack() {
        Netfilter nf = Rules.with("iptables -A FORWARD -p tcp -j REJECT --reject-with tcp-reset");
        assertEquals(new Verdict.Reject(RejectWith.TCP_RESET), forward(nf, syn(OFFCAMPUS, WASH, 22)).verdict());
    }

    @Test
    void interfaceWildcardMatchesTheNamePrefix() {
        Netfilter nf = Rules.with("iptables -A FORWARD -i eth+ -j DROP");
        assertEquals(Verdict.DROP, nf.filter().evaluate(Hook.FORWARD, syn(OFFCAMPUS, WASH, 22), "eth7", "eth1",
                CtState.NEW).verdict());
        assertEquals(Verdict.ACCEPT, nf.filter().evaluate(Hook.FORWARD, syn(OFFCAMPUS, WASH, 22), "wlan0", "eth1",
                CtState.NEW).verdict());
    }

    @Test
    void inOutputThereIsNoInInterfaceSoANegatedOneMatches() {
        Netfilter nf = Rules.with("iptables -N out", "iptables -A OUTPUT -j out", "iptables -A out ! -i eth0 -j DROP");
        assertEquals(Verdict.DROP, nf.filter().evaluate(Hook.OUTPUT, syn(WASH, OFFCAMPUS, 22), "", "eth0",
                CtState.NEW).verdict());
    }

    @Test
    void negatedSourceMatchesEveryOtherAddress() {
        Netfilter nf = Rules.with("iptables -A FORWARD ! -s 198.51.100.25 -p tcp --dport 25 -j DROP");
        assertEquals(Verdict.DROP, forward(nf, syn(OFFCAMPUS, WASH, 25)).verdict());
        assertEquals(Verdict.ACCEPT, forward(nf, syn(PARTNER, WASH, 25)).verdict());
    }

    @Test
    void ctstateMatchSeesTheStateItIsGiven() {
        Netfilter nf = Rules.with("iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
                "iptables -A FORWARD -j DROP");
        Packet packet = syn(OFFCAMPUS, WASH, 22);
        assertEquals(Verdict.ACCEPT, nf.filter().evaluate(Hook.FORWARD, packet, "eth0", "eth1", CtState.RELATED).verdict());
        assertEquals(Verdict.DROP, nf.filter().evaluate(Hook.FORWARD, packet, "eth0", "eth1", CtState.NEW).verdict());
    }

    @Test
    void multiportMatchesAnyListedPortOrRange() {
        Netfilter nf = Rules.with("iptables -A FORWARD -p tcp -m multiport --dports 22,80,6000:6010 -j DROP");
        assertEquals(Verdict.DROP, forward(nf, syn(OFFCAMPUS, WASH, 6005)).verdict());
        assertEquals(Verdict.ACCEPT, forward(nf, syn(OFFCAMPUS, WASH, 443)).verdict());
    }

    @Test
    void synFlagMatchTakesOnlyConnectionOpenings() {
        Netfilter nf = Rules.with("iptables -A FORWARD -p tcp --syn -j DROP");
        assertEquals(Verdict.DROP, forward(nf, syn(OFFCAMPUS, WASH, 22)).verdict());
        assertEquals(Verdict.ACCEPT, forward(nf, Packets.ack(OFFCAMPUS, WASH, 22)).verdict());
    }

    @Test
    void logLineHasTheKernelsFieldsInOrder() {
        Netfilter nf = Rules.with("iptables -A FORWARD -j LOG --log-prefix \"BORDER: \"");
        Packet packet = syn(OFFCAMPUS, WASH, 22).withTtl(63).withId(4242)
                .withEthernet(new EthernetHeader("02:00:00:00:00:01", "02:00:00:00:00:32"));
        LogRecord log = forward(nf, packet).logs().get(0);
        assertEquals(4, log.level());
        assertEquals("BORDER: IN=eth0 OUT=eth1 MAC=02:00:00:00:00:01:02:00:00:00:00:32:08:00 SRC=203.0.113.50 "
                + "DST=10.84.0.10 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=4242 DF PROTO=TCP SPT=40000 DPT=22 "
                + "WINDOW=64240 RES=0x00 SYN URGP=0 ", log.text());
    }

    @Test
    void logLineInOutputHasNoMacField() {
        Netfilter nf = Rules.with("iptables -A OUTPUT -j LOG");
        LogRecord log = nf.filter().evaluate(Hook.OUTPUT, syn(WASH, OFFCAMPUS, 22), "", "eth0", CtState.NEW)
                .logs().get(0);
        assertTrue(log.text().startsWith("IN= OUT=eth0 SRC=10.84.0.10 "), log.text());
    }
}
