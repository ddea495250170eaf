package dev.syssim.kernel.display;

import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.HtmlRenderer;
import dev.syssim.sim.trace.render.JsonRenderer;
import dev.syssim.sim.trace.render.PngRenderer;
import dev.syssim.sim.trace.render.SvgRenderer;
import dev.syssim.sim.trace.render.TextRenderer;
import dev.syssim.sim.trace.render.TraceView;
import dev.syssim.sim.trace.render.diagram.Diagram;
import dev.syssim.sim.trace.render.diagram.DiagramLayout;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the one {@code display_data} bundle of a traced cell: {@code text/plain},
 * {@code text/html} (the diagram as an SVG data-URI image plus the event table),
 * {@code image/png} (base64, with its CSS width and height in the metadata so it shows sharp at
 * 192 dpi) and {@code application/vnd.syssim.trace+json}, as the options choose. The diagram is laid
 * out once for both SVG and PNG.
 */
public final class TraceBundle {

    private TraceBundle() {
    }

    /**
     * The bundle for a cell's trace, or empty when tracing is off or the cell recorded nothing
     * (a {@code cd} should not grow an empty picture). A trace whose events the {@code --lanes}
     * selection hides entirely still shows, saying it has no events.
     */
    public static Optional<DisplayBundle> build(TraceSnapshot snapshot, TraceDisplayOptions options) {
        if (!options.tracing() || snapshot.isEmpty()) return Optional.empty();
        TraceView view = TraceView.of(options.filter().apply(snapshot));
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        data.put(TraceFormat.TEXT.mimeType(), new TextRenderer().render(view));
        Diagram diagram = options.includes(TraceFormat.HTML) || options.includes(TraceFormat.PNG)
                ? new DiagramLayout().layout(view) : null;
        if (options.includes(TraceFormat.HTML)) {
            data.put(TraceFormat.HTML.mimeType(), new HtmlRenderer().render(view, diagram, new SvgRenderer().render(diagram)));
        }
        if (options.includes(TraceFormat.PNG)) {
            PngRenderer.Image image = new PngRenderer().render(diagram);
            data.put(TraceFormat.PNG.mimeType(), Base64.getEncoder().encodeToString(image.png()));
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("width", image.width());
            size.put("height", image.height());
            metadata.put(TraceFormat.PNG.mimeType(), size);
        }
        if (options.includes(TraceFormat.JSON)) {
            data.put(TraceFormat.JSON.mimeType(), new JsonRenderer().render(view));
        }
        return Optional.of(new DisplayBundle(data, metadata));
    }
}
