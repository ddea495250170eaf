package dev.syssim.sim.netfilter.ufw;

import java.util.ArrayList;
import java.util.List;

/**
 * What ufw keeps between runs, in the files it keeps it in: {@code /etc/ufw/ufw.conf}
 * ({@code ENABLED}, {@code LOGLEVEL}), {@code /etc/default/ufw} (the default policies, as
 * iptables targets: {@code DROP}, {@code ACCEPT}, {@code REJECT}) and the user rules of
 * {@code /etc/ufw/user.rules} and {@code user6.rules}. Immutable; each change makes a new one.
 */
public record UfwConfig(boolean enabled, String logLevel, String input, String output, String forward,
                        List<UfwRule> rules, List<UfwRule> rules6) {

    /** ufw as Debian installs it: disabled, logging low, deny incoming, allow outgoing, deny routed, no rules. */
    public static final UfwConfig DEFAULT = new UfwConfig(false, "low", "DROP", "ACCEPT", "DROP", List.of(), List.of());

    public UfwConfig {
        rules = List.copyOf(rules);
        rules6 = List.copyOf(rules6);
    }

    UfwConfig withEnabled(boolean on) {
        return new UfwConfig(on, logLevel, input, output, forward, rules, rules6);
    }

    UfwConfig withLogLevel(String level) {
        return new UfwConfig(enabled, level, input, output, forward, rules, rules6);
    }

    UfwConfig withPolicy(String direction, String policy) {
        return switch (direction) {
            case "incoming" -> new UfwConfig(enabled, logLevel, policy, output, forward, rules, rules6);
            case "outgoing" -> new UfwConfig(enabled, logLevel, input, policy, forward, rules, rules6);
            default -> new UfwConfig(enabled, logLevel, input, output, policy, rules, rules6);
        };
    }

    UfwConfig withRules(List<UfwRule> four, List<UfwRule> six) {
        return new UfwConfig(enabled, logLevel, input, output, forward, four, six);
    }

    // ---- reading the files ----

    /** The state the files say ({@code null} for a file that is missing: its defaults). */
    public static UfwConfig read(String ufwConf, String defaults, String userRules, String user6Rules) {
        boolean enabled = "yes".equals(value(ufwConf, "ENABLED", "no"));
        String level = value(ufwConf, "LOGLEVEL", "low");
        return new UfwConfig(enabled, level, value(defaults, "DEFAULT_INPUT_POLICY", "DROP"),
                value(defaults, "DEFAULT_OUTPUT_POLICY", "ACCEPT"), value(defaults, "DEFAULT_FORWARD_POLICY", "DROP"),
                tuples(userRules, false), tuples(user6Rules, true));
    }

    private static String value(String file, String key, String fallback) {
        if (file == null) return fallback;
        for (String line : file.split("\n")) {
            String l = line.strip();
            if (l.startsWith(key + "=")) return l.substring(key.length() + 1).replace("\"", "").strip();
        }
        return fallback;
    }

    private static List<UfwRule> tuples(String file, boolean v6) {
        List<UfwRule> out = new ArrayList<>();
        if (file == null) return out;
        for (String line : file.split("\n")) {
            UfwRule rule = UfwRule.parseTuple(line.strip(), v6);
            if (rule != null) out.add(rule);
        }
        return out;
    }

    // ---- writing them ----

    /** {@code /etc/ufw/ufw.conf} with the two settings changed in {@code old} (or a new file). */
    public String ufwConf(String old) {
        return set(set(old == null ? "ENABLED=no\nLOGLEVEL=low\n" : old, "ENABLED", enabled ? "yes" : "no"), "LOGLEVEL", logLevel);
    }

    /** {@code /etc/default/ufw} with the three policies changed in {@code old} (or a new file). */
    public String defaults(String old) {
        String text = old == null ? "IPV6=yes\nDEFAULT_INPUT_POLICY=\"DROP\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n"
                + "DEFAULT_FORWARD_POLICY=\"DROP\"\nDEFAULT_APPLICATION_POLICY=\"SKIP\"\nMANAGE_BUILTINS=no\n" : old;
        text = set(text, "DEFAULT_INPUT_POLICY", "\"" + input + "\"");
        text = set(text, "DEFAULT_OUTPUT_POLICY", "\"" + output + "\"");
        return set(text, "DEFAULT_FORWARD_POLICY", "\"" + forward + "\"");
    }

    private static String set(String file, String key, String value) {
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (String line : file.split("\n", -1)) {
            if (!done && line.startsWith(key + "=")) {
                out.append(key).append('=').append(value);
                done = true;
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        if (!done) out.append(key).append('=').append(value).append('\n');
        return out.toString();
    }

    /** {@code /etc/ufw/user.rules} (or {@code user6.rules}) as ufw writes it. */
    public String userRules(boolean v6) {
        String p = v6 ? "ufw6" : "ufw";
        StringBuilder out = new StringBuilder("*filter\n");
        for (String chain : List.of("user-input", "user-output", "user-forward", "before-logging-input",
                "before-logging-output", "before-logging-forward", "user-logging-input", "user-logging-output",
                "user-logging-forward", "after-logging-input", "after-logging-output", "after-logging-forward",
                "logging-deny", "logging-allow", "user-limit", "user-limit-accept")) {
            out.append(':').append(p).append('-').append(chain).append(" - [0:0]\n");
        }
        out.append("### RULES ###\n");
        for (UfwRule rule : v6 ? rules6 : rules) {
            out.append('\n').append(rule.tupleLine()).append('\n');
            for (String line : rule.iptablesRules()) out.append(line).append('\n');
        }
        out.append("\n### END RULES ###\n\n### LOGGING ###\n");
        for (String line : UfwChains.loggingRules(this, p)) out.append(line).append('\n');
        out.append("### END LOGGING ###\n\n### RATE LIMITING ###\n");
        for (String line : UfwChains.rateLimiting(this, p)) out.append(line).append('\n');
        out.append("### END RATE LIMITING ###\nCOMMIT\n");
        return out.toString();
    }
}
