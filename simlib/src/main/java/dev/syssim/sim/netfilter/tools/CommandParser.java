package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.FragmentMatch;
import dev.syssim.sim.netfilter.InterfaceMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * iptables' command-line parser ({@code do_parse} in xshared.c, 1.8.9): the getopt loop with its
 * checks in the order iptables makes them, then the checks after the loop. The first problem
 * ends the parse with the message iptables prints. The result is a {@link State}: the command,
 * the chain, and the parts of the rule.
 */
final class CommandParser {

    static final int CMD_INSERT = 1;
    static final int CMD_DELETE = 1 << 1;
    static final int CMD_DELETE_NUM = 1 << 2;
    static final int CMD_REPLACE = 1 << 3;
    static final int CMD_APPEND = 1 << 4;
    static final int CMD_LIST = 1 << 5;
    static final int CMD_FLUSH = 1 << 6;
    static final int CMD_ZERO = 1 << 7;
    static final int CMD_NEW_CHAIN = 1 << 8;
    static final int CMD_DELETE_CHAIN = 1 << 9;
    static final int CMD_SET_POLICY = 1 << 10;
    static final int CMD_RENAME_CHAIN = 1 << 11;
    static final int CMD_LIST_RULES = 1 << 12;
    static final int CMD_ZERO_NUM = 1 << 13;
    static final int CMD_CHECK = 1 << 14;
    private static final char[] CMD_CHARS = {'I', 'D', 'D', 'R', 'A', 'L', 'F', 'Z', 'N', 'X', 'P', 'E', 'S', 'Z', 'C'};

    static final int OPT_NUMERIC = 1;
    static final int OPT_SOURCE = 1 << 1;
    static final int OPT_DESTINATION = 1 << 2;
    static final int OPT_PROTOCOL = 1 << 3;
    static final int OPT_JUMP = 1 << 4;
    static final int OPT_VERBOSE = 1 << 5;
    static final int OPT_EXPANDED = 1 << 6;
    static final int OPT_VIANAMEIN = 1 << 7;
    static final int OPT_VIANAMEOUT = 1 << 8;
    static final int OPT_LINENUMBERS = 1 << 9;
    static final int OPT_COUNTERS = 1 << 10;
    static final int OPT_FRAGMENT = 1 << 11;
    private static final char[] OPT_CHARS = {'n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'};
    private static final int INVERTIBLE = OPT_SOURCE | OPT_DESTINATION | OPT_PROTOCOL | OPT_VIANAMEIN
            | OPT_VIANAMEOUT | OPT_FRAGMENT;

    /** Which options each command allows ('x' = illegal), columns in OPT_CHARS order (xshared.c). */
    private static final String[] COMMANDS_V_OPTIONS = {
        "x     x  x  ", // INSERT
        "x     x  xx ", // DELETE
        "xxxxx xxxxxx", // DELETE_NUM
        "x     x  x  ", // REPLACE
        "x     x  x  ", // APPEND
        " xxxx  xx xx", // LIST
        "xxxxx xxxxxx", // FLUSH
        "xxxxx xxxxxx", // ZERO
        "xxxxx xxxxxx", // NEW_CHAIN
        "xxxxx xxxxxx", // DELETE_CHAIN
        "xxxxx xxxx x", // SET_POLICY
        "xxxxx xxxxxx", // RENAME_CHAIN
        "xxxxx xxxxxx", // LIST_RULES
        "xxxxx xxxxxx", // ZERO_NUM
        "x     x  xx ", // CHECK
    };

    /** IPT_OPTSTRING without its "-:" head (which the Getopt here always behaves as). */
    static final String SHORT_OPTIONS = "A:C:D:E:F::I:L::M:N:P:R:S::VX::Z::c:d:fg:h::i:j:m:no:p:s:t:vw::W::x46";
    static final int CHAIN_NAME_MAX = 29;
    private static final int FIRST_EXTENSION_VAL = 256;
    private static final int EXTENSION_VALS = 32;

