package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.CommentMatch;
import dev.syssim.sim.netfilter.Match;
import java.util.List;

/** {@code -m comment --comment TEXT} (libxt_comment): at most 255 characters, kept. */
final class CommentExtension extends MatchExtension {

    private static final List<Option> OPTIONS = List.of(new Option("comment", Getopt.REQUIRED_ARGUMENT, 0));

    private String comment = "";

    CommentExtension() {
        super("comment");
    }

    @Override
    List<Option> options() {
        return OPTIONS;
    }

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, false);
        comment = arg.length() > 255 ? arg.substring(0, 255) : arg;
    }

    @Override
    void finalCheck() {
        requireSeen(0);
    }

    @Override
    Match build() {
        return new CommentMatch(comment);
    }
}
