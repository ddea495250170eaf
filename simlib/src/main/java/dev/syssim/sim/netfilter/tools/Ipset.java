package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.ipset.IpSet;
import dev.syssim.sim.netfilter.ipset.IpSets;
import dev.syssim.sim.netfilter.ipset.Member;
import dev.syssim.sim.netfilter.ipset.SetResult;
import dev.syssim.sim.netfilter.ipset.SetType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code ipset} 7.17 (protocol 7): {@code create}, {@code add}, {@code del}, {@code test},
 * {@code list} ({@code -n}, {@code -t}, {@code -o save}), {@code save}, {@code restore},
 * {@code flush}, {@code destroy}, {@code rename}, {@code swap}, {@code version}, with the options
 * {@code -exist} and {@code -q} anywhere on the line — a pure function of the arguments, the
 * machine's sets and the {@link ToolContext}, answering with ipset's text and status: 2 for a
 * mistake on the command line (with the "Try `ipset help'" line), 1 for what the kernel refuses.
 * Types: {@code hash:ip}, {@code hash:net}, {@code hash:ip,port}, {@code bitmap:port}, family
 * {@code inet}.
 */
public final class Ipset {

    static final String PREFIX = "ipset v7.17: ";
    private static final String TRY = "Try `ipset help' for more information.\n";

    /**
     * ipset's {@code exit_error()}: the message, and whether it was a mistake on the command line
     * (status 2, with the help line) or anything else (status 1). Thrown from deep in parsing and
     * caught in this package only, like {@link XtablesError}.
     */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean parameter;

        private Exit(String message, boolean parameter) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        static Exit parameter(String message) {
            return new Exit(message, true);
        }

