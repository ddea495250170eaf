package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.conntrack.Connection;
import dev.syssim.sim.netfilter.conntrack.TcpState;
import dev.syssim.sim.netfilter.conntrack.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code conntrack} (conntrack-tools 1.4.7): {@code -L} lists the connection-tracking table in the
 * default format, optionally filtered by {@code -p PROTO}, {@code -s ADDR}, {@code -d ADDR}
 * (matching the original direction); {@code -F} empties it; {@code -C} counts. Summaries go to
 * standard error, as the real tool writes them. Entries are listed in the order they were
 * created; the kernel dumps them in hash-table order.
 */
public final class ConntrackTool {

    static final String PREFIX = "conntrack v1.4.7 (conntrack-tools): ";

    private ConntrackTool() {
    }

    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context) {
        char command = 0;
        Integer protocol = null;
        Ipv4Address source = null;
        Ipv4Address destination = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-L", "--dump", "-D", "--delete", "-F", "--flush", "-C", "--count" -> {
                    char c = switch (arg) {
                        case "-L", "--dump" -> 'L';
                        case "-D", "--delete" -> 'X';
                        case "-F", "--flush" -> 'F';
                        default -> 'C';
                    };
                    if (command != 0) return error("only one command can be specified");
                    command = c;
                }
                case "-p", "--proto", "-s", "--src", "--orig-src", "-d", "--dst", "--orig-dst" -> {
                    if (i + 1 >= args.size()) return error("option `" + arg + "' requires an argument");
                    String value = args.get(++i);
                    if (arg.equals("-p") || arg.equals("--proto")) {
                        OptionalInt number = ProtocolNames.parse(value.toLowerCase(java.util.Locale.ROOT));
                        if (number.isEmpty()) return error("proto `" + value + "' not found");
                        protocol = number.getAsInt();
                    } else {
                        Optional<Ipv4Address> address = Ipv4Address.tryParse(value);
                        if (address.isEmpty()) return error("Bad IP address `" + value + "'");
                        if (arg.equals("-s") || arg.endsWith("src")) {
                            source = address.get();
                        } else {
                            destination = address.get();
                        }
                    }
                }
                case "-V", "--version" -> {
                    return ToolResult.ok("conntrack v1.4.7 (conntrack-tools)\n");
                }
                default -> {
                    return error("unknown option `" + arg + "'");
                }
            }
        }
        if (command == 0) return error("no command specified");
        if (!context.privileged()) {
            return new ToolResult("", PREFIX + "Operation failed: Operation not permitted\n", 1);
        }
        return switch (command) {
            case 'F' -> {
                netfilter.conntrack().flush();
                yield new ToolResult("", PREFIX + "connection tracking table has been emptied.\n", 0);
            }
            case 'C' -> ToolResult.ok(netfilter.conntrack().connections(context.now()).size() + "\n");
            case 'X' -> list(netfilter, context.now(), protocol, source, destination, true);
            default -> list(netfilter, context.now(), protocol, source, destination, false);
        };
    }

    /**
     * {@code -L}, or {@code -D} ({@code delete}): the entries the filters select, each printed (and
     * deleted), then how many; a delete that finds none fails (status 1), as conntrack's does.
     */
    private static ToolResult list(Netfilter netfilter, long now, Integer protocol, Ipv4Address source,
                                   Ipv4Address destination, boolean delete) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Connection connection : netfilter.conntrack().connections(now)) {
            Tuple original = connection.original();
            if (protocol != null && original.protocol() != protocol) continue;
            if (source != null && original.src() != source.bits()) continue;
            if (destination != null && original.dst() != destination.bits()) continue;
            out.append(line(connection, now));
            if (delete) netfilter.conntrack().delete(connection);
            shown++;
        }
        if (delete) return new ToolResult(out.toString(), PREFIX + shown + " flow entries have been deleted.\n", shown > 0 ? 0 : 1);
        return new ToolResult(out.toString(), PREFIX + shown + " flow entries have been shown.\n", 0);
    }

    /**
     * One entry as libnetfilter_conntrack prints it by default:
     * {@code tcp      6 431999 ESTABLISHED src=... dst=... sport=... dport=... src=... [ASSURED] mark=0 use=1}.
     */
    static String line(Connection connection, long now) {
        int protocol = connection.protocol();
        String name = switch (protocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            default -> ProtocolNames.nameOf(protocol).orElse("unknown");
        };
        StringBuilder out = new StringBuilder(String.format("%-8s %d ", name, protocol));
        out.append(connection.remainingSeconds(now)).append(' ');
        if (connection.tcpState() != null) out.append(stateName(connection.tcpState())).append(' ');
        tuple(out, connection.original());
        if (!connection.seenReply()) out.append("[UNREPLIED] ");
        tuple(out, connection.reply());
        if (connection.assured()) out.append("[ASSURED] ");
        return out.append("mark=0 use=1\n").toString();
    }

    private static String stateName(TcpState state) {
        // libnetfilter_conntrack names the simultaneous-open state after its old meaning.
        return state == TcpState.SYN_SENT2 ? "LISTEN" : state.name();
    }

    private static void tuple(StringBuilder out, Tuple tuple) {
        out.append("src=").append(new Ipv4Address(tuple.src())).append(" dst=").append(new Ipv4Address(tuple.dst()))
                .append(' ');
        if (tuple.protocol() == 6 || tuple.protocol() == 17) {
            out.append("sport=").append(tuple.srcPort()).append(" dport=").append(tuple.dstPort()).append(' ');
        } else if (tuple.protocol() == 1) {
            out.append("type=").append(tuple.icmpType()).append(" code=").append(tuple.icmpCode())
                    .append(" id=").append(tuple.icmpId()).append(' ');
        }
    }

    private static ToolResult error(String message) {
        return new ToolResult("", PREFIX + message + "\nTry `conntrack -h' or 'conntrack --help' for more information.\n", 2);
    }
}
