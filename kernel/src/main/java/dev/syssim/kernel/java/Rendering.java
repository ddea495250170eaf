package dev.syssim.kernel.java;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.kernel.display.DisplayBundle;
import dev.syssim.kernel.display.TraceBundle;
import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.sim.api.Trace;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.common.Url;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How Java values look in a notebook: BaseKernel's {@link Renderer} with its usual registrations
 * (images as PNG, URLs, text as the type asked for) as IJava has them, plus syssim's
 * {@link Trace}, drawn as a shell cell's trace is. A value that implements
 * {@code DisplayDataRenderable} renders itself; anything else is its {@code toString}.
 */
final class Rendering {

    /** One rendered value: the maps of a display_data, and its display id if it has one. */
    record Bundle(Map<String, Object> data, Map<String, Object> metadata, String displayId) {
    }

    private final Renderer renderer = new Renderer();
    private final Gson gson = new Gson();

    Rendering(Supplier<TraceDisplayOptions> traceOptions) {
        Image.registerAll(renderer);
        Url.registerAll(renderer);
        Text.registerAll(renderer);
        renderer.createRegistration(Trace.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN, MIMEType.IMAGE_PNG, MIMEType.parse("application/vnd.syssim.trace+json"))
                .register((trace, context) -> drawTrace(trace, traceOptions.get(), context.getOutputContainer()));
    }

    /** The trace's display bundle under the notebook's %trace options, at the level it was recorded. */
    private static void drawTrace(Trace trace, TraceDisplayOptions options, DisplayData out) {
        if (trace.isEmpty()) {
            out.putText(trace.text());
            return;
        }
        DisplayBundle bundle = TraceBundle.build(trace.snapshot(), options.withLevel(trace.level())).orElseThrow();
        bundle.data().forEach(out::putData);
        bundle.metadata().forEach(out::putMetaData);
    }

    Renderer renderer() {
        return renderer;
    }

    DisplayData render(Object value, String... types) {
        return types.length == 0 ? renderer.render(value) : renderer.renderAs(value, types);
    }

    /** The maps of a {@link DisplayData}, read as BaseKernel sends it: through Gson, which knows its fields. */
    Bundle bundle(DisplayData display) {
        JsonObject json = gson.toJsonTree(display).getAsJsonObject();
        Map<String, Object> data = map(json, "data");
        Map<String, Object> metadata = map(json, "metadata");
        Map<String, Object> transients = map(json, "transient");
        Object id = transients.get(DisplayData.DISPLAY_ID_KEY);
        return new Bundle(data, metadata, id instanceof JsonElement e && e.isJsonPrimitive() ? e.getAsString() : null);
    }

    private static Map<String, Object> map(JsonObject json, String key) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonElement value = json.get(key);
        if (value != null && value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                JsonElement v = e.getValue();
                out.put(e.getKey(), v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : v);
            }
        }
        return out;
    }
}
