package dev.syssim.sim.netfilter.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A loaded iptables extension (a match after {@code -m}, or a target after {@code -j}) with its
 * long options. Once loaded its options are merged into the command line's, numbered from
 * {@link #assignBase}; the parser hands each back to {@link #parse} by its id (synonyms such as
 * {@code --dport} and {@code --destination-port} share one).
 */
abstract class Extension {

    /** One option of the extension: {@code --name}, whether it takes an argument, its id. */
    record Option(String name, int hasArg, int id) {
    }

    private final String name;
    private int base;
    private int seen;

    Extension(String name) {
        this.name = name;
    }

    /** The extension's name, as iptables uses it in messages ({@code conntrack}, {@code REJECT}). */
    String name() {
        return name;
    }

    abstract List<Option> options();

    /** Handles the option with id {@code id}, its argument and whether a {@code !} preceded it. */
    abstract void parse(int id, String arg, boolean invert, CommandParser.State state);

    /** Checks made after the whole command line was read ({@code x6_fcheck}). */
    void finalCheck() {
    }

    void assignBase(int value) {
        base = value;
    }

    /** Whether getopt's {@code c} is one of this extension's options. */
    boolean owns(int c) {
        for (Option option : options()) {
            if (c == base + option.id()) return true;
        }
        return false;
    }

    int idOf(int c) {
        return c - base;
    }

    List<Getopt.LongOption> longOptions() {
        List<Getopt.LongOption> longs = new ArrayList<>();
        for (Option option : options()) {
            longs.add(new Getopt.LongOption(option.name(), option.hasArg(), base + option.id()));
        }
        return longs;
    }

    /** Whether any option of this extension was given. */
    boolean anySeen() {
        return seen != 0;
    }

    boolean seen(int id) {
        return (seen & (1 << id)) != 0;
    }

    void markSeen(int id) {
        seen |= 1 << id;
    }

    /**
     * The checks libxtables' option framework ({@code xtables_option_parse}) makes for extensions
     * written against it: each option once, {@code !} only where allowed.
     */
    void checkOnceAndInvert(int id, boolean invert, boolean invertible) {
        String option = optionName(id);
        if (seen(id)) {
            throw XtablesError.parameter(name + ": option \"--" + option + "\" can only be used once.\n");
        }
        if (invert && !invertible) {
            throw XtablesError.parameter(name + ": option \"--" + option + "\" cannot be inverted.\n");
        }
        markSeen(id);
    }

    /** The framework's check for a mandatory option ({@code XTOPT_MAND}). */
    void requireSeen(int id) {
        if (!seen(id)) {
            throw XtablesError.parameter(name + ": option \"--" + optionName(id) + "\" must be specified\n");
        }
    }

    private String optionName(int id) {
        for (Option option : options()) {
            if (option.id() == id) return option.name();
        }
        throw new IllegalArgumentException("no option " + id);
    }
}
