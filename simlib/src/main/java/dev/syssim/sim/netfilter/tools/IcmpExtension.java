package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.IcmpMatch;
import dev.syssim.sim.netfilter.Match;
import java.util.List;
import java.util.OptionalLong;

/** {@code -m icmp} (libipt_icmp): {@code [!] --icmp-type TYPE[/CODE]|NAME}, mandatory. */
final class IcmpExtension extends MatchExtension {

    private static final int TYPE = 0;
    private static final List<Option> OPTIONS = List.of(new Option("icmp-type", Getopt.REQUIRED_ARGUMENT, TYPE));

    private int type = IcmpMatch.ANY_TYPE;
    private int codeMin = 0;
    private int codeMax = 0xFF;
    private boolean inverted;

    IcmpExtension() {
        super("icmp");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, true);
        inverted = invert;
        IcmpTypeNames.Name match = null;
        for (IcmpTypeNames.Name name : IcmpTypeNames.NAMES) {
            if (name.name().regionMatches(true, 0, arg, 0, arg.length()) && arg.length() <= name.name().length()) {
                if (match != null) {
                    throw XtablesError.parameter("Ambiguous ICMP type `" + arg + "': `" + match.name()
                            + "' or `" + name.name() + "'?");
                }
                match = name;
            }
        }
        if (match != null) {
            type = match.type();
            codeMin = match.codeMin();
            codeMax = match.codeMax();
            return;
        }
        int slash = arg.indexOf('/');
        String typeText = slash >= 0 ? arg.substring(0, slash) : arg;
        OptionalLong number = CNumbers.parse(typeText, 0, 255);
        // libxt_icmp names the whole argument in both messages, "8/300" included.
        if (number.isEmpty()) throw XtablesError.parameter("Unknown ICMP type `" + arg + "'");
        type = (int) number.getAsLong();
        if (slash >= 0) {
            OptionalLong code = CNumbers.parse(arg.substring(slash + 1), 0, 255);
            if (code.isEmpty()) throw XtablesError.parameter("Unknown ICMP code `" + arg + "'");
            codeMin = (int) code.getAsLong();
            codeMax = codeMin;
        } else {
            codeMin = 0;
            codeMax = 0xFF;
        }
    }

    @Override
    void finalCheck() {
        requireSeen(TYPE);
    }

    @Override
    Match build() {
        return new IcmpMatch(type, codeMin, codeMax, inverted);
    }
}
