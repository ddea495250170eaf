package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Rule;

/**
 * A rule as {@code iptables -S} writes it after {@code -A CHAIN}, for traces that name the rule a
 * packet met: {@code -i eth0 -o eth1 -m conntrack --ctstate NEW -j DROP}.
 */
public final class RuleText {

    private RuleText() {
    }

    public static String of(Rule rule) {
        return SaveFormat.rule(rule, null).strip();
    }
}