    private static final List<Getopt.LongOption> ORIGINAL_OPTIONS = List.of(
            opt("append", 1, 'A'), opt("delete", 1, 'D'), opt("check", 1, 'C'), opt("insert", 1, 'I'),
            opt("replace", 1, 'R'), opt("list", 2, 'L'), opt("list-rules", 2, 'S'), opt("flush", 2, 'F'),
            opt("zero", 2, 'Z'), opt("new-chain", 1, 'N'), opt("delete-chain", 2, 'X'), opt("rename-chain", 1, 'E'),
            opt("policy", 1, 'P'), opt("source", 1, 's'), opt("destination", 1, 'd'), opt("src", 1, 's'),
            opt("dst", 1, 'd'), opt("protocol", 1, 'p'), opt("in-interface", 1, 'i'), opt("jump", 1, 'j'),
            opt("table", 1, 't'), opt("match", 1, 'm'), opt("numeric", 0, 'n'), opt("out-interface", 1, 'o'),
            opt("verbose", 0, 'v'), opt("wait", 2, 'w'), opt("wait-interval", 2, 'W'), opt("exact", 0, 'x'),
            opt("fragments", 0, 'f'), opt("version", 0, 'V'), opt("help", 2, 'h'), opt("line-numbers", 0, '0'),
            opt("modprobe", 1, 'M'), opt("set-counters", 1, 'c'), opt("goto", 1, 'g'), opt("ipv4", 0, '4'),
            opt("ipv6", 0, '6'));

    private static Getopt.LongOption opt(String name, int hasArg, int val) {
        return new Getopt.LongOption(name, hasArg, val);
    }

    /** Everything the command line said. */
    static final class State {
        final Getopt getopt;
        final boolean restore;
        int command;
        String chain;
        int ruleNumber;
        String newName;
        String policy;
        String table = "filter";
        boolean tableSet;
        int options;
        int verbose;
        String protocolName;
        int protocol;
        boolean protocolInverted;
        boolean protocolUsed;
        String sourceText;
        boolean sourceInverted;
        String destinationText;
        boolean destinationInverted;
        InterfaceMatch in = InterfaceMatch.ANY;
        InterfaceMatch out = InterfaceMatch.ANY;
        FragmentMatch fragment = FragmentMatch.ANY;
        final List<MatchExtension> matches = new ArrayList<>();
        TargetExtension target;
        String jumpTo;
        boolean goTo;
        long packets;
        long bytes;
        List<Cidr> sources = List.of(Cidr.ANY);
        List<Cidr> destinations = List.of(Cidr.ANY);
        /** Set when {@code -h} or {@code -V} ended the run with output and status 0. */
        String exitOutput;
        /** A {@code !} with nothing after it. */
        boolean danglingInvert;
        /** {@code -w}'s seconds: 0 without it, -1 for "wait forever" (a bare {@code -w}). */
        long waitSeconds;
        /** Whether {@code -W} was given (deprecated: it only warns, and needs {@code -w}). */
        boolean waitIntervalSet;
        /** What iptables prints on stderr while it parses and still goes on (the deprecation warning). */
        final StringBuilder warnings;
        /** Whether the kernel has an ipset of that name ({@code -m set} asks while parsing). */
        Predicate<String> setExists = name -> false;
        private int nextVal = FIRST_EXTENSION_VAL;

        State(Getopt getopt, boolean restore, StringBuilder warnings) {
            this.getopt = getopt;
            this.restore = restore;
            this.warnings = warnings;
        }

        Getopt getopt() {
            return getopt;
        }

        int protocol() {
            return protocol;
        }

        boolean protocolInverted() {
            return protocolInverted;
        }

        boolean has(int option) {
            return (options & option) != 0;
        }

        void register(Extension extension) {
            extension.assignBase(nextVal);
            nextVal += EXTENSION_VALS;
            getopt.addLongOptions(extension.longOptions());
        }
    }

