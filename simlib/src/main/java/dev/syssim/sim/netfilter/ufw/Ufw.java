package dev.syssim.sim.netfilter.ufw;

import dev.syssim.sim.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ufw 0.36.2's command line as a pure function: the arguments, the state its files hold, standard
 * input (the answer to "Proceed with operation (y|n)?") and who runs it, to what it prints, its
 * status, the state to write back and what to do to the kernel's tables. Messages and statuses
 * are ufw's: usage on standard output and "ERROR: ..." on standard error with status 1.
 */
public final class Ufw {

    /** What to do to the filter table afterwards. */
    public enum Apply {
        NONE,
        /** Start (or reload) the whole firewall: {@link UfwChains#start}. */
        START,
        /** Stop it: {@link UfwChains#stop}. */
        STOP,
        /** Change only the user rules: {@link UfwChains#userChange}. */
        USER_RULES,
        /**
         * {@code ufw reset}: back up the rules files (named with the time), put the installed ones
         * in their place, and stop the firewall if it ran: the program's part, it has the clock.
         */
        RESET
    }

    /** The outcome of one run. */
    public record Result(String stdout, String stderr, int status, UfwConfig config, Apply apply) {
    }

    static final String VERSION = "ufw 0.36.2\nCopyright 2008-2023 Canonical Ltd.\n";
    private static final List<String> ACTIONS = List.of("allow", "deny", "reject", "limit");

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final boolean forwarding;
    private UfwConfig config;
    private Apply apply = Apply.NONE;

    private Ufw(UfwConfig config, boolean forwarding) {
        this.config = config;
        this.forwarding = forwarding;
    }

    /** An error that ends the run: "ERROR: ..." on standard error, usage first if {@code usage}. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean usage;

        Failure(String message, boolean usage) {
            super(message, null, false, false);
            this.usage = usage;
        }
    }

    /**
     * Runs {@code ufw ARGS}. {@code root}: the caller's effective uid is 0; {@code forwarding}:
     * {@code net.ipv4.ip_forward} is on (else {@code status verbose} says routing is disabled).
     */
    public static Result run(List<String> args, UfwConfig config, String stdin, boolean root, boolean forwarding) {
        Ufw ufw = new Ufw(config, forwarding);
        try {
            int status = ufw.command(new ArrayList<>(args), stdin == null ? "" : stdin, root);
            return new Result(ufw.out.toString(), ufw.err.toString(), status, ufw.config, ufw.apply);
        } catch (Failure f) {
            if (f.usage) ufw.out.append(UfwText.USAGE);
            ufw.err.append("ERROR: ").append(f.getMessage()).append('\n');
            return new Result(ufw.out.toString(), ufw.err.toString(), 1, config, Apply.NONE);
        }
    }

