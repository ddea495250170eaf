package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.Target;
import java.util.List;

/**
 * The NAT targets (libxt_DNAT, libxt_SNAT, libxt_MASQUERADE, libxt_REDIRECT):
 * {@code -j DNAT --to-destination ADDR[-ADDR][:PORT[-PORT]]}, {@code -j SNAT --to-source ...},
 * {@code -j MASQUERADE [--to-ports P[-P]]}, {@code -j REDIRECT [--to-ports P[-P]]}, each with
 * {@code --random}, and {@code --persistent} for DNAT/SNAT. A port needs {@code -p tcp} or
 * {@code udp} first.
 */
final class NatExtension extends TargetExtension {

    private static final int TO = 0;
    private static final int RANDOM = 1;
    private static final int PERSISTENT = 2;
    private static final int FULLY_RANDOM = 3;

    private final String kind;
    private final String toOption;
    private int minAddress;
    private int maxAddress;
    private int minPort;
    private int maxPort;

    NatExtension(String kind) {
        super(kind);
        this.kind = kind;
        this.toOption = switch (kind) {
            case "DNAT" -> "to-destination";
            case "SNAT" -> "to-source";
            default -> "to-ports";
        };
    }

    @Override
    List<Option> options() {
        if (kind.equals("DNAT") || kind.equals("SNAT")) {
            return List.of(new Option(toOption, 1, TO), new Option("to", 1, TO), new Option("random", 0, RANDOM),
                    new Option("persistent", 0, PERSISTENT), new Option("random-fully", 0, FULLY_RANDOM));
        }
        return List.of(new Option("to-ports", 1, TO), new Option("random", 0, RANDOM),
                new Option("random-fully", 0, FULLY_RANDOM));
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, false);
        if (id != TO) return;
        String ports = arg;
        if (kind.equals("DNAT") || kind.equals("SNAT")) {
            int colon = arg.indexOf(':');
            String addresses = colon < 0 ? arg : arg.substring(0, colon);
            ports = colon < 0 ? null : arg.substring(colon + 1);
            int dash = addresses.indexOf('-');
            minAddress = address(dash < 0 ? addresses : addresses.substring(0, dash));
            maxAddress = dash < 0 ? minAddress : address(addresses.substring(dash + 1));
        }
        if (ports == null) return;
        if (state.protocol() != 6 && state.protocol() != 17 && state.protocol() != 33 && state.protocol() != 132) {
            throw XtablesError.parameter("Need TCP, UDP, SCTP or DCCP with port specification");
        }
        // iptables 1.8.9: the whole text as a number or service name first (ftp-data is 20); else a
        // range of two numbers ("ftp-ssh" and "10-ssh" are refused, naming what it could not read)
        Integer single = portOrNull(ports);
        if (single != null) {
            minPort = single;
            maxPort = single;
            return;
        }
        int dash = ports.indexOf('-');
        var low = dash < 0 ? java.util.OptionalLong.empty() : CNumbers.parse(ports.substring(0, dash), 0, 65535);
        if (low.isEmpty()) throw XtablesError.parameter("Port `" + ports + "' not valid");
        String highText = ports.substring(dash + 1);
        var high = CNumbers.parse(highText, 0, 65535);
        if (high.isEmpty()) throw XtablesError.parameter("Port `" + highText + "' not valid");
        minPort = (int) low.getAsLong();
        maxPort = (int) high.getAsLong();
    }

    private static Integer portOrNull(String text) {
        var number = CNumbers.parse(text, 0, 65535);
        if (number.isPresent()) return (int) number.getAsLong();
        return dev.syssim.sim.net.Services.portOf(text).orElse(null);
    }

    private static int address(String text) {
        return Ipv4Address.tryParse(text).orElseThrow(() -> XtablesError.parameter("Bad IP address \"" + text + "\"")).bits();
    }

    @Override
    void finalCheck() {
        if (kind.equals("DNAT") || kind.equals("SNAT")) requireSeen(TO);
    }

    @Override
    Target build() {
        Target.NatRange range = new Target.NatRange(minAddress, maxAddress, minPort, maxPort, seen(RANDOM),
                seen(FULLY_RANDOM), seen(PERSISTENT));
        return switch (kind) {
            case "DNAT" -> new Target.Dnat(range);
            case "SNAT" -> new Target.Snat(range);
            case "MASQUERADE" -> new Target.Masquerade(range);
            default -> new Target.Redirect(range);
        };
    }
}