    private CommandParser() {
    }

    /** Parses {@code args} (without the program name); {@code restore} for a line of iptables-restore. */
    static State parse(List<String> args, boolean restore, Function<String, List<Ipv4Address>> resolver) {
        return parse(args, restore, resolver, name -> false);
    }

    /** As {@link #parse(List, boolean, Function)}, where the ipsets {@code setExists} says exist can be named. */
    static State parse(List<String> args, boolean restore, Function<String, List<Ipv4Address>> resolver,
                       Predicate<String> setExists) {
        return parse(args, restore, resolver, setExists, new StringBuilder());
    }

    /**
     * As {@link #parse(List, boolean, Function, Predicate)}, with the warnings iptables prints
     * while parsing appended to {@code warnings} (kept even when parsing then fails, as on Linux).
     */
    static State parse(List<String> args, boolean restore, Function<String, List<Ipv4Address>> resolver,
                       Predicate<String> setExists, StringBuilder warnings) {
        List<String> argv = new ArrayList<>();
        argv.add("iptables");
        argv.addAll(args);
        State state = new State(new Getopt(argv, SHORT_OPTIONS, ORIGINAL_OPTIONS), restore, warnings);
        state.setExists = setExists;
        if (!loop(state)) return state;
        afterLoop(state, resolver);
        return state;
    }