    private int command(List<String> args, String stdin, boolean root) {
        boolean force = false;
        while (!args.isEmpty() && args.get(0).startsWith("--")) {
            String option = args.remove(0);
            switch (option) {
                case "--force" -> force = true;
                case "--dry-run" -> throw new Failure("--dry-run is not simulated by syssim", false);
                case "--version" -> {
                    out.append(VERSION);
                    return 0;
                }
                default -> throw new Failure("Invalid syntax", true);
            }
        }
        if (args.isEmpty()) throw new Failure("not enough args", true);
        String verb = args.get(0);
        if (verb.equals("version")) {
            out.append(VERSION);
            return 0;
        }
        if (verb.equals("help") || verb.equals("-h")) {
            out.append(UfwText.USAGE);
            return 0;
        }
        checkSyntax(args);
        if (!root) throw new Failure("You need to be root to run this script", false);
        switch (verb) {
            case "enable" -> {
                config = config.withEnabled(true);
                apply = Apply.START;
                out.append("Firewall is active and enabled on system startup\n");
            }
            case "disable" -> {
                config = config.withEnabled(false);
                apply = Apply.STOP;
                out.append("Firewall stopped and disabled on system startup\n");
            }
            case "reload" -> {
                if (config.enabled()) {
                    apply = Apply.START;
                    out.append("Firewall reloaded\n");
                } else {
                    out.append("Firewall not enabled (skipping reload)\n");
                }
            }
            case "status" -> out.append(UfwText.status(config, args.size() > 1 ? args.get(1) : "", forwarding));
            case "show" -> {
                if (!args.get(1).equals("added")) throw error("'ufw show " + args.get(1) + "' is not simulated by syssim");
                out.append(UfwText.added(config));
            }
            case "default" -> defaultPolicy(args);
            case "logging" -> logging(args.get(1));
            case "app" -> {
                out.append("Available applications:\n");
                for (String name : UfwApps.names()) out.append("  ").append(name).append('\n');
            }
            case "delete" -> {
                return delete(args.subList(1, args.size()), force, stdin);
            }
            case "insert" -> insert(args);
            case "reset" -> {
                if (!force) {
                    out.append("Resetting all rules to installed defaults. Proceed with operation (y|n)? ");
                    String answer = stdin.lines().findFirst().orElse("").strip().toLowerCase(Locale.ROOT);
                    if (!answer.equals("y") && !answer.equals("yes")) {
                        out.append("Aborted\n");
                        return 0;
                    }
                }
                config = config.withEnabled(false).withRules(List.of(), List.of());
                apply = Apply.RESET;
            }
            default -> add(args, -1);
        }
        return 0;
    }

    /** The checks of ufw's parser made before anything else, each ending in the usage and "Invalid syntax". */
    private static void checkSyntax(List<String> args) {
        String verb = args.get(0);
        boolean ok = switch (verb) {
            case "enable", "disable", "reload", "reset" -> args.size() == 1;
            case "status" -> args.size() == 1 || (args.size() == 2 && List.of("verbose", "numbered").contains(args.get(1)));
            case "default" -> args.size() >= 2 && args.size() <= 3 && List.of("allow", "deny", "reject").contains(args.get(1))
                    && (args.size() == 2 || List.of("incoming", "outgoing", "routed", "input", "output").contains(args.get(2)));
            case "logging" -> args.size() == 2 && List.of("on", "off", "low", "medium", "high", "full").contains(args.get(1));
            case "app" -> args.size() == 2 && args.get(1).equals("list");
            case "delete" -> args.size() >= 2;
            case "show" -> args.size() == 2 && List.of("raw", "builtins", "before-rules", "user-rules", "after-rules",
                    "logging-rules", "listening", "added").contains(args.get(1));
            case "insert" -> args.size() >= 3;
            default -> ACTIONS.contains(verb) && args.size() >= 2;
        };
        if (!ok) throw new Failure("Invalid syntax", true);
    }

    private void defaultPolicy(List<String> args) {
        String policy = args.get(1);
        String direction = args.size() == 3 ? args.get(2) : "incoming";
        if (direction.equals("input")) direction = "incoming";
        if (direction.equals("output")) direction = "outgoing";
        String target = switch (policy) {
            case "allow" -> "ACCEPT";
            case "reject" -> "REJECT";
            default -> "DROP";
        };
        config = config.withPolicy(direction, target);
        if (config.enabled()) apply = Apply.START;
        out.append("Default ").append(direction).append(" policy changed to '").append(policy).append("'\n")
                .append("(be sure to update your rules accordingly)\n");
    }

    private void logging(String level) {
        String now = switch (level) {
            case "on" -> config.logLevel().equals("off") ? "low" : config.logLevel();
            default -> level;
        };
        config = config.withLogLevel(now);
        if (config.enabled()) apply = Apply.START;
        out.append(now.equals("off") ? "Logging disabled\n" : "Logging enabled\n");
    }

    // ---- rules ----

