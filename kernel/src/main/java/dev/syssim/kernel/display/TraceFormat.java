package dev.syssim.kernel.display;

import dev.syssim.sim.trace.render.JsonRenderer;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** One representation a trace display may include, by the word {@code %trace --formats} uses. */
public enum TraceFormat {
    TEXT("text/plain"),
    HTML("text/html"),
    PNG("image/png"),
    JSON(JsonRenderer.MIME_TYPE);

    private final String mimeType;

    TraceFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The formats of a comma-separated list of words ({@code all} for every one), or empty if a word
     * is none of them.
     */
    public static Optional<Set<TraceFormat>> parseList(String list) {
        EnumSet<TraceFormat> chosen = EnumSet.noneOf(TraceFormat.class);
        for (String word : list.split(",", -1)) {
            if (word.equals("all")) {
                chosen.addAll(EnumSet.allOf(TraceFormat.class));
                continue;
            }
            Optional<TraceFormat> parsed = parse(word);
            if (parsed.isEmpty()) return Optional.empty();
            chosen.add(parsed.get());
        }
        return Optional.of(chosen);
    }

    public static Optional<TraceFormat> parse(String word) {
        for (TraceFormat format : values()) {
            if (format.word().equals(word)) return Optional.of(format);
        }
        return Optional.empty();
    }
}