    /** The getopt loop; false if {@code -h} or {@code -V} ended the run. */
    private static boolean loop(State s) {
        Getopt g = s.getopt;
        boolean invert = false;
        int c;
        while ((c = g.next()) != Getopt.END) {
            switch (c) {
                case 'A' -> command(s, CMD_APPEND, 0, invert, g.optarg);
                case 'C' -> command(s, CMD_CHECK, 0, invert, g.optarg);
                case 'D' -> {
                    command(s, CMD_DELETE, 0, invert, g.optarg);
                    if (g.hasArg()) {
                        s.ruleNumber = ruleNumber(g.takeArg());
                        s.command = CMD_DELETE_NUM;
                    }
                }
                case 'R' -> {
                    command(s, CMD_REPLACE, 0, invert, g.optarg);
                    if (!g.hasArg()) throw XtablesError.parameter("-R requires a rule number");
                    s.ruleNumber = ruleNumber(g.takeArg());
                }
                case 'I' -> {
                    command(s, CMD_INSERT, 0, invert, g.optarg);
                    s.ruleNumber = g.hasArg() ? ruleNumber(g.takeArg()) : 1;
                }
                case 'L', 'S' -> {
                    command(s, c == 'L' ? CMD_LIST : CMD_LIST_RULES, CMD_ZERO | CMD_ZERO_NUM, invert, null);
                    optionalChain(s, g);
                    if (g.hasArg()) s.ruleNumber = ruleNumber(g.takeArg());
                }
                case 'F' -> {
                    command(s, CMD_FLUSH, 0, invert, null);
                    optionalChain(s, g);
                }
                case 'Z' -> {
                    command(s, CMD_ZERO, CMD_LIST | CMD_LIST_RULES, invert, null);
                    optionalChain(s, g);
                    if (g.hasArg()) {
                        s.ruleNumber = ruleNumber(g.takeArg());
                        s.command = CMD_ZERO_NUM;
                    }
                }
                case 'N' -> {
                    assertValidChainName(g.optarg);
                    command(s, CMD_NEW_CHAIN, 0, invert, g.optarg);
                }
                case 'X' -> {
                    command(s, CMD_DELETE_CHAIN, 0, invert, null);
                    optionalChain(s, g);
                }
                case 'E' -> {
                    command(s, CMD_RENAME_CHAIN, 0, invert, g.optarg);
                    if (!g.hasArg()) throw XtablesError.parameter("-E requires old-chain-name and new-chain-name");
                    s.newName = g.takeArg();
                }
                case 'P' -> {
                    command(s, CMD_SET_POLICY, 0, invert, g.optarg);
                    if (!g.hasArg()) throw XtablesError.parameter("-P requires a chain and a policy");
                    s.policy = g.takeArg();
                }
                case 'h' -> {
                    s.exitOutput = Help.text();
                    return false;
                }
                case 'V' -> {
                    s.exitOutput = invert ? "Not " + Iptables.VERSION_NUMBER + " ;-)\n" : "iptables v" + Iptables.VERSION_NUMBER + "\n";
                    return false;
                }
                case 'p' -> protocol(s, g.optarg, invert);
                case 's' -> {
                    setOption(s, OPT_SOURCE, invert);
                    s.sourceText = g.optarg;
                    s.sourceInverted = invert;
                }
                case 'd' -> {
                    setOption(s, OPT_DESTINATION, invert);
                    s.destinationText = g.optarg;
                    s.destinationInverted = invert;
                }
                case 'g' -> {
                    setOption(s, OPT_JUMP, invert);
                    s.goTo = true;
                    s.jumpTo = targetName(g.optarg);
                }
                case 'j' -> {
                    setOption(s, OPT_JUMP, invert);
                    jump(s, g.optarg);
                }
                case 'i', 'o' -> {
                    if (g.optarg.isEmpty()) throw XtablesError.parameter("Empty interface is likely to be undesired");
                    setOption(s, c == 'i' ? OPT_VIANAMEIN : OPT_VIANAMEOUT, invert);
                    InterfaceMatch iface = parseInterface(g.optarg, invert);
                    if (c == 'i') s.in = iface; else s.out = iface;
                }
                case 'f' -> {
                    setOption(s, OPT_FRAGMENT, invert);
                    s.fragment = invert ? FragmentMatch.NON_FRAGMENTS : FragmentMatch.FRAGMENTS;
                }
                case 'v' -> {
                    if (s.verbose == 0) setOption(s, OPT_VERBOSE, invert);
                    s.verbose++;
                }
                case 'm' -> match(s, g.optarg, invert);
                case 'n' -> setOption(s, OPT_NUMERIC, invert);
                case 't' -> {
                    if (invert) throw XtablesError.parameter("unexpected ! flag before --table");
                    if (s.restore && s.tableSet) {
                        throw XtablesError.parameter("The -t option cannot be used in iptables-restore.\n");
                    }
                    s.table = g.optarg;
                    s.tableSet = true;
                }
                case 'x' -> setOption(s, OPT_EXPANDED, invert);
                case 'w', 'W' -> waitOption(s, g, (char) c);
                case '0' -> setOption(s, OPT_LINENUMBERS, invert);
                case 'M', '4' -> {
                    // --modprobe is irrelevant here; -4 is this program's own family.
                }
                case 'c' -> counters(s, g, invert);
                case '6' -> throw XtablesError.tryHelp();
                case Getopt.NON_OPTION -> {
                    if (g.optarg.equals("!")) {
                        if (invert) throw XtablesError.parameter("multiple consecutive ! not allowed");
                        invert = true;
                        continue;
                    }
                    throw XtablesError.bareParameter("Bad argument `" + g.optarg + "'");
                }
                default -> {
                    if (extensionOption(s, c, invert)) continue;
                }
            }
            invert = false;
        }
        s.danglingInvert = invert;
        return true;
    }

