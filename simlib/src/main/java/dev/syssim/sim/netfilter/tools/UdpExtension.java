package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.PortRange;
import dev.syssim.sim.netfilter.UdpMatch;
import java.util.List;

/** {@code -m udp} (libxt_udp): {@code [!] --sport}, {@code [!] --dport}. */
final class UdpExtension extends MatchExtension {

    private static final int SPORT = 0;
    private static final int DPORT = 1;

    private static final List<Option> OPTIONS = List.of(
            new Option("source-port", Getopt.REQUIRED_ARGUMENT, SPORT),
            new Option("sport", Getopt.REQUIRED_ARGUMENT, SPORT),
            new Option("destination-port", Getopt.REQUIRED_ARGUMENT, DPORT),
            new Option("dport", Getopt.REQUIRED_ARGUMENT, DPORT));

    private PortRange sports = PortRange.ALL;
    private boolean sportInverted;
    private PortRange dports = PortRange.ALL;
    private boolean dportInverted;

    UdpExtension() {
        super("udp");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        if (id == SPORT) {
            if (seen(SPORT)) throw XtablesError.parameter("Only one `--source-port' allowed");
            sports = PortParser.udpRange(arg);
            sportInverted = invert;
        } else {
            if (seen(DPORT)) throw XtablesError.parameter("Only one `--destination-port' allowed");
            dports = PortParser.udpRange(arg);
            dportInverted = invert;
        }
        markSeen(id);
    }

    @Override
    Match build() {
        return new UdpMatch(sports, sportInverted, dports, dportInverted);
    }
}
