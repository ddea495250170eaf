package dev.syssim.kernel.display;

import dev.syssim.sim.trace.render.JsonRenderer;
import java.util.Locale;
import java.util.Optional;

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

    public static Optional<TraceFormat> parse(String word) {
        for (TraceFormat format : values()) {
            if (format.word().equals(word)) return Optional.of(format);
        }
        return Optional.empty();
    }
}
