package dev.syssim.sim.netfilter.tools;

import java.util.List;

/**
 * One of nft's error records: the message and where it points — the primary place, marked
 * {@code ^^^} under the line, and optionally a second place marked {@code ~~~} (the statement a
 * later one contradicts). Printed as nft 1.0.6's {@code erec_print}: from the command line as
 * {@code Error: …}, the line, the marks; from a file with {@code FILE:LINE:FIRST-LAST: } before.
 */
record NftError(String message, Loc at, Loc also) {

    /** A place in the input: line from 1, columns from 0, end exclusive. */
    record Loc(int line, int column, int end) {

        static Loc of(NftToken t) {
            return new Loc(t.line(), t.column(), t.end());
        }

        /** From the start of {@code a} to the end of {@code b} (on a's line). */
        static Loc span(NftToken a, NftToken b) {
            return new Loc(a.line(), a.column(), b.line() == a.line() ? Math.max(b.end(), a.end()) : a.end());
        }
    }

    static NftError at(String message, NftToken token) {
        return new NftError(message, Loc.of(token), null);
    }

    static NftError at(String message, Loc loc) {
        return new NftError(message, loc, null);
    }

    /**
     * The error as nft prints it. {@code file} is null for the command line, whose one line
     * {@code lines.get(0)} is printed whatever line the place is on.
     */
    String print(String file, List<String> lines) {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file).append(':').append(at.line()).append(':').append(at.column() + 1).append('-').append(at.end())
                    .append(": ");
        }
        out.append("Error: ").append(message).append('\n');
        String text = file == null ? lines.get(0) : at.line() - 1 < lines.size() ? lines.get(at.line() - 1) : "";
        out.append(text).append('\n');
        int width = Math.max(at.end(), also == null ? 0 : also.end());
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < width; i++) {
            char c = i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ';
            if (also != null && i >= also.column() && i < also.end()) c = '~';
            if (i >= at.column() && i < at.end()) c = '^';
            marks.append(c);
        }
        return out.append(marks).append('\n').toString();
    }
}