    private static void afterLoop(State s, Function<String, List<Ipv4Address>> resolver) {
        // Real order: this comes before the extensions' final checks ("-w 0" counts as no -w).
        if (s.waitIntervalSet && s.waitSeconds == 0) {
            throw XtablesError.parameter("--wait-interval only makes sense with --wait\n");
        }
        for (MatchExtension match : s.matches) match.finalCheck();
        if (s.target != null) s.target.finalCheck();
        if (s.getopt.optind < s.getopt.argc()) {
            throw XtablesError.parameter("unknown arguments found on commandline");
        }
        if (s.command == 0) throw XtablesError.parameter("no command specified");
        if (s.table.equals("nat") && ("DROP".equals(s.policy) || "DROP".equals(s.jumpTo))) {
            throw XtablesError.parameter("\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n");
        }
        if (s.danglingInvert) throw XtablesError.parameter("nothing appropriate following !");

        boolean ruleCommand = (s.command & (CMD_REPLACE | CMD_INSERT | CMD_DELETE | CMD_APPEND | CMD_CHECK)) != 0;
        String sources = s.sourceText != null ? s.sourceText : ruleCommand ? "0.0.0.0/0" : null;
        String destinations = s.destinationText != null ? s.destinationText : ruleCommand ? "0.0.0.0/0" : null;
        if (sources != null) s.sources = AddressParser.parseMultiple(sources, resolver);
        if (destinations != null) s.destinations = AddressParser.parseMultiple(destinations, resolver);
        if ((s.sources.size() > 1 || s.destinations.size() > 1) && (s.sourceInverted || s.destinationInverted)) {
            throw XtablesError.parameter("! not allowed with multiple source or destination IP addresses");
        }
        if (s.command == CMD_REPLACE && (s.sources.size() != 1 || s.destinations.size() != 1)) {
            throw XtablesError.parameter("Replacement rule does not specify a unique address");
        }
        genericOptionCheck(s.command, s.options);
        if (s.chain != null && s.chain.length() >= CHAIN_NAME_MAX) {
            throw XtablesError.parameter("chain name `" + s.chain + "' too long (must be under 29 chars)");
        }
        if ((s.command & (CMD_APPEND | CMD_DELETE | CMD_DELETE_NUM | CMD_CHECK | CMD_INSERT | CMD_REPLACE)) != 0
                && s.command == (s.command & -s.command)) {
            if ((s.chain.equals("PREROUTING") || s.chain.equals("INPUT")) && s.has(OPT_VIANAMEOUT)) {
                throw XtablesError.parameter("Can't use -o with " + s.chain + "\n");
            }
            if ((s.chain.equals("POSTROUTING") || s.chain.equals("OUTPUT")) && s.has(OPT_VIANAMEIN)) {
                throw XtablesError.parameter("Can't use -i with " + s.chain + "\n");
            }
        }
    }

    // ---- commands ----

    private static void command(State s, int command, int allowedWith, boolean invert, String chain) {
        if (invert) throw XtablesError.parameter("unexpected '!' flag");
        int conflict = s.command & ~allowedWith;
        if (conflict != 0) {
            throw XtablesError.parameter("Cannot use -" + cmdChar(command) + " with -" + cmdChar(conflict));
        }
        s.command |= command;
        if (chain != null) s.chain = chain;
    }

    private static char cmdChar(int command) {
        int i = 0;
        for (int bits = command; bits > 1; bits >>>= 1) i++;
        return CMD_CHARS[i];
    }

    /** The optional chain of -L, -S, -F, -Z, -X: attached ({@code -LINPUT}) or the next plain argument. */
    private static void optionalChain(State s, Getopt g) {
        if (g.optarg != null) {
            s.chain = g.optarg;
        } else if (g.hasArg()) {
            s.chain = g.takeArg();
        }
    }

    private static int ruleNumber(String text) {
        OptionalLong number = CNumbers.parse(text, 1, Integer.MAX_VALUE);
        if (number.isEmpty()) throw XtablesError.parameter("Invalid rule number `" + text + "'");
        return (int) number.getAsLong();
    }