    private void add(List<String> args, int position) {
        UfwRule rule = UfwRuleParser.parse(args);
        List<UfwRule> four = new ArrayList<>(config.rules());
        List<UfwRule> six = new ArrayList<>(config.rules6());
        boolean active = config.enabled();
        String inserted = position > 0 ? "Rule inserted" : "Rule added";
        report(place(four, rule, position), active, inserted, "");
        if (rule.hasV6Twin()) report(place(six, rule.asV6(), position), active, inserted, " (v6)");
        config = config.withRules(four, six);
        if (active) apply = Apply.USER_RULES;
    }

    /** Adds (or inserts, or updates in place) a rule; returns what happened: "added", "updated", "skipped". */
    private static String place(List<UfwRule> rules, UfwRule rule, int position) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).equals(rule)) return "skipped";
            if (rules.get(i).sameExceptAction(rule)) {
                rules.set(i, rule);
                return "updated";
            }
        }
        if (position > 0 && position <= rules.size()) {
            rules.add(position - 1, rule);
        } else {
            rules.add(rule);
        }
        return "added";
    }

    private void report(String what, boolean active, String added, String suffix) {
        if (what.equals("skipped")) {
            out.append("Skipping adding existing rule").append(suffix).append('\n');
        } else if (!active) {
            out.append("Rules updated").append(suffix).append('\n');
        } else {
            out.append(what.equals("updated") ? "Rule updated" : added).append(suffix).append('\n');
        }
    }

    private void insert(List<String> args) {
        int position = parsePosition(args.get(1));
        int total = config.rules().size() + config.rules6().size();
        if (position < 1 || position > total) throw new Failure("Invalid position '" + args.get(1) + "'", false);
        add(args.subList(2, args.size()), position);
    }

    private static int parsePosition(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Failure("Invalid position '" + text + "'", false);
        }
    }

    private int delete(List<String> args, boolean force, String stdin) {
        List<UfwRule> four = new ArrayList<>(config.rules());
        List<UfwRule> six = new ArrayList<>(config.rules6());
        boolean active = config.enabled();
        if (args.size() == 1 && args.get(0).chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(args.get(0));
            if (n < 1 || n > four.size() + six.size()) throw new Failure("Could not find rule '" + args.get(0) + "'", false);
            UfwRule rule = n <= four.size() ? four.get(n - 1) : six.get(n - four.size() - 1);
            if (!force) {
                out.append("Deleting:\n ").append(rule.command()).append("\nProceed with operation (y|n)? ");
                String answer = stdin.lines().findFirst().orElse("").strip().toLowerCase(Locale.ROOT);
                if (!answer.equals("y") && !answer.equals("yes")) {
                    out.append("Aborted\n");
                    return 0;
                }
            }
            if (n <= four.size()) four.remove(n - 1);
            else six.remove(n - four.size() - 1);
            out.append(active ? "Rule deleted" : "Rules updated").append(rule.v6() ? " (v6)" : "").append('\n');
        } else {
            UfwRule rule = UfwRuleParser.parse(args);
            out.append(removeLike(four, rule) ? (active ? "Rule deleted" : "Rules updated") : "Could not delete non-existent rule").append('\n');
            if (rule.hasV6Twin()) {
                out.append(removeLike(six, rule.asV6()) ? (active ? "Rule deleted" : "Rules updated") : "Could not delete non-existent rule")
                        .append(" (v6)\n");
            }
        }
        config = config.withRules(four, six);
        if (active) apply = Apply.USER_RULES;
        return 0;
    }

    /** Removes the rule that is {@code rule} whatever its comment (a delete names a rule without it). */
    private static boolean removeLike(List<UfwRule> rules, UfwRule rule) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).withComment("").equals(rule.withComment(""))) {
                rules.remove(i);
                return true;
            }
        }
        return false;
    }

    static Failure error(String message) {
        return new Failure(message, false);
    }

    static Failure syntax() {
        return new Failure("Invalid syntax", true);
    }

    /** Whether {@code text} is an IPv4 address or network ufw accepts. */
    static boolean isAddress(String text) {
        return Cidr.tryParse(text).isPresent();
    }
}
