package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.MultiportMatch;
import dev.syssim.sim.netfilter.PortRange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -m multiport} (libxt_multiport, revision 1): one of {@code [!] --sports}, {@code --dports},
 * {@code --ports}, a list of at most 15 ports where a range {@code a:b} takes two places. Needs
 * {@code -p tcp} or {@code -p udp} before it.
 */
final class MultiportExtension extends MatchExtension {

    private static final int MAX_PORTS = 15;
    /** The option names libxt_multiport's messages use, by option id. */
    private static final String[] NAMES = {"source-ports", "destination-ports", "ports"};
    private static final List<Option> OPTIONS = List.of(
            new Option("source-ports", Getopt.REQUIRED_ARGUMENT, 0),
            new Option("sports", Getopt.REQUIRED_ARGUMENT, 0),
            new Option("destination-ports", Getopt.REQUIRED_ARGUMENT, 1),
            new Option("dports", Getopt.REQUIRED_ARGUMENT, 1),
            new Option("ports", Getopt.REQUIRED_ARGUMENT, 2));

    private MultiportMatch.Kind kind;
    private List<PortRange> ports = List.of();
    private boolean inverted;

    MultiportExtension() {
        super("multiport");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        // libxtables checks repeats and exclusions before the extension sees the option; it names
        // the two options in the order of their table (sports, dports, ports), not of the command line.
        if (seen(id)) throw XtablesError.parameter("multiport: option \"--" + NAMES[id] + "\" can only be used once.\n");
        for (int other = 0; other < NAMES.length; other++) {
            if (other != id && seen(other)) {
                throw XtablesError.parameter("multiport: option \"--" + NAMES[Math.min(id, other)]
                        + "\" cannot be used together with \"--" + NAMES[Math.max(id, other)] + "\".\n");
            }
        }
        checkProtocol(state.protocol(), state.protocolInverted());
        ports = parsePorts(arg);
        kind = MultiportMatch.Kind.values()[id];
        if (invert) inverted = true;
        markSeen(id);
    }

    private static void checkProtocol(int protocol, boolean inverted) {
        if (inverted) {
            throw XtablesError.parameter("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
        }
        if (protocol == 6 || protocol == 17 || protocol == 136 || protocol == 132 || protocol == 33) return;
        if (protocol == 0) {
            throw XtablesError.parameter("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
        }
        throw XtablesError.parameter("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
    }

    private static List<PortRange> parsePorts(String list) {
        List<PortRange> result = new ArrayList<>();
        int slots = 0;
        String[] items = list.split(",", -1);
        for (String item : items) {
            if (slots >= MAX_PORTS) throw XtablesError.parameter("too many ports specified");
            int colon = item.indexOf(':');
            if (colon < 0) {
                result.add(PortRange.of(PortParser.port(item)));
                slots++;
                continue;
            }
            if (slots == MAX_PORTS - 1) throw XtablesError.parameter("too many ports specified");
            int low = PortParser.port(item.substring(0, colon));
            int high = PortParser.port(item.substring(colon + 1));
            if (low >= high) throw XtablesError.parameter("invalid portrange specified");
            result.add(new PortRange(low, high));
            slots += 2;
        }
        return result;
    }

    @Override
    void finalCheck() {
        if (!anySeen()) throw XtablesError.parameter("multiport expection an option");
    }

    @Override
    Match build() {
        return new MultiportMatch(kind, ports, inverted);
    }
}
