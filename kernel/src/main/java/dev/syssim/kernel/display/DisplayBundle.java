package dev.syssim.kernel.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two maps of a {@code display_data} message: MIME type to value ({@code String}s, and a
 * JSON-able map for {@code +json} types), and the metadata (such as an image's width and height).
 */
public record DisplayBundle(Map<String, Object> data, Map<String, Object> metadata) {

    public DisplayBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
