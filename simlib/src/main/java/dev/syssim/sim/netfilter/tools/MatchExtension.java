package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Match;

/** A loaded match extension; {@link #build} makes the rule's {@link Match} once parsing is done. */
abstract class MatchExtension extends Extension {

    MatchExtension(String name) {
        super(name);
    }

    abstract Match build();
}