    static void assertValidChainName(String name) {
        if (name.length() >= CHAIN_NAME_MAX) {
            throw XtablesError.parameter("chain name `" + name + "' too long (must be under 29 chars)");
        }
        if (name.startsWith("-") || name.startsWith("!")) {
            throw XtablesError.parameter("chain name not allowed to start with `" + name.charAt(0) + "'");
        }
        if (Extensions.isTargetName(name)) throw XtablesError.parameter("chain name may not clash with target name");
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw XtablesError.parameter("Invalid chain name `" + name + "'");
        }
    }

    // ---- options ----

    private static void setOption(State s, int option, boolean invert) {
        int index = Integer.numberOfTrailingZeros(option);
        if ((s.options & option) != 0) {
            throw XtablesError.parameter("multiple -" + OPT_CHARS[index] + " flags not allowed");
        }
        s.options |= option;
        if (invert && (INVERTIBLE & option) == 0) {
            throw XtablesError.parameter("cannot have ! before -" + OPT_CHARS[index]);
        }
    }

    private static void protocol(State s, String text, boolean invert) {
        setOption(s, OPT_PROTOCOL, invert);
        String name = text.toLowerCase(Locale.ROOT);
        OptionalInt number = ProtocolNames.parse(name);
        if (number.isEmpty()) throw XtablesError.parameter("unknown protocol \"" + name + "\" specified");
        s.protocolName = name;
        s.protocol = number.getAsInt();
        s.protocolInverted = invert;
        if (s.protocol == 0 && invert) throw XtablesError.parameter("rule would never match protocol");
    }

    static InterfaceMatch parseInterface(String name, boolean invert) {
        if (name.length() + 1 > 16) {
            throw XtablesError.parameter("interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
        }
        return InterfaceMatch.of(name, invert);
    }

    private static void counters(State s, Getopt g, boolean invert) {
        setOption(s, OPT_COUNTERS, invert);
        String packets = g.optarg;
        int comma = packets.indexOf(',', 1);
        String bytes = comma >= 0 ? packets.substring(comma + 1) : null;
        if (bytes == null && g.hasArg()) bytes = g.takeArg();
        if (bytes == null) throw XtablesError.parameter("-c requires packet and byte counter");
        OptionalLong p = CNumbers.leadingUnsigned(packets);
        if (p.isEmpty()) throw XtablesError.parameter("-c packet counter not numeric");
        OptionalLong b = CNumbers.leadingUnsigned(bytes);
        if (b.isEmpty()) throw XtablesError.parameter("-c byte counter not numeric");
        s.packets = p.getAsLong();
        s.bytes = b.getAsLong();
    }

    /** {@code -w [SECONDS]} and {@code -W [USECS]} ({@code parse_wait_time}, {@code parse_wait_interval}). */
    private static void waitOption(State s, Getopt g, char option) {
        if (s.restore) throw XtablesError.parameter("You cannot use `-" + option + "' from iptables-restore");
        String value = g.optarg != null ? g.optarg : g.hasArg() ? g.takeArg() : null;
        if (option == 'w') {
            if (value == null) {
                s.waitSeconds = -1;
                return;
            }
            // sscanf("%i"): a sign is allowed, the digits may go on into anything.
            String digits = value.strip();
            boolean negative = digits.startsWith("-");
            if (negative || digits.startsWith("+")) digits = digits.substring(1);
            OptionalLong seconds = CNumbers.leadingUnsigned(digits);
            if (seconds.isEmpty()) throw XtablesError.parameter("wait seconds not numeric");
            s.waitSeconds = negative ? -seconds.getAsLong() : seconds.getAsLong();
            // Waiting for the xtables lock takes no time here: nothing else holds it.
            return;
        }
        if (value == null) throw XtablesError.parameter("wait interval value required");
        OptionalLong usec = CNumbers.leadingUnsigned(value);
        if (usec.isEmpty()) throw XtablesError.parameter("wait interval not numeric");
        if (usec.getAsLong() > 999_999) {
            throw XtablesError.parameter("too long usec wait " + usec.getAsLong() + " > 999999 usec");
        }
        s.waitIntervalSet = true;
        s.warnings.append("Ignoring deprecated --wait-interval option.\n");
    }

    // ---- extensions ----

    private static void match(State s, String name, boolean invert) {
        if (invert) throw XtablesError.parameter("unexpected ! flag before --match");
        MatchExtension match = Extensions.match(name);
        if (match == null) {
            if (Extensions.isUnsimulatedMatch(name)) throw XtablesError.unsimulated("match `" + name + "'");
            throw XtablesError.parameter("Couldn't load match `" + name + "':No such file or directory\n");
        }
        s.register(match);
        s.matches.add(match);
    }

    private static String targetName(String name) {
        if (name.isEmpty()) throw XtablesError.parameter("Invalid target name (too short)");
        if (name.length() >= CHAIN_NAME_MAX) {
            throw XtablesError.parameter("Invalid target name `" + name + "' (28 chars max)");
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw XtablesError.parameter("Invalid target name `" + name + "'");
        }
        return name;
    }

    private static void jump(State s, String name) {
        s.jumpTo = targetName(name);
        if (Extensions.isUnsimulatedTarget(name)) throw XtablesError.unsimulated("target `" + name + "'");
        TargetExtension target = Extensions.target(name);
        if (target == null) return;
        s.target = target;
        s.register(target);
    }

    /**
     * An option getopt did not know as one of iptables' own: a loaded extension's, or one that
     * loading the protocol's match ({@code -p tcp} then {@code --dport}) makes known, in which case
     * the option is read again (returns true). Otherwise the error iptables gives.
     */
    private static boolean extensionOption(State s, int c, boolean invert) {
        Getopt g = s.getopt;
        if (s.target != null && s.target.owns(c)) {
            s.target.parse(s.target.idOf(c), g.optarg, invert, s);
            return false;
        }
        for (MatchExtension match : s.matches) {
            if (match.owns(c)) {
                match.parse(match.idOf(c), g.optarg, invert, s);
                return false;
            }
        }
        if (s.protocolName != null && !s.protocolUsed) {
            s.protocolUsed = true;
            MatchExtension match = protocolMatch(s.protocolName);
            if (match != null) {
                s.register(match);
                s.matches.add(match);
                g.optind--;
                return true;
            }
        }
        if (c == Getopt.MISSING_ARGUMENT) {
            throw XtablesError.parameter("option \"" + g.arg(g.optind - 1) + "\" requires an argument");
        }
        if (c == Getopt.UNKNOWN) {
            String option = g.optopt != 0 ? "-" + (char) g.optopt : g.arg(g.optind - 1);
            throw XtablesError.parameter("unknown option \"" + option + "\"");
        }
        throw XtablesError.parameter("Unknown arg \"" + g.optarg + "\"");
    }

    /** The match named after the protocol ({@code -p tcp} or {@code -p 6} loads tcp), if there is one. */
    private static MatchExtension protocolMatch(String protocolName) {
        OptionalLong number = CNumbers.parse(protocolName, 0, 255);
        String name = number.isPresent()
                ? ProtocolNames.chainProtoName((int) number.getAsLong()).orElse(null)
                : protocolName;
        if (name == null || !(name.equals("tcp") || name.equals("udp") || name.equals("icmp"))) return null;
        return Extensions.match(name);
    }

    private static void genericOptionCheck(int command, int options) {
        for (int o = 0; o < OPT_CHARS.length; o++) {
            if ((options & (1 << o)) == 0) continue;
            int legal = 0;
            for (int cmd = 0; cmd < COMMANDS_V_OPTIONS.length; cmd++) {
                if ((command & (1 << cmd)) == 0) continue;
                if (COMMANDS_V_OPTIONS[cmd].charAt(o) != 'x') {
                    legal = 1;
                } else if (legal == 0) {
                    legal = -1;
                }
            }
            if (legal == -1) throw XtablesError.parameter("Illegal option `-" + OPT_CHARS[o] + "' with this command");
        }
    }
}
