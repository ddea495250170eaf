package dev.syssim.kernel.eval;

import java.util.List;

/** Candidates for the text between {@code cursorStart} and {@code cursorEnd}. */
public record Completion(List<String> matches, int cursorStart, int cursorEnd) {

    public Completion {
        matches = List.copyOf(matches);
    }
}
