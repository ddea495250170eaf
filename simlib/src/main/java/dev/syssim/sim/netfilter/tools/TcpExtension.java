package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.PortRange;
import dev.syssim.sim.netfilter.TcpMatch;
import java.util.List;

/** {@code -m tcp} (libxt_tcp): {@code [!] --sport}, {@code [!] --dport}, {@code [!] --syn}, {@code [!] --tcp-flags}. */
final class TcpExtension extends MatchExtension {

    static final int SPORT = 0;
    static final int DPORT = 1;
    static final int SYN = 2;
    static final int FLAGS = 3;
    static final int OPTION = 4;

    /** libxt_tcp's flag names; ALL is the six classic flags. */
    static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ALL", "NONE"};
    static final int[] FLAG_BITS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x3F, 0x00};

    private static final List<Option> OPTIONS = List.of(
            new Option("source-port", Getopt.REQUIRED_ARGUMENT, SPORT),
            new Option("sport", Getopt.REQUIRED_ARGUMENT, SPORT),
            new Option("destination-port", Getopt.REQUIRED_ARGUMENT, DPORT),
            new Option("dport", Getopt.REQUIRED_ARGUMENT, DPORT),
            new Option("syn", Getopt.NO_ARGUMENT, SYN),
            new Option("tcp-flags", Getopt.REQUIRED_ARGUMENT, FLAGS),
            new Option("tcp-option", Getopt.REQUIRED_ARGUMENT, OPTION));

    private PortRange sports = PortRange.ALL;
    private boolean sportInverted;
    private PortRange dports = PortRange.ALL;
    private boolean dportInverted;
    private int flagMask;
    private int flagCompare;
    private boolean flagsInverted;

    TcpExtension() {
        super("tcp");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        switch (id) {
            case SPORT -> {
                if (seen(SPORT)) throw XtablesError.parameter("Only one `--source-port' allowed");
                sports = PortParser.range(arg);
                sportInverted = invert;
            }
            case DPORT -> {
                if (seen(DPORT)) throw XtablesError.parameter("Only one `--destination-port' allowed");
                dports = PortParser.range(arg);
                dportInverted = invert;
            }
            case SYN, FLAGS -> {
                if (seen(SYN) || seen(FLAGS)) {
                    throw XtablesError.parameter("Only one of `--syn' or `--tcp-flags'  allowed");
                }
                String mask = "SYN,RST,ACK,FIN";
                String compare = "SYN";
                if (id == FLAGS) {
                    if (!state.getopt().hasArg()) throw XtablesError.parameter("--tcp-flags requires two args.");
                    mask = arg;
                    compare = state.getopt().takeArg();
                }
                flagMask = parseFlags(mask);
                flagCompare = parseFlags(compare);
                flagsInverted = invert;
            }
            default -> throw XtablesError.unsimulated("--tcp-option");
        }
        markSeen(id);
    }

    static int parseFlags(String list) {
        int bits = 0;
        for (String flag : list.split(",")) {
            if (flag.isEmpty()) continue;
            int found = -1;
            for (int i = 0; i < FLAG_NAMES.length && found < 0; i++) {
                if (FLAG_NAMES[i].equalsIgnoreCase(flag)) found = i;
            }
            if (found < 0) throw XtablesError.parameter("Unknown TCP flag `" + flag + "'");
            bits |= FLAG_BITS[found];
        }
        return bits;
    }

    @Override
    Match build() {
        return new TcpMatch(sports, sportInverted, dports, dportInverted, flagMask, flagCompare, flagsInverted);
    }
}