        static Exit other(String message) {
            return new Exit(message, false);
        }
    }

    /** The command line's options that are not the command and its words. */
    private record Options(boolean exist, boolean quiet, boolean names, boolean terse, boolean saveFormat) {
    }

    private Ipset() {
    }

    /** Runs {@code ipset ARGS...} on the machine's sets; {@code args} excludes the program name. */
    public static ToolResult run(List<String> args, Netfilter netfilter, ToolContext context) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        boolean quiet = args.contains("-q") || args.contains("-quiet") || args.contains("--quiet");
        try {
            int status = command(args, netfilter.ipsets(), context, out, err, false, -1);
            return new ToolResult(out.toString(), err.toString(), status);
        } catch (Exit e) {
            if (!quiet) err.append(PREFIX).append(e.getMessage()).append('\n').append(e.parameter ? TRY : "");
            return new ToolResult(out.toString(), err.toString(), e.parameter ? 2 : 1);
        }
    }

    /**
     * One command, from the command line or a line of {@code restore} ({@code line} > 0: kernel
     * errors then say "Error in line N:"). Returns the status of a command that did not fail.
     */
    private static int command(List<String> args, IpSets sets, ToolContext context, StringBuilder out, StringBuilder err,
                               boolean inherited, int line) {
        List<String> words = new ArrayList<>();
        boolean exist = inherited;
        boolean quiet = false;
        boolean names = false;
        boolean terse = false;
        boolean saveFormat = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") ? a.substring(2) : a.startsWith("-") ? a.substring(1) : null;
            if (option == null || words.isEmpty() && isCommandOption(a)) {
                words.add(a);
                continue;
            }
            switch (option) {
                case "exist", "!" -> exist = true;
                case "q", "quiet" -> quiet = true;
                case "n", "name" -> names = true;
                case "t", "terse" -> terse = true;
                case "o", "output" -> {
                    if (i + 1 >= args.size()) throw Exit.parameter("Missing mandatory argument of option `output'");
                    String format = args.get(++i);
                    if (!format.equals("plain") && !format.equals("save")) {
                        throw Exit.parameter("Syntax error: unknown output mode '" + format + "'");
                    }
                    saveFormat = format.equals("save");
                }
                case "f", "file" -> {
                    // The netfilter tool has read the file as the standard input already.
                    if (i + 1 >= args.size()) throw Exit.parameter("Missing mandatory argument of option `file'");
                    i++;
                }
                default -> words.add(a);
            }
        }
        Options options = new Options(exist, quiet, names, terse, saveFormat);
        if (words.isEmpty()) throw Exit.parameter("No command specified.");
        String command = commandName(words.get(0));
        if (command == null) throw Exit.parameter("No command specified: unknown argument " + words.get(0));
        List<String> rest = words.subList(1, words.size());
        if (command.equals("version")) {
            out.append("ipset v7.17, protocol version: 7\n");
            return 0;
        }
        if (command.equals("help")) {
            out.append(help());
            return 0;
        }
        checkArguments(command, rest);
        if (!context.privileged()) throw Exit.other("Kernel error received: Operation not permitted");
        try {
            return execute(command, rest, options, sets, context.now(), context.stdin(), out, err);
        } catch (Exit e) {
            if (line > 0 && !e.parameter) throw Exit.other("Error in line " + line + ": " + e.getMessage());
            throw e;
        }
    }

    private static boolean isCommandOption(String a) {
        return a.length() == 2 && "NADTXLSRFEWHVv".indexOf(a.charAt(1)) >= 0 && a.charAt(0) == '-';
    }

    private static String commandName(String word) {
        return switch (word) {
            case "create", "n", "-N" -> "create";
            case "add", "-A" -> "add";
            case "del", "-D" -> "del";
            case "test", "-T" -> "test";
            case "destroy", "x", "-X" -> "destroy";
            case "list", "-L" -> "list";
            case "save", "-S" -> "save";
            case "restore", "-R" -> "restore";
            case "flush", "-F" -> "flush";
            case "rename", "e", "-E" -> "rename";
            case "swap", "w", "-W" -> "swap";
            case "help", "-H", "-h" -> "help";
            case "version", "-V", "-v" -> "version";
            default -> null;
        };
    }

    /** The words each command must have, checked before the kernel is asked anything. */
    private static void checkArguments(String command, List<String> rest) {
        int needed = switch (command) {
            case "create", "add", "del", "test", "rename", "swap" -> 2;
            default -> 0;
        };
        if (rest.size() < needed) {
            throw Exit.parameter("Missing " + (rest.isEmpty() ? "" : "second ") + "mandatory argument to command " + command);
        }
    }

    private static int execute(String command, List<String> rest, Options options, IpSets sets, long now, String stdin,
                               StringBuilder out, StringBuilder err) {
        String name = rest.isEmpty() ? null : rest.get(0);
        switch (command) {
            case "create" -> create(name, rest.subList(1, rest.size()), options.exist(), sets, now);
            case "add", "del" -> change(command, name, rest.subList(1, rest.size()), options.exist(), sets, now);
            case "test" -> {
                return test(name, rest.get(1), options.quiet(), sets, now, err);
            }
            case "list", "save" -> list(name, command.equals("save") || options.saveFormat(), options, sets, now, out);
            case "restore" -> restore(stdin, options.exist(), sets, now, out);
            case "flush" -> {
                if (name == null) {
                    for (IpSet set : sets.all()) set.flush();
                } else {
                    existing(sets, name).flush();
                }
            }
            case "destroy" -> kernel(name == null ? sets.destroyAll() : sets.destroy(name));
            case "rename" -> kernel(sets.rename(name, rest.get(1)));
            case "swap" -> kernel(sets.swap(name, rest.get(1)));
            default -> throw new IllegalStateException(command);
        }
        return 0;
    }

    // ---- create ----

    private static void create(String name, List<String> words, boolean exist, IpSets sets, long now) {
        String typeName = words.get(0);
        SetType type = SetType.named(typeName);
        if (type == null) throw Exit.other("Syntax error: typename '" + typeName + "' is unknown");
        int hashsize = -1;
        int maxelem = -1;
        int bucketsize = -1;
        int timeout = -1;
        int initval = -1;
        int[] range = null;
        for (int i = 1; i < words.size(); i++) {
            String option = words.get(i);
            boolean known = type.isHash()
                    ? List.of("family", "hashsize", "maxelem", "timeout", "bucketsize", "initval").contains(option)
                    : List.of("range", "timeout", "--from", "--to").contains(option);
            if (!known && List.of("counters", "comment", "skbinfo", "forceadd", "netmask", "bitmask").contains(option)) {
                // Real options of ipset 7.17 the simulated sets do not have: refused as such, not as unknown.
                throw Exit.other("the create option " + option + " is not simulated by syssim");
            }
            if (!known) throw Exit.parameter("Unknown argument: `" + option + "'");
            if (i + 1 >= words.size()) throw Exit.parameter("Missing mandatory argument of option `" + option + "'");
            String value = words.get(++i);
            switch (option) {
                case "family" -> {
                    if (!value.equals("inet")) throw Exit.other("family " + value + " is not simulated by syssim");
                }
                case "hashsize" -> hashsize = (int) number(value, 0xFFFFFFFFL);
                case "maxelem" -> maxelem = (int) number(value, 0xFFFFFFFFL);
                case "timeout" -> timeout = (int) number(value, 2_147_483L);
                case "bucketsize" -> bucketsize = (int) number(value, 255);
                case "initval" -> initval = (int) number(value, 0xFFFFFFFFL);
                // ipset 4's "--from A --to B", still read as the two ends of the range.
                case "--from" -> {
                    int from = IpsetEntries.port(value, "tcp");
                    range = new int[] {from, range == null ? from : range[1]};
                }
                case "--to" -> {
                    int to = IpsetEntries.port(value, "tcp");
                    range = new int[] {range == null ? to : range[0], to};
                }
                default -> range = portRange(value);
            }
        }
        if (type == SetType.BITMAP_PORT && range == null) throw Exit.parameter("Mandatory option `range' is missing");
        IpSets.Spec spec = new IpSets.Spec(type, hashsize, maxelem, bucketsize, timeout, initval,
                range == null ? 0 : range[0], range == null ? 0 : range[1]);
        kernel(sets.create(name, spec, exist, now));
    }

    private static long number(String text, long max) {
        OptionalLong n = CNumbers.parse(text, 0, Long.MAX_VALUE);
        if (n.isEmpty()) throw Exit.other("Syntax error: '" + text + "' is invalid as number");
        if (n.getAsLong() > max) throw Exit.other("Syntax error: '" + text + "' is out of range 0-" + max);
        return n.getAsLong();
    }

    private static int[] portRange(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) throw Exit.other("Syntax error: missing range separator '-' in " + text);
        int first = IpsetEntries.port(text.substring(0, dash), "tcp");
        int last = IpsetEntries.port(text.substring(dash + 1), "tcp");
        return new int[] {Math.min(first, last), Math.max(first, last)};
    }

    // ---- add, del, test ----

    private static void change(String command, String name, List<String> words, boolean exist, IpSets sets, long now) {
        IpSet set = existing(sets, name);
        List<Member> members = IpsetEntries.parse(set.type(), words.get(0));
        long seconds = -1;
        for (int i = 1; i < words.size(); i++) {
            String option = words.get(i);
            if (!option.equals("timeout") || command.equals("del")) throw Exit.parameter("Unknown argument: `" + option + "'");
            if (i + 1 >= words.size()) throw Exit.parameter("Missing mandatory argument of option `timeout'");
            seconds = number(words.get(++i), 2_147_483L);
            if (!set.hasTimeout()) throw Exit.other("Timeout cannot be used: set was created without timeout support");
        }
        for (Member member : members) {
            SetResult result = command.equals("add") ? set.add(member, seconds, exist, now) : set.delete(member, now);
            if (result == SetResult.OK) continue;
            if (exist && (result == SetResult.ALREADY_ADDED || result == SetResult.NOT_ADDED)) continue;
            throw Exit.other(message(result));
        }
    }

    private static int test(String name, String entry, boolean quiet, IpSets sets, long now, StringBuilder err) {
        IpSet set = existing(sets, name);
        List<Member> members = IpsetEntries.parse(set.type(), entry);
        Member member = members.get(0);
        boolean in = set.test(member, now);
        String shown = IpsetEntries.format(set.type(), member);
        if (!quiet) err.append(in ? "Warning: " + shown + " is in set " + name + ".\n" : shown + " is NOT in set " + name + ".\n");
        return in ? 0 : 1;
    }

    private static String message(SetResult result) {
        return switch (result) {
            case ALREADY_ADDED -> "Element cannot be added to the set: it's already added";
            case NOT_ADDED -> "Element cannot be deleted from the set: it's not added";
            case HASH_FULL -> "Hash is full, cannot add more elements";
            case OUT_OF_RANGE -> "Element is out of the range of the set";
            case OK -> "";
        };
    }

    // ---- list, save ----

    private static void list(String name, boolean save, Options options, IpSets sets, long now, StringBuilder out) {
        List<IpSet> chosen = name == null ? sets.all() : List.of(existing(sets, name));
        boolean first = true;
        for (IpSet set : chosen) {
            if (options.names()) {
                out.append(set.name()).append('\n');
                continue;
            }
            if (save) {
                out.append("create ").append(set.name()).append(' ').append(set.type().typeName()).append(' ')
                        .append(set.header()).append('\n');
                if (!options.terse()) {
                    for (IpSet.Listed m : set.members(now)) out.append("add ").append(set.name()).append(' ').append(member(set, m)).append('\n');
                }
                continue;
            }
            if (!first) out.append('\n');
            first = false;
            out.append("Name: ").append(set.name()).append('\n')
                    .append("Type: ").append(set.type().typeName()).append('\n')
                    .append("Revision: ").append(set.type().revision()).append('\n')
                    .append("Header: ").append(set.header()).append('\n')
                    .append("Size in memory: ").append(set.memorySize(now)).append('\n')
                    .append("References: ").append(sets.references(set.name())).append('\n')
                    .append("Number of entries: ").append(set.entries(now)).append('\n');
            if (options.terse()) continue;
            out.append("Members:\n");
            for (IpSet.Listed m : set.members(now)) out.append(member(set, m)).append('\n');
        }
    }

    private static String member(IpSet set, IpSet.Listed m) {
        String text = IpsetEntries.format(set.type(), m.member());
        return m.secondsLeft() >= 0 ? text + " timeout " + m.secondsLeft() : text;
    }

    // ---- restore ----

    /** {@code ipset restore}: each line a command without the program's name, applied in order until one fails. */
    private static void restore(String input, boolean exist, IpSets sets, long now, StringBuilder out) {
        String[] lines = input.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#") || text.equals("COMMIT")) continue;
            List<String> words = List.of(text.split("\\s+"));
            String command = commandName(words.get(0));
            if (command == null || command.equals("restore")) {
                throw Exit.parameter("No command specified: unknown argument " + words.get(0));
            }
            command(words, sets, ToolContext.root(now), out, new StringBuilder(), exist, i + 1);
        }
    }

    // ---- the kernel's answers ----

    private static IpSet existing(IpSets sets, String name) {
        IpSet set = sets.get(name);
        if (set == null) throw Exit.other("The set with the given name does not exist");
        return set;
    }

    private static void kernel(IpSets.Outcome outcome) {
        String message = switch (outcome) {
            case OK -> null;
            case NAME_TAKEN -> "Set cannot be created: set with the same name already exists";
            case NO_SUCH_SET -> "The set with the given name does not exist";
            case IN_USE -> "Set cannot be destroyed: it is in use by a kernel component";
            case RENAME_IN_USE -> "Set cannot be renamed: it is in use by another system";
            case NEW_NAME_TAKEN -> "Set cannot be renamed: a set with the new name already exists";
            case SECOND_MISSING -> "Sets cannot be swapped: the second set does not exist";
            case TYPE_MISMATCH -> "The sets cannot be swapped: their type does not match";
            case NO_FREE_SLOT -> "Kernel error received: maximal number of sets reached, cannot create more.";
        };
        if (message != null) throw Exit.other(message);
    }

    /**
     * {@code ipset help}: ipset 7.17's own text, its list of set types cut down to the four this
     * simulation has (with every revision the real one lists for them).
     */
    private static String help() {
        try (var in = Ipset.class.getResourceAsStream("ipset-help.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("ipset-help.txt missing from the build", e);
        }
    }
}
